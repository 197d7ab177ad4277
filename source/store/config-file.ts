import {mkdirSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import Conf from 'conf';
import {ConfigDirectoryError, CorruptStoreError, StoreVersionError} from './errors.js';
import type {Warn} from './file-lock.js';
import {forgetMigrationFailure, formatVersion, isNewerVersion, isVersion, migrationFailure, migrations, recordedVersion} from './migrations.js';
import {storeViolations} from './store-validator.js';
import {defaultSettings, type StoreData} from './types.js';

export const configName = 'config';

/** Creating one migrates the file, so it is only ever made while the lock is held. */
function createConf(directory: string): Conf<StoreData> {
	forgetMigrationFailure();
	return new Conf<StoreData>({
		cwd: directory,
		configName,
		// No schema for conf: store-validator.ts checks every read and write, so that a file the
		// format refuses is known by our own answer, not by the text of conf's error.
		defaults: {profiles: [], settings: defaultSettings},
		projectVersion: formatVersion,
		migrations,
		configFileMode: 0o600,
		// Never: a broken file is moved aside (below), not emptied.
		clearInvalidConfig: false,
		watch: false,
	});
}

function readText(filePath: string): string | undefined {
	try {
		return readFileSync(filePath, 'utf8');
	} catch (error) {
		if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
			return undefined;
		}

		throw error;
	}
}

/** Why the text cannot be a config file, before conf sees it; undefined if it might be. */
function diagnose(filePath: string, text: string): string | undefined {
	let data: unknown;
	try {
		data = JSON.parse(text);
	} catch {
		// JSON.parse quotes the text around the error, and that text may hold a saved key.
		return 'it is not valid JSON';
	}

	if (typeof data !== 'object' || data === null || Array.isArray(data)) {
		return 'it is not a JSON object';
	}

	const version = recordedVersion(data as Record<string, unknown>);
	if (version !== undefined && !isVersion(version)) {
		return `its format version ${JSON.stringify(version)} is not x.y.z`;
	}

	if (version !== undefined && isNewerVersion(version, formatVersion)) {
		throw new StoreVersionError(filePath, version, formatVersion);
	}

	return undefined;
}

/** Why the store conf read (migrated) is not one acs-tokens can use; undefined if it is. */
function violation(data: unknown): string | undefined {
	const found = storeViolations(data);
	return found === undefined ? undefined : `it does not match the acs-tokens format (${found})`;
}

/** conf's failures for a file it cannot take, as opposed to failures of the disk. */
function corruptionReason(error: unknown): string | undefined {
	if (migrationFailure() !== undefined) {
		return 'it could not be brought up to the current format';
	}

	// diagnose() parsed it first: this is a file that changed under the lock, or a bug.
	return error instanceof SyntaxError ? 'it is not valid JSON' : undefined;
}

/** Keeps the broken file, byte for byte, beside the new one and says where. */
function moveAside(filePath: string, text: string, reason: string, warn: Warn): void {
	const stamp = new Date().toISOString().replaceAll(':', '-');
	for (let attempt = 0; ; attempt++) {
		const asidePath = `${filePath}.corrupt-${stamp}${attempt === 0 ? '' : `-${attempt}`}`;
		try {
			writeFileSync(asidePath, text, {mode: 0o600, flag: 'wx'});
		} catch (error) {
			if ((error as NodeJS.ErrnoException).code === 'EEXIST') {
				continue;
			}

			throw error;
		}

		rmSync(filePath, {force: true});
		warn(
			`${filePath} could not be read (${reason}). It was moved to ${asidePath} and a new, empty config was started; copy back from it what you need.`,
		);
		return;
	}
}

export type Loaded = {readonly conf: Conf<StoreData>; readonly data: StoreData};

/**
 * The current content, migrated, with a broken file moved aside first. Only call it with
 * the lock held; `current` is reused while the file still has this version's format.
 */
export function loadConfig(directory: string, current: Conf<StoreData> | undefined, warn: Warn): Loaded {
	const filePath = path.join(directory, `${configName}.json`);
	const text = readText(filePath);
	let reason = text === undefined ? undefined : diagnose(filePath, text);
	if (reason === undefined) {
		try {
			const upToDate =
				current !== undefined &&
				text !== undefined &&
				recordedVersion(JSON.parse(text) as Record<string, unknown>) === formatVersion;
			const conf = upToDate ? current : createConf(directory);
			const data = conf.store;
			reason = violation(data);
			if (reason === undefined) {
				return {conf, data};
			}
		} catch (error) {
			reason = corruptionReason(error);
			if (reason === undefined || text === undefined) {
				throw error;
			}
		}
	}

	moveAside(filePath, text as string, reason, warn);
	const conf = createConf(directory);
	return {conf, data: conf.store};
}

/** What a read sees: the file as it is now, with a missing one read as empty. */
export function readSnapshot(conf: Conf<StoreData>): StoreData {
	let data: Partial<StoreData>;
	try {
		data = conf.store;
	} catch (error) {
		throw new CorruptStoreError(conf.path, corruptionReason(error) ?? (error as Error).message);
	}

	const reason = violation(data);
	if (reason !== undefined) {
		throw new CorruptStoreError(conf.path, reason);
	}

	return {...data, profiles: data.profiles ?? [], settings: data.settings ?? defaultSettings};
}

export function ensureDirectory(directory: string): void {
	try {
		// The file may hold an access key or tokens: keep a directory we create private.
		mkdirSync(directory, {recursive: true, mode: 0o700});
	} catch (error) {
		throw new ConfigDirectoryError(
			`Cannot use ${directory} as the config directory (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}). Choose a writable directory with --config-dir or ACS_TOKENS_CONFIG_DIR.`,
			{cause: error},
		);
	}
}
