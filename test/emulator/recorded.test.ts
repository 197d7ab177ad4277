import {randomUUID} from 'node:crypto';
import {readFileSync} from 'node:fs';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import type {Emulator} from '../../source/emulator/server.js';
import {startEmulator} from '../_helpers/emulator.js';
import {fakeEntraToken} from '../_helpers/jwt.js';
import {type RawResponse, rawRequest} from '../_helpers/raw-client.js';

/**
 * Every exchange the official SDKs' tests recorded against the live service (a copy of
 * shared/recordings/exchanges.json), rebuilt against the emulator. Ids and tokens are
 * sanitized in the recordings, so each request is rebuilt from what its test name says it
 * sent; the answer must match the recording's status, error code, message and target,
 * Content-Type, the presence of api-supported-versions, and the shape of the body.
 */
type Exchange = {
	readonly sdk: string;
	readonly test: string;
	readonly localFile: string;
	readonly entryIndex: number;
	readonly apiVersion: string | null;
	readonly method: string;
	readonly path: string;
	readonly route: string;
	readonly requestBody: unknown;
	readonly status: number;
	readonly responseHeaders: {
		readonly 'content-type': string | null;
		readonly 'api-supported-versions': string | null;
		readonly 'x-ms-client-request-id': boolean;
	};
	readonly responseBody: unknown;
	readonly recordedAt: string | null;
};

const exchanges = JSON.parse(
	readFileSync(new URL('fixtures/recorded-exchanges.json', import.meta.url), 'utf8'),
) as Exchange[];

/**
 * Where two recordings disagree, the newer one stands (shared/recordings/README.md):
 * - the 2021-05 preview answered a body of `{token}` alone with an empty 401; since 2021-10
 *   the same request gets 401 InvalidAccessToken in JSON (two Python recordings);
 * - until 2022 the lifetime error was the first sentence of today's message.
 */
function supersededBody(exchange: Exchange): 'empty-401' | 'short-lifetime-message' | undefined {
	if (exchange.status === 401 && exchange.responseBody === '') {
		return 'empty-401';
	}

	const message = errorOf(exchange.responseBody)?.message;
	return message !== undefined && /^ExpiresInMinutes value \d+ is invalid\.$/.test(message)
		? 'short-lifetime-message'
		: undefined;
}

function errorOf(body: unknown): {code: string; message: string; target?: string} | undefined {
	return typeof body === 'object' && body !== null && 'error' in body
		? (body as {error: {code: string; message: string; target?: string}}).error
		: undefined;
}

const normalized = (test: string) => test.toLowerCase().replaceAll(/[^a-z0-9[\]]/g, '');
const sanitized = new Set(['sanitized', 'Sanitized', 'REDACTED']);

/** What a Teams exchange test sent, by its name (the JS "wrong" tests send non-GUIDs, the others GUIDs of someone else). */
function teamsScenario(exchange: Exchange) {
	const name = normalized(exchange.test);
	const body = exchange.requestBody as Record<string, string>;
	const pick = (field: 'token' | 'appId' | 'userId', rules: [RegExp, string][]) => {
		if (!(field in body)) {
			return undefined;
		}

		if (!sanitized.has(body[field] as string)) {
			return body[field];
		}

		return rules.find(([pattern]) => pattern.test(name))?.[1] ?? 'right';
	};

	const js = exchange.sdk === 'js';
	return {
		token: pick('token', [
			[/emptytoken|emptyteamstoken|emptyteamsuseraadtoken|invalidtoken\[1\]/, ''],
			[/expired|invalidtoken\[3\]/, 'expired'],
			[/invalidteamsuseraadtoken|invalidtoken|invalidaadtoken/, 'invalid'],
		]),
		appId: pick('appId', [
			[/emptyappid|emptyclientid|invalidappid\[1\]/, ''],
			[js ? /wrongappid|wrongclientid|invalidclientid/ : /invalidclientid|invalidappid\[2\]/, 'invalid'],
			[/wrongappid|wrongclientid|invalidappid\[3\]/, 'other'],
		]),
		userId: pick('userId', [
			[/emptyuserobjectid|emptyuserid|invaliduserid\[1\]/, ''],
			[js ? /wronguserid|wronguserobjectid|invaliduserobjectid/ : /invaliduserobjectid|invaliduserid\[2\]/, 'invalid'],
			[/wronguserid|wronguserobjectid|invaliduserid\[3\]/, 'other'],
		]),
	};
}

const appId = randomUUID();
const userId = randomUUID();
const teamsTokenExp = Math.floor(Date.now() / 1000) + 2 * 3600;

function teamsBody(exchange: Exchange): Record<string, string> {
	const scenario = teamsScenario(exchange);
	const token = {
		right: fakeEntraToken({aud: 'https://auth.msft.communication.azure.com', appid: appId, oid: userId, exp: teamsTokenExp}),
		expired: fakeEntraToken({appid: appId, oid: userId, exp: Math.floor(Date.now() / 1000) - 600}),
		invalid: 'invalid',
		'': '',
	}[scenario.token ?? ''];
	const guid = (value: string | undefined, right: string) =>
		value === 'right' ? right : value === 'other' ? randomUUID() : value;
	const body: Record<string, string> = {};
	if (scenario.token !== undefined) {
		body['token'] = token ?? (scenario.token as string);
	}

	for (const [field, right] of [
		['appId', appId],
		['userId', userId],
	] as const) {
		const value = guid(scenario[field], right);
		if (value !== undefined) {
			body[field] = value;
		}
	}

	return body;
}

describe('the emulator answers every recorded exchange of the live service as it did', () => {
	let emulator: Emulator;
	/** The identity each recording file's test made last, by file. */
	const madeBy = new Map<string, string>();
	/** A recording's customId, made unique to its file so that files do not see each other's identities. */
	const customIds = new Map<string, string>();

	beforeAll(async () => {
		emulator = await startEmulator('https');
	});

	afterAll(async () => {
		await emulator.close();
	});

	async function identityFor(exchange: Exchange): Promise<string> {
		if (errorOf(exchange.responseBody)?.code === 'IdentityNotOwned') {
			return `8:acs:${randomUUID()}_${randomUUID()}`;
		}

		const made = madeBy.get(exchange.localFile);
		if (made) {
			return made;
		}

		const created = await rawRequest(emulator, {target: `/identities?api-version=${exchange.apiVersion ?? '2023-10-01'}`});
		return (created.json as {identity: {id: string}}).identity.id;
	}

	function requestBody(exchange: Exchange): string {
		if (exchange.route.startsWith('POST /teamsUser')) {
			return JSON.stringify(teamsBody(exchange));
		}

		if (exchange.requestBody === null || exchange.requestBody === undefined) {
			return '';
		}

		const body = {...(exchange.requestBody as Record<string, unknown>)};
		if (typeof body['customId'] === 'string') {
			const key = `${exchange.localFile}:${body['customId']}`;
			body['customId'] = customIds.get(key) ?? `${body['customId']}#${customIds.size}`;
			customIds.set(key, body['customId'] as string);
		}

		return JSON.stringify(body);
	}

	async function replay(exchange: Exchange): Promise<RawResponse> {
		const version = exchange.apiVersion ?? (exchange.route.startsWith('POST /teamsUser') ? '2021-10-31-preview' : '2023-10-01');
		let path = exchange.route.slice(exchange.route.indexOf(' ') + 1);
		if (path.includes('{id}')) {
			path = path.replace('{id}', encodeURIComponent(await identityFor(exchange)));
		}

		const response = await rawRequest(emulator, {
			method: exchange.method,
			target: `${path}?api-version=${version}`,
			body: requestBody(exchange),
			headers: {'x-ms-client-request-id': randomUUID()},
		});
		const made = (response.json as {identity?: {id?: string}} | undefined)?.identity?.id;
		if (exchange.route === 'POST /identities' && typeof made === 'string') {
			madeBy.set(exchange.localFile, made);
		}

		return response;
	}

	const cases = exchanges.map(exchange => ({
		name: `${exchange.sdk} ${exchange.test} #${exchange.entryIndex}: ${exchange.route} ${exchange.status}`,
		exchange,
	}));

	// In recorded order: a test's later requests use the identity its first one made.
	it.each(cases)('$name', async ({exchange}) => {
		const response = await replay(exchange);
		const superseded = supersededBody(exchange);
		expect({status: response.status, body: response.json}).toMatchObject({status: exchange.status});
		if (superseded === 'empty-401') {
			expect(errorOf(response.json)?.code).toBe('InvalidAccessToken');
			return;
		}

		expect(response.headers['content-type'] ?? null).toBe(exchange.responseHeaders['content-type']);
		expect(response.headers['api-supported-versions'] !== undefined).toBe(
			exchange.responseHeaders['api-supported-versions'] !== null,
		);
		if (exchange.responseHeaders['x-ms-client-request-id']) {
			expect(response.headers['x-ms-client-request-id']).toBeDefined();
		}

		const recordedVersions = exchange.responseHeaders['api-supported-versions'];
		if (recordedVersions && (exchange.recordedAt ?? '') >= '2025') {
			// The versions the service advertised then are still advertised, with the newer ones after them.
			const ours = String(response.headers['api-supported-versions']).split(', ');
			expect(ours).toEqual(expect.arrayContaining(recordedVersions.split(', ')));
		}

		const recordedError = errorOf(exchange.responseBody);
		if (recordedError) {
			const error = errorOf(response.json);
			expect(error?.code).toBe(recordedError.code);
			expect(error?.target).toBe(recordedError.target);
			if (superseded === 'short-lifetime-message') {
				expect(error?.message.startsWith(recordedError.message)).toBe(true);
			} else {
				expect(error?.message).toBe(recordedError.message);
			}

			return;
		}

		expectSameShape(response.json, exchange.responseBody, exchange.requestBody);
	});
});

/** The same keys as the recorded body, in the same order, and instants written as the service writes them. */
function expectSameShape(actual: unknown, recorded: unknown, requestBody: unknown): void {
	if (recorded === null || recorded === undefined || recorded === '') {
		expect(actual).toBeUndefined();
		return;
	}

	const body = actual as Record<string, Record<string, string>>;
	const expected = recorded as Record<string, Record<string, string>>;
	if (expected['id'] === undefined) {
		expect(Object.keys(body)).toEqual(Object.keys(expected));
	}

	const issuedNow = typeof requestBody === 'object' && requestBody !== null && 'createTokenWithScopes' in requestBody;
	for (const object of [body, body['identity'], body['accessToken']]) {
		if (object?.['expiresOn'] !== undefined) {
			expect(object['expiresOn']).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d{1,7})?\+00:00$/);
			expect(object['expiresOn']).not.toMatch(/\.\d*0\+00:00$/);
		}
	}

	const identity = body['identity'] ?? (expected['id'] === undefined ? undefined : body);
	const recordedIdentity = expected['identity'] ?? (expected['id'] === undefined ? undefined : expected);
	if (identity && recordedIdentity) {
		// lastTokenIssuedAt also tells of the live resource's history (an earlier run's token):
		// it is required only where this very request issued a token.
		const withoutLast = (object: object) => Object.keys(object).filter(key => key !== 'lastTokenIssuedAt');
		expect(withoutLast(identity)).toEqual(withoutLast(recordedIdentity));
		if (issuedNow && 'lastTokenIssuedAt' in recordedIdentity) {
			expect(Object.keys(identity)).toEqual(Object.keys(recordedIdentity));
		}

		expect(identity['id']).toMatch(/^8:acs:[0-9a-f-]{36}_[0-9a-f-]{36}$/);
		if (identity['lastTokenIssuedAt'] !== undefined) {
			expect(identity['lastTokenIssuedAt']).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+00:00$/);
		}
	}
}
