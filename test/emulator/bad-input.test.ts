import {randomUUID} from 'node:crypto';
import {afterAll, afterEach, beforeAll, describe, expect, it} from 'vitest';
import type {Emulator} from '../../source/emulator/server.js';
import {parseConnectionString} from '../../source/protocol/connection-string.js';
import {authorizationHeader, computeSignature, contentHash, stringToSign} from '../../source/protocol/hmac.js';
import {startEmulator, type Transport} from '../_helpers/emulator.js';
import {apiVersionQuery, type RawRequest, type RawResponse, rawExchange, rawRequest} from '../_helpers/raw-client.js';
import {prng} from '../_helpers/prng.js';

const createTarget = `/identities${apiVersionQuery}`;
/** Errors say only `application/json`, as the service's do (recorded). */
const json = 'application/json';
const errorKeys = new Set(['code', 'message', 'target', 'details', 'innererror']);

/** The service's error shape, `{"error":{"code","message",…}}`, with this status (and code, when given). */
function expectAcsError(response: RawResponse, status: number, code?: string, message?: string | RegExp): void {
	expect({status: response.status, body: response.text}).toMatchObject({status});
	expect(response.headers['content-type']).toBe(json);
	expectErrorShape(response.json);
	const {error} = response.json as {error: {code: string; message: string}};
	if (code !== undefined) {
		expect(error.code).toBe(code);
	}

	if (message !== undefined) {
		expect(error.message).toMatch(message);
	}
}

function expectErrorShape(body: unknown): void {
	expect(body).toEqual({error: expect.objectContaining({code: expect.any(String), message: expect.any(String)})});
	const {error} = body as {error: Record<string, unknown>};
	expect(Object.keys(error).filter(key => !errorKeys.has(key))).toEqual([]);
	expect(error['code']).not.toBe('');
	expect(error['message']).not.toBe('');
}

function issueTarget(id: string): string {
	return `/identities/${encodeURIComponent(id)}/:issueAccessToken${apiVersionQuery}`;
}

function lifetimeSeconds(token: string): number {
	const claims = JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString('utf8')) as {
		exp: number;
		iat: number;
	};
	return claims.exp - claims.iat;
}


describe.each<Transport>(['http', 'https'])('bad input over %s', transport => {
	let emulator: Emulator;
	let userId: string;
	const internalErrors: unknown[] = [];

	beforeAll(async () => {
		emulator = await startEmulator(transport, {onInternalError: error => internalErrors.push(error)});
		const created = await rawRequest(emulator, {target: createTarget});
		userId = (created.json as {identity: {id: string}}).identity.id;
	});

	afterEach(async () => {
		// Whatever came before, the emulator is up, still serves, and never failed inside.
		const response = await rawRequest(emulator, {
			target: createTarget,
			body: '{"createTokenWithScopes":["chat"],"expiresInMinutes":60}',
		});
		expect(response.status).toBe(201);
		expect(internalErrors).toEqual([]);
	});

	afterAll(async () => {
		await emulator.close();
	});

	describe('bodies', () => {
		it.each(['{', '{"scopes":', 'not json', '{"scopes":["chat"]}}', "{'scopes':['chat']}", '\u0000', 'NaN', '{"a":1,}'])(
			'answers the malformed JSON body %j with 400 ValidationError',
			async body => {
				for (const target of [createTarget, issueTarget(userId)]) {
					expectAcsError(
						await rawRequest(emulator, {target, body}),
						400,
						'ValidationError',
						/^The request body is not valid JSON\.$/,
					);
				}
			},
		);

		it('answers a body that is not UTF-8 with 400', async () => {
			// rawRequest signs strings; these bytes are signed as they are, so that only the body is wrong.
			const body = Buffer.from([0x7b, 0xff, 0xfe, 0x7d]);
			const {accessKey} = parseConnectionString(emulator.connectionString);
			const date = new Date().toUTCString();
			const hash = contentHash(body);
			const signature = computeSignature(
				Buffer.from(accessKey, 'base64'),
				stringToSign({method: 'POST', pathAndQuery: createTarget, date, host: new URL(emulator.url).host, contentHash: hash}),
			);
			expectAcsError(
				await rawRequest(emulator, {
					target: createTarget,
					body,
					headers: {'x-ms-date': date, 'x-ms-content-sha256': hash, authorization: authorizationHeader(signature)},
				}),
				400,
				'ValidationError',
			);
		});

		it.each([
			{name: 'scopes as a string', body: {scopes: 'chat'}, target: 'scopes'},
			{name: 'a number as a scope', body: {scopes: [1]}, target: 'scopes'},
			{name: 'null as a scope', body: {scopes: [null]}, target: 'scopes'},
			{name: 'scopes as an object', body: {scopes: {chat: true}}, target: 'scopes'},
			{name: 'an unknown scope', body: {scopes: ['chat', 'video']}, target: 'scopes'},
			{name: 'expiresInMinutes as a string', body: {scopes: ['chat'], expiresInMinutes: '60'}, target: 'expiresInMinutes'},
			{name: 'a fractional expiresInMinutes', body: {scopes: ['chat'], expiresInMinutes: 60.5}, target: 'expiresInMinutes'},
			{name: 'expiresInMinutes as a boolean', body: {scopes: ['chat'], expiresInMinutes: true}, target: 'expiresInMinutes'},
			{name: 'expiresInMinutes as an array', body: {scopes: ['chat'], expiresInMinutes: [60]}, target: 'expiresInMinutes'},
			{name: 'a huge expiresInMinutes', body: {scopes: ['chat'], expiresInMinutes: 1e308}, target: 'ExpiresInMinutes'},
			{name: 'a negative expiresInMinutes', body: {scopes: ['chat'], expiresInMinutes: -60}, target: 'ExpiresInMinutes'},
		])('answers an issue request with $name with 400 ValidationError', async ({body, target}) => {
			const response = await rawRequest(emulator, {target: issueTarget(userId), body: JSON.stringify(body)});
			expectAcsError(response, 400, 'ValidationError');
			expect((response.json as {error: {target?: string}}).error.target).toBe(target);
		});

		it.each([
			{name: 'createTokenWithScopes as a string', body: {createTokenWithScopes: 'chat'}},
			{name: 'a number as a scope', body: {createTokenWithScopes: [1]}},
			{name: 'expiresInMinutes as a string', body: {createTokenWithScopes: ['chat'], expiresInMinutes: '60'}},
			{name: 'a fractional expiresInMinutes', body: {createTokenWithScopes: ['chat'], expiresInMinutes: 60.5}},
			{name: 'expiresInMinutes 59', body: {createTokenWithScopes: ['chat'], expiresInMinutes: 59}},
			{name: 'empty scopes', body: {createTokenWithScopes: []}},
		])('answers a create request with $name with 400 ValidationError', async ({body}) => {
			expectAcsError(
				await rawRequest(emulator, {target: createTarget, body: JSON.stringify(body)}),
				400,
				'ValidationError',
			);
		});

		it.each(['[]', '"x"', '42', 'true', 'null', '[{"scopes":["chat"]}]'])(
			'answers the body %s, which is no JSON object, with 400 ValidationError',
			async body => {
				for (const target of [createTarget, issueTarget(userId)]) {
					expectAcsError(await rawRequest(emulator, {target, body}), 400, 'ValidationError');
				}
			},
		);

		it.each([
			{name: 'null', extra: {expiresInMinutes: null}},
			{name: 'absent', extra: {}},
		])('issues 1440-minute tokens when expiresInMinutes is $name', async ({extra}) => {
			const before = Date.now();
			const created = await rawRequest(emulator, {
				target: createTarget,
				body: JSON.stringify({createTokenWithScopes: ['chat'], ...extra}),
			});
			expect(created.status).toBe(201);
			const issued = await rawRequest(emulator, {
				target: issueTarget(userId),
				body: JSON.stringify({scopes: ['voip'], ...extra}),
			});
			expect(issued.status).toBe(200);
			for (const token of [(created.json as {accessToken: {token: string; expiresOn: string}}).accessToken, issued.json as {token: string; expiresOn: string}]) {
				expect(lifetimeSeconds(token.token)).toBe(1440 * 60);
				const lifetime = Date.parse(token.expiresOn) - before;
				expect(lifetime).toBeGreaterThan(1440 * 60_000 - 5000);
				expect(lifetime).toBeLessThan(1440 * 60_000 + 5000);
			}
		});

		it.each([false, true])('answers a body over 64 KiB with 413 (chunked: %s)', async chunked => {
			const body = JSON.stringify({createTokenWithScopes: ['chat'], padding: 'x'.repeat(64 * 1024)});
			for (const target of [createTarget, issueTarget(userId), '/emulator/tokens/:verify']) {
				expectAcsError(
					await rawRequest(emulator, {target, body, chunked}),
					413,
					'RequestBodyTooLarge',
					'The request body is larger than the limit of 65536 bytes.',
				);
			}
		});

		it.each([false, true])('accepts a body of exactly 64 KiB (chunked: %s)', async chunked => {
			const content = '{"createTokenWithScopes":["chat"]}';
			const body = content + ' '.repeat(64 * 1024 - content.length);
			expect(Buffer.byteLength(body)).toBe(65_536);
			const response = await rawRequest(emulator, {target: createTarget, body, chunked});
			expect(response.status).toBe(201);
		});

		it('answers a body far over the limit (8 MiB) with 413', async () => {
			const body = 'x'.repeat(8 * 1024 * 1024);
			expectAcsError(await rawRequest(emulator, {target: createTarget, body}), 413, 'RequestBodyTooLarge');
			expectAcsError(await rawRequest(emulator, {target: createTarget, body, chunked: true}), 413, 'RequestBodyTooLarge');
		});
	});

	describe('paths, methods and request targets', () => {
		it.each([
			'/',
			'/nothing',
			'//identities',
			'/identity',
			'/identities/a/b',
			'/identities/a/:unknownAction',
			'/identities/a/:issueAccessToken/more',
			'/teamsUser',
			'/.well-known',
			'/emulator/tokens',
			'/emulator/tokens/:sign',
		])('answers the unknown path %s with 404', async path => {
			expectAcsError(await rawRequest(emulator, {target: `${path}${apiVersionQuery}`}), 404, 'NotFound', `'${path}'`);
		});

		it.each([
			{method: 'GET', path: '/identities', allow: 'POST'},
			{method: 'PUT', path: '/identities', allow: 'POST'},
			{method: 'PUT', path: '/identities/x', allow: 'GET, DELETE'},
			{method: 'POST', path: '/identities/x', allow: 'GET, DELETE'},
			{method: 'PATCH', path: '/identities/x/:issueAccessToken', allow: 'POST'},
			{method: 'GET', path: '/identities/x/:revokeAccessTokens', allow: 'POST'},
			{method: 'DELETE', path: '/teamsUser/:exchangeAccessToken', allow: 'POST'},
			{method: 'POST', path: '/.well-known/jwks.json', allow: 'GET'},
			{method: 'GET', path: '/emulator/tokens/:verify', allow: 'POST'},
			{method: 'OPTIONS', path: '/identities', allow: 'POST'},
			{method: 'TRACE', path: '/identities', allow: 'POST'},
		])('answers $method $path with 405 and Allow: $allow', async ({method, path, allow}) => {
			const response = await rawRequest(emulator, {method, target: `${path}${apiVersionQuery}`});
			expectAcsError(response, 405, 'MethodNotAllowed');
			expect(response.headers.allow).toBe(allow);
		});

		it('answers a method HTTP does not know with 400 in the service shape', async () => {
			expectAcsError(await rawRequest(emulator, {method: 'FROBNICATE', target: createTarget}), 400, 'BadRequest');
		});

		it('answers HEAD with 405 and no body', async () => {
			const response = await rawRequest(emulator, {method: 'HEAD', target: createTarget});
			expect(response.status).toBe(405);
			expect(response.headers.allow).toBe('POST');
			expect(response.text).toBe('');
		});

		it('answers CONNECT with 405 in the service shape', async () => {
			const response = await rawExchange(
				emulator,
				`CONNECT ${new URL(emulator.url).host} HTTP/1.1\r\nHost: ${new URL(emulator.url).host}\r\n\r\n`,
			);
			expectAcsError(response, 405, 'MethodNotAllowed');
			expect(response.headers.allow).toBeDefined();
		});

		it.each([
			'/identities/%E0%A4%A/:issueAccessToken',
			'/identities/%/:revokeAccessTokens',
			'/identities/%ZZ',
			'/identities/%C0%AF',
			'/%ED%A0%80',
		])('answers the bad percent-encoding in %s with 400', async path => {
			expectAcsError(
				await rawRequest(emulator, {target: `${path}${apiVersionQuery}`, body: '{"scopes":["chat"]}'}),
				400,
				'BadRequest',
				'The request URI is not valid: it has malformed percent-encoding.',
			);
		});

		it.each(['*', 'identities', 'http://HOST/identities?api-version=2023-10-01'])(
			'answers the request target %s, which is no path, with 400',
			async target => {
				const {host} = new URL(emulator.url);
				const response = await rawExchange(
					emulator,
					`POST ${target.replace('HOST', host)} HTTP/1.1\r\nHost: ${host}\r\nContent-Length: 0\r\n\r\n`,
				);
				expectAcsError(response, 400, 'BadRequest');
				expect((response.json as {error: {message: string}}).error.message).not.toContain('percent-encoding');
			},
		);

		it('answers a 100 KB header with 431 in the service shape', async () => {
			expectAcsError(
				await rawRequest(emulator, {target: createTarget, headers: {'x-absurd': 'a'.repeat(100_000)}}),
				431,
				'RequestHeaderFieldsTooLarge',
			);
		});

		it('answers bytes that are not HTTP with 400 in the service shape', async () => {
			expectAcsError(await rawExchange(emulator, '\u0000\u0001 hello\r\n\r\n'), 400, 'BadRequest');
		});

		it('answers an HTTP/1.1 request without Host in the service shape', async () => {
			const unsigned = await rawExchange(
				emulator,
				`POST ${createTarget} HTTP/1.1\r\nContent-Length: 0\r\nConnection: close\r\n\r\n`,
			);
			expectAcsError(unsigned, 401, 'Denied', 'Denied by the resource provider.');
			const jwks = await rawExchange(emulator, 'GET /.well-known/jwks.json HTTP/1.1\r\nConnection: close\r\n\r\n');
			expect(jwks.status).toBe(200);
		});
	});

	describe('identity ids', () => {
		const operations = [
			{name: 'issue', method: 'POST', target: (id: string) => issueTarget(id)},
			{
				name: 'revoke',
				method: 'POST',
				target: (id: string) => `/identities/${encodeURIComponent(id)}/:revokeAccessTokens${apiVersionQuery}`,
			},
			{name: 'delete', method: 'DELETE', target: (id: string) => `/identities/${encodeURIComponent(id)}${apiVersionQuery}`},
		];
		const send = (operation: (typeof operations)[number], id: string) =>
			rawRequest(emulator, {
				method: operation.method,
				target: operation.target(id),
				body: operation.name === 'issue' ? '{"scopes":["chat"]}' : '',
			});

		it.each(operations)('answers a malformed id on $name with 400 ValidationError', async operation => {
			for (const id of ['abc', '8-acs-x', 'acs:foo', ' ']) {
				expectAcsError(await send(operation, id), 400, 'ValidationError', /is not a valid Communication Services user id/);
			}
		});

		it.each(operations)('answers an id of another cloud or resource on $name with 401 IdentityNotOwned', async operation => {
			for (const id of [
				`8:dod-acs:${emulator.resourceId}_${randomUUID()}`,
				`8:gcch-acs:${emulator.resourceId}_${randomUUID()}`,
				`8:acs:2dee53b4-368b-45b4-ab52-8493fb117652_${randomUUID()}`,
				`8:orgid:${randomUUID()}`,
			]) {
				expectAcsError(
					await send(operation, id),
					401,
					'IdentityNotOwned',
					"Provided identity doesn't belong to the resource.",
				);
			}
		});

		it.each(operations)('answers an unknown id of this resource on $name with 404 IdentityNotFound', async operation => {
			const id = `8:acs:${emulator.resourceId}_${randomUUID()}`;
			expectAcsError(await send(operation, id), 404, 'IdentityNotFound', `Identity '${id}' was not found.`);
		});
	});

	describe('emulator extensions', () => {
		it('serves the JWKS without signature or api-version', async () => {
			const response = await rawRequest(emulator, {method: 'GET', target: '/.well-known/jwks.json', unsigned: true});
			expect(response.status).toBe(200);
			expect(response.headers['content-type']).toBe('application/json; charset=utf-8');
			expect(response.json).toEqual({
				keys: [expect.objectContaining({kty: 'RSA', kid: expect.any(String), n: expect.any(String), e: 'AQAB'})],
			});
		});

		it('verifies without signature or api-version', async () => {
			const response = await rawRequest(emulator, {
				target: '/emulator/tokens/:verify',
				unsigned: true,
				body: '{"token":"garbage"}',
			});
			expect(response.status).toBe(200);
			expect(response.json).toMatchObject({valid: false, reason: 'malformed'});
		});

		it.each(['', '{}', '[]', '"x"', 'null', '{"token":42}', '{"token":{"a":1}}', '{"token":"a.b.c"}', '{"token":"..."}'])(
			'answers verify of %j with 200 malformed',
			async body => {
				const response = await rawRequest(emulator, {target: '/emulator/tokens/:verify', unsigned: true, body});
				expect(response.status).toBe(200);
				expect(response.json).toMatchObject({valid: false, reason: 'malformed'});
			},
		);

		it('answers verify of malformed JSON with 400 in the service shape', async () => {
			expectAcsError(
				await rawRequest(emulator, {target: '/emulator/tokens/:verify', unsigned: true, body: '{"token":'}),
				400,
				'ValidationError',
			);
		});

		it('verifies a token it issued', async () => {
			const issued = await rawRequest(emulator, {target: issueTarget(userId), body: '{"scopes":["chat"]}'});
			const {token} = issued.json as {token: string};
			const response = await rawRequest(emulator, {
				target: '/emulator/tokens/:verify',
				unsigned: true,
				body: JSON.stringify({token}),
			});
			expect(response.json).toMatchObject({valid: true, reason: 'valid'});
		});
	});

	describe('fuzzing', () => {
		it('answers 300 random requests below 500 in the service shape', async () => {
			const random = prng(transport === 'http' ? 0x5eed : 0x5eed + 1);
			const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
			const text = (length: number) =>
				Array.from({length}, () => String.fromCodePoint(Math.floor(random() * (random() < 0.8 ? 128 : 0x2fff)))).join('');
			const issued = await rawRequest(emulator, {target: issueTarget(userId), body: '{"scopes":["chat"]}'});
			const token = (issued.json as {token: string}).token;
			const segments = [
				'identities',
				'identities',
				'teamsUser',
				':exchangeAccessToken',
				':issueAccessToken',
				':revokeAccessTokens',
				'.well-known',
				'jwks.json',
				'emulator',
				'tokens',
				':verify',
				encodeURIComponent(userId),
				userId,
				encodeURIComponent(`8:acs:${emulator.resourceId}_${randomUUID()}`),
				encodeURIComponent(`8:dod-acs:${randomUUID()}_x`),
				'abc',
				'%E0%A4%A',
				'%',
				'%00',
				'%2F',
				'%F0%9F%98%80',
				'..',
				'.',
				'',
				'x'.repeat(3000),
				encodeURIComponent('8:acs:'),
			];
			const ids = [
				encodeURIComponent(userId),
				userId,
				encodeURIComponent(`8:acs:${emulator.resourceId}_${randomUUID()}`),
				encodeURIComponent(`8:gcch-acs:${randomUUID()}_x`),
				'abc',
				'%E0%A4%A',
			];
			const routes: ((id: string) => [string, string])[] = [
				() => ['POST', '/identities'],
				() => ['POST', '/identities'],
				id => ['POST', `/identities/${id}/:issueAccessToken`],
				id => ['POST', `/identities/${id}/:revokeAccessTokens`],
				id => ['DELETE', `/identities/${id}`],
				id => ['GET', `/identities/${id}`],
				() => ['POST', '/teamsUser/:exchangeAccessToken'],
				() => ['GET', '/.well-known/jwks.json'],
				() => ['POST', '/emulator/tokens/:verify'],
			];
			const queries = [
				'',
				apiVersionQuery,
				apiVersionQuery,
				'?api-version=2025-03-02-preview',
				'?api-version=2021-03-07',
				'?api-version=banana',
				'?api-version=',
				'?api-version=2023-10-01&api-version=2019-01-01',
				'?%',
				'?api-version=%E0%A4%A',
				'?a=b&&&==',
				'?api-version=2023-10-01#fragment',
			];
			const bodies = [
				() => '',
				() => '{}',
				() => 'null',
				() => '[]',
				() => '"x"',
				() => '42',
				() => '{"scopes":["chat"]}',
				() => '{"scopes":["chat","voip"],"expiresInMinutes":60}',
				() => '{"scopes":"chat"}',
				() => '{"scopes":[1,null,{}]}',
				() => '{"createTokenWithScopes":["chat"]}',
				() => '{"createTokenWithScopes":["chat"],"expiresInMinutes":1e308}',
				() => '{"expiresInMinutes":-1}',
				() => '{"createTokenWithScopes":null,"expiresInMinutes":null}',
				() => '{"customId":"alice"}',
				() => '{"customId":""}',
				() => '{"customId":123}',
				() => JSON.stringify({customId: 'c'.repeat(300), createTokenWithScopes: ['voip']}),
				() => '{"token":"a.b.c"}',
				() => '{"token":{"x":1}}',
				() => JSON.stringify({token}),
				() => JSON.stringify({token: `${token}x`}),
				() => JSON.stringify({token: 'eyJ.eyJ.x', appId: 'not-a-guid', userId: null}),
				() => JSON.stringify({token, appId: randomUUID(), userId: randomUUID()}),
				() => '{"__proto__":{"scopes":["chat"],"polluted":true}}',
				() => '{"constructor":{"prototype":{"polluted":true}}}',
				() => '{',
				() => '[{"scopes":["chat"]}]',
				() => `${'['.repeat(5000)}${']'.repeat(5000)}`,
				() => JSON.stringify({scopes: ['a'.repeat(60_000)]}),
				() => text(Math.floor(random() * 200)),
				() => `{"scopes":["${text(20).replaceAll(/["\\]/g, '')}"]}`,
			];
			const methods = ['GET', 'POST', 'POST', 'POST', 'PUT', 'DELETE', 'PATCH', 'HEAD', 'OPTIONS', 'TRACE', 'FOO'];
			const headerPool: Record<string, string>[] = [
				{'content-type': 'text/plain'},
				{'content-type': 'application/json; charset=latin1'},
				{'x-ms-client-request-id': randomUUID()},
				{'x-ms-client-request-id': 'not valid; at all'},
				{'x-ms-date': 'garbage'},
				{'x-ms-date': new Date(0).toUTCString()},
				{'x-ms-content-sha256': 'garbage'},
				{'content-encoding': 'gzip'},
				{accept: 'text/html'},
				{authorization: 'Bearer e30.e30.e30'},
				{authorization: 'HMAC-SHA256 SignedHeaders=host&Signature=AAAA'},
				{host: 'contoso.communication.azure.com'},
				{'transfer-encoding': 'gzip'},
				{expect: '100-continue'},
			];

			const statuses = new Map<number, number>();
			for (let index = 0; index < 300; index++) {
				const [method, path] =
					random() < 0.5
						? pick(routes)(pick(ids))
						: [
								pick(methods),
								`/${Array.from({length: Math.floor(random() * 4) + (random() < 0.9 ? 1 : 0)}, () => pick(segments)).join('/')}`,
							];
				const target = `${path}${random() < 0.5 ? apiVersionQuery : pick(queries)}`;
				const body = pick(bodies)();
				const signing = random();
				const headers: Record<string, string> = {};
				for (let count = Math.floor(random() * 3); count > 0; count--) {
					Object.assign(headers, pick(headerPool));
				}

				if (method === 'HEAD') {
					// Unparsable, it is answered with a body, which an HTTP client reading a HEAD answer cannot take.
					delete headers['transfer-encoding'];
				}

				const request: RawRequest = {
					method,
					target,
					body,
					headers,
					...(signing < 0.15 ? {unsigned: true} : {}),
					...(signing >= 0.15 && signing < 0.25 ? {accessKey: Buffer.alloc(64, 1).toString('base64')} : {}),
					...(random() < 0.2 ? {chunked: true} : {}),
				};
				const described = JSON.stringify({...request, body: body.slice(0, 100)});
				const response = await rawRequest(emulator, request).catch((error: unknown) => {
					throw new Error(`${String(error)} for ${described}`);
				});
				statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
				expect(response.status, described).toBeGreaterThanOrEqual(200);
				expect(response.status, described).toBeLessThan(500);
				if (response.status >= 400 && method !== 'HEAD') {
					expect(response.headers['content-type'], described).toBe(json);
					expectErrorShape(response.json);
				}
			}

			// The loop reached the operations, not only the front door.
			const seen = JSON.stringify([...statuses].sort(([a], [b]) => a - b));
			expect([...statuses.keys()].filter(status => status < 300).length, seen).toBeGreaterThan(1);
			expect(statuses.get(401), seen).toBeGreaterThan(0);
			expect(statuses.get(400), seen).toBeGreaterThan(0);
			expect(statuses.get(404), seen).toBeGreaterThan(0);
			expect(Object.prototype).not.toHaveProperty('polluted');
			expect(Object.prototype).not.toHaveProperty('scopes');
		});

		it('answers 60 random byte-level requests with a response below 500', async () => {
			const random = prng(transport === 'http' ? 0xb17e : 0xb17e + 1);
			const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
			const {host} = new URL(emulator.url);
			const methods = ['GET', 'POST', 'DELETE', 'CONNECT', 'G\u0000T', 'P OST', '', 'post', 'ÄÖÜ'];
			const targets = [
				createTarget,
				'/identities',
				'/ident ities',
				'/identities\u0000',
				'/identities/\u00ff',
				'*',
				'',
				`http://${host}/identities`,
				'/.well-known/jwks.json',
				`/${'a'.repeat(20_000)}`,
			];
			const versions = ['HTTP/1.1', 'HTTP/1.0', 'HTTP/2.0', 'HTTP/9.9', 'HTTPS/1.1', ''];
			const headerLines = [
				`Host: ${host}`,
				`Host: ${host}`,
				'Host:',
				'X-Nothing',
				'X-Space : value',
				'X-Bad\u0001: value',
				'X-Value: bad\u0001value',
				': no name',
				'Content-Length: -1',
				'Content-Length: 1, 2',
				'Content-Type: application/json',
				'Authorization: HMAC-SHA256 SignedHeaders=host&Signature=AAAA',
				`X-Long: ${'b'.repeat(20_000)}`,
			];
			for (let index = 0; index < 60; index++) {
				const lines = Array.from({length: Math.floor(random() * 4)}, () => pick(headerLines));
				const request = `${pick(methods)} ${pick(targets)} ${pick(versions)}\r\n${lines.map(line => `${line}\r\n`).join('')}Content-Length: 0\r\nConnection: close\r\n\r\n`;
				const response = await rawExchange(emulator, request, {idleMs: 2000});
				const described = JSON.stringify(request.slice(0, 200));
				expect(response.status, described).toBeGreaterThanOrEqual(200);
				expect(response.status, described).toBeLessThan(500);
				if (response.status >= 400) {
					expect(response.headers['content-type'], described).toBe(json);
					expectErrorShape(response.json);
				}
			}
		});
	});
});
