import {randomUUID} from 'node:crypto';
import {readFileSync} from 'node:fs';
import {CommunicationIdentityClient} from '@azure/communication-identity';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import type {Emulator} from '../../source/emulator/server.js';
import {parseConnectionString} from '../../source/protocol/connection-string.js';
import {computeSignature, contentHash, signRequest} from '../../source/protocol/hmac.js';
import {startEmulator, type Transport} from '../_helpers/emulator.js';
import {apiVersionQuery, type RawResponse, rawRequest} from '../_helpers/raw-client.js';

const createTarget = `/identities${apiVersionQuery}`;
const deniedMessage = 'Denied by the resource provider.';
const hashMismatchMessage = "Request 'x-ms-content-sha256' differs from generated content hash.";
/** What the live service advertised on /identities (recorded April 2025), and the stable versions since. */
const advertisedVersions = [
	'2020-07-20-preview2',
	'2021-03-07',
	'2021-10-31-preview',
	'2021-11-01',
	'2022-06-01',
	'2022-10-01',
	'2023-10-01',
	'2025-03-02-preview',
	'2025-06-30',
	'2026-07-22',
	'2026-09-23',
];
/** Every version the facts file lists for the identity calls. */
const acceptedVersions = [
	...advertisedVersions,
	'2021-02-22-preview1',
	'2021-03-31-preview1',
	'2022-09-01',
	'2023-08-01',
	'2023-08-30-preview',
	'2025-04-01-preview',
];
const userIdPattern = /^8:acs:[0-9a-f-]{36}_[0-9a-f-]{36}$/;

function expectDenied(response: RawResponse, message = deniedMessage): void {
	expect(response.status).toBe(401);
	expect(response.headers['content-type']).toBe('application/json');
	expect(response.json).toEqual({error: {code: 'Denied', message}});
}

function expectCreated(response: RawResponse): void {
	expect(response.status).toBe(201);
	expect(response.json).toEqual({identity: {id: expect.stringMatching(userIdPattern)}});
}

async function createUserId(emulator: Emulator): Promise<string> {
	const response = await rawRequest(emulator, {target: createTarget});
	expectCreated(response);
	return (response.json as {identity: {id: string}}).identity.id;
}

function issueTarget(id: string, query = apiVersionQuery): string {
	return `/identities/${encodeURIComponent(id)}/:issueAccessToken${query}`;
}

/** A JWT as Entra ID shapes it; the emulator cannot check Entra's signature offline, so any will do. */
function entraToken(claims: Record<string, unknown>): string {
	const part = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
	return `${part({alg: 'RS256', typ: 'JWT', kid: 'any'})}.${part(claims)}.${Buffer.from('any signature').toString('base64url')}`;
}

const inOneHour = () => Math.floor(Date.now() / 1000) + 3600;

describe.each<Transport>(['http', 'https'])('HMAC authentication over %s', transport => {
	let emulator: Emulator;
	let accessKey: Buffer;

	beforeAll(async () => {
		emulator = await startEmulator(transport);
		accessKey = Buffer.from(parseConnectionString(emulator.connectionString).accessKey, 'base64');
	});

	afterAll(async () => {
		await emulator.close();
	});

	it('accepts a correctly signed request with 201', async () => {
		const response = await rawRequest(emulator, {target: createTarget});
		expectCreated(response);
		expect(response.headers['content-type']).toBe('application/json; charset=utf-8');
	});

	it('accepts a correctly signed request with a body', async () => {
		const response = await rawRequest(emulator, {
			target: createTarget,
			body: JSON.stringify({createTokenWithScopes: ['chat'], expiresInMinutes: 60}),
		});
		expect(response.status).toBe(201);
		expect(response.json).toMatchObject({accessToken: {token: expect.any(String)}});
	});

	it('refuses a request signed with the wrong key', async () => {
		expectDenied(await rawRequest(emulator, {target: createTarget, accessKey: Buffer.alloc(64, 7).toString('base64')}));
	});

	it('refuses a request signed for one identity and sent for another', async () => {
		const signedFor = await createUserId(emulator);
		const sentFor = await createUserId(emulator);
		const body = JSON.stringify({scopes: ['chat']});
		expectDenied(await rawRequest(emulator, {target: issueTarget(sentFor), signTarget: issueTarget(signedFor), body}));
		// Both identities are still there and usable with honest requests.
		expect((await rawRequest(emulator, {target: issueTarget(sentFor), body})).status).toBe(200);
		expect((await rawRequest(emulator, {target: issueTarget(signedFor), body})).status).toBe(200);
	});

	it('refuses a request whose api-version was changed after signing', async () => {
		expectDenied(
			await rawRequest(emulator, {target: '/identities?api-version=2022-10-01', signTarget: createTarget}),
		);
	});

	it('refuses a request whose query grew after signing', async () => {
		expectDenied(await rawRequest(emulator, {target: `${createTarget}&extra=1`, signTarget: createTarget}));
	});

	it('refuses a request whose method was changed after signing', async () => {
		const id = await createUserId(emulator);
		const target = `/identities/${encodeURIComponent(id)}${apiVersionQuery}`;
		const signedAsPost = signRequest({accessKey, method: 'POST', url: new URL(target, emulator.url)});
		expectDenied(await rawRequest(emulator, {method: 'DELETE', target, unsigned: true, headers: signedAsPost}));
		// The identity survived: an honest delete still finds it.
		expect((await rawRequest(emulator, {method: 'DELETE', target})).status).toBe(204);
	});

	it('refuses a body that differs from its signed x-ms-content-sha256 with the service text', async () => {
		expectDenied(
			await rawRequest(emulator, {
				target: createTarget,
				signBody: JSON.stringify({createTokenWithScopes: ['chat']}),
				body: JSON.stringify({createTokenWithScopes: ['voip']}),
			}),
			hashMismatchMessage,
		);
	});

	it('refuses a body sent where an empty one was signed with the service text', async () => {
		expectDenied(
			await rawRequest(emulator, {target: createTarget, signBody: '', body: '{"createTokenWithScopes":["chat"]}'}),
			hashMismatchMessage,
		);
	});

	it('refuses an altered body whose x-ms-content-sha256 was altered to match (the hash is signed)', async () => {
		const body = JSON.stringify({createTokenWithScopes: ['voip']});
		expectDenied(
			await rawRequest(emulator, {
				target: createTarget,
				signBody: JSON.stringify({createTokenWithScopes: ['chat']}),
				body,
				headers: {'x-ms-content-sha256': contentHash(body)},
			}),
		);
	});

	it('refuses a request whose x-ms-date was changed after signing', async () => {
		expectDenied(
			await rawRequest(emulator, {
				target: createTarget,
				signDate: new Date(Date.now() - 60_000),
				headers: {'x-ms-date': new Date().toUTCString()},
			}),
		);
	});

	it.each(['authorization', 'x-ms-date', 'x-ms-content-sha256'])('refuses a request without %s', async header => {
		expectDenied(await rawRequest(emulator, {target: createTarget, headers: {[header]: null}}));
	});

	it('refuses an unsigned request', async () => {
		expectDenied(await rawRequest(emulator, {target: createTarget, unsigned: true}));
	});

	it.each([
		{minutes: -16, status: 401},
		{minutes: 16, status: 401},
		{minutes: -14, status: 201},
		{minutes: 14, status: 201},
	])('answers a request signed $minutes minutes from now with $status', async ({minutes, status}) => {
		const response = await rawRequest(emulator, {
			target: createTarget,
			signDate: new Date(Date.now() + minutes * 60_000),
		});
		if (status === 401) {
			expectDenied(response);
		} else {
			expectCreated(response);
		}
	});

	it('refuses an x-ms-date that is not a date', async () => {
		const date = 'yesterday, around noon';
		const hash = contentHash('');
		const host = new URL(emulator.url).host;
		const signature = computeSignature(accessKey, `POST\n${createTarget}\n${date};${host};${hash}`);
		expectDenied(
			await rawRequest(emulator, {
				target: createTarget,
				headers: {
					'x-ms-date': date,
					authorization: `HMAC-SHA256 SignedHeaders=x-ms-date;host;x-ms-content-sha256&Signature=${signature}`,
				},
			}),
		);
	});

	it.each(['contoso.communication.azure.com', 'localhost', 'localhost:PORT', '127.0.0.2:PORT', '127.0.0.1:1'])(
		'refuses a request signed for the host %s',
		async signHost => {
			const {port} = new URL(emulator.url);
			expectDenied(
				await rawRequest(emulator, {target: createTarget, signHost: signHost.replace('PORT', port)}),
			);
		},
	);

	it('refuses a request signed for the host without its port', async () => {
		const date = new Date().toUTCString();
		const hash = contentHash('');
		const signature = computeSignature(accessKey, `POST\n${createTarget}\n${date};127.0.0.1;${hash}`);
		expectDenied(
			await rawRequest(emulator, {
				target: createTarget,
				headers: {
					'x-ms-date': date,
					authorization: `HMAC-SHA256 SignedHeaders=x-ms-date;host;x-ms-content-sha256&Signature=${signature}`,
				},
			}),
		);
	});

	it.each([
		'HMAC-SHA256',
		'HMAC-SHA256 ',
		'HMAC-SHA256 SignedHeaders=x-ms-date;host;x-ms-content-sha256',
		'HMAC-SHA256 Signature=c2lnbmF0dXJl',
		'HMAC-SHA256 SignedHeaders=x-ms-date;host;x-ms-content-sha256&Signature=',
		'HMAC-SHA256 SignedHeaders=x-ms-date;host;x-ms-content-sha256&Signature=***',
		'HMAC-SHA256 SignedHeaders=&Signature=c2lnbmF0dXJl',
		'HMAC-SHA256 SignedHeaders=x-ms-date;host;x-ms-content-sha256&Signature=c2lnbmF0dXJl&Extra=1',
		'SharedKey account:c2lnbmF0dXJl',
		'Basic dXNlcjpwYXNzd29yZA==',
		'Bearer',
		'',
		'HMAC-SHA256 SignedHeaders=x-ms-date;host;x-ms-content-sha256&Signature=\u00ff\u00fe',
	])('refuses the malformed Authorization header %j', async authorization => {
		expectDenied(
			await rawRequest(emulator, {target: createTarget, headers: {authorization}}),
		);
	});

	it('refuses a correct signature over headers that leave out the host', async () => {
		const date = new Date().toUTCString();
		const hash = contentHash('');
		const signature = computeSignature(accessKey, `POST\n${createTarget}\n${date};${hash}`);
		expectDenied(
			await rawRequest(emulator, {
				target: createTarget,
				headers: {authorization: `HMAC-SHA256 SignedHeaders=x-ms-date;x-ms-content-sha256&Signature=${signature}`},
			}),
		);
	});

	it('refuses a signature that names a header the request does not carry', async () => {
		const date = new Date().toUTCString();
		const hash = contentHash('');
		const host = new URL(emulator.url).host;
		const signature = computeSignature(accessKey, `POST\n${createTarget}\n${date};${host};${hash};`);
		expectDenied(
			await rawRequest(emulator, {
				target: createTarget,
				headers: {
					authorization: `HMAC-SHA256 SignedHeaders=x-ms-date;host;x-ms-content-sha256;x-ms-absent&Signature=${signature}`,
				},
			}),
		);
	});

	it('checks the signature over the request target as sent, percent-encoding kept', async () => {
		const id = await createUserId(emulator);
		expect(issueTarget(id)).toContain('/8%3Aacs%3A');
		const body = JSON.stringify({scopes: ['chat']});
		const asSent = await rawRequest(emulator, {target: issueTarget(id), body});
		expect(asSent.status).toBe(200);
		expect(asSent.json).toEqual({token: expect.any(String), expiresOn: expect.any(String)});

		// The same target with lower-case escapes is another string to sign, and fine when signed as sent.
		const lowerCase = issueTarget(id).replaceAll('%3A', '%3a');
		expect((await rawRequest(emulator, {target: lowerCase, body})).status).toBe(200);
	});

	it('refuses a request signed over the decoded form of the target', async () => {
		const id = await createUserId(emulator);
		const decoded = `/identities/${id}/:issueAccessToken${apiVersionQuery}`;
		expectDenied(
			await rawRequest(emulator, {target: issueTarget(id), signTarget: decoded, body: '{"scopes":["chat"]}'}),
		);
	});
});

describe.each<Transport>(['http', 'https'])('response headers over %s', transport => {
	let emulator: Emulator;

	beforeAll(async () => {
		emulator = await startEmulator(transport);
	});

	afterAll(async () => {
		await emulator.close();
	});

	const requests: {name: string; status: number; request: () => Parameters<typeof rawRequest>[1]}[] = [
		{name: 'create', status: 201, request: () => ({target: createTarget})},
		{name: 'bad signature', status: 401, request: () => ({target: createTarget, accessKey: 'AAAA'})},
		{name: 'bad api-version', status: 400, request: () => ({target: '/identities?api-version=banana'})},
		{name: 'validation error', status: 400, request: () => ({target: createTarget, body: '{"createTokenWithScopes":[]}'})},
		{name: 'body too large', status: 413, request: () => ({target: createTarget, body: 'x'.repeat(70_000)})},
	];
	/** No route, no api-versions: the header belongs to an operation of the API. */
	const outsideTheApi: typeof requests = [
		{name: 'unknown path', status: 404, request: () => ({target: `/nothing${apiVersionQuery}`})},
		{name: 'wrong method', status: 405, request: () => ({method: 'GET', target: createTarget})},
		{name: 'jwks', status: 200, request: () => ({method: 'GET', target: '/.well-known/jwks.json', unsigned: true})},
	];

	it.each(outsideTheApi)('echoes x-ms-client-request-id without api-versions ($name, $status)', async ({status, request}) => {
		const clientRequestId = randomUUID();
		const response = await rawRequest(emulator, {...request(), headers: {'x-ms-client-request-id': clientRequestId}});
		expect(response.status).toBe(status);
		expect(response.headers['x-ms-client-request-id']).toBe(clientRequestId);
		expect(response.headers['api-supported-versions']).toBeUndefined();
	});

	it.each(requests)('echoes x-ms-client-request-id and lists the api-versions ($name, $status)', async ({status, request}) => {
		const clientRequestId = randomUUID();
		const response = await rawRequest(emulator, {
			...request(),
			headers: {'x-ms-client-request-id': clientRequestId},
		});
		expect(response.status).toBe(status);
		expect(response.headers['x-ms-client-request-id']).toBe(clientRequestId);
		expect(response.headers['api-supported-versions']?.toString().split(', ')).toEqual(advertisedVersions);
		// As every recorded answer of the service: a correlation vector, and neither x-ms-request-id nor x-ms-error-code.
		expect(response.headers['ms-cv']).toMatch(/^[A-Za-z0-9+/]{22}\.0$/);
		expect(response.headers['x-ms-request-id']).toBeUndefined();
		expect(response.headers['x-ms-error-code']).toBeUndefined();
		expect(response.headers['content-type']).toBe(status < 300 ? 'application/json; charset=utf-8' : 'application/json');
	});

	it('gives every response its own correlation vector (MS-CV)', async () => {
		const first = await rawRequest(emulator, {target: createTarget});
		const second = await rawRequest(emulator, {target: createTarget});
		expect(first.headers['ms-cv']).not.toBe(second.headers['ms-cv']);
	});

	it.each(['has spaces in it', 'x'.repeat(300), 'semi;colon', '<script>'])(
		'does not echo the invalid x-ms-client-request-id %j',
		async clientRequestId => {
			const response = await rawRequest(emulator, {
				target: createTarget,
				headers: {'x-ms-client-request-id': clientRequestId},
			});
			expectCreated(response);
			expect(response.headers['x-ms-client-request-id']).toBeUndefined();
		},
	);
});

describe.each<Transport>(['http', 'https'])('api-versions over %s', transport => {
	let emulator: Emulator;
	const requestUri = () => new URL('/identities', emulator.url).href;

	beforeAll(async () => {
		emulator = await startEmulator(transport);
	});

	afterAll(async () => {
		await emulator.close();
	});

	it.each(acceptedVersions)('creates an identity with api-version %s', async version => {
		expectCreated(await rawRequest(emulator, {target: `/identities?api-version=${version}`}));
	});

	it.each(advertisedVersions)('creates an identity and a token with api-version %s', async version => {
		const response = await rawRequest(emulator, {
			target: `/identities?api-version=${version}`,
			body: JSON.stringify({createTokenWithScopes: ['chat'], expiresInMinutes: 60}),
		});
		expect(response.status).toBe(201);
		expect(response.json).toMatchObject({identity: {id: expect.stringMatching(userIdPattern)}, accessToken: {}});
	});

	it.each(['2019-01-01', 'banana', '2023-10-01-preview', '2023-10-1', ' 2023-10-01', '', '2027-01-01'])(
		'refuses the api-version %j with 400 UnsupportedApiVersion',
		async version => {
			const response = await rawRequest(emulator, {target: `/identities?api-version=${encodeURIComponent(version)}`});
			expect(response.status).toBe(400);
			expect(response.headers['content-type']).toBe('application/json');
			expect(response.headers['api-supported-versions']?.toString().split(', ')).toEqual(advertisedVersions);
			expect(response.json).toEqual({
				error: {
					code: 'UnsupportedApiVersion',
					message: `The HTTP resource that matches the request URI '${requestUri()}' does not support the API version '${version}'.`,
				},
			});
		},
	);

	it.each([createTarget.replace(apiVersionQuery, ''), '/identities?api_version=2023-10-01', '/identities?API-VERSION'])(
		'refuses %s, which has no api-version, with 400',
		async target => {
			const response = await rawRequest(emulator, {target});
			expect(response.status).toBe(400);
			expect(response.json).toEqual({
				error: {
					code: 'MissingApiVersionParameter',
					message: 'The api-version query parameter (?api-version=) is required for all requests.',
				},
			});
		},
	);
});

describe('Entra ID bearer tokens over HTTPS with allowEntra', () => {
	let emulator: Emulator;
	const warnings: string[] = [];

	beforeAll(async () => {
		emulator = await startEmulator('https', {allowEntra: true, onWarning: message => warnings.push(message)});
	});

	afterAll(async () => {
		await emulator.close();
	});

	const bearer = (token: string) => ({authorization: `Bearer ${token}`});

	it.each(['https://communication.azure.com', 'https://communication.azure.com/'])(
		'accepts an unverified JWT for the audience %s',
		async aud => {
			const token = entraToken({aud, exp: inOneHour(), oid: randomUUID()});
			const created = await rawRequest(emulator, {target: createTarget, unsigned: true, headers: bearer(token)});
			expectCreated(created);
			const id = (created.json as {identity: {id: string}}).identity.id;
			const issued = await rawRequest(emulator, {
				target: issueTarget(id),
				unsigned: true,
				headers: bearer(token),
				body: '{"scopes":["voip"]}',
			});
			expect(issued.status).toBe(200);
		},
	);

	it('accepts an audience list that includes Communication Services', async () => {
		const token = entraToken({aud: ['https://example.org', 'https://communication.azure.com'], exp: inOneHour()});
		expectCreated(await rawRequest(emulator, {target: createTarget, unsigned: true, headers: bearer(token)}));
	});

	it.each([
		{name: 'expired', reason: 'its bearer token has expired, or is not valid yet.', token: () => entraToken({aud: 'https://communication.azure.com', exp: inOneHour() - 7200})},
		{name: 'without exp', reason: 'its bearer token has expired, or is not valid yet.', token: () => entraToken({aud: 'https://communication.azure.com'})},
		{name: 'exp as a string', reason: 'its bearer token has expired, or is not valid yet.', token: () => entraToken({aud: 'https://communication.azure.com', exp: String(inOneHour())})},
		{name: 'for another audience', reason: 'its bearer token is not for Communication Services (aud https://communication.azure.com).', token: () => entraToken({aud: 'https://management.azure.com', exp: inOneHour()})},
		{name: 'for a look-alike audience', reason: 'its bearer token is not for Communication Services (aud https://communication.azure.com).', token: () => entraToken({aud: 'https://communication.azure.com.evil', exp: inOneHour()})},
		{name: 'without an audience', reason: 'its bearer token is not for Communication Services (aud https://communication.azure.com).', token: () => entraToken({exp: inOneHour()})},
		{
			name: 'not yet valid',
			reason: 'its bearer token has expired, or is not valid yet.',
			token: () => entraToken({aud: 'https://communication.azure.com', exp: inOneHour() + 7200, nbf: inOneHour()}),
		},
		{name: 'garbage', reason: 'its bearer token is not a JWT.', token: () => 'garbage'},
		{name: 'three garbage parts', reason: 'its bearer token is not a JWT.', token: () => 'a.b.c'},
		{name: 'two parts', reason: 'its bearer token is not a JWT.', token: () => entraToken({aud: 'https://communication.azure.com', exp: inOneHour()}).split('.').slice(0, 2).join('.')},
		{name: 'empty', reason: 'its Authorization header is neither "HMAC-SHA256 SignedHeaders=…&Signature=…" nor "Bearer <token>".', token: () => ''},
	])('refuses a bearer token $name with 401 Denied, and the log says why', async ({token, reason}) => {
		warnings.length = 0;
		expectDenied(await rawRequest(emulator, {target: createTarget, unsigned: true, headers: bearer(token())}));
		expect(warnings).toEqual([`401 Denied on POST ${createTarget}: ${reason}`]);
	});

	it('serves the official SDK built with a TokenCredential', async () => {
		const askedScopes: string[][] = [];
		const credential = {
			getToken(scopes: string | string[]) {
				askedScopes.push(Array.isArray(scopes) ? scopes : [scopes]);
				const expiresOnTimestamp = Date.now() + 3_600_000;
				return Promise.resolve({
					token: entraToken({aud: 'https://communication.azure.com', exp: Math.floor(expiresOnTimestamp / 1000)}),
					expiresOnTimestamp,
				});
			},
		};
		const client = new CommunicationIdentityClient(emulator.url, credential, {
			tlsOptions: {ca: readFileSync(emulator.certificatePath as string, 'utf8')},
			retryOptions: {maxRetries: 0},
		});
		const user = await client.createUser();
		expect(user.communicationUserId).toMatch(new RegExp(`^8:acs:${emulator.resourceId}_`));
		const {token} = await client.getToken(user, ['chat'], {tokenExpiresInMinutes: 60});
		expect(token.split('.')).toHaveLength(3);
		expect(askedScopes[0]).toEqual(['https://communication.azure.com//.default']);
	});

	it('still accepts HMAC signatures', async () => {
		expectCreated(await rawRequest(emulator, {target: createTarget}));
	});
});

describe('Entra ID bearer tokens where they are not allowed', () => {
	const token = () => entraToken({aud: 'https://communication.azure.com', exp: inOneHour()});

	it('refuses a bearer token over HTTP even with allowEntra', async () => {
		const warnings: string[] = [];
		const emulator = await startEmulator('http', {allowEntra: true, onWarning: message => warnings.push(message)});
		try {
			expectDenied(
				await rawRequest(emulator, {target: createTarget, unsigned: true, headers: {authorization: `Bearer ${token()}`}}),
			);
			expect(warnings).toEqual([
				`401 Denied on POST ${createTarget}: it carries a bearer token over plain HTTP; Microsoft Entra ID tokens are taken only over HTTPS.`,
			]);
			expectCreated(await rawRequest(emulator, {target: createTarget}));
		} finally {
			await emulator.close();
		}
	});

	it('refuses a bearer token over HTTPS without allowEntra', async () => {
		const emulator = await startEmulator('https');
		try {
			expectDenied(
				await rawRequest(emulator, {target: createTarget, unsigned: true, headers: {authorization: `Bearer ${token()}`}}),
			);
		} finally {
			await emulator.close();
		}
	});
});
