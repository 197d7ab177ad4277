import {randomBytes} from 'node:crypto';
import {type ChildProcess, spawn} from 'node:child_process';
import {mkdtemp, readFile, rm} from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import {createInterface} from 'node:readline';
import {CommunicationIdentityClient} from '@azure/communication-identity';
import {afterEach, describe, expect, it, vi} from 'vitest';
import {developmentAccessKey} from '../../source/emulator/defaults.js';
import {startEmulatorProcess} from '../_helpers/cli.js';

const cli = path.resolve('dist/cli.js');

type Running = {child: ChildProcess; stdout: string[]; stderr: string[]; exited: Promise<number | null>};
const running: Running[] = [];
const directories: string[] = [];

async function temporaryDirectory(): Promise<string> {
	const directory = await mkdtemp(path.join(os.tmpdir(), 'acs-tokens-cli-'));
	directories.push(directory);
	return directory;
}

/** Starts `acs-tokens emulator …` and resolves once the printed lines it waits for are there. */
async function startCommand(args: string[], waitFor: RegExp, env: NodeJS.ProcessEnv = {}, input?: string): Promise<Running> {
	const child = spawn(process.execPath, [cli, 'emulator', ...args], {
		env: {...process.env, ...env},
		stdio: [input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'],
	});
	if (input !== undefined) {
		child.stdin?.end(input);
	}

	const result: Running = {
		child,
		stdout: [],
		stderr: [],
		exited: new Promise(resolve => {
			child.once('exit', code => resolve(code));
		}),
	};
	running.push(result);
	await new Promise<void>((resolve, reject) => {
		const check = () => {
			if (waitFor.test(result.stdout.join('\n'))) {
				resolve();
			}
		};

		createInterface({input: child.stdout as NodeJS.ReadableStream}).on('line', line => {
			result.stdout.push(line);
			check();
		});
		createInterface({input: child.stderr as NodeJS.ReadableStream}).on('line', line => {
			result.stderr.push(line);
		});
		void result.exited.then(code => {
			reject(new Error(`exited with ${code} before printing ${waitFor}: ${result.stderr.join('\n')}`));
		});
	});
	return result;
}

function run(args: string[], env: NodeJS.ProcessEnv = {}) {
	return new Promise<{code: number | null; stdout: string; stderr: string}>(resolve => {
		const child = spawn(process.execPath, [cli, ...args], {env: {...process.env, ...env}});
		let stdout = '';
		let stderr = '';
		child.stdout.on('data', (chunk: Buffer) => {
			stdout += chunk.toString();
		});
		child.stderr.on('data', (chunk: Buffer) => {
			stderr += chunk.toString();
		});
		child.once('exit', code => resolve({code, stdout, stderr}));
	});
}

afterEach(async () => {
	for (const {child, exited} of running.splice(0)) {
		child.kill('SIGKILL');
		await exited;
	}

	for (const directory of directories.splice(0)) {
		await rm(directory, {recursive: true, force: true});
	}
});

describe('acs-tokens emulator', () => {
	it('prints a connection string and a certificate to trust, serves the SDK, logs requests without secrets, and stops on SIGTERM', async () => {
		const configDirectory = await temporaryDirectory();
		const emulator = await startCommand(['--port', '0'], /^certificate: /m, {ACS_TOKENS_CONFIG_DIR: configDirectory});
		const connectionString = emulator.stdout.find(line => line.startsWith('endpoint='));
		expect(connectionString).toMatch(/^endpoint=https:\/\/127\.0\.0\.1:\d+\/;accesskey=/);
		expect(connectionString).toContain(developmentAccessKey);
		const certificatePath = emulator.stdout.find(line => line.startsWith('certificate: '))?.slice('certificate: '.length);
		expect(certificatePath).toBe(path.join(configDirectory, 'emulator', 'tls', 'ca.pem'));

		const client = new CommunicationIdentityClient(connectionString as string, {
			tlsOptions: {ca: await readFile(certificatePath as string, 'utf8')},
		});
		const {token} = await client.createUserAndToken(['chat']);
		await client.getToken({communicationUserId: 'not-an-id'}, ['chat']).catch(() => undefined);

		emulator.child.kill('SIGTERM');
		expect(await emulator.exited).toBe(0);
		const log = emulator.stderr.join('\n');
		expect(log).toMatch(/^POST \/identities 201 \d+\.\dms$/m);
		expect(log).toMatch(/^POST \/identities\/not-an-id\/:issueAccessToken 400 \d+\.\dms$/m);
		for (const secret of [developmentAccessKey, token, token.split('.')[2] as string, 'Signature=', 'HMAC-SHA256']) {
			expect(log).not.toContain(secret);
		}
	});

	it('keeps its state in the data directory across restarts, and stops on SIGINT', async () => {
		const dataDirectory = await temporaryDirectory();
		const first = await startCommand(['--http', '--port', '0', '--data-dir', dataDirectory], /^endpoint=/m);
		const connectionString = first.stdout[0] as string;
		const client = new CommunicationIdentityClient(connectionString, {allowInsecureConnection: true});
		const user = await client.createUser();
		first.child.kill('SIGINT');
		expect(await first.exited).toBe(0);

		const second = await startCommand(['--http', '--port', '0', '--data-dir', dataDirectory], /^endpoint=/m);
		const again = new CommunicationIdentityClient(second.stdout[0] as string, {allowInsecureConnection: true});
		await expect(again.getToken(user, ['voip'])).resolves.toHaveProperty('token');
		expect(second.stdout).not.toContainEqual(expect.stringMatching(/^certificate:/));
	});

	it('does not print a key given with --access-key', async () => {
		const key = Buffer.alloc(32, 9).toString('base64');
		const emulator = await startCommand(['--http', '--port', '0', '--in-memory', '--access-key', key], /^endpoint=/m, {
			ACS_TOKENS_CONFIG_DIR: await temporaryDirectory(),
		});
		expect(emulator.stdout.join('\n')).not.toContain(key);
		expect(emulator.stdout[0]).toMatch(/accesskey=<the key given with --access-key>$/);
	});

	it('reads the key from stdin with --access-key -, and signs with it', async () => {
		const key = Buffer.alloc(32, 7).toString('base64');
		const emulator = await startCommand(['--http', '--port', '0', '--in-memory', '--access-key', '-'], /^endpoint=/m, {
			ACS_TOKENS_CONFIG_DIR: await temporaryDirectory(),
		}, `${key}\n`);
		expect(emulator.stdout.join('\n')).not.toContain(key);
		const endpoint = (emulator.stdout[0] as string).split(';')[0] as string;
		const client = new CommunicationIdentityClient(`${endpoint};accesskey=${key}`, {allowInsecureConnection: true});
		await expect(client.createUser()).resolves.toHaveProperty('communicationUserId');
		const wrong = new CommunicationIdentityClient(`${endpoint};accesskey=${developmentAccessKey}`, {allowInsecureConnection: true});
		await expect(wrong.createUser()).rejects.toMatchObject({statusCode: 401});
	});

	it('explains a port in use instead of crashing', async () => {
		const first = await startCommand(['--http', '--port', '0', '--in-memory'], /^endpoint=/m, {
			ACS_TOKENS_CONFIG_DIR: await temporaryDirectory(),
		});
		const port = new URL((first.stdout[0] as string).slice('endpoint='.length).split(';')[0] as string).port;
		const second = await run(['emulator', '--http', '--port', port, '--in-memory'], {
			ACS_TOKENS_CONFIG_DIR: await temporaryDirectory(),
		});
		expect(second.code).toBe(2);
		expect(second.stderr).toBe(
			`acs-tokens: Port ${port} is already in use, perhaps by another emulator. Stop it, or pass --port <another port> (--port 0 picks a free one).\n`,
		);
	});

	it.each([
		[['--port', 'abc'], '--port must be a whole number from 0 to 65535, not "abc".'],
		[['--data-dir', '/tmp/x', '--in-memory'], '--data-dir and --in-memory exclude each other: choose one.'],
		[['--access-key', 'not base64!'], '--access-key must be base64'],
		[['--bogus'], 'Unknown option --bogus.'],
	])('refuses %j with exit code 2 and a message, no stack trace', async (args, message) => {
		const result = await run(['emulator', ...args]);
		expect(result.code).toBe(2);
		expect(result.stderr).toContain(message);
		expect(result.stderr).not.toMatch(/\n\s+at /);
	});

	it('documents itself with --help', async () => {
		const result = await run(['emulator', '--help']);
		expect(result.code).toBe(0);
		expect(result.stdout).toContain('Usage: acs-tokens emulator [options]');
		expect(result.stdout).toContain('--allow-entra');
	});
});

describe('acs-tokens emulator --host off loopback', () => {
	it('warns that other machines can reach it, and that the development key lets anyone sign for it; with a key of its own, only the first', async () => {
		const published = await startEmulatorProcess(['--host', '0.0.0.0', '--port', '0', '--in-memory']);
		try {
			await vi.waitFor(() => expect(published.log.join('\n')).toContain('warning: listening on every network interface'));
			expect(published.log.join('\n')).toContain('its access key is the published development key, so anyone can sign requests to it.');
		} finally {
			await published.stop();
		}

		const own = await startEmulatorProcess(['--host', '0.0.0.0', '--port', '0', '--in-memory', '--access-key', randomBytes(32).toString('base64')]);
		try {
			await vi.waitFor(() => expect(own.log.join('\n')).toContain('warning: listening on every network interface'));
			expect(own.log.join('\n')).not.toContain('development key');
		} finally {
			await own.stop();
		}

		// On this machine only, nothing to warn about.
		const local = await startEmulatorProcess(['--http', '--port', '0', '--in-memory']);
		// A path as long as the URL limit allows is logged with 200 characters of it.
		const long = await fetch(new URL(`/identities/${'a'.repeat(15_000)}/:revokeAccessTokens?api-version=2023-10-01`, local.endpoint), {method: 'POST'});
		expect(long.status).toBe(401);
		await vi.waitFor(() => expect(local.log.some(line => line.startsWith('POST /identities/aaa'))).toBe(true));
		await local.stop();
		expect(local.log.join('\n')).not.toContain('warning:');
		expect(local.log.find(line => line.startsWith('POST /identities/aaa'))).toMatch(/^POST \/identities\/a{187}… 401 [\d.]+ms$/);
	});
});
