import os from 'node:os';
import path from 'node:path';

/** Where acs-tokens keeps things on each platform: the one place that knows. */
type PlatformDirectory = {
	/** The variable that overrides it, e.g. ACS_TOKENS_CONFIG_DIR. */
	readonly override: string;
	readonly windows: (environment: NodeJS.ProcessEnv, home: string) => string;
	readonly macos: (home: string) => string;
	/** The XDG base directory variable and its default under home, on Linux and the rest. */
	readonly xdg: readonly [variable: string, fallback: string];
};

/** The override, else the platform's place; an empty or relative XDG value is ignored, as its specification says. */
function platformDirectory(environment: NodeJS.ProcessEnv, where: PlatformDirectory): string {
	const override = environment[where.override];
	if (override) {
		return path.resolve(override);
	}

	const home = os.homedir();
	if (process.platform === 'win32') {
		return where.windows(environment, home);
	}

	if (process.platform === 'darwin') {
		return where.macos(home);
	}

	const [variable, fallback] = where.xdg;
	const xdg = environment[variable];
	return path.join(xdg && path.isAbsolute(xdg) ? xdg : path.join(home, fallback), 'acs-tokens');
}

/** `$ACS_TOKENS_CONFIG_DIR`, else the platform's config directory (XDG on Linux). */
export function configDirectory(environment: NodeJS.ProcessEnv = process.env): string {
	return platformDirectory(environment, {
		override: 'ACS_TOKENS_CONFIG_DIR',
		windows: (env, home) => path.join(env['APPDATA'] ?? path.join(home, 'AppData', 'Roaming'), 'acs-tokens'),
		macos: home => path.join(home, 'Library', 'Preferences', 'acs-tokens'),
		xdg: ['XDG_CONFIG_HOME', '.config'],
	});
}

/**
 * `$ACS_TOKENS_CACHE_DIR`, else the platform's cache directory (`$XDG_CACHE_HOME/acs-tokens`
 * or `~/.cache/acs-tokens` on Linux): what can be thrown away and made again, like the V8
 * compile cache of the program (see source/launcher.ts).
 */
export function cacheDirectory(environment: NodeJS.ProcessEnv = process.env): string {
	return platformDirectory(environment, {
		override: 'ACS_TOKENS_CACHE_DIR',
		windows: (env, home) => path.join(env['LOCALAPPDATA'] ?? path.join(home, 'AppData', 'Local'), 'acs-tokens', 'Cache'),
		macos: home => path.join(home, 'Library', 'Caches', 'acs-tokens'),
		xdg: ['XDG_CACHE_HOME', '.cache'],
	});
}

export function defaultDataDirectory(environment: NodeJS.ProcessEnv = process.env): string {
	return path.join(configDirectory(environment), 'emulator');
}
