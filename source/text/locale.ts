/** The languages acs-tokens speaks. */
export const languages = ['en', 'zh-TW'] as const;
export type Language = (typeof languages)[number];
/** What `--lang` and `acs-tokens settings --lang` take: a language, or `auto` (the locale decides). */
export type LanguageSetting = Language | 'auto';
export const languageSettings: readonly LanguageSetting[] = [...languages, 'auto'];

export function isLanguageSetting(value: string): value is LanguageSetting {
	return (languageSettings as readonly string[]).includes(value);
}

/**
 * The language for a locale tag, POSIX (`zh_TW.UTF-8`, `en_US@euro`) or BCP 47 (`zh-Hant-HK`).
 * Traditional Chinese for a tag whose script is, or is most likely, Hant (zh_TW, zh_HK, zh_MO,
 * zh-Hant); English for everything else, Simplified Chinese included (zh_CN, zh_SG, zh-Hans,
 * a bare zh) until a Simplified catalogue exists, and for C, POSIX and anything unknown.
 */
export function languageOfLocale(tag: string): Language {
	const bcp47 = tag.split(/[.@]/)[0]?.replaceAll('_', '-') ?? '';
	const [language = '', ...subtags] = bcp47.toLowerCase().split('-');
	// Without ICU where the tag says it all (Intl.Locale costs some 10 ms on first use).
	if (language !== 'zh') {
		return 'en';
	}

	if (subtags.includes('hant')) {
		return 'zh-TW';
	}

	if (subtags.includes('hans') || subtags.length === 0) {
		return 'en';
	}

	if (subtags.length === 1 && ['tw', 'hk', 'mo'].includes(subtags[0] as string)) {
		return 'zh-TW';
	}

	let locale: Intl.Locale;
	try {
		// maximize() adds the likely script: zh-TW → zh-Hant-TW, zh-SG → zh-Hans-SG, zh → zh-Hans-CN.
		locale = new Intl.Locale(bcp47).maximize();
	} catch {
		return 'en';
	}

	return locale.language === 'zh' && locale.script === 'Hant' ? 'zh-TW' : 'en';
}

export type LanguageChoice = {
	readonly language: Language;
	/** Where it came from, for `acs-tokens settings`: `--lang`, the saved setting, a variable, the platform. */
	readonly from: 'flag' | 'setting' | 'LC_ALL' | 'LC_MESSAGES' | 'LANG' | 'platform';
};

/**
 * The language, chosen as terminals choose it: `--lang`, then the saved setting, then the first
 * of LC_ALL, LC_MESSAGES and LANG that is set (POSIX order), then the platform's locale (Intl:
 * Windows has no LANG). `auto` in the flag or the setting passes the choice on.
 */
export function chooseLanguage(options: {
	readonly flag?: LanguageSetting | undefined;
	readonly setting?: LanguageSetting | undefined;
	readonly env: NodeJS.ProcessEnv;
	readonly platformLocale?: () => string;
}): LanguageChoice {
	if (options.flag !== undefined && options.flag !== 'auto') {
		return {language: options.flag, from: 'flag'};
	}

	if (options.setting !== undefined && options.setting !== 'auto') {
		return {language: options.setting, from: 'setting'};
	}

	for (const variable of ['LC_ALL', 'LC_MESSAGES', 'LANG'] as const) {
		const value = options.env[variable];
		if (value) {
			return {language: languageOfLocale(value), from: variable};
		}
	}

	const platform = options.platformLocale ?? (() => Intl.DateTimeFormat().resolvedOptions().locale);
	return {language: languageOfLocale(platform()), from: 'platform'};
}
