import {readFileSync} from 'node:fs';
import path from 'node:path';
import {isLanguageSetting, type LanguageSetting} from '../text/locale.js';
import type {SymbolStyle} from './types.js';

export type SavedProfileSummary = {
	readonly name: string;
	readonly endpoint: string;
	readonly keySource: {readonly kind: string};
};

/**
 * The saved profiles, read straight from config.json without conf, its schema or its lock:
 * enough to draw the wizard's first screen before the store itself is opened. Anything odd
 * reads as "no profiles"; the real open that follows reports and repairs it.
 */
export function readSavedProfiles(configDirectory: string): {
	readonly profiles: readonly SavedProfileSummary[];
	readonly defaultProfile: string | undefined;
} {
	try {
		const data = JSON.parse(readFileSync(path.join(configDirectory, 'config.json'), 'utf8')) as {
			profiles?: unknown;
			defaultProfile?: unknown;
		};
		const profiles = (Array.isArray(data.profiles) ? data.profiles : []).filter(
			(profile): profile is SavedProfileSummary =>
				typeof profile?.name === 'string' &&
				typeof profile?.endpoint === 'string' &&
				typeof profile?.keySource?.kind === 'string',
		);
		const defaultProfile =
			typeof data.defaultProfile === 'string' && profiles.some(profile => profile.name === data.defaultProfile)
				? data.defaultProfile
				: undefined;
		return {profiles, defaultProfile};
	} catch {
		return {profiles: [], defaultProfile: undefined};
	}
}

/**
 * The language and symbol settings, read the same way before anything is shown (the language
 * decides the first line printed). Anything odd reads as the defaults.
 */
export function readSavedSettings(configDirectory: string): {readonly language: LanguageSetting; readonly symbols: SymbolStyle} {
	try {
		const {settings} = JSON.parse(readFileSync(path.join(configDirectory, 'config.json'), 'utf8')) as {
			settings?: {language?: unknown; symbols?: unknown};
		};
		const language = typeof settings?.language === 'string' && isLanguageSetting(settings.language) ? settings.language : 'auto';
		return {language, symbols: settings?.symbols === 'plain' ? 'plain' : 'unicode'};
	} catch {
		return {language: 'auto', symbols: 'unicode'};
	}
}
