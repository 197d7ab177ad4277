import {execFile, spawnSync} from 'node:child_process';
import {mkdtemp, rm} from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {promisify} from 'node:util';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {createEmulator, type Emulator} from '../../source/emulator/server.js';
import {rawRequest} from '../_helpers/raw-client.js';

const scriptPath = fileURLToPath(new URL('../_helpers/python-client.py', import.meta.url));
const pythonMissing = spawnSync('python3', ['--version']).error !== undefined;

type CallResult = {
	readonly status: number;
	readonly body: Record<string, unknown> | null;
	readonly echoedRequestId: boolean;
};

type TokenResult = CallResult & {
	readonly expiresInSeconds: number;
	readonly claimedLifetimeSeconds: number;
	readonly claims: Record<string, unknown>;
};

type PythonResults = {
	readonly strict: boolean;
	readonly createUser: CallResult;
	readonly createUserAndToken: TokenResult;
	readonly getTokenDefault: TokenResult;
	readonly getToken60: TokenResult;
	readonly revokeTokens: CallResult;
	readonly getTokenAfterRevoke: TokenResult;
	readonly deleteUser: CallResult;
	readonly getTokenOfDeleted: CallResult;
	readonly lifetimeTooShort: CallResult;
	readonly emptyScopes: CallResult;
	readonly wrongKey: CallResult;
	readonly defaultContextViaLocalhost: CallResult;
	readonly untrusted: {readonly error: string | null; readonly verifyMessage: string | null};
};

const day = 24 * 60 * 60;

describe.skipIf(pythonMissing)(
	pythonMissing
		? 'a client written like the Python SDK (skipped: python3 is not on PATH)'
		: 'a client written like the Python SDK: HTTPS only, api-version 2022-10-01, "expiresInMinutes": null',
	() => {
		let directory: string;
		let emulator: Emulator;
		let results: PythonResults;

		beforeAll(async () => {
			directory = await mkdtemp(path.join(os.tmpdir(), 'acs-tokens-python-'));
			emulator = await createEmulator({port: 0, inMemory: true, certificateDirectory: directory});
			const certificatePath = emulator.certificatePath as string;
			const {stdout} = await promisify(execFile)('python3', [scriptPath, emulator.connectionString, certificatePath], {
				timeout: 60_000,
				env: {...process.env, REQUESTS_CA_BUNDLE: certificatePath, SSL_CERT_FILE: certificatePath},
			});
			results = JSON.parse(stdout) as PythonResults;
		});

		afterAll(async () => {
			await emulator?.close();
			if (directory) {
				await rm(directory, {recursive: true, force: true});
			}
		});

		async function verify(token: unknown): Promise<string> {
			const response = await rawRequest(emulator, {
				target: '/emulator/tokens/:verify',
				body: JSON.stringify({token}),
				unsigned: true,
			});
			return (response.json as {reason: string}).reason;
		}

		it('connects with strict certificate checks, trusting only the emulator CA', () => {
			expect(results.strict).toBe(true);
			expect(results.createUser.status).toBe(201);
			// Through the default context (SSL_CERT_FILE) and the name localhost too.
			expect(results.defaultContextViaLocalhost.status).toBe(201);
			expect(results.untrusted).toMatchObject({error: 'SSLCertVerificationError'});
			expect(results.untrusted.verifyMessage).toMatch(/self-signed certificate in certificate chain|unable to get local issuer certificate/);
		});

		it('creates a user, with no accessToken key, and echoes the client request id', () => {
			expect(results.createUser).toEqual({
				status: 201,
				body: {identity: {id: expect.stringMatching(new RegExp(`^8:acs:${emulator.resourceId}_[0-9a-f-]{36}$`))}},
				echoedRequestId: true,
			});
		});

		it('reads "expiresInMinutes": null as the default lifetime of 24 hours', () => {
			for (const result of [results.createUserAndToken, results.getTokenDefault]) {
				expect([result.status, result.claimedLifetimeSeconds]).toEqual([
					result === results.createUserAndToken ? 201 : 200,
					day,
				]);
				expect(result.expiresInSeconds).toBeGreaterThan(day - 30);
				expect(result.expiresInSeconds).toBeLessThanOrEqual(day + 2);
			}

			expect(results.createUserAndToken.claims['acsScope']).toBe('chat,voip');
			expect(results.getTokenDefault.claims).toMatchObject({
				acsScope: 'chat',
				skypeid: (results.createUser.body as {identity: {id: string}}).identity.id.slice(2),
			});
		});

		it('issues a token with a lifetime of 60 minutes', () => {
			expect(results.getToken60.status).toBe(200);
			expect(results.getToken60.claimedLifetimeSeconds).toBe(3600);
			expect(Math.abs(results.getToken60.expiresInSeconds - 3600)).toBeLessThan(30);
		});

		it('revokes with 204 and an empty body: tokens before the revoke are revoked, one after it is valid', async () => {
			expect(results.revokeTokens).toEqual({status: 204, body: null, echoedRequestId: true});
			expect(await verify(results.getTokenDefault.body?.['token'])).toBe('revoked');
			expect(await verify(results.getToken60.body?.['token'])).toBe('revoked');
			expect(results.getTokenAfterRevoke.status).toBe(200);
			expect(await verify(results.getTokenAfterRevoke.body?.['token'])).toBe('valid');
		});

		it('deletes a user with 204; its token is no longer valid and issuing answers 404', async () => {
			expect(results.deleteUser).toEqual({status: 204, body: null, echoedRequestId: true});
			const {identity, accessToken} = results.createUserAndToken.body as {identity: {id: string}; accessToken: {token: string}};
			expect(await verify(accessToken.token)).toBe('deleted');
			const {id} = identity;
			expect(results.getTokenOfDeleted).toMatchObject({
				status: 404,
				body: {error: {code: 'IdentityNotFound', message: `Identity '${id}' was deleted.`}},
			});
		});

		it('answers mistakes with the service errors', () => {
			expect(results.lifetimeTooShort).toMatchObject({
				status: 400,
				body: {
					error: {
						code: 'ValidationError',
						message: 'ExpiresInMinutes value 59 is invalid. Value must be within the [60, 1440] interval.',
					},
				},
			});
			expect(results.emptyScopes).toMatchObject({
				status: 400,
				body: {error: {code: 'ValidationError', message: 'Invalid scopes - Scopes field is required.'}},
			});
			expect(results.wrongKey).toMatchObject({
				status: 401,
				body: {error: {code: 'Denied', message: 'Denied by the resource provider.'}},
			});
		});
	},
);
