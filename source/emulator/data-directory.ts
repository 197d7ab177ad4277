import {randomUUID} from 'node:crypto';
import {link, lstat, mkdir, open, readdir, rename, rm, writeFile} from 'node:fs/promises';
import path from 'node:path';
import {threadId} from 'node:worker_threads';
import {guidSource} from '../protocol/identifiers.js';
import {writeFileAtomic} from './state/atomic-write.js';
import {DataDirectoryError, type LockOwner, stateFileError, unusableFile, unusableFileError} from './state/state-errors.js';
import type {StateFileRole} from './state/state-problems.js';
import {journalName, readStateFile, snapshotName} from './state/state-records.js';
import {generateSigningKey, type SigningKey, signingKeyFromPem} from './signing-key.js';

export {DataDirectoryError, type LockOwner, StateFileError, type StateProblem} from './state/state-errors.js';

type Meta = {readonly version: 1; readonly resourceId: string; readonly createdAt: string};

/** emulator.json and signing-key.pem are a few hundred bytes to a few kilobytes. */
const maxSmallFileBytes = 64 * 1024;

/**
 * Reads a file, or makes it once with `create` and keeps it; but not where identities exist
 * already: what they depend on would be replaced by something they do not fit.
 */
async function readOrCreate(
	directory: string,
	name: string,
	role: StateFileRole,
	create: () => string,
): Promise<{path: string; text: string}> {
	const filePath = path.join(directory, name);
	const bytes = await readStateFile(filePath, role, maxSmallFileBytes);
	if (bytes) {
		return {path: filePath, text: bytes.toString('utf8')};
	}

	const holder = await identityFile(directory);
	if (holder) {
		throw stateFileError({kind: 'missing-with-identities', file: {role, path: filePath}, holder});
	}

	const text = create();
	await writeFileAtomic(filePath, text).catch((error: unknown) => {
		throw unusableFileError(filePath, role, error);
	});
	return {path: filePath, text};
}

/** A state file that holds identities, or may: the path of the first found. */
async function identityFile(directory: string): Promise<string | undefined> {
	for (const name of [snapshotName, journalName]) {
		const file = path.join(directory, name);
		try {
			const stats = await lstat(file);
			if (name === snapshotName || stats.size > 0 || !stats.isFile()) {
				return file;
			}
		} catch (error) {
			if ((error as NodeJS.ErrnoException).code !== 'ENOENT') {
				return file;
			}
		}
	}

	return undefined;
}

/** The resource GUID, fixed for the life of the data directory. */
export async function loadResourceId(directory: string): Promise<string> {
	const meta = await readOrCreate(directory, 'emulator.json', 'resource', () => {
		const created: Meta = {version: 1, resourceId: randomUUID(), createdAt: new Date().toISOString()};
		return `${JSON.stringify(created, undefined, '\t')}\n`;
	});
	let value: unknown;
	try {
		value = JSON.parse(meta.text);
	} catch {
		throw stateFileError({kind: 'not-json', file: {role: 'resource', path: meta.path}});
	}

	const resourceId = typeof value === 'object' && value !== null ? (value as Partial<Meta>).resourceId : undefined;
	if (typeof resourceId !== 'string' || !new RegExp(`^${guidSource}$`).test(resourceId)) {
		throw stateFileError({kind: 'no-resource-id', file: {role: 'resource', path: meta.path}});
	}

	return resourceId;
}

export async function loadSigningKey(directory: string): Promise<SigningKey> {
	const key = await readOrCreate(directory, 'signing-key.pem', 'signing-key', () => generateSigningKey().pem);
	try {
		return signingKeyFromPem(key.text);
	} catch {
		throw stateFileError({kind: 'invalid-key', file: {role: 'signing-key', path: key.path}});
	}
}

export async function ensureDirectory(directory: string): Promise<void> {
	try {
		await mkdir(directory, {recursive: true, mode: 0o700});
	} catch (error) {
		throw new DataDirectoryError({
			kind: 'cannot-make-directory',
			directory,
			detail: (error as NodeJS.ErrnoException).code ?? (error as Error).message,
		});
	}
}

/** Data directories locked by this process: a lock naming our own pid is stale only if not among them. */
const heldDirectories = new Set<string>();


export type DirectoryLock = {
	release(): Promise<void>;
	advertise(owner: Omit<LockOwner, 'pid'>): Promise<void>;
};

const lockName = 'emulator.lock';

/** The live owner of the data directory's lock, if any. */
export async function readLockOwner(directory: string): Promise<LockOwner | undefined> {
	const owner = await readOwnerFile(path.join(directory, lockName));
	return owner && isRunning(owner.pid) && (await isServing(owner)) ? owner : undefined;
}

/**
 * An owner that advertised a URL serves on it for as long as it holds the lock. Nothing
 * listening there (ECONNREFUSED) means the process died and its pid was reused by another:
 * the lock is stale. Anything else (it answers, or is slow to) counts as alive.
 */
async function isServing(owner: LockOwner): Promise<boolean> {
	if (owner.url === undefined || isThisThread(owner)) {
		return true;
	}

	let url: URL;
	try {
		url = new URL(owner.url);
	} catch {
		return true;
	}

	const {connect} = await import('node:net');
	return new Promise(resolve => {
		const socket = connect({host: url.hostname.replace(/^\[|\]$/g, ''), port: Number(url.port)});
		const done = (serving: boolean) => {
			socket.destroy();
			resolve(serving);
		};
		socket.setTimeout(1000, () => done(true));
		socket.once('connect', () => done(true));
		socket.once('error', (error: NodeJS.ErrnoException) => done(error.code !== 'ECONNREFUSED'));
	});
}

/** The owner a lock file names, running or not; undefined for anything that names no process. */
async function readOwnerFile(file: string): Promise<LockOwner | undefined> {
	const text = await readStateFile(file, 'lock', 4096).then(
		bytes => bytes?.toString('utf8') ?? '',
		() => '',
	);
	let parsed: unknown;
	try {
		parsed = JSON.parse(text);
	} catch {
		parsed = Number.parseInt(text, 10);
	}

	const owner: Record<string, unknown> =
		typeof parsed === 'number' ? {pid: parsed} : typeof parsed === 'object' && parsed !== null ? (parsed as Record<string, unknown>) : {};
	const {pid, url, certificatePath, customAccessKey, threadId: ownerThread} = owner;
	if (typeof pid !== 'number' || !Number.isSafeInteger(pid) || pid <= 0) {
		return undefined;
	}

	return {
		pid,
		...(typeof url === 'string' ? {url} : {}),
		...(typeof certificatePath === 'string' ? {certificatePath} : {}),
		...(customAccessKey === true ? {customAccessKey} : {}),
		...(Number.isSafeInteger(ownerThread) && (ownerThread as number) >= 0 ? {threadId: ownerThread as number} : {}),
	};
}

function isThisThread(owner: LockOwner): boolean {
	return owner.pid === process.pid && (owner.threadId ?? 0) === threadId;
}

/**
 * Removes the lock of a thread of this process that has ended (the wizard's emulator thread):
 * a dead thread's lock would otherwise stand, its URL answering nothing, until the process ends.
 */
export async function clearLockOfThread(directory: string, endedThread: number): Promise<void> {
	const lockPath = path.join(directory, lockName);
	const owner = await readOwnerFile(lockPath);
	if (owner?.pid === process.pid && (owner.threadId ?? 0) === endedThread) {
		await rm(lockPath, {force: true});
	}
}

/**
 * One emulator per data directory: two would interleave their journals. A lock left by a
 * killed process (its pid no longer runs), or one that names no process, is taken over.
 */
export async function lockDirectory(directory: string): Promise<DirectoryLock> {
	const lockPath = path.join(directory, lockName);
	const key = path.resolve(directory);
	// Claimed before the first await, so that two starts in this process cannot both pass.
	if (heldDirectories.has(key)) {
		throw inUse(directory, {pid: process.pid});
	}

	heldDirectories.add(key);
	try {
		const lock = await takeLock(directory, lockPath, key);
		await removeLeftovers(directory);
		return lock;
	} catch (error) {
		heldDirectories.delete(key);
		throw error instanceof DataDirectoryError ? error : unusableFileError(lockPath, 'lock', error);
	}
}

async function takeLock(directory: string, lockPath: string, key: string): Promise<DirectoryLock> {
	for (let attempt = 0; attempt < 3; attempt++) {
		try {
			await createWithContent(lockPath, JSON.stringify({pid: process.pid, threadId}));
			return {
				async release() {
					heldDirectories.delete(key);
					// Only our own: a lock taken over meanwhile (ours judged stale) is the new owner's.
					const owner = await readOwnerFile(lockPath);
					if (owner === undefined || isThisThread(owner)) {
						await rm(lockPath, {force: true});
					}
				},
				async advertise(owner) {
					await writeFileAtomic(lockPath, JSON.stringify({pid: process.pid, threadId, ...owner}));
				},
			};
		} catch (error) {
			if ((error as NodeJS.ErrnoException).code !== 'EEXIST') {
				throw error;
			}
		}

		// A lock naming this thread is stale: it holds no lock on the directory. Another thread of
		// this process (the wizard's emulator thread) may hold one; its supervisor clears it.
		const owner = await readLockOwner(directory);
		if (owner && !isThisThread(owner)) {
			throw inUse(directory, owner);
		}

		if (!(await lstat(lockPath).then(stats => stats.isFile(), () => true))) {
			throw unusableFile(lockPath, 'lock', {reason: 'not-a-file'});
		}

		// Take the stale lock away by renaming it: of two processes doing this at once, one
		// rename fails. If what we moved turns out to be a live owner's fresh lock, put it back.
		const moved = `${lockPath}.stale-${process.pid}-${Date.now()}`;
		try {
			await rename(lockPath, moved);
		} catch {
			continue;
		}

		const movedOwner = await readOwnerFile(moved);
		if (movedOwner && !isThisThread(movedOwner) && isRunning(movedOwner.pid) && (await isServing(movedOwner))) {
			await rename(moved, lockPath).catch(() => undefined);
			throw inUse(directory, movedOwner);
		}

		await rm(moved, {force: true});
	}

	throw new DataDirectoryError({kind: 'lock-contended', directory});
}

const uuid = guidSource;
/** writeFileAtomic's temporaries (`<file>.<uuid>.tmp`): only the lock's holder writes in the directory. */
const holderTemporary = new RegExp(`^[^.].*\\.${uuid}\\.tmp$`);
/** Made by processes on their way to the lock, which may be at it now: removed once that process is gone. */
const starterTemporary = new RegExp(`^emulator\\.lock\\.(?:(\\d+)\\.${uuid}\\.tmp|stale-(\\d+)-\\d+)$`);

/** What crashed writes left behind, removed once the lock is held (the tls directory keeps its own). */
async function removeLeftovers(directory: string): Promise<void> {
	for (const name of await readdir(directory).catch(() => [])) {
		const starter = starterTemporary.exec(name);
		if (starter ? !isRunning(Number(starter[1] ?? starter[2])) : holderTemporary.test(name)) {
			// A leftover that cannot be removed does no harm: nothing reads it.
			await rm(path.join(directory, name), {force: true}).catch(() => undefined);
		}
	}
}

function inUse(directory: string, owner: LockOwner): DataDirectoryError {
	return new DataDirectoryError({kind: 'in-use', directory, pid: owner.pid, ...(owner.url === undefined ? {} : {url: owner.url})}, owner);
}

/**
 * Creates the file with its content in one step (a hard link to a written temporary file), or
 * fails with EEXIST: another starter never reads it empty and takes it for a stale lock.
 */
async function createWithContent(filePath: string, content: string): Promise<void> {
	const temporary = `${filePath}.${process.pid}.${randomUUID()}.tmp`;
	await writeFile(temporary, content, {mode: 0o600});
	try {
		await link(temporary, filePath);
	} catch (error) {
		if ((error as NodeJS.ErrnoException).code === 'EEXIST') {
			throw error;
		}

		// A file system without hard links: create, then write.
		const handle = await open(filePath, 'wx', 0o600);
		await handle.writeFile(content);
		await handle.close();
	} finally {
		await rm(temporary, {force: true});
	}
}

function isRunning(pid: number): boolean {
	try {
		process.kill(pid, 0);
		return true;
	} catch (error) {
		return (error as NodeJS.ErrnoException).code === 'EPERM';
	}
}
