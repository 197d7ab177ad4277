import {builtin} from '../builtins.js';
import {type WarningListener, warn} from '../warnings.js';
import {type FileHandle, open} from 'node:fs/promises';
import path from 'node:path';
import {writeFileAtomic} from './atomic-write.js';
import type {IdentityRecord, IdentityState} from './identity-state.js';
import {readSnapshot, replayJournal} from './load-state.js';
import {stateFileError, unusableFile, unusableFileError} from './state-errors.js';
import {encodeJournalRecord, encodeSnapshot, journalName, snapshotName} from './state-records.js';

const {constants, writeSync} = builtin('node:fs');

export {StateFileError} from './state-errors.js';

export type DiskStateOptions = {
	/** Lines after which the journal is folded into the snapshot. */
	readonly compactAfter?: number;
	/** Things repaired on opening that the user should hear of (a torn last line dropped). */
	readonly onWarning?: WarningListener | undefined;
};

/** A journal this large is not one the emulator wrote between compactions. */
const maxJournalBytes = 1024 * 1024 * 1024;

/**
 * Identity state in a data directory: a snapshot plus an append-only journal of checksummed,
 * numbered lines (state-records.ts). A change is acknowledged only after its journal line is
 * written and fdatasync'd; concurrent changes share one write and one sync (group commit). A
 * crash can leave at most a torn last line, which was never acknowledged and is dropped on
 * load; any other damage, or files that do not fit together, refuse the start.
 */
export async function openDiskState(directory: string, options: DiskStateOptions = {}): Promise<IdentityState> {
	const compactAfter = options.compactAfter ?? 20_000;
	const snapshotPath = path.join(directory, snapshotName);
	const journalPath = path.join(directory, journalName);

	const snapshot = await readSnapshot(snapshotPath);
	const journal = await openJournal(journalPath, snapshot !== undefined);
	let loaded: ReturnType<typeof replayJournal>;
	try {
		const bytes = await readJournal(journal, journalPath);
		loaded = replayJournal(bytes, {journalPath, snapshotPath}, snapshot);
		const torn = bytes.length - loaded.keptLength;
		if (torn > 0) {
			// Dropped even when it holds a whole record (a crash just before the newline): it was
			// never acknowledged, so either is right, and one rule is simpler.
			await journal
				.truncate(loaded.keptLength)
				.then(() => journal.sync())
				.catch((error: unknown) => {
					throw unusableFileError(journalPath, 'journal', error);
				});
			warn(options.onWarning, {kind: 'torn-journal', path: journalPath, bytes: torn, at: loaded.keptLength});
		}
	} catch (error) {
		await journal.close();
		throw error;
	}

	const {table} = loaded;
	let seq = loaded.seq;
	/** The newest change whose line is written and synced. */
	let durableSeq = loaded.seq;
	let linesInJournal = loaded.lines;

	type Pending = {
		line: string;
		id: string;
		/** The record before this change, so that compaction can leave the change out. */
		before: IdentityRecord | undefined;
		resolve: () => void;
		reject: (error: unknown) => void;
	};
	let pending: Pending[] = [];
	let flushing: Promise<void> | undefined;
	/**
	 * Cleared by flush in the same step as it finds nothing pending, not a microtask later: a
	 * commit made in between (by code the last acknowledgement resumed) would wait forever.
	 */
	let flushRunning = false;
	let failure: unknown;
	/** Batches complete in order: when the last commit is durable, so is every one before it. */
	let lastCommit: Promise<void> = Promise.resolve();

	async function flush(handle: FileHandle): Promise<void> {
		while (pending.length > 0) {
			const batch = pending;
			pending = [];
			try {
				if (failure) {
					throw failure;
				}

				// The append only reaches the page cache (microseconds), so it is done at once rather
				// than queued on libuv's thread pool behind token signing; only the sync waits there.
				appendAll(handle.fd, Buffer.from(batch.map(entry => entry.line).join('')));
				await handle.datasync();
				linesInJournal += batch.length;
				durableSeq += batch.length;
				for (const entry of batch) {
					entry.resolve();
				}

				if (linesInJournal >= compactAfter) {
					// The batch is already durable in the journal: a failed compaction only means
					// a longer journal, so try again later rather than refuse every write.
					await compact(handle).catch(() => {
						linesInJournal = Math.floor(compactAfter / 2);
					});
				}
			} catch (error) {
				// After a failed write the file's tail is unknown: refuse everything from now on.
				failure ??= error;
				for (const entry of batch) {
					entry.reject(error);
				}
			}
		}

		// In the same step as the check above (the loop's body catches everything).
		flushRunning = false;
	}

	async function compact(handle: FileHandle): Promise<void> {
		// The snapshot holds only what the journal holds durably (through durableSeq): changes
		// waiting in `pending` are undone in the copy. So a journal whose truncation a crash
		// prevented ends exactly at the snapshot, and one ending before it is known to be stale.
		const records = new Map(table.records);
		for (const entry of pending.toReversed()) {
			if (entry.before) {
				records.set(entry.id, entry.before);
			} else {
				records.delete(entry.id);
			}
		}

		await writeFileAtomic(snapshotPath, encodeSnapshot({seq: durableSeq, identities: [...records.values()]}));
		// The journal's lines are in the snapshot now; replay skips them if truncation is lost.
		await handle.truncate(0);
		await handle.sync();
		linesInJournal = 0;
	}

	return {
		get: id => table.get(id),
		findByCustomId: customId => table.findByCustomId(customId),
		commit(change) {
			const before = table.get(change.id);
			table.apply(change);
			seq += 1;
			const line = encodeJournalRecord({...change, seq});
			lastCommit = new Promise<void>((resolve, reject) => {
				pending.push({line, id: change.id, before, resolve, reject});
				if (!flushRunning) {
					flushRunning = true;
					flushing = flush(journal);
				}
			});
			return lastCommit;
		},
		settled: () => lastCommit,
		async close() {
			await flushing;
			await journal.close();
		},
	};
}

/** Created only with the snapshot absent: a journal gone from beside its snapshot is lost state, not a fresh start. */
async function openJournal(journalPath: string, snapshotExists: boolean): Promise<FileHandle> {
	let handle: FileHandle;
	try {
		handle = await open(
			journalPath,
			constants.O_RDWR | constants.O_APPEND | (snapshotExists ? 0 : constants.O_CREAT),
			0o600,
		);
	} catch (error) {
		if ((error as NodeJS.ErrnoException).code === 'ENOENT' && snapshotExists) {
			throw stateFileError({kind: 'journal-missing', file: {role: 'journal', path: journalPath}});
		}

		throw unusableFileError(journalPath, 'journal', error);
	}

	return handle;
}

async function readJournal(handle: FileHandle, journalPath: string): Promise<Buffer> {
	const stats = await handle.stat();
	if (!stats.isFile()) {
		throw unusableFile(journalPath, 'journal', {reason: 'not-regular-file'});
	}

	if (stats.size > maxJournalBytes) {
		throw stateFileError({
			kind: 'too-large',
			file: {role: 'journal', path: journalPath},
			bytes: stats.size,
			maxBytes: maxJournalBytes,
			limit: 'between-compactions',
		});
	}

	const bytes = Buffer.allocUnsafe(stats.size);
	let read = 0;
	while (read < bytes.length) {
		const {bytesRead} = await handle.read(bytes, read, bytes.length - read, read).catch((error: unknown) => {
			throw unusableFileError(journalPath, 'journal', error);
		});
		if (bytesRead === 0) {
			break;
		}

		read += bytesRead;
	}

	return bytes.subarray(0, read);
}

function appendAll(fd: number, data: Buffer): void {
	let written = 0;
	while (written < data.length) {
		written += writeSync(fd, data, written);
	}
}
