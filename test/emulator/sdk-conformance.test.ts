import {readFileSync} from 'node:fs';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import type {Emulator} from '../../source/emulator/server.js';
import {decodeClaims, restError, sdkClient, startEmulator, type Transport} from '../_helpers/emulator.js';

const cases: {transport: Transport; apiVersion: string | undefined}[] = [
	{transport: 'http', apiVersion: undefined},
	{transport: 'https', apiVersion: undefined},
	{transport: 'http', apiVersion: '2022-10-01'},
	{transport: 'https', apiVersion: '2022-10-01'},
];

describe.each(cases)('the official SDK over $transport, api-version $apiVersion', ({transport, apiVersion}) => {
	let emulator: Emulator;
	const client = () => sdkClient(emulator, apiVersion ? {apiVersion} : {});

	beforeAll(async () => {
		emulator = await startEmulator(transport);
	});

	afterAll(async () => {
		await emulator.close();
	});

	it('sends the api-version under test', async () => {
		const seen: string[] = [];
		const {CommunicationIdentityClient} = await import('@azure/communication-identity');
		const recording = new CommunicationIdentityClient(emulator.connectionString, {
			...(emulator.certificatePath ? {tlsOptions: {ca: readFileSync(emulator.certificatePath, 'utf8')}} : {allowInsecureConnection: true}),
			...(apiVersion ? {apiVersion} : {}),
			additionalPolicies: [
				{
					position: 'perRetry',
					policy: {
						name: 'record-url',
						sendRequest(request, next) {
							seen.push(request.url);
							return next(request);
						},
					},
				},
			],
		});
		await recording.createUser();
		expect(seen).toEqual([`${emulator.url}identities?api-version=${apiVersion ?? '2023-10-01'}`]);
	});

	it('creates a user whose id names the resource', async () => {
		const user = await client().createUser();
		expect(user.communicationUserId).toMatch(
			new RegExp(`^8:acs:${emulator.resourceId}_[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$`),
		);
	});

	it('creates a user and a token with the default lifetime of 24 hours', async () => {
		const before = Date.now();
		const result = await client().createUserAndToken(['chat', 'voip']);
		const lifetime = result.expiresOn.getTime() - before;
		expect(lifetime).toBeGreaterThan(1440 * 60_000 - 5000);
		expect(lifetime).toBeLessThanOrEqual(1440 * 60_000 + 1000);
		const claims = decodeClaims(result.token);
		expect(claims).toMatchObject({
			skypeid: result.user.communicationUserId.slice(2),
			acsScope: 'chat,voip',
			resourceId: emulator.resourceId,
			scp: 1792,
			rgn: 'amer',
			resourceLocation: 'unitedstates',
		});
		expect(claims['csi']).toBe(String(claims['iat']));
		expect(Number(claims['exp']) - Number(claims['iat'])).toBe(1440 * 60);
	});

	it('issues a token with the asked scopes and lifetime', async () => {
		const user = await client().createUser();
		const token = await client().getToken(user, ['chat.join', 'voip.join'], {tokenExpiresInMinutes: 60});
		const claims = decodeClaims(token.token);
		expect(claims['acsScope']).toBe('chat.join,voip.join');
		expect(Number(claims['exp']) - Number(claims['iat'])).toBe(3600);
		expect(Math.abs(token.expiresOn.getTime() - Date.now() - 3_600_000)).toBeLessThan(5000);
	});

	it.each([
		[['chat', 'chat.join', 'chat.join.limited']],
		[['voip', 'voip.join']],
		[['chat.join', 'voip.join']],
		[['chat.join.limited']],
	] as const)('accepts the scope combination %j', async scopes => {
		const result = await client().createUserAndToken([...scopes], {tokenExpiresInMinutes: 1440});
		expect(decodeClaims(result.token)['acsScope']).toBe(scopes.join(','));
	});

	it('revokes tokens and deletes a user with 204s the SDK accepts', async () => {
		const user = await client().createUser();
		await client().getToken(user, ['chat']);
		await expect(client().revokeTokens(user)).resolves.toBeUndefined();
		await expect(client().getToken(user, ['chat'])).resolves.toHaveProperty('token');
		await expect(client().deleteUser(user)).resolves.toBeUndefined();
	});

	it('answers empty scopes with the service text', async () => {
		const user = await client().createUser();
		expect(await restError(client().getToken(user, []))).toEqual({
			statusCode: 400,
			code: 'ValidationError',
			message: 'Invalid scopes - Scopes field is required.',
		});
		expect(await restError(client().createUserAndToken([]))).toMatchObject({
			statusCode: 400,
			message: 'Invalid scopes - Scopes field is required.',
		});
	});

	it.each([59, 1441])('answers a lifetime of %i minutes with the service text', async minutes => {
		const user = await client().createUser();
		const expected = {
			statusCode: 400,
			code: 'ValidationError',
			message: `ExpiresInMinutes value ${minutes} is invalid. Value must be within the [60, 1440] interval.`,
		};
		expect(await restError(client().getToken(user, ['chat'], {tokenExpiresInMinutes: minutes}))).toEqual(expected);
		expect(await restError(client().createUserAndToken(['chat'], {tokenExpiresInMinutes: minutes}))).toEqual(
			expected,
		);
	});

	it('refuses an unknown scope with a 400 that lists the valid ones', async () => {
		const user = await client().createUser();
		const error = await restError(client().getToken(user, ['chat', 'video' as 'chat']));
		expect(error).toMatchObject({statusCode: 400, code: 'ValidationError'});
		expect(error.message).toContain("'video' is not a valid scope");
		expect(error.message).toContain('chat, voip, chat.join, chat.join.limited, voip.join');
	});

	it('refuses identities of another resource with IdentityNotOwned on issue, revoke and delete', async () => {
		const foreign = {
			communicationUserId: '8:acs:2dee53b4-368b-45b4-ab52-8493fb117652_00000005-14a2-493b-8a72-5a3a0d000081',
		};
		const expected = {
			statusCode: 401,
			code: 'IdentityNotOwned',
			message: "Provided identity doesn't belong to the resource.",
		};
		expect(await restError(client().getToken(foreign, ['chat']))).toEqual(expected);
		expect(await restError(client().revokeTokens(foreign))).toEqual(expected);
		expect(await restError(client().deleteUser(foreign))).toEqual(expected);
	});

	it('answers 404 IdentityNotFound for a deleted identity on issue, revoke and delete', async () => {
		const user = await client().createUser();
		await client().deleteUser(user);
		for (const call of [
			() => client().getToken(user, ['chat']),
			() => client().revokeTokens(user),
			() => client().deleteUser(user),
		]) {
			expect(await restError(call())).toEqual({
				statusCode: 404,
				code: 'IdentityNotFound',
				message: `Identity '${user.communicationUserId}' was deleted.`,
			});
		}
	});

	it('answers a wrong access key with 401 Denied', async () => {
		const wrongKey = Buffer.alloc(64, 7).toString('base64');
		expect(await restError(sdkClient(emulator, {accessKey: wrongKey}).createUser())).toEqual({
			statusCode: 401,
			code: 'Denied',
			message: 'Denied by the resource provider.',
		});
	});
});
