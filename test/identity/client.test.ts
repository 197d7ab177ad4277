import {readFileSync} from 'node:fs';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import type {Emulator} from '../../source/emulator/server.js';
import {createIdentityClient, type IdentityClient} from '../../source/identity/client.js';
import {IdentityError} from '../../source/identity/errors.js';
import {parseConnectionString} from '../../source/protocol/connection-string.js';
import {startEmulator} from '../_helpers/emulator.js';

/** The one client factory, with the real SDK against the emulator: how its failures are named. */
describe('the identity client', () => {
	let emulator: Emulator;
	let client: IdentityClient;

	beforeAll(async () => {
		emulator = await startEmulator('https');
		const {endpoint, accessKey} = parseConnectionString(emulator.connectionString);
		client = await createIdentityClient({
			endpoint,
			credential: {kind: 'access-key', accessKey},
			trustedCertificate: readFileSync(emulator.certificatePath as string, 'utf8'),
		});
	});

	afterAll(async () => {
		await emulator.close();
	});

	it('calls a request cancelled when its caller aborted it, before or during the call', async () => {
		const {id} = await client.createUser();
		const before = new AbortController();
		before.abort();
		const early = await client.issueToken(id, ['chat'], {signal: before.signal}).catch((error: unknown) => error);
		expect(early).toBeInstanceOf(IdentityError);
		expect((early as IdentityError).kind).toBe('cancelled');

		const during = new AbortController();
		const pending = client.revokeTokens(id, {signal: during.signal}).catch((error: unknown) => error);
		during.abort();
		expect(((await pending) as IdentityError).kind).toBe('cancelled');
	});

	it('does not call a failure cancelled when nobody aborted: a deleted identity is not-found', async () => {
		const {id} = await client.createUser();
		await client.deleteUser(id);
		const failure = await client.issueToken(id, ['chat'], {signal: new AbortController().signal}).catch((error: unknown) => error);
		expect(failure).toBeInstanceOf(IdentityError);
		expect((failure as IdentityError).kind).not.toBe('cancelled');
	});
});
