import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import type {Emulator} from '../../source/emulator/server.js';
import {decodeClaims, sdkClient, startEmulator} from '../_helpers/emulator.js';
import {rawRequest} from '../_helpers/raw-client.js';

describe('revocation that means something, seen through the verify extension', () => {
	let emulator: Emulator;
	let now = Date.now();

	beforeAll(async () => {
		emulator = await startEmulator('http');
	});

	afterAll(async () => {
		await emulator.close();
	});

	async function verify(token: string) {
		const response = await rawRequest(emulator, {
			target: '/emulator/tokens/:verify',
			body: JSON.stringify({token}),
			unsigned: true,
		});
		expect(response.status).toBe(200);
		return response.json as {valid: boolean; reason: string; claims: Record<string, unknown>};
	}

	it('reports a fresh token valid, with its claims', async () => {
		const {token, user} = await sdkClient(emulator).createUserAndToken(['chat']);
		const result = await verify(token);
		expect(result).toMatchObject({valid: true, reason: 'valid'});
		expect(result.claims['skypeid']).toBe(user.communicationUserId.slice(2));
	});

	it('revokes every token issued before the revoke, and none issued after it', async () => {
		const client = sdkClient(emulator);
		const user = await client.createUser();
		const first = await client.getToken(user, ['chat']);
		const second = await client.getToken(user, ['voip'], {tokenExpiresInMinutes: 60});
		await client.revokeTokens(user);
		// Issued within the same second as the revoke: `iat` alone cannot tell it apart.
		const after = await client.getToken(user, ['chat']);
		expect(decodeClaims(after.token)['iat']).toBeGreaterThanOrEqual(Number(decodeClaims(second.token)['iat']));

		expect(await verify(first.token)).toMatchObject({valid: false, reason: 'revoked'});
		expect(await verify(second.token)).toMatchObject({valid: false, reason: 'revoked'});
		expect(await verify(after.token)).toMatchObject({valid: true, reason: 'valid'});

		await client.revokeTokens(user);
		expect(await verify(after.token)).toMatchObject({valid: false, reason: 'revoked'});
	});

	it('invalidates every token of a deleted identity', async () => {
		const client = sdkClient(emulator);
		const {user, token} = await client.createUserAndToken(['chat', 'voip']);
		await client.deleteUser(user);
		expect(await verify(token)).toMatchObject({valid: false, reason: 'deleted'});
	});

	it('tells a tampered token (bad-signature) from garbage (malformed)', async () => {
		const {token} = await sdkClient(emulator).createUserAndToken(['chat']);
		const [header, , signature] = token.split('.');
		const claims = {...decodeClaims(token), acsScope: 'chat,voip'};
		const forged = `${header}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.${signature}`;
		expect(await verify(forged)).toMatchObject({valid: false, reason: 'bad-signature'});
		expect(await verify('not.a.jwt!')).toMatchObject({valid: false, reason: 'malformed'});
		expect(await verify('')).toMatchObject({valid: false, reason: 'malformed'});
	});

	it('reports an expired token as expired', async () => {
		const clock = {now};
		const timed = await startEmulator('http', {now: () => clock.now});
		try {
			const {token} = await sdkClient(timed).createUserAndToken(['chat'], {tokenExpiresInMinutes: 60});
			clock.now += 61 * 60_000;
			const response = await rawRequest(timed, {
				target: '/emulator/tokens/:verify',
				body: JSON.stringify({token}),
				unsigned: true,
			});
			expect(response.json).toMatchObject({valid: false, reason: 'expired'});
		} finally {
			await timed.close();
			now = Date.now();
		}
	});

	it('publishes the signing key so others can verify tokens themselves', async () => {
		const {token} = await sdkClient(emulator).createUserAndToken(['chat']);
		const response = await rawRequest(emulator, {method: 'GET', target: '/.well-known/jwks.json', unsigned: true});
		expect(response.status).toBe(200);
		const {keys} = response.json as {keys: {kid: string; kty: string; alg: string; n: string; e: string}[]};
		const header = JSON.parse(Buffer.from(token.split('.')[0] ?? '', 'base64url').toString()) as {kid: string};
		const key = keys.find(candidate => candidate.kid === header.kid);
		expect(key).toMatchObject({kty: 'RSA', alg: 'RS256', use: 'sig'});

		const {createPublicKey, verify: verifySignature} = await import('node:crypto');
		const publicKey = createPublicKey({key: key as unknown as import('node:crypto').JsonWebKey, format: 'jwk'});
		const [h, p, s] = token.split('.') as [string, string, string];
		expect(verifySignature('sha256', Buffer.from(`${h}.${p}`), publicKey, Buffer.from(s, 'base64url'))).toBe(true);
	});
});
