import {randomUUID} from 'node:crypto';
import {mkdir, open, readFile, rm} from 'node:fs/promises';
import path from 'node:path';
import {writeFileAtomic} from './state/atomic-write.js';
import {generateSigningKey, type SigningKey, signingKeyFromPem} from './signing-key.js';

export class DataDirectoryError extends Error {
	override name = 'DataDirectoryError';
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

/**
 * One emulator per data directory: two would interleave their journals. A lock left by a
 * killed process (its pid no longer runs) is taken over.
 */
export async function lockDirectory(directory: string): Promise<() => Promise<void>> {
	const lockPath = path.join(directory, 'emulator.lock');
	for (let attempt = 0; attempt < 2; attempt++) {
		try {
			const handle = await open(lockPath, 'wx', 0o600);
			await handle.writeFile(String(process.pid));
			await handle.close();
			return async () => {
				await rm(lockPath, {force: true});
			};
		} catch (error) {
			if ((error as NodeJS.ErrnoException).code !== 'EEXIST') {
				throw error;
			}
		}

		const owner = Number.parseInt(await readFile(lockPath, 'utf8').catch(() => ''), 10);
		if (Number.isInteger(owner) && owner > 0 && owner !== process.pid && isRunning(owner)) {
			throw new DataDirectoryError(
				`The data directory ${directory} is in use by another emulator (pid ${owner}). Stop that one, or start this one with --data-dir <another directory> or --in-memory.`,
			);
		}

		await rm(lockPath, {force: true});
	}

	throw new DataDirectoryError(`Could not lock the data directory ${directory}; another emulator may be starting.`);
}

function isRunning(pid: number): boolean {
	try {
		process.kill(pid, 0);
		return true;
	} catch (error) {
		return (error as NodeJS.ErrnoException).code === 'EPERM';
	}
}
