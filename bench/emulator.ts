// Throughput and latency of token issuing by the emulator, next to two baselines measured the
// same way on the same machine: a bare node:http server answering a fixed JSON body (the
// ceiling of the HTTP stack with this client), and bare RS256 signing (the ceiling of the
// cryptography). Servers run in a forked child process (bench/emulator-server.ts) so the
// load client does not share their event loop. Everything is loopback-only and bounded in time.
//
//   npm run bench:emulator [-- --duration 5 --warmup 2 --identities 100]
//   npm run -s bench:emulator -- --json                  (JSON only on stdout; progress on stderr)
//   npm run bench:emulator -- --cpu-prof /tmp/profiles   (.cpuprofile files of the servers, one folder each)
//   npm run bench:emulator -- --check                    (exit code 1 when a target fails)
import {type ChildProcess, fork} from 'node:child_process';
import {generateKeyPairSync, randomBytes, randomUUID, sign} from 'node:crypto';
import {mkdtemp, rm} from 'node:fs/promises';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import {parseArgs} from 'node:util';
import {parseConnectionString} from '../source/protocol/connection-string.js';
import {signRequest} from '../source/protocol/hmac.js';
import type {ClientMessage, ServerKind, ServerMessage} from './emulator-server.js';

const apiVersion = '2023-10-01';
const issueBody = JSON.stringify({scopes: ['chat'], expiresInMinutes: 60});
const highConcurrency = 50;
/** The supplementary open-loop case: requests sent on a fixed schedule, whatever the answers. */
const offeredRate = 1000;
const targets = {minimumRate: 1000, maximumP99Ms: 10, minimumSigningShare: 0.6} as const;
/** Before each measured case: settles connections and the new concurrency after the server warm-up. */
const settleMs = 500;

const {values: args} = parseArgs({
	options: {
		json: {type: 'boolean', default: false},
		check: {type: 'boolean', default: false},
		duration: {type: 'string', default: '5'},
		warmup: {type: 'string', default: '2'},
		identities: {type: 'string', default: '100'},
		'cpu-prof': {type: 'string'},
	},
	strict: true,
});

const durationMs = seconds(args.duration, 'duration') * 1000;
const warmupMs = seconds(args.warmup, 'warmup') * 1000;
const identityCount = Math.max(1, Math.round(Number(args.identities)) || 100);
const liveChildren = new Set<ChildProcess>();

function seconds(text: string, name: string): number {
	const value = Number(text);
	if (!Number.isFinite(value) || value <= 0 || value > 60) {
		throw new Error(`--${name} must be a number of seconds, from 0 to 60`);
	}

	return value;
}

const formatRate = (value: number) => Math.round(value).toLocaleString('en-US');
const formatMs = (value: number) => (Number.isNaN(value) ? '—' : value < 10 ? value.toFixed(2) : value.toFixed(1));
const formatCpu = (value: number | undefined) => (value === undefined ? '—' : `${Math.round(value * 100)}%`);

function log(message: string): void {
	process.stderr.write(`${message}\n`);
}

// ---------------------------------------------------------------------------------------------
// Results

type CaseResult = {
	readonly name: string;
	readonly kind: 'http' | 'sign';
	/** How the load was applied, e.g. `50 in flight` or `1,000/s offered`. */
	readonly load: string;
	readonly completed: number;
	readonly errors: number;
	readonly seconds: number;
	/** Completed operations per second. */
	readonly rate: number;
	readonly p50Ms: number;
	readonly p99Ms: number;
	readonly maxMs: number;
	/** CPU time of the server process (or the signing process) over the wall time; 1 = one core. */
	readonly serverCpu: number;
	/** Server (or signing process) CPU time per completed operation, in microseconds. */
	readonly serverCpuMicrosPerOp: number;
	/** CPU time of the load client over the wall time; undefined for signing. */
	readonly clientCpu: number | undefined;
};

type Stats = {
	readonly completed: number;
	readonly errors: number;
	readonly seconds: number;
	readonly latencies: Float64Array;
	readonly firstError: string | undefined;
};

/** Nearest-rank percentile of sorted values. */
function percentile(sorted: Float64Array, fraction: number): number {
	if (sorted.length === 0) {
		return Number.NaN;
	}

	const rank = Math.min(sorted.length, Math.max(1, Math.ceil(fraction * sorted.length)));
	return sorted[rank - 1] as number;
}

function summarize(
	name: string,
	kind: CaseResult['kind'],
	load: string,
	stats: Stats,
	serverCpu: number,
	clientCpu: number | undefined,
): CaseResult {
	const sorted = stats.latencies.slice().sort();
	return {
		name,
		kind,
		load,
		completed: stats.completed,
		errors: stats.errors,
		seconds: stats.seconds,
		rate: stats.completed / stats.seconds,
		p50Ms: percentile(sorted, 0.5),
		p99Ms: percentile(sorted, 0.99),
		maxMs: percentile(sorted, 1),
		serverCpu,
		serverCpuMicrosPerOp: (serverCpu * stats.seconds * 1e6) / stats.completed,
		clientCpu,
	};
}

function cpuMicros(usage: NodeJS.CpuUsage): number {
	return usage.user + usage.system;
}

// ---------------------------------------------------------------------------------------------
// Servers, each in a child process

type ServerHandle = {
	readonly base: URL;
	readonly accessKey: Buffer;
	/** The child's CPU time so far (user + system, all threads), in microseconds. */
	cpu(): Promise<number>;
	stop(): Promise<void>;
};

function withTimeout<T>(promise: Promise<T>, milliseconds: number, what: string): Promise<T> {
	let timer: NodeJS.Timeout | undefined;
	return Promise.race([
		promise,
		new Promise<never>((_, reject) => {
			timer = setTimeout(() => reject(new Error(`${what} took more than ${milliseconds} ms`)), milliseconds);
		}),
	]).finally(() => {
		clearTimeout(timer);
	});
}

function nextMessage<T extends ServerMessage['type']>(
	child: ChildProcess,
	type: T,
): Promise<Extract<ServerMessage, {type: T}>> {
	return new Promise((resolve, reject) => {
		const onMessage = (message: ServerMessage) => {
			if (message.type === type) {
				cleanUp();
				resolve(message as Extract<ServerMessage, {type: T}>);
			} else if (message.type === 'failed') {
				cleanUp();
				reject(new Error(`the server failed: ${message.message}`));
			}
		};

		const onExit = (code: number | null) => {
			cleanUp();
			reject(new Error(`the server exited (code ${String(code)})`));
		};

		const cleanUp = () => {
			child.off('message', onMessage);
			child.off('exit', onExit);
		};

		child.on('message', onMessage);
		child.once('exit', onExit);
	});
}

async function startServer(kind: ServerKind, dataDirectory?: string): Promise<ServerHandle> {
	const profile = args['cpu-prof'];
	const child = fork(new URL('./emulator-server.ts', import.meta.url), dataDirectory ? [kind, dataDirectory] : [kind], {
		// The tsx loader the parent runs under, so the child can load TypeScript too.
		execArgv: [
			...process.execArgv,
			...(profile ? ['--cpu-prof', '--cpu-prof-dir', path.join(profile, kind)] : []),
		],
		stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
	});
	liveChildren.add(child);
	child.once('exit', () => {
		liveChildren.delete(child);
	});

	let ready: Extract<ServerMessage, {type: 'ready'}>;
	try {
		ready = await withTimeout(nextMessage(child, 'ready'), 30_000, `starting the ${kind} server`);
	} catch (error) {
		child.kill();
		throw error;
	}

	const base = new URL(ready.url);
	if (base.hostname !== '127.0.0.1') {
		child.kill();
		throw new Error(`the server is not on loopback: ${ready.url}`);
	}

	const accessKey = ready.connectionString
		? Buffer.from(parseConnectionString(ready.connectionString).accessKey, 'base64')
		: randomBytes(32);
	return {
		base,
		accessKey,
		async cpu() {
			const reply = nextMessage(child, 'cpu');
			child.send({type: 'cpu'} satisfies ClientMessage);
			return cpuMicros((await withTimeout(reply, 5000, 'asking the server for its CPU time')).usage);
		},
		async stop() {
			if (child.exitCode !== null || child.signalCode !== null) {
				return;
			}

			const exited = new Promise<void>(resolve => {
				child.once('exit', () => {
					resolve();
				});
			});
			child.send({type: 'stop'} satisfies ClientMessage);
			try {
				await withTimeout(exited, 10_000, 'stopping the server');
			} catch {
				child.kill('SIGKILL');
				await exited;
			}
		},
	};
}

// ---------------------------------------------------------------------------------------------
// The load client: closed loop, N requests in flight over keep-alive connections

type Target = {readonly url: URL};

type Response = {readonly status: number; readonly text: string};

function post(agent: http.Agent, accessKey: Buffer, url: URL, body: string): Promise<Response> {
	const headers = {
		...signRequest({accessKey, method: 'POST', url, body}),
		'content-type': 'application/json',
		'content-length': String(Buffer.byteLength(body)),
	};
	return new Promise((resolve, reject) => {
		const request = http.request(url, {method: 'POST', agent, headers}, response => {
			const chunks: Buffer[] = [];
			response.on('data', (chunk: Buffer) => {
				chunks.push(chunk);
			});
			response.once('end', () => {
				resolve({status: response.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8')});
			});
			response.once('error', reject);
		});
		request.setTimeout(10_000, () => {
			request.destroy(new Error('no answer within 10 s'));
		});
		request.once('error', reject);
		request.end(body);
	});
}

type LoadOptions = {
	readonly agent: http.Agent;
	readonly accessKey: Buffer;
	readonly targets: readonly Target[];
	readonly milliseconds: number;
	readonly expect: (response: Response) => boolean;
};

/** Round-robin over the pool; records the latency of each request from the moment it is sent. */
function recorder(options: LoadOptions) {
	const latencies: number[] = [];
	let errors = 0;
	let firstError: string | undefined;
	let next = 0;
	const started = performance.now();
	return {
		started,
		async send(): Promise<void> {
			const target = options.targets[next % options.targets.length] as Target;
			next += 1;
			const sent = performance.now();
			try {
				const response = await post(options.agent, options.accessKey, target.url, issueBody);
				latencies.push(performance.now() - sent);
				if (!options.expect(response)) {
					errors += 1;
					firstError ??= `HTTP ${response.status}: ${response.text.slice(0, 300)}`;
				}
			} catch (error) {
				errors += 1;
				firstError ??= error instanceof Error ? error.message : String(error);
				// A dead server must not turn this into a busy loop.
				await new Promise(resolve => setTimeout(resolve, 10));
			}
		},
		stats(): Stats {
			return {
				completed: latencies.length,
				errors,
				seconds: (performance.now() - started) / 1000,
				latencies: Float64Array.from(latencies),
				firstError,
			};
		},
	};
}

/** Closed loop: `concurrency` requests always in flight, each sent when the previous one is answered. */
async function closedLoop(options: LoadOptions & {readonly concurrency: number}): Promise<Stats> {
	const run = recorder(options);
	const deadline = run.started + options.milliseconds;
	const worker = async () => {
		while (performance.now() < deadline) {
			await run.send();
		}
	};

	await Promise.all(Array.from({length: options.concurrency}, worker));
	return run.stats();
}

/**
 * Open loop: requests sent on a fixed schedule (`rate` a second) whether or not earlier ones
 * were answered, at most `maxInFlight` at once. A server that cannot keep up shows as an
 * achieved rate below the offered one (requests wait for a free slot, not counted in latency).
 */
async function openLoop(options: LoadOptions & {readonly rate: number; readonly maxInFlight: number}): Promise<Stats> {
	const run = recorder(options);
	const interval = 1000 / options.rate;
	const total = Math.floor(options.milliseconds / interval);
	let sent = 0;
	let inFlight = 0;
	await new Promise<void>(resolve => {
		const pump = () => {
			const due = Math.min(total, Math.floor((performance.now() - run.started) / interval) + 1);
			while (sent < due && inFlight < options.maxInFlight) {
				sent += 1;
				inFlight += 1;
				void run.send().then(() => {
					inFlight -= 1;
					if (sent >= total && inFlight === 0) {
						resolve();
					}
				});
			}
		};

		const timer = setInterval(() => {
			pump();
			if (sent >= total) {
				clearInterval(timer);
			}
		}, 1);
		pump();
	});
	return run.stats();
}

function isTokenAnswer(response: Response): boolean {
	if (response.status !== 200) {
		return false;
	}

	// Cheap shape check on every answer; a full parse would load the client for nothing.
	return response.text.startsWith('{"token":"ey') && response.text.includes('"expiresOn":"');
}

async function createIdentities(server: ServerHandle, count: number): Promise<string[]> {
	const agent = new http.Agent({keepAlive: true, maxSockets: 10});
	const url = new URL(`/identities?api-version=${apiVersion}`, server.base);
	const ids: string[] = [];
	try {
		const create = async () => {
			while (ids.length < count) {
				const response = await post(agent, server.accessKey, url, '');
				if (response.status !== 201) {
					throw new Error(`creating an identity answered ${response.status}: ${response.text.slice(0, 300)}`);
				}

				const {identity} = JSON.parse(response.text) as {identity: {id: string}};
				ids.push(identity.id);
			}
		};

		await Promise.all(Array.from({length: 10}, create));
	} finally {
		agent.destroy();
	}

	return ids.slice(0, count);
}

function issueTargets(base: URL, ids: readonly string[]): Target[] {
	return ids.map(id => ({
		url: new URL(`/identities/${encodeURIComponent(id)}/:issueAccessToken?api-version=${apiVersion}`, base),
	}));
}

type LoadCase = {
	readonly load: string;
	readonly short: string;
	readonly run: (options: LoadOptions) => Promise<Stats>;
};

const loadCases: readonly LoadCase[] = [
	{load: '1 in flight', short: 'c=1', run: options => closedLoop({...options, concurrency: 1})},
	{
		load: `${highConcurrency} in flight`,
		short: `c=${highConcurrency}`,
		run: options => closedLoop({...options, concurrency: highConcurrency}),
	},
	{
		load: `${formatRate(offeredRate)}/s offered (≤ ${highConcurrency} in flight)`,
		short: `open ${offeredRate}/s`,
		run: options => openLoop({...options, rate: offeredRate, maxInFlight: highConcurrency}),
	},
];

async function httpCases(label: string, kind: ServerKind, dataDirectory?: string): Promise<CaseResult[]> {
	log(`${label}: starting the server`);
	const server = await startServer(kind, dataDirectory);
	const results: CaseResult[] = [];
	try {
		let ids: string[];
		let expect: (response: Response) => boolean;
		if (kind === 'bare') {
			// The bare server ignores the path; same shape of request as the emulator gets.
			ids = Array.from({length: identityCount}, () => `8:acs:${randomUUID()}_${randomUUID()}`);
			expect = response => response.status === 200;
		} else {
			ids = await createIdentities(server, identityCount);
			expect = isTokenAnswer;
		}

		const pool = issueTargets(server.base, ids);
		const common = {accessKey: server.accessKey, targets: pool, expect};
		// Warm-up of both processes (JIT, connections, buffers) at full load; then a short settle per case.
		let agent = new http.Agent({keepAlive: true, maxSockets: highConcurrency});
		const warm = await closedLoop({...common, agent, concurrency: highConcurrency, milliseconds: warmupMs});
		agent.destroy();
		if (warm.errors > 0) {
			throw new Error(`${label}: ${warm.errors} failed requests in the warm-up; first: ${warm.firstError}`);
		}

		for (const loadCase of loadCases) {
			agent = new http.Agent({keepAlive: true, maxSockets: highConcurrency});
			try {
				await loadCase.run({...common, agent, milliseconds: settleMs});
				const serverBefore = await server.cpu();
				const clientBefore = process.cpuUsage();
				const stats = await loadCase.run({...common, agent, milliseconds: durationMs});
				const clientMicros = cpuMicros(process.cpuUsage(clientBefore));
				const serverMicros = (await server.cpu()) - serverBefore;
				const wallMicros = stats.seconds * 1e6;
				const result = summarize(label, 'http', loadCase.load, stats, serverMicros / wallMicros, clientMicros / wallMicros);
				if (stats.errors > 0) {
					log(`  ${stats.errors} failed requests; first: ${stats.firstError}`);
				}

				log(
					`  ${loadCase.short}: ${result.rate.toFixed(0)}/s, p50 ${result.p50Ms.toFixed(2)} ms, p99 ${result.p99Ms.toFixed(2)} ms`,
				);
				results.push(result);
			} finally {
				agent.destroy();
			}
		}
	} finally {
		await server.stop();
	}

	return results;
}

// ---------------------------------------------------------------------------------------------
// Bare RS256 signing, in this process (no server is running by then)

function signingInputLike(): Buffer {
	// The same shape and size as the emulator's header.claims.
	const part = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
	const iat = Math.floor(Date.now() / 1000);
	const resourceId = randomUUID();
	return Buffer.from(
		`${part({alg: 'RS256', kid: randomBytes(32).toString('base64url'), x5t: randomBytes(20).toString('base64url'), typ: 'JWT'})}.${part({
			skypeid: `acs:${resourceId}_${randomUUID()}`,
			scp: 1792,
			csi: String(iat),
			exp: iat + 3600,
			rgn: 'amer',
			acsScope: 'chat',
			resourceId,
			resourceLocation: 'unitedstates',
			iat,
		})}`,
	);
}

function signSyncLoop(key: ReturnType<typeof generateKeyPairSync>['privateKey'], data: Buffer, milliseconds: number): Stats {
	const latencies: number[] = [];
	const started = performance.now();
	const deadline = started + milliseconds;
	let now = started;
	while (now < deadline) {
		sign('sha256', data, key);
		const done = performance.now();
		latencies.push(done - now);
		now = done;
	}

	return {
		completed: latencies.length,
		errors: 0,
		seconds: (performance.now() - started) / 1000,
		latencies: Float64Array.from(latencies),
		firstError: undefined,
	};
}

function signAsyncLoop(
	key: ReturnType<typeof generateKeyPairSync>['privateKey'],
	data: Buffer,
	inFlight: number,
	milliseconds: number,
): Promise<Stats> {
	const latencies: number[] = [];
	let errors = 0;
	let firstError: string | undefined;
	const started = performance.now();
	const deadline = started + milliseconds;
	const worker = () =>
		new Promise<void>(resolve => {
			const once = () => {
				if (performance.now() >= deadline) {
					resolve();
					return;
				}

				const sent = performance.now();
				sign('sha256', data, key, error => {
					latencies.push(performance.now() - sent);
					if (error) {
						errors += 1;
						firstError ??= error.message;
					}

					once();
				});
			};

			once();
		});
	return Promise.all(Array.from({length: inFlight}, worker)).then(() => ({
		completed: latencies.length,
		errors,
		seconds: (performance.now() - started) / 1000,
		latencies: Float64Array.from(latencies),
		firstError,
	}));
}

async function signingCases(): Promise<CaseResult[]> {
	log('RS256 signing: generating an RSA 2048 key');
	const {privateKey} = generateKeyPairSync('rsa', {modulusLength: 2048});
	const data = signingInputLike();
	const signWarmupMs = 1000;

	signSyncLoop(privateKey, data, signWarmupMs);
	let before = process.cpuUsage();
	const sync = signSyncLoop(privateKey, data, durationMs);
	const syncResult = summarize(
		'RS256 sign, sync loop',
		'sign',
		'1 thread',
		sync,
		cpuMicros(process.cpuUsage(before)) / (sync.seconds * 1e6),
		undefined,
	);
	log(`  sync: ${syncResult.rate.toFixed(0)}/s`);

	await signAsyncLoop(privateKey, data, highConcurrency, signWarmupMs);
	before = process.cpuUsage();
	const parallel = await signAsyncLoop(privateKey, data, highConcurrency, durationMs);
	const asyncResult = summarize(
		'RS256 sign, async callback (thread pool)',
		'sign',
		`${highConcurrency} in flight`,
		parallel,
		cpuMicros(process.cpuUsage(before)) / (parallel.seconds * 1e6),
		undefined,
	);
	log(`  async: ${asyncResult.rate.toFixed(0)}/s`);
	return [syncResult, asyncResult];
}

// ---------------------------------------------------------------------------------------------
// Report

type Check = {
	readonly target: string;
	readonly measured: string;
	readonly pass: boolean;
	/** The targets of the brief; the others are for information and do not count for --check. */
	readonly primary: boolean;
};
type Ratio = {readonly ratio: string; readonly value: number};

function machine() {
	const cpus = os.cpus();
	return {
		node: process.version,
		cpu: cpus[0]?.model.trim() ?? 'unknown',
		cores: os.availableParallelism(),
		platform: `${os.platform()} ${os.release()} ${os.arch()}`,
		uvThreadpoolSize: process.env['UV_THREADPOOL_SIZE'] ?? '4 (default)',
		tempDirectory: os.tmpdir(),
		/** 1-minute load average when the benchmark started: above ~0.5, other work was competing for the cores. */
		loadAverageAtStart: Number((os.loadavg()[0] ?? 0).toFixed(2)),
	};
}

function find(results: readonly CaseResult[], name: string, load: string): CaseResult {
	const result = results.find(candidate => candidate.name === name && candidate.load === load);
	if (!result) {
		throw new Error(`no result for ${name}, ${load}`);
	}

	return result;
}

function markdown(
	info: ReturnType<typeof machine>,
	results: readonly CaseResult[],
	ratios: readonly Ratio[],
	checks: readonly Check[],
): string {
	const lines = [
		'### Emulator benchmark: token issues',
		'',
		`Node ${info.node} · ${info.cpu} · ${info.cores} cores · ${info.platform} · UV_THREADPOOL_SIZE ${info.uvThreadpoolSize} · load average at start ${info.loadAverageAtStart}`,
		'',
		`Plain HTTP on 127.0.0.1 with keep-alive; servers in a child process, the load client in another. ${identityCount} identities, tokens issued round-robin (\`{"scopes":["chat"],"expiresInMinutes":60}\`). ${warmupMs / 1000} s of warm-up per server, then ${durationMs / 1000} s per case. Closed loop: N requests always in flight. Open loop: requests sent on a fixed schedule.`,
		'',
		'| Case | Load | Ops/s | p50 (ms) | p99 (ms) | max (ms) | Server CPU | Server CPU/op (µs) | Client CPU | Errors |',
		'| --- | --- | --: | --: | --: | --: | --: | --: | --: | --: |',
		...results.map(
			result =>
				`| ${result.name} | ${result.load} | ${formatRate(result.rate)} | ${formatMs(result.p50Ms)} | ${formatMs(result.p99Ms)} | ${formatMs(result.maxMs)} | ${formatCpu(result.serverCpu)} | ${Math.round(result.serverCpuMicrosPerOp)} | ${formatCpu(result.clientCpu)} | ${result.errors} |`,
		),
		'',
		'CPU: CPU time over wall time, all threads of the process (100% = one core); CPU/op is that time per completed operation, the figure least disturbed by other work on the machine. Signing rows: latency per signature; Server CPU is the signing process.',
		'',
		'| Ratio | Value |',
		'| --- | --: |',
		...ratios.map(ratio => `| ${ratio.ratio} | ${ratio.value.toFixed(2)} |`),
		'',
		'| Target | Measured | Result |',
		'| --- | --: | :-: |',
		...checks.map(
			check => `| ${check.target}${check.primary ? '' : ' (supplementary)'} | ${check.measured} | ${check.pass ? 'PASS' : 'FAIL'} |`,
		),
	];
	if (info.loadAverageAtStart > 0.5) {
		lines.push('', `Note: the load average was ${info.loadAverageAtStart} at the start; other work was competing for the cores.`);
	}

	return lines.join('\n');
}

async function main(): Promise<void> {
	const overall = setTimeout(() => {
		log('The benchmark took more than 3 minutes: stopping.');
		for (const child of liveChildren) {
			child.kill('SIGKILL');
		}

		process.exit(2);
	}, 180_000);
	overall.unref();

	const info = machine();
	const started = performance.now();
	const bare = 'Bare node:http, fixed JSON';
	const memory = 'Emulator, in memory';
	const disk = 'Emulator, data directory (fdatasync)';
	const results: CaseResult[] = [];
	results.push(...(await httpCases(bare, 'bare')));
	results.push(...(await httpCases(memory, 'memory')));
	const dataDirectory = await mkdtemp(path.join(os.tmpdir(), 'acs-tokens-bench-'));
	try {
		results.push(...(await httpCases(disk, 'disk', dataDirectory)));
	} finally {
		await rm(dataDirectory, {recursive: true, force: true});
	}

	const signing = await signingCases();
	results.push(...signing);
	const [signSync, signAsync] = signing as [CaseResult, CaseResult];

	const [single, full, open] = loadCases as [LoadCase, LoadCase, LoadCase];
	const ratios: Ratio[] = [];
	const checks: Check[] = [];
	for (const name of [memory, disk]) {
		const short = name === memory ? 'in memory' : 'data directory';
		for (const loadCase of [single, full]) {
			ratios.push({
				ratio: `${short}, ${loadCase.short}: rate / bare node:http rate`,
				value: find(results, name, loadCase.load).rate / find(results, bare, loadCase.load).rate,
			});
		}

		const emulator = find(results, name, full.load);
		ratios.push(
			{ratio: `${short}, ${full.short}: rate / sync signing rate`, value: emulator.rate / signSync.rate},
			{ratio: `${short}, ${full.short}: rate / async signing rate`, value: emulator.rate / signAsync.rate},
			{
				// CPU time is far less disturbed than rates by other work on the machine.
				ratio: `${short}, ${full.short}: share of the server's CPU per issue spent signing (sync sign CPU/op ÷ server CPU/op)`,
				value: signSync.serverCpuMicrosPerOp / emulator.serverCpuMicrosPerOp,
			},
		);
		checks.push(
			{
				target: `≥ ${formatRate(targets.minimumRate)} issues/s (${short}, ${full.short})`,
				measured: `${formatRate(emulator.rate)}/s`,
				pass: emulator.rate >= targets.minimumRate && emulator.errors === 0,
				primary: true,
			},
			{
				target: `p99 < ${targets.maximumP99Ms} ms (${short}, ${full.short})`,
				measured: `${formatMs(emulator.p99Ms)} ms`,
				pass: emulator.p99Ms < targets.maximumP99Ms,
				primary: true,
			},
			{
				target: `rate ≥ ${targets.minimumSigningShare * 100}% of sync signing (${short}, ${full.short})`,
				measured: `${Math.round((emulator.rate / signSync.rate) * 100)}%`,
				pass: emulator.rate >= targets.minimumSigningShare * signSync.rate,
				primary: true,
			},
		);
		const offered = find(results, name, open.load);
		checks.push({
			target: `p99 < ${targets.maximumP99Ms} ms at ${formatRate(offeredRate)}/s offered, keeping up (${short})`,
			measured: `${formatMs(offered.p99Ms)} ms at ${formatRate(offered.rate)}/s`,
			pass: offered.p99Ms < targets.maximumP99Ms && offered.rate >= 0.97 * offeredRate && offered.errors === 0,
			primary: false,
		});
	}

	log(`done in ${((performance.now() - started) / 1000).toFixed(1)} s\n`);
	if (args.json) {
		process.stdout.write(
			`${JSON.stringify(
				{
					machine: info,
					settings: {durationMs, warmupMs, settleMs, identities: identityCount, highConcurrency, offeredRate},
					results,
					ratios,
					targets: checks,
				},
				null,
				2,
			)}\n`,
		);
	} else {
		process.stdout.write(`${markdown(info, results, ratios, checks)}\n`);
	}

	const failedRequests = results.some(result => result.errors > 0);
	if (failedRequests || (args.check && checks.some(check => check.primary && !check.pass))) {
		process.exitCode = 1;
	}
}

main().catch((error: unknown) => {
	log(error instanceof Error ? (error.stack ?? error.message) : String(error));
	for (const child of liveChildren) {
		child.kill('SIGKILL');
	}

	process.exitCode = 1;
});
