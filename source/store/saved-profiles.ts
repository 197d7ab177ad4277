import path from 'node:path';
import {builtin} from '../platform/builtins.js';
import {isLanguageSetting, type LanguageSetting} from '../text/locale.js';
import type {SymbolStyle} from './types.js';

export type SavedProfileSummary = {
	readonly name: string;
	readonly endpoint: string;
	/** The kind, and where an environment or .env key is read; a saved key itself is never read here. */
	readonly keySource: {readonly kind: string; readonly variable?: string; readonly path?: string};
};

export type SavedSettings = {readonly language: LanguageSetting; readonly symbols: SymbolStyle};

/** config.json as it is on disk, parsed; anything unreadable reads as nothing. */
function readConfigJson(configDirectory: string): Record<string, unknown> {
	try {
		const data: unknown = JSON.parse(builtin('node:fs').readFileSync(path.join(configDirectory, 'config.json'), 'utf8'));
		return typeof data === 'object' && data !== null ? (data as Record<string, unknown>) : {};
	} catch {
		return {};
	}
}

function settingsOf(data: Record<string, unknown>): SavedSettings {
	const settings = data['settings'] as {language?: unknown; symbols?: unknown} | undefined;
	const language = typeof settings?.language === 'string' && isLanguageSetting(settings.language) ? settings.language : 'auto';
	return {language, symbols: settings?.symbols === 'plain' ? 'plain' : 'unicode'};
}

function whereKeyIs(keySource: SavedProfileSummary['keySource']): SavedProfileSummary['keySource'] {
	const {kind, variable, path: file} = keySource;
	return {
		kind,
		...(typeof variable === 'string' ? {variable} : {}),
		...(typeof file === 'string' ? {path: file} : {}),
	};
}

/**
 * The saved profiles and settings, read straight from config.json without conf, its schema or
 * its lock: enough to draw the wizard's first screen before the store itself is opened.
 * Anything odd reads as "no profiles" and the defaults; the real open that follows reports and
 * repairs it.
 */
export function readSavedProfiles(configDirectory: string): {
	readonly profiles: readonly SavedProfileSummary[];
	readonly defaultProfile: string | undefined;
	readonly settings: SavedSettings;
} {
	const data = readConfigJson(configDirectory);
	const profiles = (Array.isArray(data['profiles']) ? data['profiles'] : [])
		.filter(
			(profile): profile is SavedProfileSummary =>
				typeof profile?.name === 'string' && typeof profile?.endpoint === 'string' && typeof profile?.keySource?.kind === 'string',
		)
		.map(({name, endpoint, keySource}) => ({name, endpoint, keySource: whereKeyIs(keySource)}));
	const defaultProfile =
		typeof data['defaultProfile'] === 'string' && profiles.some(profile => profile.name === data['defaultProfile'])
			? data['defaultProfile']
			: undefined;
	return {profiles, defaultProfile, settings: settingsOf(data)};
}

/** The language and symbol settings alone, read the same way before anything is shown. */
export function readSavedSettings(configDirectory: string): SavedSettings {
	return settingsOf(readConfigJson(configDirectory));
}

/**
 * The saved language setting, read before anything else runs (the program's first line, a lone
 * --help): `auto` when there is none, or when the directory cannot be read, which the command
 * that uses the directory reports itself, in the language the locale gives.
 */
export function savedLanguage(configDirectory: () => string): LanguageSetting {
	try {
		return readSavedSettings(configDirectory()).language;
	} catch {
		return 'auto';
	}
}
