import os from 'node:os';
import path from 'node:path';

/** The documented port; `--port` or `port: 0` change it. */
export const defaultPort = 10430;

/**
 * The well-known development access key, published like Azurite's development account key:
 * it protects nothing and must never be used for anything but the local emulator.
 */
export const developmentAccessKey =
	'TTEWrCrqQHQROYa8tqOlqz7bu92AGk7chl9w7eyweJqb3B87XqW1E3nnLwafKqNPto3Vp3zvn3N2/dAXULnTHw==';

/** An XDG base directory variable's value: as the specification says, empty or relative ones are ignored. */
function xdgDirectory(value: string | undefined): string | undefined {
	return value && path.isAbsolute(value) ? value : undefined;
}

/** `$ACS_TOKENS_CONFIG_DIR`, else the platform's config directory (XDG on Linux). */
export function configDirectory(environment: NodeJS.ProcessEnv = process.env): string {
	if (environment['ACS_TOKENS_CONFIG_DIR']) {
		return path.resolve(environment['ACS_TOKENS_CONFIG_DIR']);
	}

	const home = os.homedir();
	if (process.platform === 'win32') {
		return path.join(environment['APPDATA'] ?? path.join(home, 'AppData', 'Roaming'), 'acs-tokens');
	}

	if (process.platform === 'darwin') {
		return path.join(home, 'Library', 'Preferences', 'acs-tokens');
	}

	return path.join(xdgDirectory(environment['XDG_CONFIG_HOME']) ?? path.join(home, '.config'), 'acs-tokens');
}

/**
 * `$ACS_TOKENS_CACHE_DIR`, else the platform's cache directory (`$XDG_CACHE_HOME/acs-tokens`
 * or `~/.cache/acs-tokens` on Linux): what can be thrown away and made again, like the V8
 * code cache of the wizard's UI.
 */
export function cacheDirectory(environment: NodeJS.ProcessEnv = process.env): string {
	if (environment['ACS_TOKENS_CACHE_DIR']) {
		return path.resolve(environment['ACS_TOKENS_CACHE_DIR']);
	}

	const home = os.homedir();
	if (process.platform === 'win32') {
		return path.join(environment['LOCALAPPDATA'] ?? path.join(home, 'AppData', 'Local'), 'acs-tokens', 'Cache');
	}

	if (process.platform === 'darwin') {
		return path.join(home, 'Library', 'Caches', 'acs-tokens');
	}

	return path.join(xdgDirectory(environment['XDG_CACHE_HOME']) ?? path.join(home, '.cache'), 'acs-tokens');
}

export function defaultDataDirectory(environment: NodeJS.ProcessEnv = process.env): string {
	return path.join(configDirectory(environment), 'emulator');
}
