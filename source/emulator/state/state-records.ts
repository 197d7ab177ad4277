import {createHash} from 'node:crypto';
import {builtin} from '../builtins.js';
import {open} from 'node:fs/promises';
import type {IdentityRecord, StateChange} from './identity-state.js';
import {StateFileError, stateFileError, unusableFile, unusableFileError} from './state-errors.js';
import type {SealProblem, SnapshotProblem, StateFileRole} from './state-problems.js';

const {constants} = builtin('node:fs');

/**
 * What the state files hold, and the checks that they hold nothing else. Each journal line and
 * the snapshot end with `,"crc":"<first 16 hex digits of SHA-256>"}`, computed over the exact
 * bytes of the same JSON without that field: a changed, missing or added byte anywhere shows.
 */

export type JournalRecord = StateChange & {readonly seq: number};
export type Snapshot = {readonly seq: number; readonly identities: IdentityRecord[]};

export const snapshotName = 'identities.snapshot.json';
export const journalName = 'identities.journal';
/** Far above any record the emulator writes (ids and customIds are at most 256 characters). */
export const maxLineBytes = 64 * 1024;

const snapshotVersion = 2;
const maxTextLength = 256;
const crcDigits = 16;
const sealPattern = new RegExp(`^,"crc":"([0-9a-f]{${crcDigits}})"}$`);
const sealLength = ',"crc":""}'.length + crcDigits;

function digest(data: string | Uint8Array): string {
	return createHash('sha256').update(data).digest('hex').slice(0, crcDigits);
}

/** `json` is a non-empty object, as JSON.stringify writes it. */
export function seal(json: string): string {
	return `${json.slice(0, -1)},"crc":"${digest(json)}"}`;
}

/** The value a sealed text was made from, or why there is none. */
export function unseal(bytes: Uint8Array): {value: unknown} | {problem: SealProblem} {
	const tail = Buffer.from(bytes.subarray(bytes.length - sealLength)).toString('latin1');
	const crc = bytes.length > sealLength + 1 ? sealPattern.exec(tail)?.[1] : undefined;
	if (crc === undefined) {
		return {problem: {kind: 'no-checksum'}};
	}

	const body = Buffer.concat([bytes.subarray(0, bytes.length - sealLength), Buffer.from('}')]);
	if (digest(body) !== crc) {
		return {problem: {kind: 'checksum-mismatch'}};
	}

	try {
		return {value: JSON.parse(new TextDecoder('utf-8', {fatal: true}).decode(body))};
	} catch {
		// Only a writer with the wrong idea of the format gets here: the checksum matched.
		return {problem: {kind: 'not-json'}};
	}
}

export function encodeJournalRecord(record: JournalRecord): string {
	return `${seal(JSON.stringify(record))}\n`;
}

export function encodeSnapshot(snapshot: Snapshot): string {
	return `${seal(JSON.stringify({version: snapshotVersion, seq: snapshot.seq, identities: snapshot.identities}))}\n`;
}

const isObject = (value: unknown): value is Record<string, unknown> =>
	typeof value === 'object' && value !== null && !Array.isArray(value);
const isText = (value: unknown): value is string =>
	typeof value === 'string' && value.length > 0 && value.length <= maxTextLength;
/**
 * A time as the emulator writes one (milliseconds since 1970, or a token's seconds), or a count:
 * a whole number that a Date still holds read as seconds, with a day's token lifetime added
 * (a Date ends at 8.64e15 ms). A larger one loaded would fail the first date written from it.
 */
const isTime = (value: unknown): value is number => Number.isSafeInteger(value) && (value as number) >= 0 && (value as number) <= lastTime;
const lastTime = 8_639_999_000_000;

/** Every required key there, and no key outside required and optional. */
function hasKeys(value: Record<string, unknown>, required: readonly string[], optional: readonly string[] = []): boolean {
	return (
		required.every(key => Object.hasOwn(value, key)) &&
		Object.keys(value).every(key => required.includes(key) || optional.includes(key))
	);
}

export function parseJournalRecord(value: unknown): JournalRecord | undefined {
	if (!isObject(value) || !isText(value['id']) || !isTime(value['at']) || !isTime(value['seq']) || value['seq'] < 1) {
		return undefined;
	}

	const common = ['op', 'id', 'at', 'seq'];
	switch (value['op']) {
		case 'create': {
			const {customId} = value;
			return hasKeys(value, common, ['customId']) && (customId === undefined || isText(customId))
				? (value as JournalRecord)
				: undefined;
		}

		case 'issue': {
			return hasKeys(value, [...common, 'iat']) && isTime(value['iat']) ? (value as JournalRecord) : undefined;
		}

		case 'revoke': {
			return hasKeys(value, [...common, 'throughIat']) && isTime(value['throughIat']) ? (value as JournalRecord) : undefined;
		}

		case 'delete': {
			return hasKeys(value, common) ? (value as JournalRecord) : undefined;
		}

		default: {
			return undefined;
		}
	}
}

const optionalTimes = ['lastTokenIssuedAt', 'lastIat', 'revokedAt', 'revokedThroughIat', 'deletedAt'] as const;

function parseIdentityRecord(value: unknown): IdentityRecord | undefined {
	return isObject(value) &&
		hasKeys(value, ['id', 'createdAt'], ['customId', ...optionalTimes]) &&
		isText(value['id']) &&
		isTime(value['createdAt']) &&
		(value['customId'] === undefined || isText(value['customId'])) &&
		optionalTimes.every(key => value[key] === undefined || isTime(value[key]))
		? (value as IdentityRecord)
		: undefined;
}

/** The snapshot's content, or what is wrong with it. */
export function parseSnapshot(bytes: Uint8Array): Snapshot | {readonly problem: SnapshotProblem} {
	const ended = bytes.at(-1) === 0x0a;
	const unsealed = unseal(ended ? bytes.subarray(0, -1) : bytes);
	if ('problem' in unsealed) {
		return unsealed;
	}

	if (!ended) {
		return {problem: {kind: 'no-line-break'}};
	}

	const {value} = unsealed;
	if (!isObject(value) || !hasKeys(value, ['version', 'seq', 'identities']) || value['version'] !== snapshotVersion) {
		return {problem: {kind: 'not-a-snapshot'}};
	}

	const {seq, identities} = value;
	if (!isTime(seq) || !Array.isArray(identities)) {
		return {problem: {kind: 'bad-seq-or-identities'}};
	}

	const ids = new Set<string>();
	const customIds = new Set<string>();
	for (const [index, item] of identities.entries()) {
		const record = parseIdentityRecord(item);
		if (!record) {
			return {problem: {kind: 'bad-identity', index}};
		}

		if (ids.has(record.id)) {
			return {problem: {kind: 'duplicate-id', id: record.id}};
		}

		ids.add(record.id);
		if (record.customId !== undefined && record.deletedAt === undefined) {
			if (customIds.has(record.customId)) {
				return {problem: {kind: 'duplicate-custom-id', customId: record.customId}};
			}

			customIds.add(record.customId);
		}
	}

	return {seq, identities: identities as IdentityRecord[]};
}

/**
 * A regular file's bytes, at most `maxBytes` of them, or undefined if there is no file.
 * Anything else there (a directory, a file too large to be ours, one we may not read) is refused by name.
 */
export async function readStateFile(file: string, role: StateFileRole, maxBytes: number): Promise<Buffer | undefined> {
	let handle: Awaited<ReturnType<typeof open>>;
	try {
		// Non-blocking: a FIFO put in a state file's place is refused below, instead of its open waiting for a writer forever.
		handle = await open(file, constants.O_RDONLY | constants.O_NONBLOCK);
	} catch (error) {
		if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
			return undefined;
		}

		throw unusableFileError(file, role, error);
	}

	try {
		const stats = await handle.stat();
		if (!stats.isFile()) {
			throw unusableFile(file, role, {reason: stats.isDirectory() ? 'is-directory' : 'not-regular-file'});
		}

		if (stats.size > maxBytes) {
			throw stateFileError({kind: 'too-large', file: {role, path: file}, bytes: stats.size, maxBytes, limit: 'ever'});
		}

		return await handle.readFile();
	} catch (error) {
		throw error instanceof StateFileError ? error : unusableFileError(file, role, error);
	} finally {
		await handle.close();
	}
}
