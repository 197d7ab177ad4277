import {type ChildProcessWithoutNullStreams, spawn} from 'node:child_process';
import {randomUUID, X509Certificate} from 'node:crypto';
import {existsSync} from 'node:fs';
import {appendFile, mkdtemp, readFile, rm, stat, writeFile} from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import tls from 'node:tls';
import {fileURLToPath} from 'node:url';
import {afterEach, describe, expect, it} from 'vitest';
import {DataDirectoryError} from '../../source/emulator/data-directory.js';
import {IdentityService} from '../../source/emulator/identity-service.js';
import {createEmulator, type Emulator} from '../../source/emulator/server.js';
import {StateFileError} from '../../source/emulator/state/disk-state.js';
import {encodeSnapshot, seal} from '../../source/emulator/state/state-records.js';
import {generateSigningKey} from '../../source/emulator/signing-key.js';
import {createMemoryState, type IdentityState, IdentityTable} from '../../source/emulator/state/identity-state.js';
import {parseConnectionString} from '../../source/protocol/connection-string.js';
import {decodeClaims, restError, sdkClient, startEmulator} from '../_helpers/emulator.js';
import {type RawRequest, type RawResponse, rawRequest} from '../_helpers/raw-client.js';
import {prng, seedFrom} from '../_helpers/prng.js';

/** The crash rounds' choices (when to kill, what to send) are seeded: CRASH_SEED=… replays a run. */
const crashSeed = seedFrom('CRASH_SEED');
const random = prng(crashSeed);
/** An integer in [min, max), or [0, min) with one argument, as node:crypto's randomInt. */
function randomInt(min: number, max?: number): number {
	const [low, high] = max === undefined ? [0, min] : [min, max];
	return low + Math.floor(random() * (high - low));
}

const cliPath = fileURLToPath(new URL('../../dist/cli.js', import.meta.url));
const stableVersion = '?api-version=2023-10-01';
/** GET /identities/{id} and customId arrived with this version. */
const previewVersion = '?api-version=2025-03-02-preview';
const journalName = 'identities.journal';
const snapshotName = 'identities.snapshot.json';
const startAfresh =
	'restore it from a backup, or move the data directory away to start afresh (identities and tokens in it will be lost), or use --in-memory.';

const temporaryDirectories: string[] = [];
const openEmulators = new Set<Emulator>();
const children = new Set<ChildProcessWithoutNullStreams>();

afterEach(async () => {
	for (const child of children) {
		child.kill('SIGKILL');
	}

	children.clear();
	await Promise.all([...openEmulators].map(emulator => emulator.close()));
	openEmulators.clear();
	await Promise.all(temporaryDirectories.splice(0).map(directory => rm(directory, {recursive: true, force: true})));
});

async function dataDirectory(): Promise<string> {
	const directory = await mkdtemp(path.join(os.tmpdir(), 'acs-tokens-persistence-'));
	temporaryDirectories.push(directory);
	return directory;
}

async function start(directory: string, transport: 'http' | 'https' = 'http'): Promise<Emulator> {
	const emulator = await startEmulator(transport, {dataDirectory: directory});
	openEmulators.add(emulator);
	return emulator;
}

async function stop(emulator: Emulator): Promise<void> {
	await emulator.close();
	openEmulators.delete(emulator);
}

type Verdict = {readonly valid: boolean; readonly reason: string; readonly claims: Record<string, unknown>};

/** The emulator's verify extension: no signature, no api-version. */
async function verify(emulator: Emulator, token: string): Promise<Verdict> {
	const response = await rawRequest(emulator, {
		target: '/emulator/tokens/:verify',
		body: JSON.stringify({token}),
		unsigned: true,
	});
	expect(response.status).toBe(200);
	return response.json as Verdict;
}

async function jwks(emulator: Emulator): Promise<{keys: {kid: string; n: string}[]}> {
	const response = await rawRequest(emulator, {method: 'GET', target: '/.well-known/jwks.json', unsigned: true});
	expect(response.status).toBe(200);
	return response.json as {keys: {kid: string; n: string}[]};
}

function getIdentity(emulator: Emulator, id: string): Promise<RawResponse> {
	return rawRequest(emulator, {method: 'GET', target: `/identities/${encodeURIComponent(id)}${previewVersion}`});
}

/** Runs `task` on every item, `width` at a time. */
async function eachLimited<T>(items: readonly T[], width: number, task: (item: T) => Promise<void>): Promise<void> {
	let next = 0;
	const worker = async () => {
		while (next < items.length) {
			const item = items[next++] as T;
			await task(item);
		}
	};

	await Promise.all(Array.from({length: Math.min(width, items.length)}, worker));
}

// ---------------------------------------------------------------------------------------------
// The built binary as a user runs it.

type Cli = {
	readonly child: ChildProcessWithoutNullStreams;
	/** Settles once the process is gone and its output is read. */
	readonly closed: Promise<{code: number | null; signal: NodeJS.Signals | null}>;
	stdout(): string;
	stderr(): string;
};

function runCli(args: readonly string[]): Cli {
	const child = spawn(process.execPath, [cliPath, ...args], {stdio: ['pipe', 'pipe', 'pipe']});
	children.add(child);
	let stdout = '';
	let stderr = '';
	child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
		stdout += chunk;
	});
	child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
		// Request logs go here; keep the start (the banner, errors) and the latest lines.
		stderr = stderr.length > 64_000 ? `${stderr.slice(0, 8000)}\n…\n${stderr.slice(-8000)}${chunk}` : stderr + chunk;
	});
	const closed = new Promise<{code: number | null; signal: NodeJS.Signals | null}>(resolve => {
		child.once('close', (code, signal) => {
			children.delete(child);
			resolve({code, signal});
		});
	});
	return {child, closed, stdout: () => stdout, stderr: () => stderr};
}

async function runCliToExit(args: readonly string[], timeoutMs = 20_000) {
	const cli = runCli(args);
	const timer = setTimeout(() => cli.child.kill('SIGKILL'), timeoutMs);
	const {code, signal} = await cli.closed;
	clearTimeout(timer);
	return {code, signal, stdout: cli.stdout(), stderr: cli.stderr()};
}

/** `acs-tokens emulator --http --port 0 --data-dir DIR`, ready once it printed its connection string. */
async function startCli(directory: string): Promise<{cli: Cli; emulator: Emulator}> {
	const cli = runCli(['emulator', '--http', '--port', '0', '--data-dir', directory]);
	const line = await new Promise<string>((resolve, reject) => {
		const timer = setTimeout(() => {
			reject(new Error(`no "endpoint=" line within 20 s; stderr:\n${cli.stderr()}`));
		}, 20_000);
		const look = () => {
			const found = /^endpoint=.*$/m.exec(cli.stdout())?.[0];
			if (found) {
				clearTimeout(timer);
				cli.child.stdout.off('data', look);
				resolve(found);
			}
		};

		cli.child.stdout.on('data', look);
		look();
		void cli.closed.then(({code, signal}) => {
			clearTimeout(timer);
			reject(new Error(`the emulator exited (${code ?? signal}) before it was ready; stderr:\n${cli.stderr()}`));
		});
	});
	const meta = JSON.parse(await readFile(path.join(directory, 'emulator.json'), 'utf8')) as {resourceId: string};
	const emulator: Emulator = {
		connectionString: line,
		url: parseConnectionString(line).endpoint,
		certificatePath: undefined,
		resourceId: meta.resourceId,
		async close() {
			cli.child.kill('SIGTERM');
			await cli.closed;
		},
	};
	return {cli, emulator};
}

// ---------------------------------------------------------------------------------------------

describe('a restart with the same data directory', () => {
	it('keeps the resource, the signing key, identities, tokens, revokes and deletes', async () => {
		const directory = await dataDirectory();
		const first = await start(directory);
		const client = sdkClient(first);

		const kept = await client.createUser();
		const keptToken = await client.getToken(kept, ['chat', 'voip'], {tokenExpiresInMinutes: 60});
		const created = await client.createUserAndToken(['chat']);
		const revoked = await client.createUserAndToken(['voip']);
		await client.revokeTokens(revoked.user);
		const issuedAfterRevoke = await client.getToken(revoked.user, ['chat']);
		const deleted = await client.createUserAndToken(['chat']);
		await client.deleteUser(deleted.user);
		const before = {
			resourceId: first.resourceId,
			accessKey: parseConnectionString(first.connectionString).accessKey,
			jwks: await jwks(first),
			kept: (await getIdentity(first, kept.communicationUserId)).json,
		};
		expect(before.jwks.keys).toHaveLength(1);
		await stop(first);

		const second = await start(directory);
		expect(second.resourceId).toBe(before.resourceId);
		expect(parseConnectionString(second.connectionString).accessKey).toBe(before.accessKey);
		expect(await jwks(second)).toEqual(before.jwks);

		expect(await verify(second, keptToken.token)).toMatchObject({valid: true, reason: 'valid'});
		expect(await verify(second, created.token)).toMatchObject({valid: true, reason: 'valid'});
		expect(await verify(second, revoked.token)).toMatchObject({valid: false, reason: 'revoked'});
		expect(await verify(second, issuedAfterRevoke.token)).toMatchObject({valid: true, reason: 'valid'});
		expect(await verify(second, deleted.token)).toMatchObject({valid: false, reason: 'deleted'});

		const restarted = sdkClient(second);
		// The identity and what the service knows of it (the last token issued) are still there.
		expect((await getIdentity(second, kept.communicationUserId)).json).toEqual(before.kept);
		const fresh = await restarted.getToken(kept, ['chat']);
		expect(decodeClaims(fresh.token)['resourceId']).toBe(before.resourceId);
		expect(await verify(second, fresh.token)).toMatchObject({valid: true});
		expect(await restError(restarted.getToken(deleted.user, ['chat']))).toEqual({
			statusCode: 404,
			code: 'IdentityNotFound',
			message: `Identity '${deleted.user.communicationUserId}' was deleted.`,
		});
		const newcomer = await restarted.createUser();
		expect(newcomer.communicationUserId.startsWith(`8:acs:${before.resourceId}_`)).toBe(true);

		// A revoke after the restart still covers the token issued before it.
		await restarted.revokeTokens(kept);
		expect(await verify(second, keptToken.token)).toMatchObject({reason: 'revoked'});
		expect(await verify(second, fresh.token)).toMatchObject({reason: 'revoked'});
	});

	it('serves the same CA from the same certificate file over HTTPS', async () => {
		const directory = await dataDirectory();
		const first = await start(directory, 'https');
		expect(first.certificatePath).toBe(path.join(directory, 'tls', 'ca.pem'));
		const caPath = first.certificatePath as string;
		const ca = await readFile(caPath);
		const served = await servedChain(first, ca);
		expect(served.issuer).toBe(new X509Certificate(ca).fingerprint256);
		const {user, token} = await sdkClient(first).createUserAndToken(['chat']);
		await stop(first);

		const second = await start(directory, 'https');
		expect(second.certificatePath).toBe(caPath);
		expect(await readFile(caPath)).toEqual(ca);
		// A client that trusted the CA before the restart still connects, to the same chain.
		expect(await servedChain(second, ca)).toEqual(served);
		await expect(sdkClient(second).getToken(user, ['voip'])).resolves.toHaveProperty('token');
		expect(await verify(second, token)).toMatchObject({valid: true});
	});

	it('loads a journal that was compacted into a snapshot, with changes after it', async () => {
		const directory = await dataDirectory();
		const first = await start(directory);
		const client = sdkClient(first);
		const revoked = await client.createUserAndToken(['chat']);
		await client.revokeTokens(revoked.user);
		const valid = await client.createUserAndToken(['voip']);
		const gone = await client.createUserAndToken(['chat']);
		await client.deleteUser(gone.user);
		await stop(first);

		// What compaction leaves: the journal folded into a snapshot, then newer lines.
		const journalPath = path.join(directory, journalName);
		const lines = (await readFile(journalPath, 'utf8')).split('\n').filter(line => line !== '');
		const cut = 3;
		const table = new IdentityTable();
		for (const line of lines.slice(0, cut)) {
			table.apply(JSON.parse(line));
		}

		await writeFile(path.join(directory, snapshotName), encodeSnapshot({seq: cut, identities: [...table.records.values()]}));
		await writeFile(journalPath, lines.slice(cut).map(line => `${line}\n`).join(''));

		const second = await start(directory);
		expect(await verify(second, revoked.token)).toMatchObject({reason: 'revoked'});
		expect(await verify(second, valid.token)).toMatchObject({reason: 'valid'});
		expect(await verify(second, gone.token)).toMatchObject({reason: 'deleted'});
		expect((await getIdentity(second, valid.user.communicationUserId)).status).toBe(200);
		expect((await getIdentity(second, gone.user.communicationUserId)).status).toBe(404);
	});
});

async function servedChain(emulator: Emulator, ca: Buffer): Promise<{leaf: string; issuer: string}> {
	const url = new URL(emulator.url);
	return new Promise((resolve, reject) => {
		const socket = tls.connect({host: url.hostname, port: Number(url.port), ca}, () => {
			const peer = socket.getPeerCertificate(true);
			resolve({leaf: peer.fingerprint256, issuer: peer.issuerCertificate.fingerprint256});
			socket.end();
		});
		socket.once('error', reject);
	});
}

// ---------------------------------------------------------------------------------------------

describe('damaged state files', () => {
	async function directoryWithUsers(count: number) {
		const directory = await dataDirectory();
		const emulator = await start(directory);
		const client = sdkClient(emulator);
		const users = [];
		for (let index = 0; index < count; index++) {
			users.push(await client.createUserAndToken(['chat']));
		}

		await stop(emulator);
		return {directory, users, journalPath: path.join(directory, journalName)};
	}

	it('drops a torn last journal line (a write the crash cut short) and keeps the rest', async () => {
		const {directory, users, journalPath} = await directoryWithUsers(2);
		const whole = await readFile(journalPath, 'utf8');
		const resourceId = users[0]?.user.communicationUserId.slice(6, 42);
		await appendFile(journalPath, `{"op":"create","id":"8:acs:${resourceId}_0000`);

		const second = await start(directory);
		expect(await readFile(journalPath, 'utf8')).toBe(whole);
		for (const {user, token} of users) {
			expect(await verify(second, token)).toMatchObject({valid: true});
			expect((await getIdentity(second, user.communicationUserId)).status).toBe(200);
		}

		// New lines start on a line of their own: the next start reads them.
		const later = await sdkClient(second).createUserAndToken(['voip']);
		await stop(second);
		const third = await start(directory);
		expect(await verify(third, later.token)).toMatchObject({valid: true});
	});

	it('refuses a journal damaged in the middle, naming the file and the byte, and leaves it as it was', async () => {
		const {directory, users, journalPath} = await directoryWithUsers(3);
		const whole = await readFile(journalPath, 'utf8');
		const lines = whole.split('\n');
		const damagedAt = Buffer.byteLength(`${lines[0]}\n`);
		lines[1] = `${lines[1]?.slice(0, 20)}#garbage#`;
		const damaged = lines.join('\n');
		await writeFile(journalPath, damaged);

		const failure = await createEmulator({port: 0, http: true, dataDirectory: directory}).then(
			emulator => {
				openEmulators.add(emulator);
				throw new Error('the emulator started on a damaged journal');
			},
			(error: unknown) => error,
		);
		expect(failure).toBeInstanceOf(StateFileError);
		expect((failure as Error).message).toBe(
			`The emulator's journal ${journalPath} is damaged at byte ${damagedAt}, line 2: it has no checksum (damaged, or written by an earlier version of acs-tokens); ${startAfresh}`,
		);
		expect(await readFile(journalPath, 'utf8')).toBe(damaged);
		expect(existsSync(path.join(directory, 'emulator.lock'))).toBe(false);

		const cli = await runCliToExit(['emulator', '--http', '--port', '0', '--data-dir', directory]);
		expect(cli.code).toBe(1);
		expect(cli.stdout).toBe('');
		expect(cli.stderr).toBe(`acs-tokens: ${(failure as Error).message}\n`);
		expect(await readFile(journalPath, 'utf8')).toBe(damaged);

		// Repaired by hand, everything is there again.
		await writeFile(journalPath, whole);
		const repaired = await start(directory);
		for (const {token} of users) {
			expect(await verify(repaired, token)).toMatchObject({valid: true});
		}
	});

	it.each([
		['not JSON', '{"version":1,"seq":4,"identities":[{"id":', 'it has no checksum'],
		['of another shape', `${seal('{"version":2,"identities":{}}')}\n`, 'it is not a snapshot this version of acs-tokens writes'],
		['holding a null identity', encodeSnapshot({seq: 0, identities: [null as never]}), 'identity 0 in it is not a record'],
	])('refuses a snapshot that is %s, naming the file', async (_, content, problem) => {
		const {directory, users, journalPath} = await directoryWithUsers(1);
		const journal = await readFile(journalPath, 'utf8');
		const snapshotPath = path.join(directory, snapshotName);
		await writeFile(snapshotPath, content);

		const failure = await createEmulator({port: 0, http: true, dataDirectory: directory}).then(
			emulator => {
				openEmulators.add(emulator);
				throw new Error('the emulator started on a damaged snapshot');
			},
			(error: unknown) => error,
		);
		expect(failure).toBeInstanceOf(StateFileError);
		expect((failure as Error).message).toContain(`The emulator's state file ${snapshotPath} is damaged: ${problem}`);
		expect((failure as Error).message).toContain(startAfresh);
		expect(await readFile(snapshotPath, 'utf8')).toBe(content);
		expect(await readFile(journalPath, 'utf8')).toBe(journal);

		const cli = await runCliToExit(['emulator', '--http', '--port', '0', '--data-dir', directory]);
		expect(cli.code).toBe(1);
		expect(cli.stderr).toContain(`acs-tokens: The emulator's state file ${snapshotPath} is damaged`);

		// Never compacted, the journal alone still holds the identity.
		await rm(snapshotPath);
		const emulator = await start(directory);
		expect(await verify(emulator, users[0]?.token ?? '')).toMatchObject({valid: true});
	});
});

// ---------------------------------------------------------------------------------------------

describe('the lock on a data directory', () => {
	/** How starting another emulator on the directory fails. */
	async function refusal(directory: string): Promise<{name: string; message: string}> {
		try {
			openEmulators.add(await createEmulator({port: 0, http: true, dataDirectory: directory}));
		} catch (error) {
			expect(error).toBeInstanceOf(DataDirectoryError);
			return {name: (error as Error).name, message: (error as Error).message};
		}

		throw new Error(`a second emulator started on ${directory}`);
	}

	/** The pid in the lock file (which may also advertise the emulator's URL). */
	async function lockOwner(directory: string): Promise<number> {
		const text = await readFile(path.join(directory, 'emulator.lock'), 'utf8');
		return text.startsWith('{') ? (JSON.parse(text) as {pid: number}).pid : Number(text);
	}

	const inUse = (directory: string, pid: number) =>
		`The data directory ${directory} is in use by another emulator (pid ${pid}). Stop that one, or start this one with --data-dir <another directory> or --in-memory.`;

	it('refuses a second emulator while the first runs, naming the directory and its pid', async () => {
		const directory = await dataDirectory();
		const {cli, emulator} = await startCli(directory);
		const pid = cli.child.pid as number;

		expect(await refusal(directory)).toEqual({name: 'DataDirectoryError', message: inUse(directory, pid)});
		const second = await runCliToExit(['emulator', '--http', '--port', '0', '--data-dir', directory]);
		expect(second.code).toBe(1);
		expect(second.stdout).toBe('');
		expect(second.stderr).toBe(`acs-tokens: ${inUse(directory, pid)}\n`);

		// The refused ones left the first alone.
		expect(await lockOwner(directory)).toBe(pid);
		await expect(sdkClient(emulator).createUser()).resolves.toHaveProperty('communicationUserId');
		await emulator.close();
		expect(existsSync(path.join(directory, 'emulator.lock'))).toBe(false);
	});

	it('refuses a second emulator in the same process', async () => {
		const directory = await dataDirectory();
		const first = await start(directory);
		expect(await refusal(directory)).toEqual({name: 'DataDirectoryError', message: inUse(directory, process.pid)});
		await expect(sdkClient(first).createUser()).resolves.toHaveProperty('communicationUserId');
		await stop(first);
		// Closed, the directory is free again.
		await stop(await start(directory));

		// Two starts at the same moment: exactly one wins.
		const contested = await dataDirectory();
		const starts = await Promise.allSettled(
			[0, 1].map(() => createEmulator({port: 0, http: true, dataDirectory: contested})),
		);
		const started = starts.flatMap(outcome => (outcome.status === 'fulfilled' ? [outcome.value] : []));
		for (const emulator of started) {
			openEmulators.add(emulator);
		}

		expect(started).toHaveLength(1);
		expect(starts.flatMap(outcome => (outcome.status === 'rejected' ? [(outcome.reason as Error).message] : []))).toEqual([
			inUse(contested, process.pid),
		]);
	});

	it('takes over a lock left by a killed emulator', async () => {
		const directory = await dataDirectory();
		const {cli, emulator} = await startCli(directory);
		const user = await sdkClient(emulator).createUser();
		cli.child.kill('SIGKILL');
		await cli.closed;
		const lockPath = path.join(directory, 'emulator.lock');
		expect(await lockOwner(directory)).toBe(cli.child.pid);

		const second = await start(directory);
		expect(await lockOwner(directory)).toBe(process.pid);
		await expect(sdkClient(second).getToken(user, ['chat'])).resolves.toHaveProperty('token');
		await stop(second);
		expect(existsSync(lockPath)).toBe(false);
	});
});

describe('acknowledgements', () => {
	it('answers a create with a known customId only once the identity it names is durable', async () => {
		// A state whose writes stay in flight until released, like a journal waiting for fdatasync.
		const memory = createMemoryState();
		const inFlight: Promise<void>[] = [];
		let release = () => {};
		const written = new Promise<void>(resolve => {
			release = resolve;
		});
		const state: IdentityState = {
			get: id => memory.get(id),
			findByCustomId: customId => memory.findByCustomId(customId),
			commit(change) {
				void memory.commit(change);
				inFlight.push(written);
				return written;
			},
			settled: async () => {
				await Promise.all(inFlight);
			},
			close: () => memory.close(),
		};
		const service = new IdentityService({resourceId: randomUUID(), state, signingKey: generateSigningKey()});

		const answered: string[] = [];
		const create = (name: string) =>
			service.create({customId: 'alice'}, '2025-03-02-preview').then(result => {
				answered.push(`${name} ${result.status}`);
				return result;
			});
		const first = create('first');
		const second = create('second');
		await new Promise(resolve => setImmediate(resolve));
		expect(answered, 'nothing may be answered before the identity is written').toEqual([]);

		release();
		const [created, found] = await Promise.all([first, second]);
		expect(found.body).toEqual(created.body);
		expect(answered.sort()).toEqual(['first 201', 'second 201']);
	});
});

// ---------------------------------------------------------------------------------------------
// SIGKILL while requests are in flight: what was acknowledged must survive.

type Revoke = {readonly sentAt: number; ackedAt?: number; /** The crash: an unacknowledged revoke happened before it or never. */ settledBy?: number};
type IdentityFacts = {readonly id: string; deleteSent: boolean; deleteAcked: boolean; readonly revokes: Revoke[]};
type TokenFacts = {readonly token: string; readonly id: string; readonly sentAt: number; readonly ackedAt: number};

/** What the client saw, ordered by one logical clock. */
class History {
	#clock = 0;
	readonly identities = new Map<string, IdentityFacts>();
	/** Identities acknowledged and not being deleted: the ones the workload acts on. */
	readonly live: string[] = [];
	readonly tokens: TokenFacts[] = [];
	readonly unexpected: string[] = [];
	acknowledged = 0;

	tick(): number {
		this.#clock += 1;
		return this.#clock;
	}

	created(id: string): void {
		if (!this.identities.has(id)) {
			this.identities.set(id, {id, deleteSent: false, deleteAcked: false, revokes: []});
			this.live.push(id);
		}
	}

	pickLive(): IdentityFacts | undefined {
		const id = this.live[randomInt(Math.max(this.live.length, 1))];
		return id === undefined ? undefined : this.identities.get(id);
	}

	deleting(identity: IdentityFacts): void {
		identity.deleteSent = true;
		const index = this.live.indexOf(identity.id);
		if (index !== -1) {
			this.live.splice(index, 1);
		}
	}

	/** The reasons the verify extension may give for a token after a crash and restart. */
	expectedReasons(token: TokenFacts): string[] {
		const identity = this.identities.get(token.id) as IdentityFacts;
		if (identity.deleteAcked) {
			return ['deleted'];
		}

		// A revoke sent after the token arrived and acknowledged: the token must be revoked.
		const mustRevoke = identity.revokes.some(revoke => revoke.ackedAt !== undefined && revoke.sentAt > token.ackedAt);
		// A revoke not finished before the token was asked for may or may not cover it.
		const mayRevoke = identity.revokes.some(
			revoke => (revoke.ackedAt ?? revoke.settledBy ?? Number.POSITIVE_INFINITY) > token.sentAt,
		);
		const reasons = mustRevoke ? ['revoked'] : mayRevoke ? ['revoked', 'valid'] : ['valid'];
		return identity.deleteSent ? [...reasons, 'deleted'] : reasons;
	}
}

type Round = {killed: boolean; inFlight: number; inFlightAtKill: number; acknowledged: number};

async function crashRound(directory: string, history: History, roundNumber: number): Promise<Round> {
	const {cli, emulator} = await startCli(directory);
	const dead = cli.closed.then(() => undefined);
	const round: Round = {killed: false, inFlight: 0, inFlightAtKill: 0, acknowledged: 0};
	const killAfter = randomInt(30, 200);
	const kill = () => {
		if (!round.killed) {
			round.killed = true;
			round.inFlightAtKill = round.inFlight;
			cli.child.kill('SIGKILL');
		}
	};

	const fallback = setTimeout(kill, 15_000);
	const acknowledge = () => {
		history.acknowledged += 1;
		round.acknowledged += 1;
		if (round.acknowledged === killAfter) {
			kill();
		}
	};

	/** A response, or undefined when the emulator died first. */
	const send = async (request: RawRequest): Promise<RawResponse | undefined> => {
		round.inFlight += 1;
		try {
			return await Promise.race([rawRequest(emulator, request), dead]);
		} catch (error) {
			if (!round.killed) {
				history.unexpected.push(`${request.method ?? 'POST'} ${request.target}: ${(error as Error).message}`);
			}

			return undefined;
		} finally {
			round.inFlight -= 1;
		}
	};

	const unexpected = (what: string, response: RawResponse) => {
		history.unexpected.push(`${what}: ${response.status} ${response.text}`);
	};

	const operations = {
		async create() {
			const withToken = randomInt(3) === 0;
			const withCustomId = !withToken && randomInt(4) === 0;
			const sentAt = history.tick();
			const response = await send({
				target: `/identities${withCustomId ? previewVersion : stableVersion}`,
				body: withToken
					? JSON.stringify({createTokenWithScopes: ['chat'], expiresInMinutes: null})
					: withCustomId
						? JSON.stringify({customId: `round-${roundNumber}-${randomInt(3)}`})
						: '',
			});
			if (!response) {
				return;
			}

			if (response.status !== 201 && !(withCustomId && response.status === 200)) {
				unexpected('create', response);
				return;
			}

			const body = response.json as {identity: {id: string}; accessToken?: {token: string}};
			const ackedAt = history.tick();
			history.created(body.identity.id);
			if (body.accessToken) {
				history.tokens.push({token: body.accessToken.token, id: body.identity.id, sentAt, ackedAt});
			}

			acknowledge();
		},
		async issue() {
			const identity = history.pickLive();
			if (!identity) {
				return;
			}

			const sentAt = history.tick();
			const response = await send({
				target: `/identities/${encodeURIComponent(identity.id)}/:issueAccessToken${stableVersion}`,
				body: JSON.stringify({scopes: ['voip'], expiresInMinutes: 60}),
			});
			if (!response) {
				return;
			}

			if (response.status === 200) {
				const ackedAt = history.tick();
				history.tokens.push({token: (response.json as {token: string}).token, id: identity.id, sentAt, ackedAt});
				acknowledge();
			} else if (!(response.status === 404 && identity.deleteSent)) {
				unexpected('issue', response);
			}
		},
		async revoke() {
			const identity = history.pickLive();
			if (!identity) {
				return;
			}

			const revoke: Revoke = {sentAt: history.tick()};
			identity.revokes.push(revoke);
			const response = await send({
				target: `/identities/${encodeURIComponent(identity.id)}/:revokeAccessTokens${stableVersion}`,
			});
			if (!response) {
				return;
			}

			if (response.status === 204) {
				revoke.ackedAt = history.tick();
				acknowledge();
			} else if (!(response.status === 404 && identity.deleteSent)) {
				unexpected('revoke', response);
			}
		},
		async remove() {
			const identity = history.pickLive();
			if (!identity) {
				return;
			}

			history.deleting(identity);
			const response = await send({
				method: 'DELETE',
				target: `/identities/${encodeURIComponent(identity.id)}${stableVersion}`,
			});
			if (!response) {
				return;
			}

			if (response.status === 204) {
				identity.deleteAcked = true;
				acknowledge();
			} else {
				unexpected('delete', response);
			}
		},
	};

	const worker = async () => {
		while (!round.killed) {
			const dice = randomInt(100);
			const operation =
				dice < 35 || history.live.length < 5
					? operations.create
					: dice < 70
						? operations.issue
						: dice < 88
							? operations.revoke
							: operations.remove;
			await operation();
		}
	};

	await Promise.all(Array.from({length: 12}, worker));
	clearTimeout(fallback);
	await cli.closed;
	const crash = history.tick();
	for (const identity of history.identities.values()) {
		for (const revoke of identity.revokes) {
			if (revoke.ackedAt === undefined) {
				revoke.settledBy ??= crash;
			}
		}
	}

	return round;
}

/** After the crash: every acknowledged change is there, and the state loads. */
async function checkAfterCrash(directory: string, history: History): Promise<void> {
	const emulator = await start(directory);
	const problems: string[] = [];

	await eachLimited([...history.identities.values()], 16, async identity => {
		const response = await getIdentity(emulator, identity.id);
		if (identity.deleteAcked) {
			if (response.status !== 404 || (response.json as {error?: {code?: string}}).error?.code !== 'IdentityNotFound') {
				problems.push(`acknowledged delete of ${identity.id} lost: ${response.status} ${response.text}`);
			}
		} else if (response.status === 200) {
			if ((response.json as {id?: string}).id !== identity.id) {
				problems.push(`GET ${identity.id} answered ${response.text}`);
			}

			if (identity.deleteSent) {
				// The delete was not acknowledged and did not happen: the identity is live again.
				identity.deleteSent = false;
				history.live.push(identity.id);
			}
		} else if (identity.deleteSent && response.status === 404) {
			identity.deleteAcked = true;
		} else {
			problems.push(`acknowledged create of ${identity.id} lost: ${response.status} ${response.text}`);
		}
	});

	await eachLimited(history.tokens, 16, async token => {
		const {reason} = await verify(emulator, token.token);
		const expected = history.expectedReasons(token);
		if (!expected.includes(reason)) {
			problems.push(`token of ${token.id} (sent ${token.sentAt}, acknowledged ${token.ackedAt}) is ${reason}, expected ${expected.join(' or ')}`);
		}
	});

	expect(problems).toEqual([]);
	// The state takes new writes after the restart.
	const {user, token} = await sdkClient(emulator).createUserAndToken(['chat']);
	expect(await verify(emulator, token)).toMatchObject({valid: true});
	history.created(user.communicationUserId);
	await stop(emulator);
}

describe('a crash (SIGKILL) while requests are in flight', () => {
	it('keeps every acknowledged create, issue, revoke and delete, round after round', async () => {
		const directory = await dataDirectory();
		const history = new History();
		console.log(`crash rounds: seed ${crashSeed} (replay with CRASH_SEED=${crashSeed})`);
		const rounds: Round[] = [];
		// Five rounds, however long they take: what is asserted is what each keeps, not a pace.
		while (rounds.length < 5) {
			const round = await crashRound(directory, history, rounds.length);
			rounds.push(round);
			expect(round.killed).toBe(true);
			expect(round.inFlightAtKill).toBeGreaterThan(0);
			expect(history.unexpected).toEqual([]);
			await checkAfterCrash(directory, history);
		}

		expect(history.identities.size).toBeGreaterThan(50);
		expect(history.tokens.length).toBeGreaterThan(20);
		expect([...history.identities.values()].some(identity => identity.deleteAcked)).toBe(true);
		expect(
			history.tokens.some(token => history.expectedReasons(token).join() === 'revoked'),
			'some token must have been revoked by an acknowledged revoke',
		).toBe(true);
		const journal = await stat(path.join(directory, journalName));
		expect(journal.size).toBeGreaterThan(0);
	}, 120_000);
});
