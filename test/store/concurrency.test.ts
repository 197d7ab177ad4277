import {spawn} from 'node:child_process';
import {once} from 'node:events';
import {mkdir, readFile, utimes} from 'node:fs/promises';
import path from 'node:path';
import {createInterface} from 'node:readline';
import {build} from 'esbuild';
import {lock} from 'proper-lockfile';
import {beforeAll, describe, expect, it} from 'vitest';
import {IdentityStore} from '../../source/store/identity-store.js';
import {createSandbox} from '../_helpers/cli.js';
import {temporaryDirectory} from './temporary-directory.js';

const workers = 4;
const identitiesEach = 25;
let writerScript = '';

/**
 * The writers run as the CLI does: bundled by esbuild, with the options of scripts/build.mjs,
 * which also shows that conf and proper-lockfile survive bundling.
 */
beforeAll(async () => {
	writerScript = path.join(await temporaryDirectory(), 'record-identities.mjs');
	await build({
		entryPoints: [path.resolve('test/store/fixtures/record-identities.ts')],
		outfile: writerScript,
		bundle: true,
		format: 'esm',
		platform: 'node',
		target: 'node22',
		minify: true,
		banner: {
			js: "import {createRequire as __createRequire} from 'node:module';const require=__createRequire(import.meta.url);",
		},
		logLevel: 'warning',
	});
});

type Writer = {readonly ready: Promise<void>; readonly done: Promise<{startedAt: number; finishedAt: number}>; go(): void};

function startWriter(directory: string, worker: number): Writer {
	const child = spawn(process.execPath, [writerScript, directory, String(worker), String(identitiesEach)], {
		stdio: ['pipe', 'pipe', 'pipe'],
	});
	const stderr: string[] = [];
	child.stderr.setEncoding('utf8').on('data', (chunk: string) => stderr.push(chunk));
	const lines = createInterface({input: child.stdout});
	const output: string[] = [];
	const ready = new Promise<void>(resolve => {
		lines.on('line', line => {
			output.push(line);
			if (line === 'ready') {
				resolve();
			}
		});
	});
	const done = once(child, 'exit').then(([code]) => {
		if (code !== 0 || stderr.length > 0) {
			throw new Error(`writer ${worker} exited with ${code}: ${stderr.join('')}`);
		}

		return JSON.parse(output.at(-1) ?? '') as {startedAt: number; finishedAt: number};
	});
	return {ready, done, go: () => child.stdin.end('go\n')};
}

describe('writers in several processes', () => {
	it(`lose nothing: ${workers} processes recording ${identitiesEach} identities each at once`, async () => {
		const directory = await temporaryDirectory();
		const store = await IdentityStore.open({configDirectory: directory});
		await store.saveProfile({name: 'shared', endpoint: 'http://127.0.0.1:10430/', keySource: {kind: 'emulator'}});

		const writers = Array.from({length: workers}, (_, worker) => startWriter(directory, worker));
		await Promise.all(writers.map(writer => writer.ready));
		for (const writer of writers) {
			writer.go();
		}

		const timings = await Promise.all(writers.map(writer => writer.done));
		// The writers really overlapped: each started before any had finished.
		expect(Math.max(...timings.map(timing => timing.startedAt))).toBeLessThan(
			Math.min(...timings.map(timing => timing.finishedAt)),
		);

		const file = JSON.parse(await readFile(store.path, 'utf8')) as {profiles: Array<{name: string; identities: unknown[]}>};
		expect(file.profiles.map(profile => profile.name).sort()).toEqual(['shared', 'worker-0', 'worker-1', 'worker-2', 'worker-3']);
		const ids = store.identities('shared').map(identity => identity.id);
		expect(ids).toHaveLength(workers * identitiesEach);
		expect(new Set(ids).size).toBe(workers * identitiesEach);
		for (let worker = 0; worker < workers; worker++) {
			expect(store.findIdentity('shared', `worker ${worker} #${identitiesEach - 1}`)?.id).toBe(
				`8:acs:test_${worker}-${identitiesEach - 1}`,
			);
		}
	}, 60_000);
});

describe('the lock', () => {
	it('makes a write wait while another process holds it', async () => {
		const store = await IdentityStore.open({configDirectory: await temporaryDirectory()});
		const release = await lock(store.path, {realpath: false});
		let savedAt = 0;
		const saving = store
			.saveProfile({name: 'dev', endpoint: 'http://127.0.0.1:10430/', keySource: {kind: 'emulator'}})
			.then(() => {
				savedAt = performance.now();
			});
		// Held for a while, then let go: the write ends after that, never before.
		await new Promise(resolve => setTimeout(resolve, 300));
		const releasedAt = performance.now();
		await release();
		await saving;
		expect(savedAt).toBeGreaterThan(releasedAt);
		expect(store.profile('dev')?.name).toBe('dev');
	});

	it('held by another process while a command opens the store: Ctrl+C (SIGINT) stops the command then, of that signal, not once the wait gives up', async () => {
		const sandbox = await createSandbox();
		// Held and kept fresh, as a live process holds it: it is never taken over as stale.
		const release = await lock(sandbox.configFile, {realpath: false, lockfilePath: `${sandbox.configFile}.lock`});
		try {
			let died: NodeJS.Signals | null = null;
			const result = await sandbox.run(['profiles', '--json'], {
				onSpawn(child) {
					// Time enough to start and reach the lock; the wait it meets lasts some 15 s.
					setTimeout(() => child.kill('SIGINT'), 1500);
					child.once('exit', (_code, by) => {
						died = by;
					});
				},
			});
			expect(died).toBe('SIGINT');
			// Had the wait kept Ctrl+C from being heard, the command would have said the lock is held first.
			expect(result.stderr).toBe('');
			expect(result.stdout).toBe('');
		} finally {
			await release();
		}
	}, 30_000);

	it('is taken over when its holder died without removing it', async () => {
		const store = await IdentityStore.open({configDirectory: await temporaryDirectory()});
		const lockPath = `${store.path}.lock`;
		await mkdir(lockPath);
		const minuteAgo = new Date(Date.now() - 60_000);
		await utimes(lockPath, minuteAgo, minuteAgo);
		await store.saveProfile({name: 'dev', endpoint: 'http://127.0.0.1:10430/', keySource: {kind: 'emulator'}});
		expect(store.profiles()).toHaveLength(1);
		expect((await IdentityStore.open({configDirectory: store.configDirectory})).profiles()).toHaveLength(1);
	});
});
