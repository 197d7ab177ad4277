import {createHash} from 'node:crypto';
import path from 'node:path';
import {
	type EntraAssignment,
	entraPrincipalTypes,
	maxAssignments,
	maxClientIds,
	type TeamsExtensionAssignment,
	teamsExtensionPrincipalTypes,
} from '../protocol/assignments.js';
import {StateFileError} from './state/state-errors.js';
import {readStateFile} from './state/state-records.js';
import {parseBoundedJson} from '../protocol/bounded-json.js';
import {DataDirectoryError} from './data-directory.js';
import type {AssignmentsProblem} from './state/state-problems.js';
import {writeFileAtomic} from './state/atomic-write.js';


/**
 * Who may exchange Entra ID tokens: a few entries that change rarely, so the whole set is
 * rewritten (atomically, with a checksum) on each change rather than journalled.
 */
export type AssignmentStore = {
	readonly entra: Map<string, EntraAssignment>;
	/** Keyed `tenantId/objectId`. */
	readonly teamsExtension: Map<string, TeamsExtensionAssignment>;
	readonly size: number;
	/** Applies the change, then makes it durable; a failed write undoes it. */
	update(change: (store: AssignmentStore) => void): Promise<void>;
};

type FileContent = {
	readonly version: 1;
	readonly entra: EntraAssignment[];
	readonly teamsExtension: TeamsExtensionAssignment[];
	readonly sha256: string;
};

const fileName = 'assignments.json';
const maxFileBytes = 8 * 1024 * 1024;

export function createMemoryAssignments(): AssignmentStore {
	return makeStore([], [], async () => {});
}

export async function openAssignmentFile(directory: string): Promise<AssignmentStore> {
	const filePath = path.join(directory, fileName);
	const {entra, teamsExtension} = await readAssignments(filePath);
	return makeStore(entra, teamsExtension, async store => {
		const body = {entra: [...store.entra.values()], teamsExtension: [...store.teamsExtension.values()]};
		await writeFileAtomic(filePath, JSON.stringify({version: 1, ...body, sha256: checksum(body)}));
	});
}

function makeStore(
	entra: readonly EntraAssignment[],
	teamsExtension: readonly TeamsExtensionAssignment[],
	persist: (store: AssignmentStore) => Promise<void>,
): AssignmentStore {
	let queue = Promise.resolve();
	const store: AssignmentStore = {
		entra: new Map(entra.map(assignment => [assignment.objectId, assignment])),
		teamsExtension: new Map(teamsExtension.map(assignment => [`${assignment.tenantId}/${assignment.objectId}`, assignment])),
		get size() {
			return store.entra.size + store.teamsExtension.size;
		},
		update(change) {
			const before = {entra: new Map(store.entra), teamsExtension: new Map(store.teamsExtension)};
			change(store);
			// Writes go one at a time, each with everything applied so far.
			const written = queue.then(() => persist(store));
			queue = written.catch(() => undefined);
			return written.catch((error: unknown) => {
				restore(store.entra, before.entra);
				restore(store.teamsExtension, before.teamsExtension);
				throw error;
			});
		},
	};
	return store;
}

function restore<V>(target: Map<string, V>, from: Map<string, V>): void {
	target.clear();
	for (const [key, value] of from) {
		target.set(key, value);
	}
}

function checksum(body: {entra: unknown; teamsExtension: unknown}): string {
	return createHash('sha256').update(JSON.stringify(body)).digest('hex');
}

async function readAssignments(filePath: string): Promise<{entra: EntraAssignment[]; teamsExtension: TeamsExtensionAssignment[]}> {
	let bytes: Buffer | undefined;
	try {
		// Its size is known before it is read, and only a regular file is opened for reading (a FIFO would never end).
		bytes = await readStateFile(filePath, 'assignments', maxFileBytes);
	} catch (error) {
		if (error instanceof StateFileError && error.problem.kind === 'too-large') {
			throw damaged(filePath, {kind: 'too-large'});
		}

		throw error;
	}

	if (bytes === undefined) {
		return {entra: [], teamsExtension: []};
	}

	const text = bytes.toString('utf8');

	let content: FileContent;
	try {
		content = parseBoundedJson(text, {maxDepth: 8}) as FileContent;
	} catch {
		throw damaged(filePath, {kind: 'not-json'});
	}

	if (
		typeof content !== 'object' ||
		content === null ||
		content.version !== 1 ||
		!Array.isArray(content.entra) ||
		!Array.isArray(content.teamsExtension) ||
		content.sha256 !== checksum({entra: content.entra, teamsExtension: content.teamsExtension}) ||
		content.entra.length > maxAssignments ||
		content.teamsExtension.length > maxAssignments ||
		!content.entra.every(entry => isAssignment(entry, entraPrincipalTypes, true)) ||
		!content.teamsExtension.every(entry => isAssignment(entry, teamsExtensionPrincipalTypes, false))
	) {
		throw damaged(filePath, {kind: 'bad-checksum-or-shape'});
	}

	return {entra: content.entra, teamsExtension: content.teamsExtension};
}

/** An assignment as the routes store it: every field of the type it should have, the client ids a short list of strings. */
function isAssignment(value: unknown, principalTypes: readonly string[], clientIdsRequired: boolean): boolean {
	const record = value as Record<string, unknown> | null;
	if (typeof record !== 'object' || record === null || Array.isArray(record)) {
		return false;
	}

	const {clientIds} = record;
	const clientIdsValid =
		clientIds === undefined
			? !clientIdsRequired
			: Array.isArray(clientIds) && clientIds.length <= maxClientIds && clientIds.every(id => typeof id === 'string');
	return (
		typeof record['objectId'] === 'string' &&
		typeof record['tenantId'] === 'string' &&
		principalTypes.includes(record['principalType'] as string) &&
		clientIdsValid &&
		Object.keys(record).every(key => ['objectId', 'tenantId', 'principalType', 'clientIds'].includes(key))
	);
}

function damaged(filePath: string, problem: AssignmentsProblem): DataDirectoryError {
	return new DataDirectoryError({kind: 'damaged-assignments', file: {role: 'assignments', path: filePath}, problem});
}
