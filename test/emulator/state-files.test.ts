import {execFileSync, spawn} from 'node:child_process';
import {createHash, randomUUID} from 'node:crypto';
import {existsSync} from 'node:fs';
import {mkdir, mkdtemp, readdir, readFile, rm, writeFile} from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {afterEach, describe, expect, it} from 'vitest';
import {DataDirectoryError, StateFileError as StateFileErrorFromDirectory} from '../../source/emulator/data-directory.js';
import {createEmulator, type Emulator} from '../../source/emulator/server.js';
import {openAssignmentFile} from '../../source/emulator/assignment-store.js';
import {openDiskState, StateFileError} from '../../source/emulator/state/disk-state.js';
import type {IdentityState, StateChange} from '../../source/emulator/state/identity-state.js';
import {replayJournal} from '../../source/emulator/state/load-state.js';
import {encodeJournalRecord, encodeSnapshot, seal} from '../../source/emulator/state/state-records.js';
import {sdkClient} from '../_helpers/emulator.js';
import {prng, seedFrom} from '../_helpers/prng.js';

const cliPath = fileURLToPath(new URL('../../dist/cli.js', import.meta.url));
const afresh =
	'restore it from a backup, or move the data directory away to start afresh (identities and tokens in it will be lost), or use --in-memory.';

const temporaryDirectories: string[] = [];
const openStates = new Set<IdentityState>();
const openEmulators = new Set<Emulator>();

afterEach(async () => {
	await Promise.all([...openStates].map(state => state.close()));
	openStates.clear();
	await Promise.all([...openEmulators].map(emulator => emulator.close()));
	openEmulators.clear();
	await Promise.all(temporaryDirectories.splice(0).map(directory => rm(directory, {recursive: true, force: true})));
});

async function dataDirectory(): Promise<string> {
	const directory = await mkdtemp(path.join(os.tmpdir(), 'acs-tokens-state-files-'));
	temporaryDirectories.push(directory);
	return directory;
}

const files = (directory: string) => ({
	journalPath: path.join(directory, 'identities.journal'),
	snapshotPath: path.join(directory, 'identities.snapshot.json'),
});

async function open(directory: string, options: Parameters<typeof openDiskState>[1] = {}): Promise<IdentityState> {
	const state = await openDiskState(directory, options);
	openStates.add(state);
	return state;
}

async function close(state: IdentityState): Promise<void> {
	await state.close();
	openStates.delete(state);
}

/** Creates, issues, revokes and deletes, in the order the service would: `count` identities. */
function workload(count: number): StateChange[] {
	const changes: StateChange[] = [];
	for (let index = 0; index < count; index++) {
		const id = `8:acs:${'0'.repeat(8)}-0000-0000-0000-000000000000_${index}`;
		changes.push({op: 'create', id, at: 1000 + index, ...(index % 3 === 0 ? {customId: `user-${index}`} : {})});
		changes.push({op: 'issue', id, at: 2000 + index, iat: 2 + index});
		if (index % 4 === 1) {
			changes.push({op: 'revoke', id, at: 3000 + index, throughIat: 3 + index});
		}

		if (index % 5 === 2) {
			changes.push({op: 'delete', id, at: 4000 + index});
		}
	}

	return changes;
}

/** A data directory's state after `changes`, written by the real thing. */
async function stateWith(changes: readonly StateChange[], options: {compactAfter?: number} = {}) {
	const directory = await dataDirectory();
	const state = await open(directory, options);
	for (const change of changes) {
		await state.commit(change);
	}

	await close(state);
	return {directory, ...files(directory)};
}

/** What the state holds, for comparing two loads. */
function dump(state: IdentityState, changes: readonly StateChange[]) {
	return [...new Set(changes.map(change => change.id))].map(id => state.get(id));
}

/** How opening fails: the error, after checking it is a StateFileError naming `file` and ending in advice. */
async function refusal(directory: string, file: string): Promise<string> {
	const error = await openDiskState(directory).then(
		state => {
			openStates.add(state);
			throw new Error(`the state in ${directory} was loaded`);
		},
		(failure: unknown) => failure,
	);
	expect(error).toBeInstanceOf(StateFileError);
	expect(error).toBeInstanceOf(DataDirectoryError);
	expect((error as StateFileError).file).toBe(file);
	const {message} = error as Error;
	expect(message).toContain(file);
	expect(message.endsWith('or use --in-memory.')).toBe(true);
	return message;
}

/** Lines of a journal as written, each with its newline. */
async function journalLines(journalPath: string): Promise<string[]> {
	return (await readFile(journalPath, 'utf8')).split(/(?<=\n)/);
}

describe('checksummed, numbered journal lines', () => {
	it('writes each change as one line with consecutive seqs and a checksum over the rest of the line', async () => {
		const changes = workload(6);
		const {directory, journalPath} = await stateWith(changes);
		const lines = await journalLines(journalPath);
		expect(lines).toHaveLength(changes.length);
		for (const [index, line] of lines.entries()) {
			const match = /^(\{.*),"crc":"([0-9a-f]{16})"\}\n$/.exec(line);
			expect(match, line).not.toBeNull();
			const body = `${match?.[1]}}`;
			expect(createHash('sha256').update(body).digest('hex').slice(0, 16)).toBe(match?.[2]);
			expect(JSON.parse(body)).toEqual({...changes[index], seq: index + 1});
		}

		// Numbering continues after a restart.
		const state = await open(directory);
		const later: StateChange = {op: 'create', id: 'later', at: 9};
		await state.commit(later);
		await close(state);
		const last = (await journalLines(journalPath)).at(-1) as string;
		expect(JSON.parse(last)).toMatchObject({...later, seq: changes.length + 1});
	});

	it('takes a commit made the moment the one before it is acknowledged', async () => {
		// Code resumed by an acknowledgement runs before the flush that gave it has finished.
		const directory = await dataDirectory();
		const state = await open(directory);
		await state.commit({op: 'create', id: 'a', at: 1});
		const second = state.commit({op: 'issue', id: 'a', at: 2, iat: 2});
		const timeout = new Promise(resolve => setTimeout(resolve, 5000, 'never acknowledged'));
		expect(await Promise.race([second.then(() => 'acknowledged'), timeout])).toBe('acknowledged');
	});

	it('compacts into a checksummed snapshot of what is durable, and loads the same state after it', async () => {
		const changes = workload(12);
		const {directory, journalPath, snapshotPath} = await stateWith(changes, {compactAfter: 10});
		const snapshotText = await readFile(snapshotPath, 'utf8');
		expect(snapshotText).toMatch(/^\{"version":2,"seq":\d+,"identities":\[.*\],"crc":"[0-9a-f]{16}"\}\n$/);
		const snapshotSeq = (JSON.parse(snapshotText) as {seq: number}).seq;
		const rest = await journalLines(journalPath);
		expect(rest.length).toBeLessThan(10);
		expect(rest.map(line => (JSON.parse(line) as {seq: number}).seq)).toEqual(
			rest.map((_, index) => snapshotSeq + 1 + index),
		);
		expect(snapshotSeq + rest.length).toBe(changes.length);

		const reference = await stateWith(changes);
		const expected = dump(await open(reference.directory), changes);
		expect(dump(await open(directory), changes)).toEqual(expected);
	});

	it('leaves changes still waiting for their sync out of the snapshot, so the journal continues it exactly', async () => {
		const directory = await dataDirectory();
		const {journalPath, snapshotPath} = files(directory);
		const changes: StateChange[] = [
			{op: 'create', id: 'a', at: 1},
			{op: 'issue', id: 'a', at: 2, iat: 2},
			{op: 'issue', id: 'a', at: 3, iat: 3},
			{op: 'create', id: 'b', at: 4},
			{op: 'revoke', id: 'a', at: 5, throughIat: 5},
		];
		const state = await open(directory, {compactAfter: 3});
		await state.commit(changes[0] as StateChange);
		await state.commit(changes[1] as StateChange);
		// The third line's write starts at once; the last two queue behind its sync, applied in
		// memory but not written when compaction (after the third line) runs.
		await Promise.all(changes.slice(2).map(change => state.commit(change)));
		const before = dump(state, changes);
		await close(state);

		expect(JSON.parse(await readFile(snapshotPath, 'utf8'))).toMatchObject({
			seq: 3,
			identities: [{id: 'a', createdAt: 1, lastTokenIssuedAt: 3, lastIat: 3}],
		});
		const seqs = (await journalLines(journalPath)).map(line => (JSON.parse(line) as {seq: number}).seq);
		expect(seqs).toEqual([4, 5]);
		expect(dump(await open(directory), changes)).toEqual(before);
		expect(before[0]).toMatchObject({revokedThroughIat: 5});
	});

	it('replays after a crash between writing the snapshot and truncating the journal, verifying the lines it skips', async () => {
		const changes = workload(8);
		const {directory, journalPath, snapshotPath} = await stateWith(changes);
		const journal = await readFile(journalPath);
		const {table} = replayJournal(journal, files(directory), undefined);
		await writeFile(snapshotPath, encodeSnapshot({seq: changes.length, identities: [...table.records.values()]}));

		const state = await open(directory);
		const expected = dump(state, changes);
		await state.commit({op: 'create', id: 'after', at: 1});
		await close(state);
		expect(JSON.parse((await journalLines(journalPath)).at(-1) as string)).toMatchObject({seq: changes.length + 1});
		expect(dump(await open(directory), changes)).toEqual(expected);
		await close([...openStates][0] as IdentityState);

		// A skipped line is still checked.
		const lines = await journalLines(journalPath);
		lines[1] = (lines[1] as string).replace('"at":', '"at": ');
		await writeFile(journalPath, lines.join(''));
		expect(await refusal(directory, journalPath)).toMatch(/is damaged at byte \d+, line 2: its checksum does not match; /);
	});
});

describe('state files that are damaged, missing or do not fit together', () => {
	const record = (value: object) => `${seal(JSON.stringify(value))}\n`;

	// Each after a good first line, as line 2.
	it.each([
		['null', 'null\n', 'it has no checksum (damaged, or written by an earlier version of acs-tokens)'],
		['an empty line', '\n', 'it is empty'],
		['a line of the previous format', '{"op":"create","id":"x","at":1,"seq":2}\n', 'it has no checksum'],
		['a bad checksum', record({op: 'create', id: 'x', at: 1, seq: 2}).replace('"x"', '"y"'), 'its checksum does not match'],
		['an id that is null', record({op: 'create', id: null, at: 1, seq: 2}), 'it is not a change the emulator writes'],
		['an unknown op', record({op: 'rename', id: 'x', at: 1, seq: 2}), 'it is not a change the emulator writes'],
		['a fractional time', record({op: 'create', id: 'x', at: 1.5, seq: 2}), 'it is not a change the emulator writes'],
		// Safe integers, but past what a date holds: the first token issued from them would fail.
		['a revoke through a time no date holds', record({op: 'revoke', id: 'first', at: 1, throughIat: Number.MAX_SAFE_INTEGER, seq: 2}), 'it is not a change'],
		['an issue at a time no date holds', record({op: 'issue', id: 'first', at: 1, iat: 8_640_000_000_000, seq: 2}), 'it is not a change'],
		['no seq', record({op: 'create', id: 'x', at: 1}), 'it is not a change the emulator writes'],
		['an extra field', record({op: 'create', id: 'x', at: 1, seq: 2, admin: true}), 'it is not a change the emulator writes'],
		['an issue without iat', record({op: 'issue', id: 'first', at: 1, seq: 2}), 'it is not a change the emulator writes'],
		['an id too long', record({op: 'create', id: 'x'.repeat(257), at: 1, seq: 2}), 'it is not a change the emulator writes'],
		['a customId that is empty', record({op: 'create', id: 'x', at: 1, seq: 2, customId: ''}), 'it is not a change'],
		['an overlong line', `${'x'.repeat(70_000)}\n`, 'it is longer than 65536 bytes'],
		['an issue for an identity never created', record({op: 'issue', id: 'x', at: 1, iat: 1, seq: 2}), 'its change 2 (issue) names x, which does not exist'],
		['a second create of one identity', record({op: 'create', id: 'first', at: 1, seq: 2}), 'its change 2 (create) names first, which already exists'],
	])('refuses a journal line with %s, naming the file and the byte, and leaves it as it was', async (_, line, problem) => {
		const directory = await dataDirectory();
		const {journalPath} = files(directory);
		const first = record({op: 'create', id: 'first', at: 1, seq: 1});
		const damaged = `${first}${line}`;
		await writeFile(journalPath, damaged);

		const message = await refusal(directory, journalPath);
		expect(message).toContain(`The emulator's journal ${journalPath} is damaged at byte ${Buffer.byteLength(first)}, line 2: ${problem}`);
		expect(message.endsWith(`; ${afresh}`)).toBe(true);
		expect(await readFile(journalPath, 'utf8')).toBe(damaged);
	});

	it('refuses seqs that skip, repeat or go back', async () => {
		const {directory, journalPath} = await stateWith(workload(3));
		const lines = await journalLines(journalPath);
		for (const [order, expected] of [
			[[0, 2], 'its change 3 follows change 1'],
			[[0, 1, 1], 'its change 2 follows change 2'],
			[[0, 2, 1], 'its change 3 follows change 1'],
		] as const) {
			await writeFile(journalPath, order.map(index => lines[index]).join(''));
			expect(await refusal(directory, journalPath)).toContain(expected);
		}
	});

	it.each([
		['cut short', '{"version":2,"seq":4,"identities":[{"id":', 'it has no checksum'],
		['without its last line break', encodeSnapshot({seq: 0, identities: []}).trimEnd(), 'it does not end with a line break'],
		['the old format', '{"version":1,"seq":0,"identities":[]}\n', 'it has no checksum'],
		['{"identities":[null]} without a checksum', '{"identities":[null]}\n', 'it has no checksum'],
		['{"identities":[null]} with one', `${seal('{"identities":[null]}')}\n`, 'it is not a snapshot this version of acs-tokens writes'],
		['a null identity', encodeSnapshot({seq: 1, identities: [null as never]}), 'identity 0 in it is not a record the emulator writes'],
		['an identity without createdAt', encodeSnapshot({seq: 1, identities: [{id: 'x'} as never]}), 'identity 0 in it is not a record'],
		['an identity with an extra field', encodeSnapshot({seq: 1, identities: [{id: 'x', createdAt: 1, role: 'admin'} as never]}), 'identity 0 in it'],
		['an identity with a string time', encodeSnapshot({seq: 1, identities: [{id: 'x', createdAt: 1, lastIat: '5'} as never]}), 'identity 0 in it'],
		['an identity revoked through a time no date holds', encodeSnapshot({seq: 1, identities: [{id: 'x', createdAt: 1, revokedThroughIat: 9e15} as never]}), 'identity 0 in it'],
		['one identity twice', encodeSnapshot({seq: 1, identities: [{id: 'x', createdAt: 1}, {id: 'x', createdAt: 2}]}), 'identity x is in it twice'],
		['a negative seq', encodeSnapshot({seq: -1, identities: []}), 'its seq or identities are not what the emulator writes'],
		['a bad checksum', encodeSnapshot({seq: 1, identities: [{id: 'x', createdAt: 1}]}).replace('"x"', '"y"'), 'its checksum does not match'],
	])('refuses a snapshot that is %s, naming the file', async (_, content, problem) => {
		const directory = await dataDirectory();
		const {journalPath, snapshotPath} = files(directory);
		await writeFile(snapshotPath, content);
		await writeFile(journalPath, '');
		const message = await refusal(directory, snapshotPath);
		expect(message).toContain(`The emulator's state file ${snapshotPath} is damaged: ${problem}`);
		expect(await readFile(snapshotPath, 'utf8')).toBe(content);
	});

	it('refuses a journal that continues from a compaction whose snapshot is missing', async () => {
		const {directory, journalPath, snapshotPath} = await stateWith(workload(10), {compactAfter: 10});
		await rm(snapshotPath);
		const first = JSON.parse((await journalLines(journalPath))[0] as string) as {seq: number};
		expect(first.seq).toBeGreaterThan(1);
		expect(await refusal(directory, snapshotPath)).toBe(
			`The emulator's state file ${snapshotPath} is missing, but the journal ${journalPath} starts at change ${first.seq}: the changes before it were compacted into that file; ${afresh}`,
		);
	});

	it('refuses a journal that starts after the snapshot ends, or ends before it', async () => {
		const changes = workload(6);
		const {directory, journalPath, snapshotPath} = await stateWith(changes);
		const journal = await readFile(journalPath, 'utf8');
		const lines = journal.split(/(?<=\n)/);
		const {table} = replayJournal(Buffer.from(lines.slice(0, 2).join('')), files(directory), undefined);
		const identities = [...table.records.values()];

		await writeFile(snapshotPath, encodeSnapshot({seq: 2, identities}));
		await writeFile(journalPath, lines.slice(3).join(''));
		expect(await refusal(directory, journalPath)).toBe(
			`The emulator's journal ${journalPath} starts at change 4 but ${snapshotPath} ends at change 2, so changes 3 to 3 are missing; ${afresh}`,
		);

		// A snapshot ahead of its journal: the journal is older than the snapshot.
		await writeFile(snapshotPath, encodeSnapshot({seq: changes.length + 2, identities}));
		await writeFile(journalPath, journal);
		expect(await refusal(directory, journalPath)).toBe(
			`The emulator's journal ${journalPath} ends at change ${changes.length}, before ${snapshotPath} (change ${changes.length + 2}): the journal is older than the snapshot; ${afresh}`,
		);

		// A journal gone from beside its snapshot.
		await rm(journalPath);
		expect(await refusal(directory, journalPath)).toContain(`The emulator's journal ${journalPath} is missing, but the snapshot beside it is there`);
		expect(existsSync(journalPath)).toBe(false);
	});

	it('refuses a journal or snapshot path that is a directory, by name', async () => {
		const directory = await dataDirectory();
		const {journalPath, snapshotPath} = files(directory);
		await mkdir(journalPath);
		expect(await refusal(directory, journalPath)).toBe(
			`The emulator's journal ${journalPath} is a directory, not a file; fix or remove what is there, or move the data directory away to start afresh (identities and tokens in it will be lost), or use --in-memory.`,
		);
		await mkdir(snapshotPath);
		expect(await refusal(directory, snapshotPath)).toContain(`The emulator's state file ${snapshotPath} is a directory, not a file;`);
	});

	it('refuses a FIFO in place of the snapshot or a state file of the directory, by name, instead of waiting on it forever', async () => {
		const directory = await dataDirectory();
		const {journalPath, snapshotPath} = files(directory);
		execFileSync('mkfifo', [snapshotPath]);
		await writeFile(journalPath, '');
		expect(await refusal(directory, snapshotPath)).toContain(`The emulator's state file ${snapshotPath} cannot be used (it is not a regular file)`);

		for (const name of ['emulator.json', 'signing-key.pem', 'assignments.json']) {
			const other = await dataDirectory();
			execFileSync('mkfifo', [path.join(other, name)]);
			const failure = await createEmulator({port: 0, http: true, dataDirectory: other}).then(
				async emulator => {
					await emulator.close();
					return undefined;
				},
				(error: unknown) => error as Error,
			);
			expect(failure, name).toBeInstanceOf(DataDirectoryError);
			expect(failure?.message, name).toContain(path.join(other, name));
		}
	});

	it('refuses an assignments file whose checksum matches but whose entries are not what the routes store, by name', async () => {
		const sealed = (entra: unknown[], teamsExtension: unknown[]) =>
			JSON.stringify({version: 1, entra, teamsExtension, sha256: createHash('sha256').update(JSON.stringify({entra, teamsExtension})).digest('hex')});
		const tenantId = randomUUID();
		const user = {objectId: randomUUID(), tenantId, principalType: 'user'};
		const directory = await dataDirectory();
		const filePath = path.join(directory, 'assignments.json');
		// As the routes write them: loaded.
		await writeFile(filePath, sealed([{...user, clientIds: [randomUUID()]}], [{...user, principalType: 'resourceAccount'}]));
		expect((await openAssignmentFile(directory)).size).toBe(2);

		for (const [what, entra, teams] of [
			['client ids that are a number', [{...user, clientIds: 5}], []],
			['client ids that are an object', [], [{...user, clientIds: {}}]],
			['client ids that are not strings', [{...user, clientIds: [1, 2]}], []],
			['too many client ids', [{...user, clientIds: Array.from({length: 51}, () => randomUUID())}], []],
			['an Entra assignment without client ids', [user], []],
			['an unknown principal type', [{...user, principalType: 'admin', clientIds: []}], []],
			['an extra field', [{...user, clientIds: [], role: 'owner'}], []],
			['more assignments than the routes allow', Array.from({length: 1001}, () => ({...user, objectId: randomUUID(), clientIds: []})), []],
		] as const) {
			await writeFile(filePath, sealed([...entra], [...teams]));
			const failure = await openAssignmentFile(directory).then(
				() => undefined,
				(error: unknown) => error as Error,
			);
			expect(failure, what).toBeInstanceOf(DataDirectoryError);
			expect(failure?.message, what).toContain(filePath);
		}
	});

	it('drops a torn last line, even one holding a whole record, and says so once', async () => {
		const changes = workload(3);
		const {directory, journalPath} = await stateWith(changes);
		const whole = await readFile(journalPath, 'utf8');
		for (const torn of ['{"op":"create","id":"8:a', encodeJournalRecord({op: 'create', id: 'z', at: 1, seq: changes.length + 1}).trimEnd()]) {
			await writeFile(journalPath, whole + torn);
			const warnings: string[] = [];
			const state = await open(directory, {onWarning: message => warnings.push(message)});
			expect(warnings).toEqual([
				`The emulator's journal ${journalPath} ended in an unfinished line (${Buffer.byteLength(torn)} bytes at byte ${Buffer.byteLength(whole)}), a write cut short by a crash before it was acknowledged; it was dropped.`,
			]);
			expect(await readFile(journalPath, 'utf8')).toBe(whole);
			expect(state.get('z')).toBeUndefined();
			await close(state);
		}

		// An unfinished tail too long to be a torn line is damage.
		await writeFile(journalPath, `${whole}${'x'.repeat(70_000)}`);
		expect(await refusal(directory, journalPath)).toContain('it is unfinished and 70000 bytes long, longer than any record');
	});

	it('refuses a journal or snapshot with random bytes changed or inserted anywhere but at its end', async () => {
		const seed = seedFrom('CORRUPTION_SEED');
		console.log(`random corruption: seed ${seed} (replay with CORRUPTION_SEED=${seed})`);
		const random = prng(seed);
		const changes = workload(12);
		const {directory, journalPath, snapshotPath} = await stateWith(changes, {compactAfter: 20});
		const journal = await readFile(journalPath);
		const snapshot = await readFile(snapshotPath);
		expect(journal.length).toBeGreaterThan(1000);

		const corrupt = (original: Buffer): {bytes: Buffer; what: string} => {
			// Never the final newline, and never after it: that is a torn line, which is dropped.
			const position = Math.floor(random() * (original.length - 1));
			const value = Math.floor(random() * 256);
			if (random() < 0.5) {
				const bytes = Buffer.from(original);
				bytes[position] = (bytes[position] as number) ^ (1 + (value % 255));
				return {bytes, what: `byte ${position} changed to ${bytes[position]}`};
			}

			return {
				bytes: Buffer.concat([original.subarray(0, position), Buffer.from([value]), original.subarray(position)]),
				what: `byte ${value} inserted at ${position}`,
			};
		};

		for (let round = 0; round < 40; round++) {
			const target = round % 4 === 3 ? {path: snapshotPath, original: snapshot} : {path: journalPath, original: journal};
			const {bytes, what} = corrupt(target.original);
			await writeFile(target.path, bytes);
			const loaded = await openDiskState(directory).then(
				state => state.close().then(() => true),
				(error: unknown) => {
					expect(error, `seed ${seed}, ${what}`).toBeInstanceOf(StateFileError);
					return false;
				},
			);
			expect(loaded, `seed ${seed}, ${path.basename(target.path)}: ${what} was loaded`).toBe(false);
			expect(await readFile(target.path), `seed ${seed}, ${what}`).toEqual(bytes);
			await writeFile(target.path, target.original);
		}

		expect(dump(await open(directory), changes).length).toBe(12);
	});
});


// ---------------------------------------------------------------------------------------------
// The data directory as the emulator opens it.

async function startIn(directory: string): Promise<Emulator> {
	const emulator = await createEmulator({port: 0, http: true, dataDirectory: directory});
	openEmulators.add(emulator);
	return emulator;
}

async function stopEmulator(emulator: Emulator): Promise<void> {
	await emulator.close();
	openEmulators.delete(emulator);
}

async function startRefused(directory: string): Promise<StateFileError> {
	const error = await startIn(directory).then(
		() => {
			throw new Error(`an emulator started on ${directory}`);
		},
		(failure: unknown) => failure,
	);
	expect(error).toBeInstanceOf(StateFileErrorFromDirectory);
	return error as StateFileError;
}

async function directoryWithIdentity(): Promise<string> {
	const directory = await dataDirectory();
	const emulator = await startIn(directory);
	await sdkClient(emulator).createUserAndToken(['chat']);
	await stopEmulator(emulator);
	return directory;
}

/** The pid of a process that has exited, for leftovers of a gone process. */
async function deadPid(): Promise<number> {
	const child = spawn(process.execPath, ['-e', '']);
	await new Promise(resolve => child.once('exit', resolve));
	return child.pid as number;
}

describe('the data directory', () => {
	it('starts fresh in an empty directory, making the resource id and signing key', async () => {
		const directory = await dataDirectory();
		await stopEmulator(await startIn(directory));
		expect((await readdir(directory)).sort()).toEqual(['emulator.json', 'identities.journal', 'signing-key.pem']);
	});

	it.each([
		['signing-key.pem', "The emulator's signing key", 'tokens issued for them would no longer verify with a new key'],
		['emulator.json', "The emulator's resource file", 'their ids name the resource id it held, and a new one would disown them'],
	])('refuses to make a new %s where identities exist', async (name, what, lost) => {
		const directory = await directoryWithIdentity();
		const file = path.join(directory, name);
		await rm(file);
		const error = await startRefused(directory);
		expect(error.file).toBe(file);
		expect(error.message).toBe(
			`${what} ${file} is missing, but ${path.join(directory, 'identities.journal')} holds identities (${lost}); ${afresh}`,
		);
		expect(existsSync(file)).toBe(false);
		expect(existsSync(path.join(directory, 'emulator.lock'))).toBe(false);
	});

	it.each(['null', '', '"12"', '{}', '{"pid":"1"}', '[1]', '{"pid":-4}'])(
		'takes over a lock file holding %j: it names no process',
		async content => {
			const directory = await directoryWithIdentity();
			const lockPath = path.join(directory, 'emulator.lock');
			await writeFile(lockPath, content);
			const emulator = await startIn(directory);
			expect(JSON.parse(await readFile(lockPath, 'utf8'))).toEqual({pid: process.pid, threadId: 0});
			await stopEmulator(emulator);
			expect(existsSync(lockPath)).toBe(false);
		},
	);

	it('removes leftover temporary files once it holds the lock, and only then', async () => {
		const directory = await directoryWithIdentity();
		const gone = await deadPid();
		const leftovers = [
			`emulator.json.${randomUUID()}.tmp`,
			`signing-key.pem.${randomUUID()}.tmp`,
			`identities.snapshot.json.${randomUUID()}.tmp`,
			`emulator.lock.${randomUUID()}.tmp`,
			`emulator.lock.${gone}.${randomUUID()}.tmp`,
			`emulator.lock.stale-${gone}-${Date.now()}`,
		];
		// Another starter's, still running (this process): it may be about to use it.
		const live = `emulator.lock.stale-${process.pid}-${Date.now()}`;
		const kept = ['notes.txt', live];
		for (const name of [...leftovers, ...kept]) {
			await writeFile(path.join(directory, name), '{"pid":');
		}

		const emulator = await startIn(directory);
		const names = await readdir(directory);
		for (const name of leftovers) {
			expect(names).not.toContain(name);
		}

		expect(names).toEqual(expect.arrayContaining(kept));

		// A start refused because the directory is in use touches nothing.
		const late = `emulator.json.${randomUUID()}.tmp`;
		await writeFile(path.join(directory, late), '');
		await expect(createEmulator({port: 0, http: true, dataDirectory: directory})).rejects.toThrow(/is in use by another emulator/);
		expect(await readdir(directory)).toContain(late);
		await stopEmulator(emulator);
	});

	it('the emulator command prints a refusal as one message with exit code 1, and a dropped torn line as a warning', async () => {
		const directory = await directoryWithIdentity();
		const {journalPath} = files(directory);
		const whole = await readFile(journalPath, 'utf8');

		await writeFile(journalPath, `${whole}null\n`);
		const refused = await runCli(['emulator', '--http', '--port', '0', '--data-dir', directory]);
		expect(refused.code).toBe(1);
		expect(refused.stdout).toBe('');
		expect(refused.stderr).toMatch(
			new RegExp(`^acs-tokens: The emulator's journal ${escapeRegExp(journalPath)} is damaged at byte \\d+, line 3: it has no checksum .*; restore it from a backup, .* or use --in-memory\\.\\n$`),
		);

		await rm(journalPath);
		await mkdir(journalPath);
		const directoryInTheWay = await runCli(['emulator', '--http', '--port', '0', '--data-dir', directory]);
		expect(directoryInTheWay.code).toBe(1);
		expect(directoryInTheWay.stderr).toBe(
			`acs-tokens: The emulator's journal ${journalPath} is a directory, not a file; fix or remove what is there, or move the data directory away to start afresh (identities and tokens in it will be lost), or use --in-memory.\n`,
		);

		await rm(journalPath, {recursive: true});
		await writeFile(journalPath, `${whole}{"op":"iss`);
		const started = await runCli(['emulator', '--http', '--port', '0', '--data-dir', directory], /^endpoint=/m);
		expect(started.stderr.split('\n')[0]).toBe(
			`The emulator's journal ${journalPath} ended in an unfinished line (10 bytes at byte ${Buffer.byteLength(whole)}), a write cut short by a crash before it was acknowledged; it was dropped.`,
		);
		expect(await readFile(journalPath, 'utf8')).toBe(whole);
	});
});

const escapeRegExp = (text: string) => text.replaceAll(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Runs the built CLI to its exit, or until stdout matches `ready` (then stops it with SIGTERM). */
async function runCli(args: readonly string[], ready?: RegExp): Promise<{code: number | null; stdout: string; stderr: string}> {
	const child = spawn(process.execPath, [cliPath, ...args], {stdio: ['ignore', 'pipe', 'pipe']});
	let stdout = '';
	let stderr = '';
	child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
		stdout += chunk;
		if (ready?.test(stdout)) {
			child.kill('SIGTERM');
		}
	});
	child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
		stderr += chunk;
	});
	const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
	const code = await new Promise<number | null>(resolve => child.once('close', resolve));
	clearTimeout(timer);
	return {code, stdout, stderr};
}
