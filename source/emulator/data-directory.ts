import {randomUUID} from 'node:crypto';
import {link, mkdir, open, readFile, rename, rm, writeFile} from 'node:fs/promises';
import path from 'node:path';
import {writeFileAtomic} from './state/atomic-write.js';
import {generateSigningKey, type SigningKey, signingKeyFromPem} from './signing-key.js';

export class DataDirectoryError extends Error {
	override name = 'DataDirectoryError';

	constructor(
		message: string,
		/** The emulator that holds the directory, when that is the problem. */
		readonly owner?: LockOwner,
	) {
		super(message);
	}
}

type Meta = {readonly version: 1; readonly resourceId: string; readonly createdAt: string};

/** Reads a file, or makes it once with `create` and keeps it. */
async function readOrCreate(filePath: string, create: () => string): Promise<string> {
	try {
		return await readFile(filePath, 'utf8');
	} catch (error) {
		if ((error as NodeJS.ErrnoException).code !== 'ENOENT') {
			throw error;
		}
	}

	const content = create();
	await writeFileAtomic(filePath, content);
	return content;
}

/** The resource GUID, fixed for the life of the data directory. */
export async function loadResourceId(directory: string): Promise<string> {
	const metaPath = path.join(directory, 'emulator.json');
	const text = await readOrCreate(metaPath, () => {
		const meta: Meta = {version: 1, resourceId: randomUUID(), createdAt: new Date().toISOString()};
		return `${JSON.stringify(meta, undefined, '\t')}\n`;
	});
	try {
		const meta = JSON.parse(text) as Meta;
		if (typeof meta.resourceId !== 'string' || !/^[0-9a-f-]{36}$/.test(meta.resourceId)) {
			throw new Error('no resourceId');
		}

		return meta.resourceId;
	} catch (error) {
		throw new DataDirectoryError(
			`${metaPath} is damaged (${(error as Error).message}); it holds the emulator's resource id. Restore it, or move the data directory away to start afresh.`,
		);
	}
}

export async function loadSigningKey(directory: string): Promise<SigningKey> {
	const keyPath = path.join(directory, 'signing-key.pem');
	const pem = await readOrCreate(keyPath, () => generateSigningKey().pem);
	try {
		return signingKeyFromPem(pem);
	} catch {
		throw new DataDirectoryError(
			`${keyPath} is not a valid private key. Restore it, or move the data directory away to start afresh (tokens issued before will no longer verify).`,
		);
	}
}

export async function ensureDirectory(directory: string): Promise<void> {
	await mkdir(directory, {recursive: true, mode: 0o700});
}

/** Data directories locked by this process: a lock naming our own pid is stale only if not among them. */
const heldDirectories = new Set<string>();

/** What a running emulator writes in its lock file, so that commands can use it instead of starting their own. */
export type LockOwner = {
	readonly pid: number;
	/** Set by long-running emulators (the emulator command, the wizard) that others may share. */
	readonly url?: string;
	readonly certificatePath?: string;
};

export type DirectoryLock = {
	release(): Promise<void>;
	advertise(owner: Omit<LockOwner, 'pid'>): Promise<void>;
};

const lockName = 'emulator.lock';

/** The live owner of the data directory's lock, if any. */
export async function readLockOwner(directory: string): Promise<LockOwner | undefined> {
	const owner = await readOwnerFile(path.join(directory, lockName));
	return owner && isRunning(owner.pid) ? owner : undefined;
}

/** The owner a lock file names, running or not. */
async function readOwnerFile(file: string): Promise<LockOwner | undefined> {
	const text = await readFile(file, 'utf8').catch(() => '');
	let owner: Partial<LockOwner> = {};
	try {
		owner = JSON.parse(text) as Partial<LockOwner>;
	} catch {
		owner = {pid: Number.parseInt(text, 10)};
	}

	const {pid} = owner;
	return typeof pid === 'number' && Number.isInteger(pid) && pid > 0 ? (owner as LockOwner) : undefined;
}

/**
 * One emulator per data directory: two would interleave their journals. A lock left by a
 * killed process (its pid no longer runs) is taken over.
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
		for (let attempt = 0; attempt < 3; attempt++) {
			try {
				await createWithContent(lockPath, JSON.stringify({pid: process.pid}));
				return {
					async release() {
						heldDirectories.delete(key);
						await rm(lockPath, {force: true});
					},
					async advertise(owner) {
						await writeFileAtomic(lockPath, JSON.stringify({pid: process.pid, ...owner}));
					},
				};
			} catch (error) {
				if ((error as NodeJS.ErrnoException).code !== 'EEXIST') {
					throw error;
				}
			}

			// A lock naming this process is stale: this process holds no lock on the directory.
			const owner = await readLockOwner(directory);
			if (owner && owner.pid !== process.pid) {
				throw inUse(directory, owner);
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
			if (movedOwner && movedOwner.pid !== process.pid && isRunning(movedOwner.pid)) {
				await rename(moved, lockPath).catch(() => undefined);
				throw inUse(directory, movedOwner);
			}

			await rm(moved, {force: true});
		}

		throw new DataDirectoryError(`Could not lock the data directory ${directory}; another emulator may be starting.`);
	} catch (error) {
		heldDirectories.delete(key);
		throw error;
	}
}

function inUse(directory: string, owner: LockOwner): DataDirectoryError {
	return new DataDirectoryError(
		`The data directory ${directory} is in use by another emulator (pid ${owner.pid}). Stop that one, or start this one with --data-dir <another directory> or --in-memory.`,
		owner,
	);
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
