/**
 * bench:cli — the whole `acs-tokens token issue --json` process against a running emulator,
 * side by side with a bare Node script making the same SDK call. Runs alternate, so both
 * see the same machine state. Target: median at most 1.3 times the bare script's.
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

function timeRun(args: string[]): number {
	const started = process.hrtime.bigint();
	const output = execFileSync(process.execPath, args, {cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe']});
	const elapsed = Number(process.hrtime.bigint() - started) / 1e6;
	if (!JSON.parse(output).token) {
		throw new Error(`no token in output: ${output}`);
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

	const ratio = median(oursTimes) / median(bareTimes);
	const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
	console.log(`bench:cli — ${runs} alternating runs each, node ${process.version}, ${os.cpus().length} × ${cpu}\n`);
	console.log('| process | median | min | max |');
	console.log('|---|---|---|---|');
	for (const [name, times] of [
		['`acs-tokens token issue --json`', oursTimes],
		['bare script, same SDK call (baseline)', bareTimes],
	] as const) {
		console.log(`| ${name} | ${median(times).toFixed(0)} ms | ${Math.min(...times).toFixed(0)} ms | ${Math.max(...times).toFixed(0)} ms |`);
	}

	console.log(`\nratio (median): ${ratio.toFixed(2)} × the bare script — target ≤ 1.30: ${ratio <= 1.3 ? 'PASS' : 'FAIL'}`);
} finally {
	emulator.kill('SIGTERM');
	await rm(configDirectory, {recursive: true, force: true});
}
