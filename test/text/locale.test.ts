import {describe, expect, it} from 'vitest';
import {chooseLanguage, languageOfLocale} from '../../source/text/locale.js';

describe('the language of a locale', () => {
	it.each([
		['zh_TW.UTF-8', 'zh-TW'],
		['zh_TW', 'zh-TW'],
		['zh_HK.UTF-8', 'zh-TW'],
		['zh_MO', 'zh-TW'],
		['zh-Hant', 'zh-TW'],
		['zh-Hant-CN', 'zh-TW'],
		['zh_TW.Big5@stroke', 'zh-TW'],
		['zh_CN.UTF-8', 'en'],
		['zh_SG', 'en'],
		['zh-Hans', 'en'],
		['zh-Hans-TW', 'en'],
		['zh', 'en'],
		['C', 'en'],
		['C.UTF-8', 'en'],
		['POSIX', 'en'],
		['en_US.UTF-8', 'en'],
		['ja_JP.UTF-8', 'en'],
		['', 'en'],
		['not a locale!', 'en'],
	])('%s → %s', (tag, language) => {
		expect(languageOfLocale(tag)).toBe(language);
	});
});

describe('choosing the language', () => {
	const platform = () => 'zh-Hant-TW';

	it('takes --lang first, then the saved setting, then LC_ALL, LC_MESSAGES, LANG, then the platform', () => {
		const env = {LC_ALL: 'zh_TW.UTF-8', LC_MESSAGES: 'en_US.UTF-8', LANG: 'en_US.UTF-8'};
		expect(chooseLanguage({flag: 'en', setting: 'zh-TW', env, platformLocale: platform})).toEqual({language: 'en', from: 'flag'});
		expect(chooseLanguage({flag: 'auto', setting: 'en', env, platformLocale: platform})).toEqual({language: 'en', from: 'setting'});
		expect(chooseLanguage({setting: 'auto', env, platformLocale: platform})).toEqual({language: 'zh-TW', from: 'LC_ALL'});
		expect(chooseLanguage({env: {LC_MESSAGES: 'zh_HK', LANG: 'en_US'}, platformLocale: platform})).toEqual({language: 'zh-TW', from: 'LC_MESSAGES'});
		expect(chooseLanguage({env: {LANG: 'zh_CN.UTF-8'}, platformLocale: platform})).toEqual({language: 'en', from: 'LANG'});
		// An empty variable is not set (POSIX): the next one decides.
		expect(chooseLanguage({env: {LC_ALL: '', LANG: 'zh_TW.UTF-8'}, platformLocale: platform})).toEqual({language: 'zh-TW', from: 'LANG'});
		// Windows has no LANG: the platform's locale, through Intl.
		expect(chooseLanguage({env: {}, platformLocale: platform})).toEqual({language: 'zh-TW', from: 'platform'});
		expect(chooseLanguage({env: {}, platformLocale: () => 'en-US'})).toEqual({language: 'en', from: 'platform'});
	});
});
