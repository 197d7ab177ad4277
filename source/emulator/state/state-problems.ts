/**
 * Why the emulator refuses its data directory, as data: the emulator command says it in the
 * user's language, a library user gets `message` (English, from `stateProblemMessage`) and may
 * read the fields of `DataDirectoryError.problem`.
 */

/** Which file of the data directory. */
export type StateFileRole = 'journal' | 'snapshot' | 'resource' | 'signing-key' | 'lock' | 'assignments';

export type StateFile = {readonly role: StateFileRole; readonly path: string};

/** Why the system will not let the emulator read or write a file. */
export type FileFailure =
	| {readonly reason: 'is-directory'}
	| {readonly reason: 'permission-denied'}
	| {readonly reason: 'disk-full'}
	| {readonly reason: 'not-regular-file'}
	| {readonly reason: 'not-a-file'}
	/** `detail` is the system's error code (EIO, ELOOP…), or its message when it has none. */
	| {readonly reason: 'other'; readonly detail: string};

/** What is wrong with a sealed text (a journal line, the snapshot): its checksum or its JSON. */
export type SealProblem = {readonly kind: 'no-checksum'} | {readonly kind: 'checksum-mismatch'} | {readonly kind: 'not-json'};

export type SnapshotProblem =
	| SealProblem
	| {readonly kind: 'no-line-break'}
	| {readonly kind: 'not-a-snapshot'}
	| {readonly kind: 'bad-seq-or-identities'}
	| {readonly kind: 'bad-identity'; readonly index: number}
	| {readonly kind: 'duplicate-id'; readonly id: string}
	| {readonly kind: 'duplicate-custom-id'; readonly customId: string};

export type JournalLineProblem =
	| SealProblem
	| {readonly kind: 'line-too-long'; readonly maxBytes: number}
	| {readonly kind: 'empty-line'}
	| {readonly kind: 'not-a-change'}
	/** The line's change does not follow the one before it. */
	| {readonly kind: 'seq-gap'; readonly seq: number; readonly after: number}
	/** A create of an identity that exists, or another change of one that does not. */
	| {readonly kind: 'identity-exists' | 'identity-missing'; readonly seq: number; readonly op: string; readonly id: string}
	/** The last line has no line break and is longer than any record. */
	| {readonly kind: 'unfinished-line-too-long'; readonly bytes: number};

export type AssignmentsProblem =
	/** `code` is the system's error code, when it gave one. */
	| {readonly kind: 'unreadable'; readonly code?: string}
	| {readonly kind: 'too-large'}
	| {readonly kind: 'not-json'}
	| {readonly kind: 'bad-checksum-or-shape'};

/** A problem with one state file (a StateFileError): the emulator does not start on it. */
export type StateFileProblem =
	| {readonly kind: 'unusable'; readonly file: StateFile; readonly failure: FileFailure}
	| {
			readonly kind: 'too-large';
			readonly file: StateFile;
			readonly bytes: number;
			readonly maxBytes: number;
			/** The journal's limit is what is written between compactions; the other files' what is ever written. */
			readonly limit: 'ever' | 'between-compactions';
	  }
	/** The resource file or signing key is gone while `holder` (the snapshot or journal) holds identities. */
	| {readonly kind: 'missing-with-identities'; readonly file: StateFile; readonly holder: string}
	/** The journal is gone from beside its snapshot. */
	| {readonly kind: 'journal-missing'; readonly file: StateFile}
	/** The snapshot is gone, and the journal starts after change 1. */
	| {readonly kind: 'snapshot-missing'; readonly file: StateFile; readonly journalPath: string; readonly firstChange: number}
	| {readonly kind: 'not-json'; readonly file: StateFile}
	| {readonly kind: 'no-resource-id'; readonly file: StateFile}
	| {readonly kind: 'invalid-key'; readonly file: StateFile}
	| {readonly kind: 'damaged-snapshot'; readonly file: StateFile; readonly problem: SnapshotProblem}
	| {
			readonly kind: 'damaged-journal';
			readonly file: StateFile;
			/** Where the bad line starts, and its number (from 1). */
			readonly offset: number;
			readonly line: number;
			readonly problem: JournalLineProblem;
	  }
	/** The journal starts after the change following the snapshot's last. */
	| {
			readonly kind: 'changes-missing';
			readonly file: StateFile;
			readonly snapshotPath: string;
			readonly firstChange: number;
			readonly snapshotChange: number;
	  }
	/** The journal ends before the snapshot's last change. */
	| {
			readonly kind: 'journal-older';
			readonly file: StateFile;
			readonly snapshotPath: string;
			readonly lastChange: number;
			readonly snapshotChange: number;
	  };

/** Every refusal of the data directory. */
export type StateProblem =
	| StateFileProblem
	| {readonly kind: 'damaged-assignments'; readonly file: StateFile; readonly problem: AssignmentsProblem}
	/** Another emulator holds the directory's lock. */
	| {readonly kind: 'in-use'; readonly directory: string; readonly pid: number; readonly url?: string}
	/** Three tries at the lock lost to others taking it. */
	| {readonly kind: 'lock-contended'; readonly directory: string}
	/** `detail` is the system's error code, or its message when it has none. */
	| {readonly kind: 'cannot-make-directory'; readonly directory: string; readonly detail: string};

/** What a system error says about a file, as data. */
export function fileFailure(error: unknown): FileFailure {
	const {code, message} = (error ?? {}) as NodeJS.ErrnoException;
	switch (code) {
		case 'EISDIR': {
			return {reason: 'is-directory'};
		}

		case 'EACCES':
		case 'EPERM': {
			return {reason: 'permission-denied'};
		}

		case 'ENOSPC': {
			return {reason: 'disk-full'};
		}

		default: {
			return {reason: 'other', detail: code ?? String(message)};
		}
	}
}

const fileNames: Record<StateFileRole, string> = {
	journal: "The emulator's journal",
	snapshot: "The emulator's state file",
	resource: "The emulator's resource file",
	'signing-key': "The emulator's signing key",
	lock: 'The lock file',
	assignments: "The emulator's assignments file",
};

const startAfresh =
	'move the data directory away to start afresh (identities and tokens in it will be lost), or use --in-memory.';
const restore = `restore it from a backup, or ${startAfresh}`;

function failureText(failure: FileFailure): string {
	switch (failure.reason) {
		case 'is-directory': {
			return 'is a directory, not a file';
		}

		case 'permission-denied': {
			return 'cannot be opened (permission denied)';
		}

		case 'disk-full': {
			return 'cannot be written (the disk is full)';
		}

		case 'not-regular-file': {
			return 'cannot be used (it is not a regular file)';
		}

		case 'not-a-file': {
			return 'cannot be used (it is not a file)';
		}

		case 'other': {
			return `cannot be used (${failure.detail})`;
		}
	}
}

function sealText(problem: SealProblem): string {
	switch (problem.kind) {
		case 'no-checksum': {
			return 'it has no checksum (damaged, or written by an earlier version of acs-tokens)';
		}

		case 'checksum-mismatch': {
			return 'its checksum does not match';
		}

		case 'not-json': {
			return 'it is not JSON';
		}
	}
}

function snapshotText(problem: SnapshotProblem): string {
	switch (problem.kind) {
		case 'no-line-break': {
			return 'it does not end with a line break';
		}

		case 'not-a-snapshot': {
			return 'it is not a snapshot this version of acs-tokens writes';
		}

		case 'bad-seq-or-identities': {
			return 'its seq or identities are not what the emulator writes';
		}

		case 'bad-identity': {
			return `identity ${problem.index} in it is not a record the emulator writes`;
		}

		case 'duplicate-id': {
			return `identity ${problem.id} is in it twice`;
		}

		case 'duplicate-custom-id': {
			return `two live identities in it have the customId ${JSON.stringify(problem.customId)}`;
		}

		default: {
			return sealText(problem);
		}
	}
}

function journalLineText(problem: JournalLineProblem): string {
	switch (problem.kind) {
		case 'line-too-long': {
			return `it is longer than ${problem.maxBytes} bytes`;
		}

		case 'empty-line': {
			return 'it is empty';
		}

		case 'not-a-change': {
			return 'it is not a change the emulator writes';
		}

		case 'seq-gap': {
			return `its change ${problem.seq} follows change ${problem.after}`;
		}

		case 'identity-exists':
		case 'identity-missing': {
			return `its change ${problem.seq} (${problem.op}) names ${problem.id}, which ${problem.kind === 'identity-exists' ? 'already exists' : 'does not exist'}`;
		}

		case 'unfinished-line-too-long': {
			return `it is unfinished and ${problem.bytes} bytes long, longer than any record`;
		}

		default: {
			return sealText(problem);
		}
	}
}

function assignmentsText(problem: AssignmentsProblem): string {
	switch (problem.kind) {
		case 'unreadable': {
			return problem.code ?? 'unreadable';
		}

		case 'too-large': {
			return 'larger than any assignments file the emulator writes';
		}

		case 'not-json': {
			return 'not JSON';
		}

		case 'bad-checksum-or-shape': {
			return 'its checksum or shape is wrong';
		}
	}
}

/** What the lost file held that a new one would not: why it is not made again. */
function lostText(role: StateFileRole): string {
	return role === 'signing-key'
		? 'tokens issued for them would no longer verify with a new key'
		: 'their ids name the resource id it held, and a new one would disown them';
}

/** The English message of a refusal (DataDirectoryError's `message`). */
export function stateProblemMessage(problem: StateProblem): string {
	switch (problem.kind) {
		case 'in-use': {
			return `The data directory ${problem.directory} is in use by another emulator (pid ${problem.pid}). Stop that one, or start this one with --data-dir <another directory> or --in-memory.`;
		}

		case 'lock-contended': {
			return `Could not lock the data directory ${problem.directory}; another emulator may be starting.`;
		}

		case 'cannot-make-directory': {
			return `The data directory ${problem.directory} cannot be made (${problem.detail}); start the emulator with --data-dir <another directory> or --in-memory.`;
		}

		case 'damaged-assignments': {
			return `${fileNames.assignments} ${problem.file.path} is damaged (${assignmentsText(problem.problem)}). Restore it from a backup, or move it away to start with no Entra ID assignments.`;
		}

		case 'unusable': {
			return `${fileNames[problem.file.role]} ${problem.file.path} ${failureText(problem.failure)}; fix or remove what is there, or ${startAfresh}`;
		}

		default: {
			return `${stateFileText(problem)}; ${restore}`;
		}
	}
}

/** What is wrong with the file, before the advice. */
function stateFileText(problem: Exclude<StateFileProblem, {kind: 'unusable'}>): string {
	const {path} = problem.file;
	const what = `${fileNames[problem.file.role]} ${path}`;
	switch (problem.kind) {
		case 'too-large': {
			return `${what} is ${problem.bytes} bytes, more than the emulator ${problem.limit === 'ever' ? 'ever writes' : 'writes between compactions'} (${problem.maxBytes})`;
		}

		case 'missing-with-identities': {
			return `${what} is missing, but ${problem.holder} holds identities (${lostText(problem.file.role)})`;
		}

		case 'journal-missing': {
			return `${what} is missing, but the snapshot beside it is there (changes after the snapshot would be lost)`;
		}

		case 'snapshot-missing': {
			return `${what} is missing, but the journal ${problem.journalPath} starts at change ${problem.firstChange}: the changes before it were compacted into that file`;
		}

		case 'not-json': {
			return `${what} is damaged (not JSON)`;
		}

		case 'no-resource-id': {
			return `${what} is damaged (it holds no resource id)`;
		}

		case 'invalid-key': {
			return `${what} is not a valid private key`;
		}

		case 'damaged-snapshot': {
			return `${what} is damaged: ${snapshotText(problem.problem)}`;
		}

		case 'damaged-journal': {
			return `${what} is damaged at byte ${problem.offset}, line ${problem.line}: ${journalLineText(problem.problem)}`;
		}

		case 'changes-missing': {
			const {firstChange, snapshotChange} = problem;
			return `${what} starts at change ${firstChange} but ${problem.snapshotPath} ends at change ${snapshotChange}, so changes ${snapshotChange + 1} to ${firstChange - 1} are missing`;
		}

		case 'journal-older': {
			return `${what} ends at change ${problem.lastChange}, before ${problem.snapshotPath} (change ${problem.snapshotChange}): the journal is older than the snapshot`;
		}
	}
}
