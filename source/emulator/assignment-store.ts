import {createHash} from 'node:crypto';
import {readFile} from 'node:fs/promises';
import path from 'node:path';
import type {EntraAssignment, TeamsExtensionAssignment} from '../protocol/assignments.js';
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
	let text: string;
	try {
		text = await readFile(filePath, 'utf8');
	} catch (error) {
		if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
			return {entra: [], teamsExtension: []};
		}

		const {code} = error as NodeJS.ErrnoException;
		throw damaged(filePath, code === undefined ? {kind: 'unreadable'} : {kind: 'unreadable', code});
	}

	if (text.length > maxFileBytes) {
		throw damaged(filePath, {kind: 'too-large'});
	}

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
		!content.entra.every(isAssignment) ||
		!content.teamsExtension.every(isAssignment)
	) {
		throw damaged(filePath, {kind: 'bad-checksum-or-shape'});
	}

	return {entra: content.entra, teamsExtension: content.teamsExtension};
}

function isAssignment(value: unknown): boolean {
	const record = value as Record<string, unknown> | null;
	return (
		typeof record === 'object' &&
		record !== null &&
		typeof record['objectId'] === 'string' &&
		typeof record['tenantId'] === 'string' &&
		typeof record['principalType'] === 'string'
	);
}

function damaged(filePath: string, problem: AssignmentsProblem): DataDirectoryError {
	return new DataDirectoryError({kind: 'damaged-assignments', file: {role: 'assignments', path: filePath}, problem});
}
