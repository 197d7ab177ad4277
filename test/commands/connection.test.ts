import {writeFile} from 'node:fs/promises';
import http from 'node:http';
import type {AddressInfo} from 'node:net';
import path from 'node:path';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {createSandbox, type EmulatorProcess, parseJson, stackTraceLine, startEmulatorProcess} from '../_helpers/cli.js';

/**
 * Where the connection comes from (--connection-string, the two environment variables, a .env
 * file in the working directory, a saved profile) and what each kind of mistake in it looks
 * like, against one `acs-tokens emulator --http --port 0 --in-memory` for the whole file.
 */

let emulator: EmulatorProcess;
let profileName: string;

beforeAll(async () => {
	emulator = await startEmulatorProcess();
	profileName = `127.0.0.1-${new URL(emulator.endpoint).port}`;
});

afterAll(async () => {
	await emulator.stop();
});

/** Whatever the command printed, the key must not be in it, nor a stack trace. */
function expectNoSecrets(result: {stdout: string; stderr: string}, key = emulator.accessKey): void {
	for (const output of [result.stdout, result.stderr]) {
		expect(output).not.toContain(key);
		expect(output).not.toMatch(stackTraceLine);
	}
}

describe('a connection string that cannot be used is refused before any request, with its own message', () => {
	const key = Buffer.from('a key that must never be printed, anywhere').toString('base64');
	const cases = [
		['no endpoint=', `accesskey=${key}`, 'The connection string has no "endpoint=": copy the whole string from the Azure portal (Keys blade of the Communication Services resource).'],
		['no accesskey=', 'endpoint=https://contoso.communication.azure.com/', 'The connection string has no "accesskey=": copy the whole string from the Azure portal (Keys blade of the Communication Services resource).'],
		['a key that is not base64', `endpoint=https://contoso.communication.azure.com/;accesskey=${key.slice(0, -3)}*`, 'The access key in the connection string is not valid base64: it may have been cut when copied; copy it again from the Keys blade.'],
		['an endpoint with a path', `endpoint=https://contoso.communication.azure.com/identities;accesskey=${key}`, 'The endpoint "https://contoso.communication.azure.com/identities" must be only a scheme and host, like https://contoso.communication.azure.com/, with no path, query or credentials.'],
		['plain http:// to another host', `endpoint=http://contoso.communication.azure.com/;accesskey=${key}`, 'The endpoint "http://contoso.communication.azure.com/" uses plain http:// on a host that is not this machine: the access key would sign requests that anyone on the network can read. Use https://; plain http:// is allowed only for localhost and 127.0.0.1.'],
		['another scheme', `endpoint=ftp://contoso.communication.azure.com/;accesskey=${key}`, 'The endpoint "ftp://contoso.communication.azure.com/" must start with https://.'],
		['an endpoint that is not a URL', `endpoint=contoso;accesskey=${key}`, 'The endpoint "contoso" is not a URL: it must look like https://<resource>.communication.azure.com/.'],
		['a part without =', `endpoint=https://contoso.communication.azure.com/;${key}`, 'The connection string has a part without "=": it must look like endpoint=https://<resource>.communication.azure.com/;accesskey=<key>.'],
	] as const;

	it('each message is different', () => {
		expect(new Set(cases.map(([, , message]) => message)).size).toBe(cases.length);
	});

	it.each(cases)('%s: exit 2, the message on stderr (and in --json), never the key', async (_, connectionString, message) => {
		const sandbox = await createSandbox();
		const [human, json] = await Promise.all([
			sandbox.run(['user', 'create', '--connection-string', connectionString]),
			sandbox.run(['token', 'issue', '--connection-string', connectionString, '--user', 'alice', '--scopes', 'chat', '--json']),
		]);
		expect(human).toEqual({code: 2, stdout: '', stderr: `acs-tokens: ${message}\n`});
		expect(json.code).toBe(2);
		expect(parseJson(json)).toEqual({error: {kind: 'usage', message}});
		expectNoSecrets(human, key);
		expectNoSecrets(json, key);
		expect(await sandbox.run(['profiles', '--json']).then(parseJson)).toEqual({defaultProfile: null, profiles: []});
	});

	it('the same checks apply to the environment variable, a .env file and a profile\'s variable, and the message says which it was', async () => {
		const sandbox = await createSandbox();
		const fromEnvironment = await sandbox.run(['user', 'create'], {env: {AZURE_COMMUNICATION_CONNECTION_STRING: `endpoint=http://example.com/;accesskey=${key}`}});
		expect(fromEnvironment.code).toBe(2);
		expect(fromEnvironment.stderr).toMatch(/^acs-tokens: \$AZURE_COMMUNICATION_CONNECTION_STRING: The endpoint "http:\/\/example\.com\/" uses plain http:\/\/ on a host that is not this machine/);
		expectNoSecrets(fromEnvironment, key);

		const dotenv = path.join(sandbox.cwd, '.env');
		await writeFile(dotenv, `COMMUNICATION_SERVICES_CONNECTION_STRING="endpoint=https://contoso.communication.azure.com/"\n`);
		const fromDotenv = await sandbox.run(['user', 'create']);
		expect(fromDotenv.code).toBe(2);
		expect(fromDotenv.stderr).toBe(`acs-tokens: COMMUNICATION_SERVICES_CONNECTION_STRING in ${dotenv}: ${cases[1][2]}\n`);

		// A profile saved from the environment, which then holds something else.
		const saved = await sandbox.run(['user', 'create', '--label', 'env'], {env: {COMMUNICATION_SERVICES_CONNECTION_STRING: emulator.connectionString}});
		expect(saved.code, saved.stderr).toBe(0);
		const later = await sandbox.run(['user', 'create', '--profile', profileName], {env: {COMMUNICATION_SERVICES_CONNECTION_STRING: `endpoint=${emulator.endpoint}`}});
		expect(later.code).toBe(2);
		expect(later.stderr).toBe(`acs-tokens: Profile "${profileName}" (its key from $COMMUNICATION_SERVICES_CONNECTION_STRING): ${cases[1][2]}\n`);
	});

	it('with no connection at all: says every way to give one', async () => {
		const sandbox = await createSandbox();
		const result = await sandbox.run(['user', 'create']);
		expect(result.code).toBe(2);
		expect(result.stderr).toBe(
			'acs-tokens: No connection to a Communication Services resource. Pass --connection-string "endpoint=…;accesskey=…", set COMMUNICATION_SERVICES_CONNECTION_STRING (in the environment or a .env file here), choose a saved profile with --profile, or work offline with --emulator.\n',
		);
	});
});

describe('the sources of a connection, each remembered as a profile without its key', () => {
	it('--connection-string', async () => {
		const sandbox = await createSandbox();
		const created = await sandbox.run(['user', 'create', '--connection-string', emulator.connectionString, '--label', 'flag', '--json']);
		expect(created.code).toBe(0);
		expect(parseJson(created)).toMatchObject({label: 'flag', profile: profileName});

		const profiles = await sandbox.run(['profiles']);
		expect(profiles).toEqual({
			code: 0,
			stdout: `   NAME${' '.repeat(profileName.length - 2)}ENDPOINT${' '.repeat(emulator.endpoint.length - 6)}ACCESS KEY\n*  ${profileName}  ${emulator.endpoint}  given each time with --connection-string\n`,
			stderr: '',
		});
		const json = await sandbox.run(['profiles', '--json']);
		expect(parseJson(json)).toEqual({
			defaultProfile: profileName,
			profiles: [{name: profileName, endpoint: emulator.endpoint, keySource: {kind: 'command-line'}, createdAt: expect.any(String)}],
		});
		expectNoSecrets(profiles);
		expectNoSecrets(json);

		// The key is not stored, so the profile alone cannot connect, and says so.
		const again = await sandbox.run(['token', 'issue', '--profile', profileName, '--user', 'flag', '--scopes', 'chat']);
		expect(again.code).toBe(2);
		expect(again.stderr).toBe(
			`acs-tokens: Profile "${profileName}" was used with --connection-string, and its key is not stored. Pass --connection-string again.\n`,
		);
	});

	it('--connection-string - reads it from stdin: the key is never on the command line', async () => {
		const sandbox = await createSandbox();
		const created = await sandbox.run(['user', 'create', '--connection-string', '-', '--label', 'piped', '--json'], {
			input: `${emulator.connectionString}\n`,
		});
		expect(created.stderr).toBe('');
		expect(created.code).toBe(0);
		expect(parseJson(created)).toMatchObject({label: 'piped', profile: profileName});
		const issued = await sandbox.run(['token', 'issue', '--connection-string', '-', '--user', 'piped', '--scopes', 'chat', '--json'], {
			input: emulator.connectionString,
		});
		expect(issued.code).toBe(0);
		// Nothing on stdin: said as such, exit 2.
		const empty = await sandbox.run(['user', 'create', '--connection-string', '-'], {input: ''});
		expect(empty).toEqual({
			code: 2,
			stdout: '',
			stderr:
				'acs-tokens: --connection-string - read nothing from stdin. Pipe the connection string in (< connection.txt), or put it in COMMUNICATION_SERVICES_CONNECTION_STRING (the environment or a .env file here).\n',
		});
	});

	it.each(['COMMUNICATION_SERVICES_CONNECTION_STRING', 'AZURE_COMMUNICATION_CONNECTION_STRING'])('the environment variable %s', async variable => {
		const sandbox = await createSandbox();
		const env = {[variable]: emulator.connectionString};
		const created = await sandbox.run(['user', 'create', '--label', 'env', '--scopes', 'chat', '--json'], {env});
		expect(created.code).toBe(0);
		expect(parseJson(created)).toMatchObject({label: 'env', profile: profileName, scopes: ['chat']});

		const profiles = await sandbox.run(['profiles']);
		expect(profiles.stdout).toContain(`*  ${profileName}  ${emulator.endpoint}  key from $${variable}\n`);
		expectNoSecrets(profiles);

		// The saved profile reads the variable again: --profile works while it is set.
		const issued = await sandbox.run(['token', 'issue', '--profile', profileName, '--user', 'env', '--scopes', 'voip', '--json'], {env});
		expect(issued.code).toBe(0);
		const missing = await sandbox.run(['token', 'issue', '--profile', profileName, '--user', 'env', '--scopes', 'voip']);
		expect(missing.code).toBe(2);
		expect(missing.stderr).toBe(`acs-tokens: Profile "${profileName}" reads its access key from ${variable}, which is not set. Set it, or pass --connection-string.\n`);
	});

	it('a .env file in the working directory, and then the default profile', async () => {
		const sandbox = await createSandbox();
		const dotenvPath = path.join(sandbox.cwd, '.env');
		await writeFile(dotenvPath, `# from the quickstart\nCOMMUNICATION_SERVICES_CONNECTION_STRING="${emulator.connectionString}"\n`);
		const created = await sandbox.run(['user', 'create', '--label', 'dotenv', '--json']);
		expect(created.code).toBe(0);
		expect(parseJson(created)).toMatchObject({label: 'dotenv', profile: profileName});

		const profiles = await sandbox.run(['profiles', '--json']);
		expect(parseJson(profiles)).toEqual({
			defaultProfile: profileName,
			profiles: [
				{
					name: profileName,
					endpoint: emulator.endpoint,
					keySource: {kind: 'dotenv', path: dotenvPath, variable: 'COMMUNICATION_SERVICES_CONNECTION_STRING'},
					createdAt: expect.any(String),
				},
			],
		});
		expectNoSecrets(profiles);

		// From another directory, with nothing given, the default profile reads that .env file.
		const elsewhere = await createSandbox();
		const issued = await sandbox.run(['token', 'issue', '--user', 'dotenv', '--scopes', 'chat', '--json'], {cwd: elsewhere.cwd});
		expect(issued.code).toBe(0);
		expect(parseJson(issued)).toMatchObject({label: 'dotenv', scopes: ['chat']});
	});

	it('--connection-string wins over the environment, and the environment over .env', async () => {
		const sandbox = await createSandbox();
		const broken = `endpoint=http://127.0.0.1:9/;accesskey=${emulator.accessKey}`;
		await writeFile(path.join(sandbox.cwd, '.env'), `COMMUNICATION_SERVICES_CONNECTION_STRING=${broken}\n`);
		const fromEnvironment = await sandbox.run(['user', 'create', '--json'], {env: {COMMUNICATION_SERVICES_CONNECTION_STRING: emulator.connectionString}});
		expect(fromEnvironment.code).toBe(0);
		const fromFlag = await sandbox.run(['user', 'create', '--json', '--connection-string', emulator.connectionString], {
			env: {AZURE_COMMUNICATION_CONNECTION_STRING: broken},
		});
		expect(fromFlag.code).toBe(0);
	});
});

describe('failures of the service, each with its exit code', () => {
	it('a wrong key: exit 3, the endpoint named, the key not', async () => {
		const sandbox = await createSandbox();
		const wrongKey = Buffer.alloc(64, 7).toString('base64');
		const result = await sandbox.run(['user', 'create', '--connection-string', `endpoint=${emulator.endpoint};accesskey=${wrongKey}`, '--json']);
		expect(result.code).toBe(3);
		const message = `${emulator.endpoint} refused the access key (401 Denied): the key is wrong, or it was rotated. Copy the current connection string from the Azure portal (your Communication Services resource > Keys).`;
		expect(parseJson(result)).toEqual({
			error: {kind: 'authentication', message, statusCode: 401, code: 'Denied', requestId: expect.any(String), serviceMessage: expect.any(String)},
		});
		expect(result.stderr).toBe(`acs-tokens: ${message}\n`);
		expectNoSecrets(result, wrongKey);
		// A key the service refused leaves no profile behind, and no default.
		expect(await sandbox.run(['profiles', '--json']).then(parseJson)).toEqual({defaultProfile: null, profiles: []});
	});

	it('an identity of another resource: exit 3 too', async () => {
		const sandbox = await createSandbox();
		const foreign = '8:acs:00000000-0000-0000-0000-000000000000_00000000-0000-0000-0000-000000000001';
		const result = await sandbox.run(['token', 'issue', '--connection-string', emulator.connectionString, '--user', foreign, '--scopes', 'chat']);
		expect(result.code).toBe(3);
		expect(result.stderr).toBe(
			`acs-tokens: ${foreign} belongs to another Communication Services resource than ${emulator.endpoint} (401 IdentityNotOwned). Check that you chose the right profile (--profile) or connection string.\n`,
		);
	});

	it.each([
		['http', 'https', ['--port', '0', '--in-memory']],
		['https', 'http', ['--http', '--port', '0', '--in-memory']],
	] as const)('an %s client of an emulator serving %s: exit 5, and both ways out, each of which works', async (client, served, args) => {
		const other = await startEmulatorProcess(args);
		try {
			const port = new URL(other.endpoint).port;
			const wrong = `${client}://127.0.0.1:${port}/`;
			const sandbox = await createSandbox();
			const result = await sandbox.run(['user', 'create', '--connection-string', `endpoint=${wrong};accesskey=${other.accessKey}`, '--json'], {env: {NODE_EXTRA_CA_CERTS: undefined}});
			expect(result.code).toBe(5);
			const {error} = parseJson<{error: {kind: string; message: string}}>(result);
			expect(error.kind).toBe('network');
			expect(error.message).toContain(`Could not talk to ${wrong}`);
			expect(error.message).toContain(`use ${served}://127.0.0.1:${port}/ in the connection string`);
			expect(error.message).toContain(`start it as this endpoint expects (acs-tokens emulator${client === 'http' ? ' --http' : ''} --port ${port})`);
			expect(result.stderr).not.toMatch(stackTraceLine);
			if (served === 'http') {
				// The scheme it names works (the https way needs the emulator's CA, as its own advice says).
				const right = await sandbox.run(['user', 'create', '--connection-string', `endpoint=${served}://127.0.0.1:${port}/;accesskey=${other.accessKey}`]);
				expect(right.code, right.stderr).toBe(0);
			}
		} finally {
			await other.stop();
		}
	});

	it('nothing listening: exit 5, and what to check', async () => {
		const server = http.createServer();
		await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
		const {port} = server.address() as AddressInfo;
		await new Promise(resolve => server.close(resolve));

		const sandbox = await createSandbox();
		const result = await sandbox.run(['user', 'create', '--connection-string', `endpoint=http://127.0.0.1:${port}/;accesskey=${emulator.accessKey}`, '--json']);
		expect(result.code).toBe(5);
		const message = `Could not reach http://127.0.0.1:${port}/ (ECONNREFUSED): nothing serves it. Start the emulator there (acs-tokens emulator --http --port ${port}), or use --emulator, which starts one itself.`;
		expect(parseJson(result)).toMatchObject({error: {kind: 'network', message, code: 'ECONNREFUSED'}});
		expect(result.stderr).toBe(`acs-tokens: ${message}\n`);
		expectNoSecrets(result);

		// Never reached, from the environment: no profile is left to be the default, and the
		// next command without a connection says there is none, not that a variable is unset.
		const fromEnvironment = await sandbox.run(['user', 'create'], {env: {COMMUNICATION_SERVICES_CONNECTION_STRING: `endpoint=http://127.0.0.1:${port}/;accesskey=${emulator.accessKey}`}});
		expect(fromEnvironment.code).toBe(5);
		expect(await sandbox.run(['profiles', '--json']).then(parseJson)).toEqual({defaultProfile: null, profiles: []});
		const next = await sandbox.run(['user', 'create']);
		expect(next.code).toBe(2);
		expect(next.stderr).toMatch(/^acs-tokens: No connection to a Communication Services resource\./);

		// Failed before any request (a label no new profile can hold, a confirmation not given): none either.
		for (const args of [
			['token', 'issue', '--connection-string', emulator.connectionString, '--user', 'alice', '--scopes', 'chat'],
			['token', 'revoke', '--connection-string', emulator.connectionString, '--user', '8:acs:x_y'],
		]) {
			const failed = await sandbox.run(args);
			expect(failed.code, failed.stderr).toBe(2);
			expect(await sandbox.run(['profiles', '--json']).then(parseJson)).toEqual({defaultProfile: null, profiles: []});
		}

		// Reached once, it is kept.
		const reached = await sandbox.run(['user', 'create', '--connection-string', emulator.connectionString]);
		expect(reached.code, reached.stderr).toBe(0);
		expect(await sandbox.run(['profiles', '--json']).then(parseJson)).toMatchObject({defaultProfile: profileName, profiles: [{name: profileName}]});

		// The command it gives serves that endpoint as the client expects it (plain http, that port): the same call then works.
		const advised = /\(acs-tokens emulator ([^)]*)\)/.exec(message)?.[1]?.split(' ') ?? [];
		const elsewhere = await createSandbox();
		const served = await startEmulatorProcess(advised, {ACS_TOKENS_CONFIG_DIR: elsewhere.configDirectory, HOME: elsewhere.cwd});
		try {
			expect(served.endpoint).toBe(`http://127.0.0.1:${port}/`);
			const again = await elsewhere.run(['user', 'create', '--connection-string', `endpoint=http://127.0.0.1:${port}/;accesskey=${emulator.accessKey}`, '--json']);
			expect(again.code, again.stderr).toBe(0);
		} finally {
			await served.stop();
		}
	}, 30_000);
});

describe('the access commands keep a new profile by the same rule', () => {
	it('kept when the service answered (even a 404), removed when it was never reached', async () => {
		const server = http.createServer();
		await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
		const {port} = server.address() as AddressInfo;
		await new Promise(resolve => server.close(resolve));
		const sandbox = await createSandbox();
		const unreachable = await sandbox.run(['access', 'list', '--connection-string', `endpoint=http://127.0.0.1:${port}/;accesskey=${emulator.accessKey}`]);
		expect(unreachable.code, unreachable.stderr).toBe(5);
		expect(await sandbox.run(['profiles', '--json']).then(parseJson)).toEqual({defaultProfile: null, profiles: []});

		// Answered 404: the service was reached with the key taken, and the profile stays.
		const missing = await sandbox.run(['access', 'show', '2f1e3d4c-5b6a-4789-8abc-def012345678', '--connection-string', emulator.connectionString]);
		expect(missing.code, missing.stderr).not.toBe(0);
		expect(missing.code, missing.stderr).not.toBe(5);
		expect(await sandbox.run(['profiles', '--json']).then(parseJson)).toMatchObject({defaultProfile: profileName, profiles: [{name: profileName}]});
	}, 30_000);
});

describe('token verify over a connection string', () => {
	it('asks that emulator', async () => {
		const sandbox = await createSandbox();
		const connection = ['--connection-string', emulator.connectionString];
		const {token} = parseJson<{token: string}>(await sandbox.run(['user', 'create', ...connection, '--scopes', 'chat', '--json']));
		expect(await sandbox.run(['token', 'verify', ...connection, token])).toMatchObject({code: 0, stdout: 'Token is valid: signed by this emulator, not expired, not revoked.\n'});
	});

	it('explains that a real resource cannot verify tokens', async () => {
		const server = http.createServer((request, response) => {
			request.resume();
			response.writeHead(404, {'content-type': 'application/json'}).end('{"error":{"code":"NotFound"}}');
		});
		await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
		try {
			const endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
			const sandbox = await createSandbox();
			const result = await sandbox.run(['token', 'verify', '--connection-string', `endpoint=${endpoint};accesskey=${emulator.accessKey}`, 'eyJhbGciOiJub25lIn0.eyJ4IjoxfQ.c2ln']);
			expect(result).toEqual({
				code: 1,
				stdout: '',
				stderr: `acs-tokens: ${endpoint} answered 404 to a verification request: only the local emulator can verify tokens (the real service has no such operation). Use --emulator, or decode the token instead (acs-tokens token decode).\n`,
			});
		} finally {
			await new Promise(resolve => server.close(resolve));
		}
	});
});

describe('--verbose', () => {
	it('prints each HTTP exchange on stderr, with the signature and the token masked; stdout stays one JSON document', async () => {
		const sandbox = await createSandbox();
		const result = await sandbox.run(['user', 'create', '--connection-string', emulator.connectionString, '--scopes', 'chat', '--verbose', '--json']);
		expect(result.code).toBe(0);
		const {token} = parseJson<{token: string}>(result);
		expect(result.stderr).toMatch(/^> POST \/identities\?api-version=\d{4}-\d\d-\d\d\n/);
		expect(result.stderr).toMatch(/^> authorization: HMAC-SHA256 SignedHeaders=x-ms-date;host;x-ms-content-sha256&Signature=•••$/m);
		expect(result.stderr).toMatch(/^> x-ms-date: .+ GMT$/m);
		expect(result.stderr).toMatch(/^> \{"createTokenWithScopes":\["chat"\]\}$/m);
		expect(result.stderr).toMatch(/^< 201 \(\d+ ms\)$/m);
		expect(result.stderr).toMatch(/^< \{"identity":\{"id":"8:acs:[^"]+"\},"accessToken":\{"token":"eyJhbG•••","expiresOn":"[^"]+"\}\}$/m);
		expect(result.stderr).not.toContain(token);
		expect(result.stderr).not.toContain(token.split('.')[2]);
		expect(result.stderr).not.toMatch(/Signature=[A-Za-z0-9+/]/);
		expectNoSecrets(result);
	});

	it('shows the failed exchange too', async () => {
		const sandbox = await createSandbox();
		const result = await sandbox.run([
			'token',
			'issue',
			'--connection-string',
			emulator.connectionString,
			'--user',
			'8:acs:00000000-0000-0000-0000-000000000000_00000000-0000-0000-0000-000000000001',
			'--scopes',
			'voip',
			'--verbose',
		]);
		expect(result.code).toBe(3);
		expect(result.stderr).toMatch(/^> POST \/identities\/8%3Aacs%3A[^ ]+\/:issueAccessToken\?api-version=/m);
		expect(result.stderr).toMatch(/^< 401 \(\d+ ms\)$/m);
		expect(result.stderr).toMatch(/IdentityNotOwned/);
		expectNoSecrets(result);
	});
});

describe('an endpoint that takes the connection and never answers', () => {
	/** Accepts every request and answers none. */
	let silent: http.Server;
	let endpoint: string;
	beforeAll(async () => {
		silent = http.createServer(() => undefined);
		await new Promise<void>(resolve => silent.listen(0, '127.0.0.1', resolve));
		endpoint = `http://127.0.0.1:${(silent.address() as AddressInfo).port}/`;
	});

	afterAll(async () => {
		silent.closeAllConnections();
		await new Promise(resolve => silent.close(resolve));
	});

	const key = Buffer.from('a key for a server that never answers').toString('base64');

	it('gives up after ACS_TOKENS_REQUEST_TIMEOUT seconds: exit 5, a network error that says so, and no profile left behind', async () => {
		const sandbox = await createSandbox();
		const env = {COMMUNICATION_SERVICES_CONNECTION_STRING: `endpoint=${endpoint};accesskey=${key}`, ACS_TOKENS_REQUEST_TIMEOUT: '1'};
		const [human, json] = await Promise.all([
			sandbox.run(['user', 'create'], {env}),
			sandbox.run(['token', 'issue', '--user', '8:acs:00000000-0000-0000-0000-000000000000_00000000-0000-0000-0000-000000000001', '--scopes', 'chat', '--json'], {env}),
		]);
		const message = `${endpoint} did not answer within 1 s. Check the endpoint and your network; to wait longer, set ACS_TOKENS_REQUEST_TIMEOUT to a number of seconds.`;
		expect(human).toEqual({code: 5, stdout: '', stderr: `acs-tokens: ${message}\n`});
		expect(json.code).toBe(5);
		expect(parseJson(json)).toMatchObject({error: {kind: 'network', message}});
		expectNoSecrets(human, key);
		// Nothing answered: the profile the connection string would have made is not kept.
		const profiles = await sandbox.run(['profiles', '--json']);
		expect(parseJson<{profiles: unknown[]}>(profiles).profiles).toEqual([]);
	});

	it.each(['SIGINT', 'SIGTERM', 'SIGHUP'] as const)('stopped by %s while it waits: it dies of that signal (a shell loop stops too), and the profile its first request would have made is not kept', async signal => {
		const sandbox = await createSandbox();
		const asked = new Promise<void>(resolve => silent.once('request', () => resolve()));
		let died: NodeJS.Signals | null = null;
		const result = await sandbox.run(['user', 'create'], {
			env: {COMMUNICATION_SERVICES_CONNECTION_STRING: `endpoint=${endpoint};accesskey=${key}`},
			onSpawn(child) {
				void asked.then(() => child.kill(signal));
				child.once('exit', (_code, by) => {
					died = by;
				});
			},
		});
		expect(result.code).toBeNull();
		expect(died).toBe(signal);
		const profiles = await sandbox.run(['profiles', '--json']);
		expect(parseJson<{profiles: unknown[]}>(profiles).profiles).toEqual([]);
	});

	it('gives up the same way on the access routes (access list)', async () => {
		const sandbox = await createSandbox();
		const result = await sandbox.run(['access', 'list', '--json'], {
			env: {COMMUNICATION_SERVICES_CONNECTION_STRING: `endpoint=${endpoint};accesskey=${key}`, ACS_TOKENS_REQUEST_TIMEOUT: '1'},
		});
		expect(result.code).toBe(5);
		expect(parseJson(result)).toMatchObject({error: {kind: 'network', message: expect.stringContaining(`${endpoint} did not answer within 1 s.`)}});
	});

	it('says so in zh-TW too', async () => {
		const sandbox = await createSandbox();
		const result = await sandbox.run(['user', 'create', '--lang', 'zh-TW'], {
			env: {COMMUNICATION_SERVICES_CONNECTION_STRING: `endpoint=${endpoint};accesskey=${key}`, ACS_TOKENS_REQUEST_TIMEOUT: '1'},
		});
		expect(result.code).toBe(5);
		expect(result.stderr).toContain(`${endpoint} 在 1 秒內沒有回應。`);
	});

	it.each(['abc', '0', '-5', '3601', '1.5'])('ACS_TOKENS_REQUEST_TIMEOUT=%s is a usage error that names the variable, before any request', async value => {
		const sandbox = await createSandbox();
		const result = await sandbox.run(['user', 'create', '--json'], {
			env: {COMMUNICATION_SERVICES_CONNECTION_STRING: `endpoint=${endpoint};accesskey=${key}`, ACS_TOKENS_REQUEST_TIMEOUT: value},
		});
		expect(result.code).toBe(2);
		expect(parseJson(result)).toEqual({
			error: {
				kind: 'usage',
				message: `ACS_TOKENS_REQUEST_TIMEOUT is "${value}", which is not a number of seconds. Set it to a whole number from 1 to 3600, or unset it for 30.`,
			},
		});
	});
});
