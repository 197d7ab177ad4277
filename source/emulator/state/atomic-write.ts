import {randomUUID} from 'node:crypto';
import {open, rename, rm} from 'node:fs/promises';
import path from 'node:path';

/**
 * Writes a file so that a crash leaves either the old or the new content: temp file, fsync,
 * rename, then fsync of the directory so the rename itself survives a power cut.
 */
export async function writeFileAtomic(filePath: string, data: string | Uint8Array, mode = 0o600): Promise<void> {
	const temporary = `${filePath}.${randomUUID()}.tmp`;
	const handle = await open(temporary, 'wx', mode);
	try {
		try {
			await handle.writeFile(data);
			await handle.sync();
		} finally {
			await handle.close();
		}

		await rename(temporary, filePath);
	} catch (error) {
		// What a crash leaves instead is removed on the next start, once the lock is held.
		await rm(temporary, {force: true});
		throw error;
	}

	await syncDirectory(path.dirname(filePath));
}

export async function syncDirectory(directory: string): Promise<void> {
	const handle = await open(directory, 'r');
	try {
		await handle.sync();
	} finally {
		await handle.close();
	}
}
