import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import type {Emulator} from '../../source/emulator/server.js';
import {startEmulator} from '../_helpers/emulator.js';
import {rawRequest} from '../_helpers/raw-client.js';

const preview = '?api-version=2025-03-02-preview';

describe('customId and GET /identities/{id} (2025-03-02-preview and later)', () => {
	let emulator: Emulator;

	beforeAll(async () => {
		emulator = await startEmulator('http');
	});

	afterAll(async () => {
		await emulator.close();
	});

	const create = (body: object, query = preview) =>
		rawRequest(emulator, {target: `/identities${query}`, body: JSON.stringify(body)});

	it('creates an identity for a new customId with 201, and answers 201 with the same one after (recorded)', async () => {
		const first = await create({customId: 'alice@contoso'});
		expect(first.status).toBe(201);
		const {identity} = first.json as {identity: {id: string; customId: string}};
		expect(identity.customId).toBe('alice@contoso');

		const again = await create({customId: 'alice@contoso', createTokenWithScopes: ['chat']});
		expect(again.status).toBe(201);
		expect(again.json).toMatchObject({identity: {id: identity.id, customId: 'alice@contoso'}, accessToken: {}});
		// The service's key order, with the time of the token just issued in whole seconds.
		expect(Object.keys((again.json as {identity: object}).identity)).toEqual(['customId', 'lastTokenIssuedAt', 'id']);

		const other = await create({customId: 'bob@contoso'});
		expect(other.status).toBe(201);
		expect((other.json as {identity: {id: string}}).identity.id).not.toBe(identity.id);
	});

	it('reads an identity with its customId and the time of its last token', async () => {
		const created = await create({customId: 'carol', createTokenWithScopes: ['voip']});
		const {id} = (created.json as {identity: {id: string}}).identity;
		const response = await rawRequest(emulator, {method: 'GET', target: `/identities/${encodeURIComponent(id)}${preview}`});
		expect(response.status).toBe(200);
		const body = response.json as {id: string; customId: string; lastTokenIssuedAt: string};
		expect(body).toMatchObject({id, customId: 'carol'});
		expect(Math.abs(Date.parse(body.lastTokenIssuedAt) - Date.now())).toBeLessThan(10_000);
		expect(body.lastTokenIssuedAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+00:00$/);
	});

	it('gives a deleted customId to a new identity', async () => {
		const first = await create({customId: 'dave'});
		const {id} = (first.json as {identity: {id: string}}).identity;
		expect((await rawRequest(emulator, {method: 'DELETE', target: `/identities/${encodeURIComponent(id)}${preview}`})).status).toBe(204);
		const again = await create({customId: 'dave'});
		expect(again.status).toBe(201);
		expect((again.json as {identity: {id: string}}).identity.id).not.toBe(id);
	});

	it.each(['2023-10-01', '2025-06-30', '2026-07-22', '2026-09-23'])(
		'has no GET /identities/{id} and ignores customId on %s, which the spec defines without them',
		async version => {
			const made = await create({customId: 'erin'}, `?api-version=${version}`);
			expect(made.status).toBe(201);
			expect(made.json).toEqual({identity: {id: expect.stringMatching(/^8:acs:/)}});
			const {id} = (made.json as {identity: {id: string}}).identity;
			const response = await rawRequest(emulator, {
				method: 'GET',
				target: `/identities/${encodeURIComponent(id)}?api-version=${version}`,
			});
			expect(response.status).toBe(400);
			expect(response.json).toMatchObject({error: {code: 'UnsupportedApiVersion'}});
		},
	);

	it('ignores customId on versions before the preview, as the service does for unknown fields', async () => {
		const response = await create({customId: 'frank'}, '?api-version=2023-10-01');
		expect(response.status).toBe(201);
		expect(response.json).toEqual({identity: {id: expect.stringMatching(/^8:acs:/)}});
	});

	it('refuses a customId that is not a string', async () => {
		const response = await create({customId: 42});
		expect(response.status).toBe(400);
		expect(response.json).toMatchObject({error: {code: 'ValidationError', target: 'customId'}});
	});
});
