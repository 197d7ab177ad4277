import os from 'node:os';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {cacheDirectory} from '../../source/platform/directories.js';
import {resolveConfigDirectory} from '../../source/store/config-directory.js';
import {ConfigDirectoryError} from '../../source/store/errors.js';

describe('resolveConfigDirectory', () => {
	const env = {ACS_TOKENS_CONFIG_DIR: '/srv/acs', XDG_CONFIG_HOME: '/home/ada/.xdg'};

	it('takes --config-dir first, resolved from the working directory', () => {
		expect(resolveConfigDirectory({flag: '/tmp/acs', env})).toBe('/tmp/acs');
		expect(resolveConfigDirectory({flag: 'relative/acs', env})).toBe(path.resolve('relative/acs'));
		expect(resolveConfigDirectory({flag: '~/acs', env})).toBe(path.join(os.homedir(), 'acs'));
	});

	it('then ACS_TOKENS_CONFIG_DIR', () => {
		expect(resolveConfigDirectory({env})).toBe('/srv/acs');
	});

	it.runIf(process.platform === 'linux')('then the XDG config directory, or ~/.config', () => {
		expect(resolveConfigDirectory({env: {XDG_CONFIG_HOME: '/home/ada/.xdg'}})).toBe('/home/ada/.xdg/acs-tokens');
		expect(resolveConfigDirectory({env: {}})).toBe(path.join(os.homedir(), '.config', 'acs-tokens'));
		// The XDG specification: empty or relative values are ignored, never taken from the working directory.
		expect(resolveConfigDirectory({env: {XDG_CONFIG_HOME: ''}})).toBe(path.join(os.homedir(), '.config', 'acs-tokens'));
		expect(resolveConfigDirectory({env: {XDG_CONFIG_HOME: 'relative'}})).toBe(path.join(os.homedir(), '.config', 'acs-tokens'));
	});

	it('refuses an empty --config-dir', () => {
		expect(() => resolveConfigDirectory({flag: ' ', env})).toThrow(ConfigDirectoryError);
		expect(() => resolveConfigDirectory({flag: '', env})).toThrow('--config-dir was given an empty path.');
	});
});

describe('cacheDirectory', () => {
	it('takes ACS_TOKENS_CACHE_DIR first', () => {
		expect(cacheDirectory({ACS_TOKENS_CACHE_DIR: '/srv/cache', XDG_CACHE_HOME: '/home/ada/.cache-xdg'})).toBe('/srv/cache');
	});

	it.runIf(process.platform === 'linux')('then an absolute XDG_CACHE_HOME, else ~/.cache', () => {
		expect(cacheDirectory({XDG_CACHE_HOME: '/home/ada/.cache-xdg'})).toBe('/home/ada/.cache-xdg/acs-tokens');
		for (const ignored of [undefined, '', 'relative/cache']) {
			expect(cacheDirectory(ignored === undefined ? {} : {XDG_CACHE_HOME: ignored})).toBe(path.join(os.homedir(), '.cache', 'acs-tokens'));
		}
	});
});
