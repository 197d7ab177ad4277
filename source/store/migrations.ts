import type {Options} from 'conf';
import {defaultSettings, type StoreData} from './types.js';

/**
 * The data format's version, which conf records in the file and migrates from. It moves on
 * its own, not with the package version: bump it, and add an entry below, whenever the file
 * changes shape, or gains a value (such as a new key source kind) that the schema of the
 * previous version would reject. An older acs-tokens then refuses the file instead of
 * moving it aside as broken.
 */
export const formatVersion = '1.2.0';

type Migrations = NonNullable<Options<StoreData>['migrations']>;

let failed: {readonly version: string; readonly error: unknown} | undefined;

/**
 * The step that failed in the last migration run, if one did: conf reports a failed step in an
 * error of its own words, so loading the file asks this instead of reading them.
 */
export function migrationFailure(): {readonly version: string; readonly error: unknown} | undefined {
	return failed;
}

/** Forgets the last run's failure: called before conf is made to migrate a file. */
export function forgetMigrationFailure(): void {
	failed = undefined;
}

/** Each step, noting its own failure before conf wraps it. */
function noted(steps: Migrations): Migrations {
	return Object.fromEntries(
		Object.entries(steps).map(([version, step]) => [
			version,
			(store: Parameters<typeof step>[0]) => {
				try {
					step(store);
				} catch (error) {
					failed = {version, error};
					throw error;
				}
			},
		]),
	);
}

/** Each entry runs once, in order, on a file older than its version. */
export const migrations: Migrations = noted({
	// Version 1 starts from nothing, or from a file emptied by hand: add the top-level keys, keep whatever is there.
	'1.0.0'(store) {
		if (!store.has('profiles')) {
			store.set('profiles', []);
		}

		if (!store.has('settings')) {
			store.set('settings', defaultSettings);
		}
	},
	// 1.1: the settings gain the language and the symbol style.
	'1.1.0'(store) {
		const settings = store.get('settings') as Partial<StoreData['settings']> | undefined;
		store.set('settings', {...defaultSettings, ...settings});
	},
	// 1.2: profiles may sign in with Microsoft Entra ID (key source `entra`); nothing to change,
	// but a file that holds one cannot be read by 1.1, which refuses a key source it does not know.
	'1.2.0'() {},
});

/** `[major, minor, patch]`, or undefined for anything that is not `x.y.z`. */
function parseVersion(version: string): readonly [number, number, number] | undefined {
	const match = /^(\d+)\.(\d+)\.(\d+)$/.exec(version);
	return match ? [Number(match[1]), Number(match[2]), Number(match[3])] : undefined;
}

export function isVersion(version: string): boolean {
	return parseVersion(version) !== undefined;
}

export function isNewerVersion(version: string, than: string): boolean {
	const a = parseVersion(version);
	const b = parseVersion(than);
	if (!a || !b) {
		return false;
	}

	for (let index = 0; index < 3; index++) {
		if (a[index] !== b[index]) {
			return (a[index] ?? 0) > (b[index] ?? 0);
		}
	}

	return false;
}

/** The format version conf recorded in a parsed file, if any. */
export function recordedVersion(data: Readonly<Record<string, unknown>>): string | undefined {
	const internal = data['__internal__'];
	if (typeof internal !== 'object' || internal === null) {
		return undefined;
	}

	const migrationsRecord = (internal as Record<string, unknown>)['migrations'];
	if (typeof migrationsRecord !== 'object' || migrationsRecord === null) {
		return undefined;
	}

	const version = (migrationsRecord as Record<string, unknown>)['version'];
	return typeof version === 'string' ? version : undefined;
}
