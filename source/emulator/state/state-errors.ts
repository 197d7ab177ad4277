import {
	type FileFailure,
	fileFailure,
	type StateFileProblem,
	type StateFileRole,
	type StateProblem,
	stateProblemMessage,
} from './state-problems.js';

export type {StateProblem} from './state-problems.js';

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


/** The data directory cannot be used: its message says why and what to do, its problem the same as data. */
export class DataDirectoryError extends Error {
	override name = 'DataDirectoryError';
	/** Why, as data (absent only where an error was made from a message alone). */
	readonly problem: StateProblem | undefined;

	constructor(
		problem: StateProblem | string,
		/** The emulator that holds the directory, when that is the problem. */
		readonly owner?: LockOwner,
		/** The words to say it in, where not the English (an app's, in its user's language). */
		message = typeof problem === 'string' ? problem : stateProblemMessage(problem),
	) {
		super(message);
		this.problem = typeof problem === 'string' ? undefined : problem;
	}
}

/** A file in the data directory is damaged, missing or does not fit the others: the emulator does not start on it. */
export class StateFileError extends DataDirectoryError {
	override name = 'StateFileError';
	readonly file: string;
	declare readonly problem: StateFileProblem;

	constructor(problem: StateFileProblem, message = stateProblemMessage(problem)) {
		super(problem, undefined, message);
		this.file = problem.file.path;
	}
}

/** `problem` names the file and says what is wrong with it. */
export function stateFileError(problem: Exclude<StateFileProblem, {kind: 'unusable'}>): StateFileError {
	return new StateFileError(problem);
}

/** A file the system will not let us read or write, rather than one with bad content. */
export function unusableFileError(file: string, role: StateFileRole, error: unknown): StateFileError {
	return unusableFile(file, role, fileFailure(error));
}

export function unusableFile(file: string, role: StateFileRole, failure: FileFailure): StateFileError {
	return new StateFileError({kind: 'unusable', file: {role, path: file}, failure});
}
