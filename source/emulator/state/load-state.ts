import {IdentityTable} from './identity-state.js';
import {stateFileError} from './state-errors.js';
import {
	maxLineBytes,
	parseJournalRecord,
	parseSnapshot,
	readStateFile,
	type Snapshot,
	unseal,
} from './state-records.js';

export const snapshotWhat = "The emulator's state file";
export const journalWhat = "The emulator's journal";
/** Some million identities: a start with more is not worth waiting for, whatever wrote it. */
const maxSnapshotBytes = 256 * 1024 * 1024;

export async function readSnapshot(snapshotPath: string): Promise<Snapshot | undefined> {
	const bytes = await readStateFile(snapshotPath, snapshotWhat, maxSnapshotBytes);
	if (!bytes) {
		return undefined;
	}

	const snapshot = parseSnapshot(bytes);
	if (typeof snapshot === 'string') {
		throw stateFileError(snapshotPath, `${snapshotWhat} ${snapshotPath} is damaged: ${snapshot}`);
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
	const damaged = (problem: string) =>
		stateFileError(journalPath, `${journalWhat} ${journalPath} is damaged at byte ${offset}, line ${lines + 1}: ${problem}`);

	for (let end = bytes.indexOf(0x0a, offset); end !== -1; end = bytes.indexOf(0x0a, offset)) {
		if (end - offset > maxLineBytes) {
			throw damaged(`it is longer than ${maxLineBytes} bytes`);
		}

		if (end === offset) {
			throw damaged('it is empty');
		}

		const unsealed = unseal(bytes.subarray(offset, end));
		if ('problem' in unsealed) {
			throw damaged(unsealed.problem);
		}

		const record = parseJournalRecord(unsealed.value);
		if (!record) {
			throw damaged('it is not a change the emulator writes');
		}

		if (last === undefined && record.seq > base + 1) {
			throw snapshot
				? stateFileError(
						journalPath,
						`${journalWhat} ${journalPath} starts at change ${record.seq} but ${snapshotPath} ends at change ${base}, so changes ${base + 1} to ${record.seq - 1} are missing`,
					)
				: stateFileError(
						snapshotPath,
						`${snapshotWhat} ${snapshotPath} is missing, but the journal ${journalPath} starts at change ${record.seq}: the changes before it were compacted into that file`,
					);
		}

		if (last !== undefined && record.seq !== last + 1) {
			throw damaged(`its change ${record.seq} follows change ${last}`);
		}

		if (record.seq > base) {
			// Each change names an identity that exists, except a create: a journal that
			// does not continue this snapshot shows here.
			const exists = table.get(record.id) !== undefined;
			if (exists === (record.op === 'create')) {
				throw damaged(`its change ${record.seq} (${record.op}) names ${record.id}, which ${exists ? 'already exists' : 'does not exist'}`);
			}

			table.apply(record);
		}

		last = record.seq;
		lines += 1;
		offset = end + 1;
	}

	if (bytes.length - offset > maxLineBytes) {
		throw damaged(`it is unfinished and ${bytes.length - offset} bytes long, longer than any record`);
	}

	// Compaction snapshots only what the journal holds durably, so a journal it did not get to
	// truncate ends exactly at the snapshot: one that ends before it is older than the snapshot.
	if (last !== undefined && last < base) {
		throw stateFileError(
			journalPath,
			`${journalWhat} ${journalPath} ends at change ${last}, before ${snapshotPath} (change ${base}): the journal is older than the snapshot`,
		);
	}

	return {table, seq: last === undefined ? base : Math.max(base, last), lines, keptLength: offset};
}
