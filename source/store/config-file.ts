import {mkdirSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import Conf from 'conf';
import {ConfigDirectoryError, CorruptStoreError, StoreVersionError} from './errors.js';
import type {Warn} from './file-lock.js';
import {formatVersion, isNewerVersion, isVersion, migrations, recordedVersion} from './migrations.js';
import {storeRootSchema, storeSchema} from './schema.js';
import {defaultSettings, type StoreData} from './types.js';

export const configName = 'config';

/** Creating one migrates the file, so it is only ever made while the lock is held. */
function createConf(directory: string): Conf<StoreData> {
	return new Conf<StoreData>({
		cwd: directory,
		configName,
		schema: storeSchema,
		rootSchema: storeRootSchema,
		// conf 16 checks a new, empty store against the schema before the migrations fill it in.
		defaults: {profiles: [], settings: defaultSettings},
		// Checking the schema itself against the draft 2020-12 meta-schema costs most of the
		// time it takes to open the store; the schema is fixed, so a test checks it once.
		ajvOptions: {validateSchema: false},
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

/** conf's own errors for a file it cannot take, as opposed to failures of the disk. */
function corruptionReason(error: unknown): string | undefined {
	if (!(error instanceof Error)) {
		return undefined;
	}

	if (error.name === 'SyntaxError') {
		return 'it is not valid JSON';
	}

	if (error.message.startsWith('Config schema violation:')) {
		return `it does not match the acs-tokens format (${error.message.slice('Config schema violation:'.length).trim()})`;
	}

	if (error.message.startsWith('Something went wrong during the migration!')) {
		return 'it could not be brought up to the current format';
	}

	return undefined;
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
			return {conf, data: conf.store};
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
