import {IdentityTable} from './identity-state.js';
import {stateFileError} from './state-errors.js';
import type {JournalLineProblem} from './state-problems.js';
import {
	maxLineBytes,
	parseJournalRecord,
	parseSnapshot,
	readStateFile,
	type Snapshot,
	unseal,
} from './state-records.js';

/** Some million identities: a start with more is not worth waiting for, whatever wrote it. */
const maxSnapshotBytes = 256 * 1024 * 1024;

export async function readSnapshot(snapshotPath: string): Promise<Snapshot | undefined> {
	const bytes = await readStateFile(snapshotPath, 'snapshot', maxSnapshotBytes);
	if (!bytes) {
		return undefined;
	}

	const snapshot = parseSnapshot(bytes);
	if ('problem' in snapshot) {
		throw stateFileError({kind: 'damaged-snapshot', file: {role: 'snapshot', path: snapshotPath}, problem: snapshot.problem});
	}

	return snapshot;
}

export type LoadedState = {
	readonly table: IdentityTable;
	/** The newest change in the state: the next one written is seq + 1. */
	readonly seq: number;
	readonly lines: number;
	/** The bytes of complete lines; what follows them is a torn last line. */
	readonly keptLength: number;
};

/**
 * The snapshot with the journal's changes after it. Every complete line must verify, including
 * those the snapshot already holds (a crash between writing the snapshot and truncating the
 * journal leaves them), and their seqs must run on without a gap from the snapshot's.
 */
export function replayJournal(
	bytes: Buffer,
	files: {readonly journalPath: string; readonly snapshotPath: string},
	snapshot: Snapshot | undefined,
): LoadedState {
	const {journalPath, snapshotPath} = files;
	const base = snapshot?.seq ?? 0;
	const table = new IdentityTable(snapshot?.identities);
	let last: number | undefined;
	let lines = 0;
	let offset = 0;
	const journal = {role: 'journal', path: journalPath} as const;
	const damaged = (problem: JournalLineProblem) =>
		stateFileError({kind: 'damaged-journal', file: journal, offset, line: lines + 1, problem});

	for (let end = bytes.indexOf(0x0a, offset); end !== -1; end = bytes.indexOf(0x0a, offset)) {
		if (end - offset > maxLineBytes) {
			throw damaged({kind: 'line-too-long', maxBytes: maxLineBytes});
		}

		if (end === offset) {
			throw damaged({kind: 'empty-line'});
		}

		const unsealed = unseal(bytes.subarray(offset, end));
		if ('problem' in unsealed) {
			throw damaged(unsealed.problem);
		}

		const record = parseJournalRecord(unsealed.value);
		if (!record) {
			throw damaged({kind: 'not-a-change'});
		}

		if (last === undefined && record.seq > base + 1) {
			throw stateFileError(
				snapshot
					? {kind: 'changes-missing', file: journal, snapshotPath, firstChange: record.seq, snapshotChange: base}
					: {kind: 'snapshot-missing', file: {role: 'snapshot', path: snapshotPath}, journalPath, firstChange: record.seq},
			);
		}

		if (last !== undefined && record.seq !== last + 1) {
			throw damaged({kind: 'seq-gap', seq: record.seq, after: last});
		}

		if (record.seq > base) {
			// Each change names an identity that exists, except a create: a journal that
			// does not continue this snapshot shows here.
			const exists = table.get(record.id) !== undefined;
			if (exists === (record.op === 'create')) {
				throw damaged({kind: exists ? 'identity-exists' : 'identity-missing', seq: record.seq, op: record.op, id: record.id});
			}

			table.apply(record);
		}

		last = record.seq;
		lines += 1;
		offset = end + 1;
	}

	if (bytes.length - offset > maxLineBytes) {
		throw damaged({kind: 'unfinished-line-too-long', bytes: bytes.length - offset});
	}

	// Compaction snapshots only what the journal holds durably, so a journal it did not get to
	// truncate ends exactly at the snapshot: one that ends before it is older than the snapshot.
	if (last !== undefined && last < base) {
		throw stateFileError({kind: 'journal-older', file: journal, snapshotPath, lastChange: last, snapshotChange: base});
	}

	return {table, seq: last === undefined ? base : Math.max(base, last), lines, keptLength: offset};
}
