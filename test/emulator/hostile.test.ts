import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import type {Emulator} from '../../source/emulator/server.js';
import {parseConnectionString} from '../../source/protocol/connection-string.js';
import {authorizationHeader, computeSignature, signRequest} from '../../source/protocol/hmac.js';
import {createSandbox, startEmulatorProcess, stackTraceLine} from '../_helpers/cli.js';
import {startEmulator, type Transport} from '../_helpers/emulator.js';
import {apiVersionQuery, rawExchange, rawRequest} from '../_helpers/raw-client.js';

const createTarget = `/identities${apiVersionQuery}`;
const part = (value: string) => Buffer.from(value).toString('base64url');
/** JSON nested `depth` levels deep, about 2 bytes a level: 6,000 levels once crashed the emulator. */
const nested = (depth: number) => `${'['.repeat(depth)}${']'.repeat(depth)}`;
const bombToken = (depth = 6000) => `${part('{"alg":"RS256"}')}.${part(`{"a":${nested(depth)}}`)}.${part('sig')}`;

describe.each<Transport>(['http', 'https'])('hostile requests over %s', transport => {
	let emulator: Emulator;
	const warnings: string[] = [];
	const internalErrors: unknown[] = [];

	beforeAll(async () => {
		emulator = await startEmulator(transport, {
			bodyTimeoutMs: 400,
			onWarning: message => warnings.push(message),
			onInternalError: error => internalErrors.push(error),
		});
	});

	afterAll(async () => {
		await emulator.close();
		expect(internalErrors).toEqual([]);
	});

	it('answers a verify of a token whose claims nest 6,000 levels as malformed, and goes on serving', async () => {
		const response = await rawRequest(emulator, {
			target: '/emulator/tokens/:verify',
			unsigned: true,
			body: JSON.stringify({token: bombToken()}),
		});
		expect(response.status).toBe(200);
		expect(response.json).toEqual({valid: false, reason: 'malformed', claims: {}});
		expect((await rawRequest(emulator, {target: createTarget})).status).toBe(201);
	});

	it.each([
		['createTokenWithScopes', createTarget, (bomb: string) => `{"createTokenWithScopes":${bomb}}`],
		['expiresInMinutes', createTarget, (bomb: string) => `{"expiresInMinutes":${bomb}}`],
		['customId', '/identities?api-version=2025-03-02-preview', (bomb: string) => `{"customId":${bomb}}`],
		['the whole body', createTarget, (bomb: string) => bomb],
		['an object in an object', createTarget, () => `${'{"a":'.repeat(5000)}1${'}'.repeat(5000)}`],
	])('answers a signed create with %s nested 6,000 levels with 400, not 500', async (_name, target, body) => {
		const response = await rawRequest(emulator, {target, body: body(nested(6000))});
		expect(response.status).toBe(400);
		expect(response.json).toMatchObject({error: {code: 'ValidationError', message: expect.stringMatching(/nested deeper than 64/)}});
	});

	it('takes JSON nested 64 levels, as ASP.NET does', async () => {
		const response = await rawRequest(emulator, {target: createTarget, body: `{"ignored":${nested(63)}}`});
		expect(response.status).toBe(201);
	});

	it('answers a body that stops arriving with 408 once the body timeout has passed, not 400 after a minute', async () => {
		const started = Date.now();
		const response = await rawExchange(
			emulator,
			`POST ${createTarget} HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{"a`,
			{idleMs: 5000},
		);
		expect(response.status).toBe(408);
		expect(response.headers['content-type']).toBe('application/json');
		expect(response.json).toMatchObject({error: {code: 'RequestTimeout'}});
		expect(Date.now() - started).toBeLessThan(3000);
	});

	it.each([
		['junk after the padding', (signature: string) => `${signature}AAAA`],
		['a second padding', (signature: string) => `${signature}=`],
		['no padding', (signature: string) => signature.replace(/=+$/, '')],
		['a signature of 33 bytes', (signature: string) => Buffer.concat([Buffer.from(signature, 'base64'), Buffer.from([0])]).toString('base64')],
		['non-canonical trailing bits', (signature: string) => `${signature.slice(0, 42)}${signature[42] === 'A' ? 'B' : 'A'}=`],
	])('refuses a valid signature with %s (canonical base64 of 32 bytes only)', async (_name, tamper) => {
		const {accessKey} = parseConnectionString(emulator.connectionString);
		const headers = signRequest({accessKey: Buffer.from(accessKey, 'base64'), method: 'POST', url: new URL(createTarget, emulator.url)});
		const signature = /Signature=(.+)$/.exec(headers['authorization'] ?? '')?.[1] ?? '';
		expect((await rawRequest(emulator, {target: createTarget, unsigned: true, headers})).status).toBe(201);
		const tampered = {...headers, authorization: (headers['authorization'] ?? '').replace(signature, tamper(signature))};
		const response = await rawRequest(emulator, {target: createTarget, unsigned: true, headers: tampered});
		expect(response.status).toBe(401);
		expect(response.json).toEqual({error: {code: 'Denied', message: 'Denied by the resource provider.'}});
	});

	it('logs, for a signature that does not match, the string to sign and the part that differed, never the key or the signature', async () => {
		warnings.length = 0;
		const {accessKey} = parseConnectionString(emulator.connectionString);
		const host = new URL(emulator.url).host;
		// Signed over the host without its port, as some hand-written clients do.
		const headers = signRequest({accessKey: Buffer.from(accessKey, 'base64'), method: 'POST', url: new URL(createTarget, emulator.url)});
		const date = headers['x-ms-date'] ?? '';
		const hash = headers['x-ms-content-sha256'] ?? '';
		const wrong = computeSignature(
			Buffer.from(accessKey, 'base64'),
			`POST\n${createTarget}\n${date};${host.replace(/:\d+$/, '')};${hash}`,
		);
		const response = await rawRequest(emulator, {
			target: createTarget,
			unsigned: true,
			headers: {...headers, authorization: authorizationHeader(wrong)},
		});
		expect(response.status).toBe(401);
		const line = warnings.find(warning => warning.startsWith('Signature mismatch'));
		expect(line).toContain(JSON.stringify(`POST\n${createTarget}\n`).slice(1, -1));
		expect(line).toContain(`;${host};`);
		expect(line).toMatch(/if the host is signed as [^:]+: sign the Host header exactly as sent, with its port\./);
		expect(line).not.toContain(accessKey);
		expect(line).not.toContain(wrong);

		warnings.length = 0;
		await rawRequest(emulator, {target: createTarget, signTarget: '/identities'});
		expect(warnings.join('\n')).toMatch(/if the query is left out: sign the path with its query/);
		warnings.length = 0;
		await rawRequest(emulator, {target: createTarget, accessKey: Buffer.alloc(64, 7).toString('base64')});
		expect(warnings.join('\n')).toMatch(/No single part explains it/);
	});

	it.each([
		['Authorization itself, which would put the signature in the string to sign', 'x-ms-date;host;x-ms-content-sha256;authorization'],
		['a header of its own', 'x-ms-date;host;x-ms-content-sha256;x-secret'],
		['host 1,700 times, which made one small request an 11 MB log line', `x-ms-date;${'host;'.repeat(1700)}x-ms-content-sha256`],
		['x-ms-date twice', 'x-ms-date;x-ms-date;host;x-ms-content-sha256'],
	])('refuses SignedHeaders listing %s at once, with one short log line', async (_name, signedHeaders) => {
		warnings.length = 0;
		const {accessKey} = parseConnectionString(emulator.connectionString);
		const headers = signRequest({accessKey: Buffer.from(accessKey, 'base64'), method: 'POST', url: new URL(createTarget, emulator.url)});
		const signature = /Signature=(.+)$/.exec(headers['authorization'] ?? '')?.[1] ?? '';
		const response = await rawRequest(emulator, {
			target: createTarget,
			unsigned: true,
			headers: {...headers, 'x-secret': 'hunter2', authorization: `HMAC-SHA256 SignedHeaders=${signedHeaders}&Signature=${signature}`},
		});
		expect(response.status).toBe(401);
		expect(response.json).toEqual({error: {code: 'Denied', message: 'Denied by the resource provider.'}});
		// One short line that names the rule, never the list sent, a header's value or the signature.
		expect(warnings).toEqual([
			`401 Denied on POST ${createTarget}: its SignedHeaders may name only x-ms-date (or date), host and x-ms-content-sha256, each once.`,
		]);
	});

	describe('a plain 401 Denied says why in the log (the answer stays the service\'s)', () => {
		const key = () => Buffer.from(parseConnectionString(emulator.connectionString).accessKey, 'base64');
		const signedNow = () => signRequest({accessKey: key(), method: 'POST', url: new URL(createTarget, emulator.url)});
		const withSignedHeaders = (list: string) => {
			const headers = signedNow();
			const signature = /Signature=(.+)$/.exec(headers['authorization'] ?? '')?.[1] ?? '';
			return {...headers, authorization: `HMAC-SHA256 SignedHeaders=${list}&Signature=${signature}`};
		};
		const jwt = (claims: Record<string, unknown>) => `${part('{"alg":"none"}')}.${part(JSON.stringify(claims))}.${part('sig')}`;
		const cases: [string, () => Record<string, string>, RegExp][] = [
			['no Authorization header', () => ({}), /: the request has no Authorization header\. Sign it with the access key/],
			['another scheme', () => ({authorization: 'Basic dXNlcjpwYXNz'}), /: its Authorization header is neither "HMAC-SHA256 SignedHeaders=…&Signature=…" nor "Bearer <token>"\./],
			[
				'a signature that is not 32 bytes of canonical base64',
				() => ({...signedNow(), authorization: 'HMAC-SHA256 SignedHeaders=x-ms-date;host;x-ms-content-sha256&Signature=c2hvcnQ='}),
				/: its Signature is not the canonical base64 of 32 bytes/,
			],
			['a signed header the request leaves out', () => withSignedHeaders('date;host;x-ms-content-sha256'), /: its SignedHeaders names date, which the request does not carry\./],
			['host left unsigned', () => withSignedHeaders('x-ms-date;x-ms-content-sha256'), /: its SignedHeaders must include host, x-ms-content-sha256 and x-ms-date \(or date\); missing: host\./],
			['a date that is not one', () => ({...signedNow(), 'x-ms-date': 'yesterday'}), /: its x-ms-date header is not a date/],
			[
				'a clock an hour behind',
				() => signRequest({accessKey: key(), method: 'POST', url: new URL(createTarget, emulator.url), now: new Date(Date.now() - 3_600_000)}),
				/: it was signed at \d{4}-\d\d-\d\dT[\d:.]+Z \(x-ms-date\), 60 minutes from the emulator's clock; at most 15 are allowed\. Check the client's clock\./,
			],
			[
				'an Entra ID token, on an emulator started without --allow-entra',
				() => ({authorization: `Bearer ${jwt({aud: 'https://communication.azure.com', exp: Math.floor(Date.now() / 1000) + 600})}`}),
				/: it carries a bearer token, and Microsoft Entra ID tokens are taken only with --allow-entra \(over HTTPS\)\./,
			],
		];
		it.each(cases)('%s', async (_name, headers, reason) => {
			warnings.length = 0;
			const sent = headers();
			const response = await rawRequest(emulator, {target: createTarget, unsigned: true, headers: sent});
			expect(response.status).toBe(401);
			expect(response.json).toEqual({error: {code: 'Denied', message: 'Denied by the resource provider.'}});
			expect(warnings).toHaveLength(1);
			expect(warnings[0]).toMatch(new RegExp(`^401 Denied on POST ${createTarget.replace('?', '\\?')}: `));
			expect(warnings[0]).toMatch(reason);
			// Nothing secret of what was sent: no signature, no token.
			for (const value of Object.values(sent)) {
				const secret = /Signature=(.+)$|^Bearer (.+)$/.exec(value);
				if (secret) {
					expect(warnings[0]).not.toContain(secret[1] ?? secret[2]);
				}
			}
		});
	});

	it('answers the request, rather than 400 in its place, when garbage follows it on the connection, then closes', async () => {
		const {accessKey} = parseConnectionString(emulator.connectionString);
		const url = new URL(createTarget, emulator.url);
		const headers = signRequest({accessKey: Buffer.from(accessKey, 'base64'), method: 'POST', url});
		const head = Object.entries({...headers, 'content-length': '0'})
			.map(([name, value]) => `${name}: ${value}\r\n`)
			.join('');
		const response = await rawExchange(emulator, `POST ${createTarget} HTTP/1.1\r\n${head}\r\n\u0000\u0001 not http at all\r\n\r\n`, {idleMs: 2000});
		// The valid request's own answer; never "not valid HTTP" in its place.
		expect(response.status).toBe(201);
	});

	it('answers a revoke 204 with no body and no Content-Length, as the service does (RFC 9110 §8.6)', async () => {
		const created = await rawRequest(emulator, {target: createTarget});
		const {id} = (created.json as {identity: {id: string}}).identity;
		const revoked = await rawRequest(emulator, {target: `/identities/${encodeURIComponent(id)}/:revokeAccessTokens${apiVersionQuery}`});
		expect(revoked.status).toBe(204);
		expect(revoked.headers['content-length']).toBeUndefined();
		expect(revoked.headers['transfer-encoding']).toBeUndefined();
		expect(revoked.text).toBe('');
	});

	it('answers HEAD /emulator/health with 200 and no body', async () => {
		const response = await rawRequest(emulator, {method: 'HEAD', target: '/emulator/health', unsigned: true});
		expect(response.status).toBe(200);
		expect(response.text).toBe('');
	});

	it('refuses two api-versions in one query, as ASP.NET API Versioning does', async () => {
		const response = await rawRequest(emulator, {target: '/identities?api-version=2023-10-01&api-version=bogus'});
		expect(response.status).toBe(400);
		expect(response.json).toMatchObject({
			error: {
				code: 'AmbiguousApiVersion',
				message: expect.stringMatching(/^The following API versions were requested: 2023-10-01, bogus\. At most, only a single API version may be specified/),
			},
		});
	});

	it('answers GET /emulator/health with 200 and no signature or api-version, for CI readiness checks', async () => {
		const response = await rawRequest(emulator, {method: 'GET', target: '/emulator/health', unsigned: true});
		expect(response.status).toBe(200);
		expect(response.json).toMatchObject({status: 'healthy', resourceId: emulator.resourceId});
	});

	it.each(['2026-07-22', '2026-09-23', '2025-06-30'])('answers the identity calls and the Teams user exchange on %s', async version => {
		const created = await rawRequest(emulator, {target: `/identities?api-version=${version}`, body: '{"createTokenWithScopes":["chat"]}'});
		expect(created.status).toBe(201);
		expect(String(created.headers['api-supported-versions'])).toMatch(/, 2025-06-30, 2026-07-22, 2026-09-23$/);
		const {id} = (created.json as {identity: {id: string}}).identity;
		const issued = await rawRequest(emulator, {
			target: `/identities/${encodeURIComponent(id)}/:issueAccessToken?api-version=${version}`,
			body: '{"scopes":["voip"],"expiresInMinutes":60}',
		});
		expect(issued.status).toBe(200);
		const exchange = await rawRequest(emulator, {target: `/teamsUser/:exchangeAccessToken?api-version=${version}`, body: '{}'});
		expect(exchange.status).toBe(401);
		expect(exchange.headers['api-supported-versions']).toBeUndefined();
	});
});

describe('--skip-api-version-check', () => {
	let emulator: Emulator;
	const warnings: string[] = [];

	beforeAll(async () => {
		emulator = await startEmulator('http', {skipApiVersionCheck: true, onWarning: message => warnings.push(message)});
	});

	afterAll(async () => {
		await emulator.close();
	});

	it('answers any well-formed api-version as the newest known, with one log line per new version', async () => {
		for (const version of ['2027-01-01', '2027-01-01', '2030-12-31-preview']) {
			expect((await rawRequest(emulator, {target: `/identities?api-version=${version}`})).status).toBe(201);
		}

		expect(warnings).toEqual([
			expect.stringMatching(/^api-version 2027-01-01 is not one the emulator knows; answering it as 2026-09-23/),
			expect.stringMatching(/^api-version 2030-12-31-preview is not one/),
		]);
	});

	it('answers a route where the version lacks it as the newest version that has it', async () => {
		const created = await rawRequest(emulator, {target: '/identities?api-version=2027-01-01'});
		const {id} = (created.json as {identity: {id: string}}).identity;
		const read = await rawRequest(emulator, {method: 'GET', target: `/identities/${encodeURIComponent(id)}?api-version=2027-01-01`});
		expect(read.status).toBe(200);
	});

	it.each(['banana', '2027-13-01', '2027-01-01-beta', ''])('still refuses the malformed api-version %j', async version => {
		const response = await rawRequest(emulator, {target: `/identities?api-version=${version}`});
		expect(response.status).toBe(400);
		expect(response.json).toMatchObject({error: {code: 'UnsupportedApiVersion'}});
	});
});

describe('the commands and the emulator process under the same requests', () => {
	it('keeps the standalone emulator serving after the verify bomb that used to kill it', async () => {
		const emulator = await startEmulatorProcess();
		try {
			const verify = await fetch(new URL('emulator/tokens/:verify', emulator.endpoint), {
				method: 'POST',
				body: JSON.stringify({token: bombToken()}),
			});
			expect(verify.status).toBe(200);
			const health = await fetch(new URL('emulator/health', emulator.endpoint));
			expect(health.status).toBe(200);
		} finally {
			await emulator.stop();
		}
	});

	it('answers token decode of such a token with a usage error, not exit 70', async () => {
		const sandbox = await createSandbox();
		const result = await sandbox.run(['token', 'decode', '-'], {input: bombToken()});
		expect(result.code).toBe(2);
		expect(result.stderr).not.toMatch(stackTraceLine);
		expect(result.stderr).not.toMatch(/bug/);
	});

	it('answers token verify --emulator of such a token: invalid, exit 1, and the embedded emulator was not killed', async () => {
		const sandbox = await createSandbox();
		const result = await sandbox.run(['token', 'verify', '--emulator', '-'], {input: bombToken()});
		expect(result.code).toBe(1);
		expect(result.stdout).toMatch(/Token is invalid: not an access token\./);
		expect(result.stderr).not.toMatch(stackTraceLine);
	});

	it('tells --emulator commands at once that the running emulator has its own --access-key, and how to reach it', async () => {
		const sandbox = await createSandbox();
		const key = Buffer.alloc(32, 9).toString('base64');
		const emulator = await startEmulatorProcess(['--http', '--port', '0', '--access-key', key], {
			ACS_TOKENS_CONFIG_DIR: sandbox.configDirectory,
		});
		try {
			const started = Date.now();
			const result = await sandbox.run(['user', 'create', '--emulator', '--json']);
			// The command's own start-up, and no 15 s of waiting on a lock.
			expect(Date.now() - started).toBeLessThan(5000);
			expect(result.code).not.toBe(0);
			expect(result.code).not.toBe(70);
			const said = `${result.stdout}${result.stderr}`;
			expect(said).toContain(emulator.endpoint.replace(/\/$/, ''));
			expect(said).toMatch(/own --access-key/);
			expect(said).not.toContain(key);
		} finally {
			await emulator.stop();
		}
	});
});
