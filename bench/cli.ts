/**
 * bench:cli — two whole processes, each side by side with its baseline, runs alternating so
 * that both see the same machine state:
 *   (a) `acs-tokens token issue --json` against a running emulator, beside a bare Node script
 *       making the same SDK call. Target: median at most 1.0 times the bare script's (a
 *       bundled binary should beat an unbundled script).
 *   (b) `acs-tokens --help`, beside `node -e 0`. Target: at most 1.3 times.
 */
import {execFileSync, spawn} from 'node:child_process';
import {mkdtemp, rm} from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import {createInterface} from 'node:readline';

const runs = Number(process.env['BENCH_RUNS'] ?? 21);
const root = path.resolve(import.meta.dirname, '..');
const cli = process.env['BENCH_CLI'] ?? path.join(root, 'dist', 'cli.js');

function median(values: number[]): number {
	const sorted = [...values].sort((a, b) => a - b);
	return sorted[Math.floor(sorted.length / 2)] as number;
}

function timeRun(args: string[], check: (output: string) => boolean = output => Boolean(JSON.parse(output).token)): number {
	const started = process.hrtime.bigint();
	const output = execFileSync(process.execPath, args, {cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe']});
	const elapsed = Number(process.hrtime.bigint() - started) / 1e6;
	if (!check(output)) {
		throw new Error(`unexpected output: ${output}`);
	}

	return elapsed;
}

const configDirectory = await mkdtemp(path.join(os.tmpdir(), 'acs-tokens-bench-cli-'));
const emulator = spawn(process.execPath, [cli, 'emulator', '--http', '--port', '0', '--in-memory'], {
	env: {...process.env, ACS_TOKENS_CONFIG_DIR: configDirectory},
	stdio: ['ignore', 'pipe', 'ignore'],
});
try {
	const connectionString = await new Promise<string>((resolve, reject) => {
		createInterface({input: emulator.stdout}).on('line', line => {
			if (line.startsWith('endpoint=')) {
				resolve(line);
			}
		});
		emulator.once('exit', code => reject(new Error(`emulator exited with ${code}`)));
	});
	const created = JSON.parse(
		execFileSync(process.execPath, [cli, 'user', 'create', '--connection-string', connectionString, '--json', '--config-dir', configDirectory], {
			encoding: 'utf8',
		}),
	) as {id: string};

	const ours = [cli, 'token', 'issue', '--connection-string', connectionString, '--user', created.id, '--scopes', 'chat', '--json', '--config-dir', configDirectory];
	const bare = ['bench/bare-issue.mjs', connectionString, created.id];
	// Warm the file cache for both.
	timeRun(ours);
	timeRun(bare);
	const oursTimes: number[] = [];
	const bareTimes: number[] = [];
	for (let run = 0; run < runs; run++) {
		oursTimes.push(timeRun(ours));
		bareTimes.push(timeRun(bare));
	}

	const helpTimes: number[] = [];
	const nodeTimes: number[] = [];
	const help = [cli, '--help'];
	timeRun(help, output => output.startsWith('Usage:'));
	for (let run = 0; run < runs; run++) {
		helpTimes.push(timeRun(help, output => output.startsWith('Usage:')));
		nodeTimes.push(timeRun(['-e', '0'], output => output === ''));
	}

	const ratio = median(oursTimes) / median(bareTimes);
	const helpRatio = median(helpTimes) / median(nodeTimes);
	const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
	console.log(`bench:cli — ${runs} alternating runs each, node ${process.version}, ${os.cpus().length} × ${cpu}\n`);
	console.log('| process | median | min | max |');
	console.log('|---|---|---|---|');
	for (const [name, times] of [
		['`acs-tokens token issue --json`', oursTimes],
		['bare script, same SDK call (baseline)', bareTimes],
		['`acs-tokens --help`', helpTimes],
		['`node -e 0` (baseline)', nodeTimes],
	] as const) {
		console.log(`| ${name} | ${median(times).toFixed(0)} ms | ${Math.min(...times).toFixed(0)} ms | ${Math.max(...times).toFixed(0)} ms |`);
	}

	const pass = (ok: boolean) => (ok ? 'PASS' : 'FAIL');
	console.log(`\ntoken issue: ${ratio.toFixed(2)} × the bare script — target ≤ 1.00: ${pass(ratio <= 1)}`);
	console.log(`--help: ${helpRatio.toFixed(2)} × node -e 0 — target ≤ 1.30: ${pass(helpRatio <= 1.3)}`);
} finally {
	emulator.kill('SIGTERM');
	await rm(configDirectory, {recursive: true, force: true});
}
