import {randomUUID} from 'node:crypto';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import type {Emulator} from '../../source/emulator/server.js';
import {decodeClaims, restError, sdkClient, startEmulator} from '../_helpers/emulator.js';
import {fakeEntraToken} from '../_helpers/jwt.js';

describe('the Teams user token exchange, offline', () => {
	let emulator: Emulator;
	const appId = randomUUID();
	const userId = randomUUID();
	const inOneHour = () => Math.floor(Date.now() / 1000) + 3600;

	beforeAll(async () => {
		emulator = await startEmulator('https');
	});

	afterAll(async () => {
		await emulator.close();
	});

	it('answers a well-formed, unexpired Entra token with an ACS token that expires with it', async () => {
		const exp = inOneHour();
		const token = await sdkClient(emulator).getTokenForTeamsUser({
			teamsUserAadToken: fakeEntraToken({aud: 'https://auth.msft.communication.azure.com', appid: appId, oid: userId, exp}),
			clientId: appId,
			userObjectId: userId,
		});
		expect(token.expiresOn.getTime()).toBe(exp * 1000);
		expect(decodeClaims(token.token)).toMatchObject({skypeid: `orgid:${userId}`, exp, resourceId: emulator.resourceId});
	});

	it.each([
		['years ahead', 8_000_000_000],
		['with a fraction of a second', Math.floor(Date.now() / 1000) + 1800.123_456],
	])('issues an ACS token that lives 24 hours at most, in whole seconds, for an Entra token whose exp is %s', async (_name, exp) => {
		const token = await sdkClient(emulator).getTokenForTeamsUser({
			teamsUserAadToken: fakeEntraToken({aud: 'https://auth.msft.communication.azure.com', appid: appId, oid: userId, exp}),
			clientId: appId,
			userObjectId: userId,
		});
		const claims = decodeClaims(token.token) as {exp: number; iat: number};
		expect(Number.isInteger(claims.exp)).toBe(true);
		expect(claims.exp).toBe(Math.min(Math.floor(exp), claims.iat + 24 * 60 * 60));
		expect(token.expiresOn.getTime()).toBe(claims.exp * 1000);
	});

	it('checks the token first, then the formats of appId and userId, with the service texts', async () => {
		const teamsUserAadToken = fakeEntraToken({appid: appId, oid: userId, exp: inOneHour()});
		expect(
			await restError(sdkClient(emulator).getTokenForTeamsUser({teamsUserAadToken, clientId: 'not-a-guid', userObjectId: userId})),
		).toEqual({statusCode: 400, code: 'ValidationError', message: 'Provided AppId has invalid format.'});
		expect(
			await restError(sdkClient(emulator).getTokenForTeamsUser({teamsUserAadToken, clientId: appId, userObjectId: 'x'})),
		).toEqual({statusCode: 400, code: 'ValidationError', message: 'Provided UserId has invalid format.'});
		// A bad token wins over a bad userId (recorded).
		expect(
			await restError(sdkClient(emulator).getTokenForTeamsUser({teamsUserAadToken: 'garbage', clientId: appId, userObjectId: 'x'})),
		).toEqual({statusCode: 401, code: 'InvalidAccessToken', message: 'Provided access token is not valid.'});
	});

	it.each([
		['another application', {appid: randomUUID(), oid: userId}, 'AAD application is not the expected one.'],
		['another user', {appid: appId, oid: randomUUID()}, 'Provided AAD token issued for unexpected user.'],
	])('refuses a token of %s with 400 and the service text', async (_name, claims, message) => {
		expect(
			await restError(
				sdkClient(emulator).getTokenForTeamsUser({
					teamsUserAadToken: fakeEntraToken({...claims, exp: inOneHour()}),
					clientId: appId,
					userObjectId: userId,
				}),
			),
		).toEqual({statusCode: 400, code: 'ValidationError', message});
	});

	it.each([
		['an expired token', {appid: appId, oid: userId, exp: Math.floor(Date.now() / 1000) - 60}],
		['no expiry', {appid: appId, oid: userId}],
	])('refuses %s with 401 InvalidAccessToken', async (_name, claims) => {
		expect(
			await restError(
				sdkClient(emulator).getTokenForTeamsUser({
					teamsUserAadToken: fakeEntraToken(claims),
					clientId: appId,
					userObjectId: userId,
				}),
			),
		).toEqual({statusCode: 401, code: 'InvalidAccessToken', message: 'Provided access token is not valid.'});
	});

	it('refuses a token that is not a JWT with 401 InvalidAccessToken', async () => {
		expect(
			await restError(
				sdkClient(emulator).getTokenForTeamsUser({teamsUserAadToken: 'not a jwt', clientId: appId, userObjectId: userId}),
			),
		).toMatchObject({statusCode: 401, code: 'InvalidAccessToken'});
	});

	it('is not offered before api-version 2021-10-31-preview', async () => {
		const error = await restError(
			sdkClient(emulator, {apiVersion: '2021-03-07'}).getTokenForTeamsUser({
				teamsUserAadToken: fakeEntraToken({appid: appId, oid: userId, exp: inOneHour()}),
				clientId: appId,
				userObjectId: userId,
			}),
		);
		expect(error).toMatchObject({statusCode: 400, code: 'UnsupportedApiVersion'});
		expect(error.message).toMatch(/teamsUser\/:exchangeAccessToken' does not support the API version '2021-03-07'\.$/);
	});
});
