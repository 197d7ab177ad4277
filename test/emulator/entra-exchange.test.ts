import {randomUUID} from 'node:crypto';
import {execFile} from 'node:child_process';
import {fileURLToPath} from 'node:url';
import {promisify} from 'node:util';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import type {Emulator} from '../../source/emulator/server.js';
import {decodeClaims, startEmulator} from '../_helpers/emulator.js';
import {fakeEntraToken} from '../_helpers/jwt.js';
import {rawRequest} from '../_helpers/raw-client.js';

const tenantId = randomUUID();
const clientId = randomUUID();
const inOneHour = () => Math.floor(Date.now() / 1000) + 3600;

type ClientResult = {readonly token?: string; readonly expiresOnTimestamp?: number; readonly error?: string};

const execFileAsync = promisify(execFile);

/** The real credential, in a process of its own that trusts the emulator's CA as a user's app would. */
async function exchange(emulator: Emulator, claims: Record<string, unknown>, scopes?: string[]): Promise<ClientResult> {
	const endpoint = emulator.url.replace(/\/$/, '');
	const {stdout} = await execFileAsync(
		process.execPath,
		[fileURLToPath(new URL('../_helpers/entra-client.mjs', import.meta.url)), JSON.stringify({endpoint, claims, scopes})],
		{env: {...process.env, NODE_EXTRA_CA_CERTS: emulator.certificatePath ?? ''}},
	);
	return JSON.parse(stdout) as ClientResult;
}

describe('Entra ID users and Teams Extension users, through @azure/communication-common', () => {
	let emulator: Emulator;

	beforeAll(async () => {
		// The SDK's pipeline refuses plain http, so HTTPS with the emulator's CA.
		emulator = await startEmulator('https');
	});

	afterAll(async () => {
		await emulator.close();
	});

	const manage = (method: string, path: string, body?: object, version = '2025-03-02-preview') =>
		rawRequest(emulator, {method, target: `${path}?api-version=${version}`, ...(body ? {body: JSON.stringify(body)} : {})});

	it('exchanges an Entra ID user token for an ACS token once the user is assigned, and not before', async () => {
		const oid = randomUUID();
		const claims = {oid, tid: tenantId, appid: clientId, scp: 'VoIP'};
		expect((await exchange(emulator, claims)).error).toMatch(/Status: 403/);

		const put = await manage('PUT', `/access/entra/assignments/${oid}`, {tenantId, principalType: 'user', clientIds: [clientId]});
		expect(put.status).toBe(201);
		expect(put.json).toEqual({objectId: oid, tenantId, principalType: 'user', clientIds: [clientId]});
		expect((await manage('PUT', `/access/entra/assignments/${oid}`, {tenantId, principalType: 'user', clientIds: [clientId]})).status).toBe(200);

		const token = await exchange(emulator, claims);
		expect(decodeClaims(token.token ?? '')).toMatchObject({skypeid: `acs:${emulator.resourceId}_wf_${tenantId}_${oid}`, acsScope: 'voip'});
		expect(token.expiresOnTimestamp).toBeGreaterThan(Date.now() + 50 * 60_000);
		const verified = await rawRequest(emulator, {target: '/emulator/tokens/:verify', unsigned: true, body: JSON.stringify({token: token.token})});
		expect(verified.json).toMatchObject({valid: true});
	});

	it('honours tenant and group assignments, and the client ids an assignment allows', async () => {
		const groupId = randomUUID();
		const patched = await manage('PATCH', '/access/entra/assignments', {[groupId]: {tenantId, principalType: 'group', clientIds: []}});
		expect(patched.status).toBe(200);
		expect((patched.json as {value: {objectId: string}[]}).value.map(entry => entry.objectId)).toContain(groupId);
		expect((await exchange(emulator, {oid: randomUUID(), tid: tenantId, appid: clientId, groups: [groupId]})).token).toMatch(/^ey/);

		// A whole tenant, for any app of it.
		const wholeTenant = randomUUID();
		expect((await manage('PUT', `/access/entra/assignments/${wholeTenant}`, {tenantId: wholeTenant, principalType: 'tenant', clientIds: []})).status).toBe(201);
		const tenantWide = await exchange(emulator, {oid: randomUUID(), tid: wholeTenant, appid: randomUUID()});
		expect(decodeClaims(tenantWide.token ?? '')['skypeid']).toMatch(new RegExp(`_wf_${wholeTenant}_`));

		const otherTenant = randomUUID();
		await manage('PUT', `/access/entra/assignments/${otherTenant}`, {tenantId: otherTenant, principalType: 'tenant', clientIds: [randomUUID()]});
		expect((await exchange(emulator, {oid: randomUUID(), tid: otherTenant, appid: clientId})).error).toMatch(/Status: 403/);

		const list = await manage('GET', '/access/entra/assignments');
		expect((list.json as {value: {objectId: string}[]}).value.map(entry => entry.objectId)).toEqual(
			expect.arrayContaining([groupId, otherTenant]),
		);
		await manage('PATCH', '/access/entra/assignments', {[groupId]: null});
		expect((await manage('GET', `/access/entra/assignments/${groupId}`)).status).toBe(404);
		expect((await manage('DELETE', `/access/entra/assignments/${otherTenant}`)).status).toBe(204);
	});

	it('exchanges a Teams Extension user token on 2025-06-30, the version the SDK calls', async () => {
		const oid = randomUUID();
		const assigned = await manage(
			'PUT',
			`/access/teamsExtension/tenants/${tenantId}/assignments/${oid}`,
			{principalType: 'user'},
			'2026-09-23',
		);
		expect(assigned.status).toBe(201);
		const token = await exchange(emulator, {oid, tid: tenantId, appid: clientId}, [
			'https://auth.msft.communication.azure.com/TeamsExtension.ManageCalls',
		]);
		expect(decodeClaims(token.token ?? '')).toMatchObject({skypeid: `acs:${emulator.resourceId}_${tenantId}_${oid}`});
		const read = await manage('GET', `/access/teamsExtension/tenants/${tenantId}/assignments/${oid}`, undefined, '2025-06-30');
		expect(read.json).toEqual({objectId: oid, tenantId, principalType: 'user'});
	});

	it('refuses a Teams Extension user with no assignment (403), and an Entra ID user token on the Teams Extension route (401)', async () => {
		const scopes = ['https://auth.msft.communication.azure.com/TeamsExtension.ManageCalls'];
		expect((await exchange(emulator, {oid: randomUUID(), tid: tenantId, appid: clientId}, scopes)).error).toMatch(/Status: 403/);
		const response = await rawRequest(emulator, {
			target: '/access/teamsExtension/:exchangeAccessToken?api-version=2025-06-30',
			body: '{}',
			unsigned: true,
			headers: {authorization: `Bearer ${fakeEntraToken({aud: 'https://communication.azure.com/clients', oid: randomUUID(), tid: tenantId, exp: inOneHour()})}`},
		});
		expect(response.status).toBe(401);
		expect(response.json).toMatchObject({error: {code: 'InvalidAccessToken'}});
	});

	it('keeps to its bounds: 50 client ids an assignment, 1,000 assignments', async () => {
		const tooMany = Array.from({length: 51}, () => randomUUID());
		const refused = await manage('PUT', `/access/entra/assignments/${randomUUID()}`, {tenantId, principalType: 'user', clientIds: tooMany});
		expect(refused.json).toMatchObject({error: {code: 'ValidationError', target: 'clientIds'}});
		let answer = 200;
		for (let batch = 0; batch < 6 && answer === 200; batch++) {
			const entries = Object.fromEntries(Array.from({length: 200}, () => [randomUUID(), {tenantId, principalType: 'user', clientIds: []}]));
			answer = (await manage('PATCH', '/access/entra/assignments', entries)).status;
		}

		expect(answer).toBe(400);
	});

	it.each([
		['no token', undefined],
		['a token for another audience', fakeEntraToken({aud: 'https://graph.microsoft.com', oid: randomUUID(), tid: tenantId, exp: inOneHour()})],
		['an expired token', fakeEntraToken({aud: 'https://communication.azure.com/clients', oid: randomUUID(), tid: tenantId, exp: 1})],
		['a token without oid', fakeEntraToken({aud: 'https://communication.azure.com/clients', tid: tenantId, exp: inOneHour()})],
		['an HMAC signature', 'hmac'],
	])('refuses the exchange with %s: 401 InvalidAccessToken', async (_name, token) => {
		const response = await rawRequest(emulator, {
			target: '/access/entra/:exchangeAccessToken?api-version=2025-03-02-preview',
			body: '{}',
			...(token === 'hmac' ? {} : {unsigned: true, headers: token ? {authorization: `Bearer ${token}`} : {}}),
		});
		expect(response.status).toBe(401);
		expect(response.json).toEqual({error: {code: 'InvalidAccessToken', message: 'Provided access token is not valid.'}});
		expect(response.headers['api-supported-versions']).toBeUndefined();
	});

	it('refuses assignments with bad fields, and assignment routes without a signature', async () => {
		const objectId = randomUUID();
		expect((await manage('PUT', `/access/entra/assignments/${objectId}`, {tenantId, principalType: 'robot', clientIds: []})).json).toMatchObject({
			error: {code: 'ValidationError', target: 'principalType'},
		});
		expect((await manage('PUT', '/access/entra/assignments/not-a-guid', {tenantId, principalType: 'user', clientIds: []})).status).toBe(400);
		expect((await manage('PUT', `/access/entra/assignments/${objectId}`, {tenantId, principalType: 'user', clientIds: ['x']})).status).toBe(400);
		const unsigned = await rawRequest(emulator, {method: 'GET', target: '/access/entra/assignments?api-version=2025-03-02-preview', unsigned: true});
		expect(unsigned.status).toBe(401);
		// The Entra routes exist only in the preview that defines them.
		expect((await manage('GET', '/access/entra/assignments', undefined, '2025-06-30')).json).toMatchObject({
			error: {code: 'UnsupportedApiVersion'},
		});
	});
});
