import {type ChildProcess, spawn} from 'node:child_process';
import {mkdtempSync} from 'node:fs';
import {mkdtemp, rm} from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import {createInterface} from 'node:readline';
import {afterAll} from 'vitest';

/** The built binary, as users run it; test/_helpers/global-setup.ts builds it once per run. */
export const cliPath = path.resolve('dist/cli.js');

export type CliResult = {
	readonly code: number | null;
	readonly stdout: string;
	readonly stderr: string;
};

export type RunOptions = {
	/** Added to a clean environment (see `cleanEnvironment`); `undefined` removes a variable. */
	readonly env?: Readonly<Record<string, string | undefined>>;
	readonly cwd?: string;
	/** Written to stdin, which is then closed; stdin is a pipe, never a terminal. */
	readonly input?: string;
	readonly timeoutMs?: number;
	/** The process once started: to signal it. */
	readonly onSpawn?: (child: ChildProcess) => void;
};

const directories: string[] = [];
const processes = new Set<ChildProcess>();
/**
 * The home directory every command of this test file gets unless its test gives one: a command
 * run without --config-dir writes to the default config directory, and that must not be the
 * user's (nor one another test file wrote a default profile to).
 */
let home: string | undefined;
const homeOfThisFile = () => {
	home ??= mkdtempSync(path.join(os.tmpdir(), 'acs-tokens-home-'));
	return home;
};

afterAll(async () => {
	await Promise.all(
		[...processes].map(async child => {
			if (child.exitCode === null && child.signalCode === null) {
				const exited = new Promise(resolve => child.once('exit', resolve));
				child.kill('SIGKILL');
				await exited;
			}
		}),
	);
	processes.clear();
	await Promise.all(directories.splice(0).map(directory => rm(directory, {recursive: true, force: true})));
	if (home !== undefined) {
		await rm(home, {recursive: true, force: true});
		home = undefined;
	}
});

/** A directory removed after the file's tests. */
export async function temporaryDirectory(prefix = 'acs-tokens-commands-'): Promise<string> {
	const directory = await mkdtemp(path.join(os.tmpdir(), prefix));
	directories.push(directory);
	return directory;
}

/**
 * The parent's environment without anything that would pick a connection or a store for
 * the command behind the test's back, nor colour that would change the text.
 */
export function cleanEnvironment(extra: Readonly<Record<string, string | undefined>> = {}): NodeJS.ProcessEnv {
	const env: NodeJS.ProcessEnv = {...process.env, NO_COLOR: '1', HOME: homeOfThisFile(), XDG_CONFIG_HOME: path.join(homeOfThisFile(), '.config')};
	for (const name of [
		'COMMUNICATION_SERVICES_CONNECTION_STRING',
		'AZURE_COMMUNICATION_CONNECTION_STRING',
		'ACS_TOKENS_CONFIG_DIR',
		'ACS_TOKENS_CACHE_DIR',
		'XDG_CACHE_HOME',
		'NODE_EXTRA_CA_CERTS',
		// Node's own compile cache switches would bypass acs-tokens' cache directory.
		'NODE_COMPILE_CACHE',
		'NODE_DISABLE_COMPILE_CACHE',
		'FORCE_COLOR',
		'ACS_TOKENS_REQUEST_TIMEOUT',
	]) {
		delete env[name];
	}

	for (const [name, value] of Object.entries(extra)) {
		if (value === undefined) {
			delete env[name];
		} else {
			env[name] = value;
		}
	}

	return env;
}

/** Runs `acs-tokens …` to its end; killed, and the test failed, if it outlives `timeoutMs`. */
export function runCli(args: readonly string[], options: RunOptions = {}): Promise<CliResult> {
	const timeoutMs = options.timeoutMs ?? 20_000;
	return new Promise((resolve, reject) => {
		const child = spawn(process.execPath, [cliPath, ...args], {
			env: cleanEnvironment(options.env),
			cwd: options.cwd ?? os.tmpdir(),
			stdio: ['pipe', 'pipe', 'pipe'],
		});
		processes.add(child);
		options.onSpawn?.(child);
		let stdout = '';
		let stderr = '';
		child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
			stdout += chunk;
		});
		child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
			stderr += chunk;
		});
		const timer = setTimeout(() => {
			child.kill('SIGKILL');
			reject(new Error(`acs-tokens ${args.join(' ')} ran longer than ${timeoutMs} ms.\nstdout: ${stdout}\nstderr: ${stderr}`));
		}, timeoutMs);
		child.once('error', reject);
		child.once('close', code => {
			clearTimeout(timer);
			processes.delete(child);
			resolve({code, stdout, stderr});
		});
		child.stdin.on('error', () => {
			// A command that does not read stdin may exit before it is written.
		});
		child.stdin.end(options.input ?? '');
	});
}

/** The whole of stdout as one JSON document (so: exactly one). */
export function parseJson<T = Record<string, unknown>>(result: CliResult): T {
	try {
		return JSON.parse(result.stdout) as T;
	} catch (error) {
		throw new Error(`stdout is not one JSON document (${(error as Error).message}):\n${result.stdout}\nstderr: ${result.stderr}`);
	}
}

/** A stack trace line, which a user's mistake must never print. */
export const stackTraceLine = /^\s+at .+[:(]/m;

/**
 * A temporary config directory and working directory, and `run` to call the CLI with them
 * (ACS_TOKENS_CONFIG_DIR, and XDG_CONFIG_HOME and HOME pointed away from the real ones).
 */
export type Sandbox = {
	readonly configDirectory: string;
	readonly cwd: string;
	readonly configFile: string;
	run(args: readonly string[], options?: RunOptions): Promise<CliResult>;
};

export async function createSandbox(): Promise<Sandbox> {
	const configDirectory = await temporaryDirectory('acs-tokens-config-');
	const cwd = await temporaryDirectory('acs-tokens-cwd-');
	const home = await temporaryDirectory('acs-tokens-home-');
	return {
		configDirectory,
		cwd,
		configFile: path.join(configDirectory, 'config.json'),
		run: (args, options = {}) =>
			runCli(args, {
				cwd,
				...options,
				env: {ACS_TOKENS_CONFIG_DIR: configDirectory, HOME: home, XDG_CONFIG_HOME: path.join(home, '.config'), ...options.env},
			}),
	};
}

export type EmulatorProcess = {
	readonly connectionString: string;
	readonly endpoint: string;
	readonly accessKey: string;
	/** What it logged (one line per request). */
	readonly log: string[];
	stop(): Promise<void>;
};

/**
 * `acs-tokens emulator …` (by default over HTTP on a free port, in memory), resolved once it
 * prints its connection string.
 */
export async function startEmulatorProcess(
	args: readonly string[] = ['--http', '--port', '0', '--in-memory'],
	env: Readonly<Record<string, string | undefined>> = {},
	timeoutMs = 15_000,
): Promise<EmulatorProcess> {
	const configDirectory = env['ACS_TOKENS_CONFIG_DIR'] ?? (await temporaryDirectory('acs-tokens-emulator-'));
	const child = spawn(process.execPath, [cliPath, 'emulator', ...args], {
		env: cleanEnvironment({ACS_TOKENS_CONFIG_DIR: configDirectory, ...env}),
		stdio: ['ignore', 'pipe', 'pipe'],
	});
	processes.add(child);
	const exited = new Promise<number | null>(resolve => {
		child.once('exit', code => resolve(code));
	});
	const log: string[] = [];
	createInterface({input: child.stderr}).on('line', line => log.push(line));
	const connectionString = await new Promise<string>((resolve, reject) => {
		const timer = setTimeout(() => {
			child.kill('SIGKILL');
			reject(new Error(`acs-tokens emulator ${args.join(' ')} printed no connection string in ${timeoutMs} ms: ${log.join('\n')}`));
		}, timeoutMs);
		createInterface({input: child.stdout}).on('line', line => {
			if (line.startsWith('endpoint=')) {
				clearTimeout(timer);
				resolve(line);
			}
		});
		void exited.then(code => {
			clearTimeout(timer);
			reject(new Error(`acs-tokens emulator exited with ${code} before printing a connection string: ${log.join('\n')}`));
		});
	});
	const [endpointPart, keyPart] = connectionString.split(';') as [string, string];
	return {
		connectionString,
		endpoint: endpointPart.slice('endpoint='.length),
		accessKey: keyPart.slice('accesskey='.length),
		log,
		async stop() {
			if (child.exitCode === null && child.signalCode === null) {
				child.kill('SIGTERM');
				await exited;
			}

			processes.delete(child);
		},
	};
}
