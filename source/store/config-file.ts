import {builtin} from '../platform/builtins.js';
import {makeDirectories} from '../platform/make-directories.js';
import path from 'node:path';
import Conf from 'conf';
import {asStoreFileError, ConfigDirectoryError, CorruptStoreError, StoreVersionError} from './errors.js';
import type {Warn} from './file-lock.js';
import {forgetMigrationFailure, formatVersion, isNewerVersion, isVersion, migrationFailure, migrations, recordedVersion} from './migrations.js';
import {storeViolations} from './store-validator.js';
import {defaultSettings, type StoreData} from './types.js';
import {text} from '../text/index.js';

const {readFileSync, rmSync, writeFileSync} = builtin('node:fs');

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
function diagnose(filePath: string, content: string): string | undefined {
	let data: unknown;
	try {
		data = JSON.parse(content);
	} catch {
		// JSON.parse quotes the text around the error, and that text may hold a saved key.
		return text.store.reasons.notJson;
	}

	if (typeof data !== 'object' || data === null || Array.isArray(data)) {
		return text.store.reasons.notAnObject;
	}

	const version = recordedVersion(data as Record<string, unknown>);
	if (version !== undefined && !isVersion(version)) {
		return text.store.reasons.badVersion(JSON.stringify(version));
	}

	if (version !== undefined && isNewerVersion(version, formatVersion)) {
		throw new StoreVersionError(filePath, version, formatVersion);
	}

	return undefined;
}

/** Why the store conf read (migrated) is not one acs-tokens can use; undefined if it is. */
function violation(data: unknown): string | undefined {
	const found = storeViolations(data);
	return found === undefined ? undefined : text.store.reasons.notTheFormat(found);
}

/** conf's failures for a file it cannot take, as opposed to failures of the disk. */
function corruptionReason(error: unknown): string | undefined {
	if (migrationFailure() !== undefined) {
		return text.store.reasons.couldNotMigrate;
	}

	// diagnose() parsed it first: this is a file that changed under the lock, or a bug.
	return error instanceof SyntaxError ? text.store.reasons.notJson : undefined;
}

/** Keeps the broken file, byte for byte, beside the new one and says where. */
function moveAside(filePath: string, content: string, reason: string, warn: Warn): void {
	const stamp = new Date().toISOString().replaceAll(':', '-');
	for (let attempt = 0; ; attempt++) {
		const asidePath = `${filePath}.corrupt-${stamp}${attempt === 0 ? '' : `-${attempt}`}`;
		try {
			writeFileSync(asidePath, content, {mode: 0o600, flag: 'wx'});
		} catch (error) {
			if ((error as NodeJS.ErrnoException).code === 'EEXIST') {
				continue;
			}

			throw error;
		}

		rmSync(filePath, {force: true});
		warn(text.store.movedAside(filePath, reason, asidePath));
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
		// A system error (EACCES, EISDIR, …) is the file's access, not its content.
		const fileError = asStoreFileError(conf.path, error);
		throw fileError === error ? new CorruptStoreError(conf.path, corruptionReason(error) ?? (error as Error).message) : fileError;
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
		makeDirectories(directory, 0o700);
	} catch (error) {
		throw new ConfigDirectoryError(
			text.store.configDirectoryUnusable(directory, (error as NodeJS.ErrnoException).code ?? (error as Error).message),
			{cause: error},
		);
	}
}
