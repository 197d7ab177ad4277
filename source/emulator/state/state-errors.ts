/** What a running emulator writes in its lock file, so that commands can use it instead of starting their own. */
export type LockOwner = {
	readonly pid: number;
	/** Set by long-running emulators (the emulator command, the wizard) that others may share. */
	readonly url?: string;
	readonly certificatePath?: string;
	/** Started with its own --access-key (never the key itself): commands signing with the development key cannot use it. */
	readonly customAccessKey?: boolean;
	/** The thread of `pid` that holds it (0, the main thread, when absent). */
	readonly threadId?: number;
};


/** The data directory cannot be used: its message says why and what to do. */
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

/** A file in the data directory is damaged, missing or does not fit the others: the emulator does not start on it. */
export class StateFileError extends DataDirectoryError {
	override name = 'StateFileError';

	constructor(
		message: string,
		readonly file: string,
	) {
		super(message);
	}
}

const startAfresh =
	'move the data directory away to start afresh (identities and tokens in it will be lost), or use --in-memory.';

/** `problem` names the file and says what is wrong with it. */
export function stateFileError(file: string, problem: string): StateFileError {
	return new StateFileError(`${problem}; restore it from a backup, or ${startAfresh}`, file);
}

/** A file the system will not let us read or write, rather than one with bad content. */
export function unusableFileError(file: string, what: string, error: unknown): StateFileError {
	return new StateFileError(`${what} ${file} ${describeFailure(error)}; fix or remove what is there, or ${startAfresh}`, file);
}

function describeFailure(error: unknown): string {
	const {code, message} = error as NodeJS.ErrnoException;
	switch (code) {
		case 'EISDIR': {
			return 'is a directory, not a file';
		}

		case 'EACCES':
		case 'EPERM': {
			return 'cannot be opened (permission denied)';
		}

		case 'ENOSPC': {
			return 'cannot be written (the disk is full)';
		}

		default: {
			return `cannot be used (${code ?? message})`;
		}
	}
}
