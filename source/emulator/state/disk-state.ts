import {writeSync} from 'node:fs';
import {type FileHandle, open, readFile} from 'node:fs/promises';
import path from 'node:path';
import {writeFileAtomic} from './atomic-write.js';
import {type IdentityRecord, type IdentityState, IdentityTable, type StateChange} from './identity-state.js';

/**
 * Identity state in a data directory: a snapshot plus an append-only journal. A change is
 * acknowledged only after its journal line is written and fdatasync'd; concurrent changes
 * share one write and one sync (group commit). A crash can leave at most a torn last line,
 * which was never acknowledged and is dropped on load.
 */
export class StateFileError extends Error {
	override name = 'StateFileError';
}

type JournalLine = StateChange & {readonly seq: number};
type Snapshot = {readonly version: 1; readonly seq: number; readonly identities: IdentityRecord[]};

const snapshotName = 'identities.snapshot.json';
const journalName = 'identities.journal';

export async function openDiskState(
	directory: string,
	options: {readonly compactAfter?: number} = {},
): Promise<IdentityState> {
	const compactAfter = options.compactAfter ?? 20_000;
	const snapshotPath = path.join(directory, snapshotName);
	const journalPath = path.join(directory, journalName);

	const snapshot = await readSnapshot(snapshotPath);
	const table = new IdentityTable(snapshot.identities);
	let seq = snapshot.seq;

	const journal = await open(journalPath, 'a+', 0o600);
	const {lines, validLength} = parseJournal(await journal.readFile('utf8'), journalPath);
	for (const line of lines) {
		if (line.seq > snapshot.seq) {
			table.apply(line);
			seq = line.seq;
		}
	}

	let linesInJournal = lines.length;
	if (validLength < (await journal.stat()).size) {
		await journal.truncate(validLength);
		await journal.sync();
	}

	let pending: {line: string; resolve: () => void; reject: (error: unknown) => void}[] = [];
	let flushing: Promise<void> | undefined;
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
	}

	async function compact(handle: FileHandle): Promise<void> {
		const next: Snapshot = {version: 1, seq, identities: [...table.records.values()]};
		await writeFileAtomic(snapshotPath, JSON.stringify(next));
		// Lines up to `seq` are in the snapshot now; replay skips them if truncation is lost.
		await handle.truncate(0);
		await handle.sync();
		linesInJournal = 0;
	}

	return {
		get: id => table.get(id),
		findByCustomId: customId => table.findByCustomId(customId),
		commit(change) {
			table.apply(change);
			seq += 1;
			const line = `${JSON.stringify({...change, seq})}\n`;
			lastCommit = new Promise<void>((resolve, reject) => {
				pending.push({line, resolve, reject});
				flushing ??= flush(journal).finally(() => {
					flushing = undefined;
				});
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

function appendAll(fd: number, data: Buffer): void {
	let written = 0;
	while (written < data.length) {
		written += writeSync(fd, data, written);
	}
}

async function readSnapshot(snapshotPath: string): Promise<Snapshot> {
	let text: string;
	try {
		text = await readFile(snapshotPath, 'utf8');
	} catch (error) {
		if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
			return {version: 1, seq: 0, identities: []};
		}

		throw error;
	}

	try {
		const value = JSON.parse(text) as Snapshot;
		if (value.version !== 1 || !Array.isArray(value.identities) || typeof value.seq !== 'number') {
			throw new Error('unexpected shape');
		}

		return value;
	} catch (error) {
		throw new StateFileError(
			`The emulator's state file ${snapshotPath} is damaged (${(error as Error).message}). Move it away to start with an empty state, or use --in-memory.`,
		);
	}
}

function parseJournal(text: string, journalPath: string): {lines: JournalLine[]; validLength: number} {
	const lines: JournalLine[] = [];
	let offset = 0;
	while (offset < text.length) {
		const end = text.indexOf('\n', offset);
		if (end === -1) {
			// A torn final line: the write never finished, so it was never acknowledged.
			break;
		}

		const raw = text.slice(offset, end);
		try {
			lines.push(JSON.parse(raw) as JournalLine);
		} catch {
			throw new StateFileError(
				`The emulator's journal ${journalPath} is damaged at byte ${Buffer.byteLength(text.slice(0, offset))}. Move it away to start with an empty state, or use --in-memory.`,
			);
		}

		offset = end + 1;
	}

	return {lines, validLength: Buffer.byteLength(text.slice(0, offset))};
}
