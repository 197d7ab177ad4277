import {text} from '../text/index.js';
import {lock} from 'proper-lockfile';
import {asStoreFileError, StoreLockError} from './errors.js';

export type Warn = (message: string) => void;

/** A lock older than this belongs to a process that died: proper-lockfile takes it over. */
const staleMilliseconds = 5000;

function lockOptions(lockPath: string, warn: Warn) {
	return {
		realpath: false,
		lockfilePath: lockPath,
		stale: staleMilliseconds,
		onCompromised(error: Error) {
			warn(text.store.lockTakenOver(lockPath, error.message));
		},
	};
}

function isLocked(error: unknown): boolean {
	return (error as NodeJS.ErrnoException).code === 'ELOCKED';
}

/**
 * Runs `action` holding the inter-process lock `<file>.lock`, a directory that
 * proper-lockfile makes atomically and keeps fresh while held.
 */
export async function withFileLock<T>(filePath: string, warn: Warn, action: () => T): Promise<T> {
	const lockPath = `${filePath}.lock`;
	let release: () => Promise<void>;
	try {
		release = await lock(filePath, {
			...lockOptions(lockPath, warn),
			// 80 tries, 5 ms apart at first and 250 ms at most: about 15 s in all, longer than `stale`,
			// so that a dead holder's lock is always taken over in time. Between tries the event loop
			// is free: a signal or a key is heard while this waits.
			retries: {retries: 80, factor: 1.3, minTimeout: 5, maxTimeout: 250, randomize: true},
		});
	} catch (error) {
		throw isLocked(error) ? new StoreLockError(lockPath, {cause: error}) : asStoreFileError(lockPath, error);
	}

	try {
		return action();
	} finally {
		await release().catch((error: NodeJS.ErrnoException) => {
			// Already released means it was compromised, which onCompromised has reported.
			if (error.code !== 'ERELEASED') {
				throw error;
			}
		});
	}
}
