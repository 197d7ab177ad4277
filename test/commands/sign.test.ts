import {writeFile} from 'node:fs/promises';
import http from 'node:http';
import path from 'node:path';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import type {Emulator} from '../../source/emulator/server.js';
import {contentHash} from '../../source/protocol/hmac.js';
import {type CliResult, createSandbox, parseJson, type Sandbox, stackTraceLine} from '../_helpers/cli.js';
import {startEmulator} from '../_helpers/emulator.js';

/**
 * `acs-tokens sign`, the built binary: its headers, sent with Node's own http (no SDK) to the
 * emulator, which checks HMAC-SHA256 as the service does.
 */

let emulator: Emulator;
let sandbox: Sandbox;

beforeAll(async () => {
	emulator = await startEmulator('http');
	sandbox = await createSandbox();
});

afterAll(async () => {
	await emulator.close();
});

const createPath = '/identities?api-version=2023-10-01';
const createBody = '{"createTokenWithScopes":["chat"],"expiresInMinutes":60}';

/** `sign …` with the emulator's connection string on stdin, so that its key is on no command line. */
function signWith(args: readonly string[], input = emulator.connectionString): Promise<CliResult> {
	return sandbox.run(['sign', ...args, '--connection-string', '-'], {input});
}

/** `Name: value` lines, as curl -H takes them. */
function headersOf(stdout: string): Record<string, string> {
	return Object.fromEntries(
		stdout
			.trimEnd()
			.split('\n')
			.map(line => {
				const colon = line.indexOf(': ');
				return [line.slice(0, colon), line.slice(colon + 2)];
			}),
	);
}

function send(method: string, target: string, headers: Record<string, string>, body = ''): Promise<{status: number; body: string}> {
	return new Promise((resolve, reject) => {
		const request = http.request(new URL(target, emulator.url), {method, headers: {'content-type': 'application/json', ...headers}}, response => {
			const chunks: Buffer[] = [];
			response.on('data', (chunk: Buffer) => chunks.push(chunk));
			response.on('end', () => resolve({status: response.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8')}));
		});
		request.on('error', reject);
		request.end(body);
	});
}

describe('acs-tokens sign', () => {
	it('prints the three headers; a request sent with them and its body file is created (201)', async () => {
		const bodyFile = path.join(sandbox.cwd, 'user.json');
		await writeFile(bodyFile, createBody);
		const result = await signWith(['POST', createPath, '--body', 'user.json']);
		expect(result).toMatchObject({code: 0, stderr: ''});
		expect(result.stdout).toMatch(
			/^x-ms-date: [A-Z][a-z]{2}, \d{2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}:\d{2} GMT\nx-ms-content-sha256: \S+=\nAuthorization: HMAC-SHA256 SignedHeaders=x-ms-date;host;x-ms-content-sha256&Signature=[A-Za-z0-9+/]{43}=\n$/,
		);
		const headers = headersOf(result.stdout);
		expect(headers['x-ms-content-sha256']).toBe(contentHash(createBody));

		const created = await send('POST', createPath, headers, createBody);
		expect(created.status).toBe(201);
		expect(JSON.parse(created.body)).toMatchObject({identity: {id: expect.stringMatching(/^8:acs:/)}, accessToken: {token: expect.any(String)}});
	});

	it('a body other than the one signed is refused (401): the hash is part of the signature', async () => {
		await writeFile(path.join(sandbox.cwd, 'signed.json'), createBody);
		const headers = headersOf((await signWith(['POST', createPath, '--body', 'signed.json'])).stdout);
		const other = await send('POST', createPath, headers, '{"createTokenWithScopes":["voip"],"expiresInMinutes":60}');
		expect(other.status).toBe(401);
		expect(JSON.parse(other.body)).toMatchObject({error: {code: 'Denied'}});
	});

	it('a full URL on the endpoint, no body (the empty hash), --json; the query is signed too', async () => {
		const full = new URL(createPath, emulator.url).href;
		const result = await signWith(['post', full, '--json']);
		expect(result.code).toBe(0);
		const {headers} = parseJson<{headers: Record<string, string>}>(result);
		expect(Object.keys(headers)).toEqual(['x-ms-date', 'x-ms-content-sha256', 'Authorization']);
		expect(headers['x-ms-content-sha256']).toBe('47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=');
		expect((await send('POST', createPath, headers)).status).toBe(201);
		// Signed for this path and query, sent with another api-version: refused.
		expect((await send('POST', '/identities?api-version=2025-06-30', headers)).status).toBe(401);
	});

	it('--body - signs stdin byte for byte (a trailing newline included)', async () => {
		const body = `${createBody}\n`;
		const result = await sandbox.run(['sign', 'POST', createPath, '--body', '-', '--connection-string', emulator.connectionString], {
			input: body,
		});
		expect(result.code).toBe(0);
		const headers = headersOf(result.stdout);
		expect(headers['x-ms-content-sha256']).toBe(contentHash(body));
		expect((await send('POST', createPath, headers, body)).status).toBe(201);
	});

	it.each([
		[['PURGE', createPath], /"PURGE" is not an HTTP method acs-tokens signs: use one of GET, HEAD, POST, PUT, PATCH, DELETE\./],
		[['POST', 'https://contoso.communication.azure.com/identities?api-version=2023-10-01'], /is not on the connection's endpoint http:\/\/127\.0\.0\.1:\d+: the signature would be refused there/],
		[['POST', 'identities'], /"identities" is not a URL: give a full one on http:\/\/127\.0\.0\.1:\d+\/, or a path and query starting with \//],
		[['POST', createPath, '--body', 'missing.json'], /Could not read the body file "missing\.json" \(ENOENT\): check the path/],
		[['POST'], /sign takes a method and a URL/],
	])('%j is a usage error (exit 2) that says what to do, without a stack trace', async (args, message) => {
		const result = await signWith(args);
		expect(result.code).toBe(2);
		expect(result.stdout).toBe('');
		expect(result.stderr).toMatch(message);
		expect(result.stderr).not.toMatch(stackTraceLine);
	});

	it('says its refusals in Traditional Chinese too', async () => {
		const result = await sandbox.run(['sign', 'PURGE', createPath, '--connection-string', '-', '--lang', 'zh-TW'], {input: emulator.connectionString});
		expect(result.code).toBe(2);
		expect(result.stderr).toContain('「PURGE」不是 acs-tokens 能簽署的 HTTP 方法');
		const help = await sandbox.run(['sign', '--help', '--lang', 'zh-TW']);
		expect(help.stdout).toMatch(/^用法：acs-tokens sign METHOD URL/);
	});

	it('never puts the access key in its output', async () => {
		const key = emulator.connectionString.split('accesskey=')[1] ?? '';
		const result = await signWith(['GET', '/identities/8%3Aacs%3Ax?api-version=2023-10-01', '--verbose']);
		expect(result.code).toBe(0);
		expect(key).not.toBe('');
		expect(`${result.stdout}${result.stderr}`).not.toContain(key);
	});

	it('refuses --emulator when no emulator runs (its port would be gone), and a keyless connection (no key to sign with)', async () => {
		const empty = await createSandbox();
		let result = await empty.run(['sign', 'GET', createPath, '--emulator']);
		expect(result.code).toBe(2);
		expect(result.stderr).toContain('No emulator is running on this config directory');
		result = await empty.run(['sign', 'GET', createPath, '--endpoint', 'https://contoso.communication.azure.com/']);
		expect(result.code).toBe(2);
		expect(result.stderr).toContain('signs in with Microsoft Entra ID and has no access key to sign with');
	});
});
