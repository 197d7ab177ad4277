/**
 * bench:tui — the wizard in a real pseudo-terminal (80×24, xterm-256color):
 *   (a) process spawn to the first complete frame (the connect screen with its footer), side
 *       by side with `node -e 0` (spawn to exit) in the same pty setup; runs alternate.
 *       Target: median at most 2.5 times the baseline's (stretch: 2 ×). Measured with Node's
 *       compile cache in place, as every start but the first after an install or upgrade has
 *       it; the first start (an empty cache directory each run) is reported beside it.
 *   (b) peak memory (VmHWM) after connecting to the embedded emulator and issuing a token.
 *       Target: under 100 MiB.
 *   (c) a key press (j/k in the menu) to the end of the frame it causes. Target: within one
 *       frame at Ink's default 30 fps, 33 ms (median).
 *   (d) the stack's floor, beside them: bench/ink-floor.tsx, four lines of Ink 8 and React
 *       built and started as dist/cli.js is, its first frame and its peak memory (alone, and
 *       with one idle worker thread as the wizard's emulator adds one). No target: it says
 *       how much of (a) and (b) is left to the wizard's own code.
 */
import {mkdtemp, readFile, rm, writeFile} from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import {build} from 'esbuild';
import pty from 'node-pty';
import {programOptions, sharedOptions} from '../scripts/bundle-options.mjs';

const runs = Number(process.env['BENCH_RUNS'] ?? 21);
const presses = Number(process.env['BENCH_PRESSES'] ?? 40);
const root = path.resolve(import.meta.dirname, '..');
const cli = path.join(root, 'dist', 'cli.js');
/** Ink wraps every frame in synchronized-output marks; the closing one ends a frame. */
const endOfFrame = '\u001B[?2026l';
const connectFooter = 'q quit';

function median(values: readonly number[]): number {
	const sorted = [...values].sort((a, b) => a - b);
	return sorted[Math.floor(sorted.length / 2)] as number;
}

function visible(raw: string): string {
	// biome-ignore lint/suspicious/noControlCharactersInRegex: removing escape sequences is the point.
	return raw.replaceAll(/\u001B\[[\d;?]*[A-Za-z]|\u001B\][^\u0007]*\u0007/g, '');
}

function environment(configDirectory: string): Record<string, string> {
	const env: Record<string, string> = {};
	for (const [name, value] of Object.entries(process.env)) {
		// Ink draws only the last frame when it believes it runs in CI.
		const ci = name === 'CI' || name === 'CONTINUOUS_INTEGRATION' || name.startsWith('CI_');
		const picked = ['COMMUNICATION_SERVICES_CONNECTION_STRING', 'AZURE_COMMUNICATION_CONNECTION_STRING', 'NO_COLOR', 'FORCE_COLOR'].includes(name);
		if (value !== undefined && !ci && !picked) {
			env[name] = value;
		}
	}

	return {...env, TERM: 'xterm-256color', ACS_TOKENS_CONFIG_DIR: configDirectory, ACS_TOKENS_CACHE_DIR: path.join(configDirectory, 'cache')};
}

/** A process in a pty, its output, and waits on it. */
class Session {
	readonly process: pty.IPty;
	raw = '';
	readonly exited: Promise<number>;
	#listeners = new Set<() => void>();

	constructor(args: readonly string[], env: Record<string, string>) {
		this.process = pty.spawn(process.execPath, [...args], {name: 'xterm-256color', cols: 80, rows: 24, cwd: os.tmpdir(), env});
		this.process.onData(chunk => {
			this.raw += chunk;
			for (const listener of this.#listeners) {
				listener();
			}
		});
		this.exited = new Promise(resolve => {
			this.process.onExit(({exitCode}) => resolve(exitCode));
		});
	}

	/** Resolves when `check` holds on the output, checked as each chunk arrives. */
	until(check: () => boolean, what: string, timeoutMs = 20_000): Promise<void> {
		if (check()) {
			return Promise.resolve();
		}

		return new Promise((resolve, reject) => {
			const listener = () => {
				if (check()) {
					clearTimeout(timer);
					this.#listeners.delete(listener);
					resolve();
				}
			};

			const timer = setTimeout(() => {
				this.#listeners.delete(listener);
				reject(new Error(`Waited ${timeoutMs} ms for ${what}. Output (end): ${JSON.stringify(visible(this.raw).slice(-800))}`));
			}, timeoutMs);
			this.#listeners.add(listener);
		});
	}

	/** A whole frame showing `text`, drawn after output position `since`. */
	frameWith(text: string, since: number): Promise<void> {
		return this.until(() => {
			const after = this.raw.slice(since);
			const end = after.lastIndexOf(endOfFrame);
			return end !== -1 && visible(after.slice(0, end)).includes(text);
		}, `a frame showing "${text}"`);
	}

	/** Sends a key and resolves when the frame it causes shows `text`. */
	async press(key: string, text: string): Promise<void> {
		const since = this.raw.length;
		this.process.write(key);
		await this.frameWith(text, since);
	}
}

/** The connect screen's footer ends in the quit key, in each language. */
const quitKey = {en: connectFooter, 'zh-TW': 'q 結束'} as const;

/**
 * Builds the floor app with the options scripts/build.mjs gives the program, and a launcher
 * that turns on the compile cache before loading it as dist/cli.js does. Returns the launcher.
 */
async function buildFloor(directory: string): Promise<string> {
	const {version} = JSON.parse(await readFile(path.join(root, 'package.json'), 'utf8')) as {version: string};
	await build({
		...sharedOptions({outdir: directory, version}),
		...programOptions,
		write: true,
		entryPoints: {'ink-floor': path.join(root, 'bench', 'ink-floor.tsx')},
	});
	const launcher = path.join(directory, 'launch.mjs');
	await writeFile(
		launcher,
		"import module from 'node:module';\nmodule.enableCompileCache(process.env.ACS_TOKENS_CACHE_DIR);\nawait import('./ink-floor.js');\n",
	);
	return launcher;
}

/** The floor app's first frame, the same wait as the wizard's. */
async function floorFrame(launcher: string, configDirectory: string): Promise<number> {
	const started = performance.now();
	const session = new Session([launcher], {...environment(configDirectory), LANG: 'en_US.UTF-8'});
	await session.frameWith(connectFooter, 0);
	const elapsed = performance.now() - started;
	session.process.write('q');
	await session.exited;
	return elapsed;
}

/** The floor app's VmHWM once its frame is out (and, with a thread, once the thread is up). */
async function floorPeak(launcher: string, configDirectory: string, thread: boolean): Promise<number> {
	const session = new Session([launcher], {...environment(configDirectory), LANG: 'en_US.UTF-8', INK_FLOOR_THREAD: thread ? '1' : '0'});
	await session.frameWith(thread ? 'thread up' : connectFooter, 0);
	// As long as the wizard's token view stands before its figure is read.
	await new Promise(resolve => setTimeout(resolve, 300));
	const status = await readFile(`/proc/${session.process.pid}/status`, 'utf8');
	session.process.write('q');
	await session.exited;
	return Number(/^VmHWM:\s+(\d+) kB/m.exec(status)?.[1]) / 1024;
}

async function firstFrame(configDirectory: string, cacheDirectory?: string, language: 'en' | 'zh-TW' = 'en'): Promise<number> {
	const started = performance.now();
	const session = new Session([cli], {
		...environment(configDirectory),
		LC_ALL: '',
		LC_MESSAGES: '',
		LANG: language === 'en' ? 'en_US.UTF-8' : 'zh_TW.UTF-8',
		...(cacheDirectory ? {ACS_TOKENS_CACHE_DIR: cacheDirectory} : {}),
	});
	await session.frameWith(quitKey[language], 0);
	const elapsed = performance.now() - started;
	session.process.write('q');
	await session.exited;
	return elapsed;
}

async function bareNode(configDirectory: string): Promise<number> {
	const started = performance.now();
	const session = new Session(['-e', '0'], environment(configDirectory));
	await session.exited;
	return performance.now() - started;
}

/** Moves in the menu with j and k, timing each key to the end of its frame; then the tour to a token, and VmHWM. */
async function interaction(configDirectory: string): Promise<{latencies: number[]; peakKib: number}> {
	const session = new Session([cli], environment(configDirectory));
	await session.frameWith(connectFooter, 0);
	await session.press('\r', 'What next?');
	const latencies: number[] = [];
	for (let press = 0; press < presses; press++) {
		// At a person's pace (well apart), so each press meets an idle renderer, as it would.
		await new Promise(resolve => setTimeout(resolve, 60));
		const since = session.raw.length;
		const started = performance.now();
		session.process.write(press % 2 === 0 ? 'j' : 'k');
		await session.until(() => session.raw.indexOf(endOfFrame, since) !== -1, 'the next frame');
		latencies.push(performance.now() - started);
	}

	if (presses % 2 === 1) {
		await session.press('k', '❯ Guided tour');
	}

	await session.press('\r', 'Step 1 of 6');
	await session.press('\r', 'Press Enter to create the user.');
	await session.press('\r', 'Created');
	await session.press('\r', 'Step 3 of 6');
	await session.press('\r', 'How long the token lives');
	await session.press('\r', 'Status: valid');
	const status = await readFile(`/proc/${session.process.pid}/status`, 'utf8');
	const peakKib = Number(/^VmHWM:\s+(\d+) kB/m.exec(status)?.[1]);
	session.process.write('q');
	const code = await session.exited;
	if (code !== 0) {
		throw new Error(`The wizard exited with ${code}.`);
	}

	return {latencies, peakKib};
}

const configDirectory = await mkdtemp(path.join(os.tmpdir(), 'acs-tokens-bench-tui-'));
try {
	// Warm the file cache for both, and let the first run create the config file.
	const floor = await buildFloor(await mkdtemp(path.join(configDirectory, 'floor-')));
	await firstFrame(configDirectory);
	await firstFrame(configDirectory, undefined, 'zh-TW');
	await bareNode(configDirectory);
	await floorFrame(floor, configDirectory);
	const wizardTimes: number[] = [];
	const zhTimes: number[] = [];
	const bareTimes: number[] = [];
	const floorTimes: number[] = [];
	for (let run = 0; run < runs; run++) {
		wizardTimes.push(await firstFrame(configDirectory));
		zhTimes.push(await firstFrame(configDirectory, undefined, 'zh-TW'));
		bareTimes.push(await bareNode(configDirectory));
		floorTimes.push(await floorFrame(floor, configDirectory));
	}

	const firstStarts: number[] = [];
	const firstStartBare: number[] = [];
	for (let run = 0; run < Math.min(runs, 11); run++) {
		firstStarts.push(await firstFrame(configDirectory, await mkdtemp(path.join(configDirectory, 'empty-cache-'))));
		firstStartBare.push(await bareNode(configDirectory));
	}

	const {latencies, peakKib} = await interaction(configDirectory);
	const floorPeakMib = await floorPeak(floor, configDirectory, false);
	const floorThreadPeakMib = await floorPeak(floor, configDirectory, true);
	const ratio = median(wizardTimes) / median(bareTimes);
	const peakMib = peakKib / 1024;
	const keyMedian = median(latencies);
	const pass = (ok: boolean) => (ok ? 'PASS' : 'FAIL');
	const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
	console.log(`bench:tui — node ${process.version}, ${os.cpus().length} × ${cpu}, pty 80×24\n`);
	console.log('| measure | median | min | max | target | result |');
	console.log('|---|---|---|---|---|---|');
	const row = (name: string, times: readonly number[], target: string, result: string) =>
		console.log(`| ${name} | ${median(times).toFixed(0)} ms | ${Math.min(...times).toFixed(0)} ms | ${Math.max(...times).toFixed(0)} ms | ${target} | ${result} |`);
	row(`spawn → first complete frame (${runs} runs)`, wizardTimes, `≤ 2.5 × baseline: ${ratio.toFixed(2)} ×`, pass(ratio <= 2.5));
	row(`\`node -e 0\`, spawn → exit (baseline, ${runs} runs)`, bareTimes, '', '');
	const zhRatio = median(zhTimes) / median(wizardTimes);
	row(`first complete frame under LANG=zh_TW.UTF-8 (${runs} runs)`, zhTimes, `≤ 1.10 × the English one: ${zhRatio.toFixed(2)} ×`, pass(zhRatio <= 1.1));
	row(
		`first start, no compile cache yet (${firstStarts.length} runs)`,
		firstStarts,
		`(${(median(firstStarts) / median(firstStartBare)).toFixed(2)} × its baseline, ${median(firstStartBare).toFixed(0)} ms)`,
		'',
	);
	row(`key press → end of next frame (${presses} presses)`, latencies, '≤ 33 ms (one frame at 30 fps)', pass(keyMedian <= 1000 / 30));
	console.log(`| peak memory (VmHWM) after emulator + token | ${peakMib.toFixed(1)} MiB | | | < 100 MiB | ${pass(peakMib < 100)} |`);
	const floorRatio = median(floorTimes) / median(bareTimes);
	row(`floor: Ink 8 + React, four lines, spawn → first frame (${runs} runs)`, floorTimes, `(${floorRatio.toFixed(2)} × baseline)`, '');
	console.log(`| floor: its peak memory (VmHWM); with one idle worker thread | ${floorPeakMib.toFixed(1)} MiB; ${floorThreadPeakMib.toFixed(1)} MiB | | | | |`);
	console.log(
		`\nThe wizard's own code: ${(median(wizardTimes) - median(floorTimes)).toFixed(0)} ms of its first frame above the floor's, ${(peakMib - floorThreadPeakMib).toFixed(1)} MiB of its peak above the floor with a thread.`,
	);
} finally {
	await rm(configDirectory, {recursive: true, force: true});
}
