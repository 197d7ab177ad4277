import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import type {Emulator} from '../../source/emulator/server.js';
import {createIdentityClient} from '../../source/identity/client.js';
import type {Exchange} from '../../source/identity/trace.js';
import {parseConnectionString} from '../../source/protocol/connection-string.js';
import {computeSignature, stringToSign} from '../../source/protocol/hmac.js';
import {startEmulator} from '../_helpers/emulator.js';

/**
 * What the trace keeps of a request the SDK signed, for the signing panel: the parts of the
 * string to sign, and no more of the signature than its ends. The real SDK, against the emulator.
 */
describe('the trace of a signed request', () => {
	let emulator: Emulator;

	beforeAll(async () => {
		emulator = await startEmulator('http');
	});

	afterAll(async () => {
		await emulator.close();
	});

	it('keeps what the signature was made of: signing those parts again gives a signature with the same ends', async () => {
		const {endpoint, accessKey} = parseConnectionString(emulator.connectionString);
		const exchanges: Exchange[] = [];
		const client = await createIdentityClient({endpoint, credential: {kind: 'access-key', accessKey}}, {onExchange: exchange => exchanges.push(exchange)});
		const {id} = await client.createUser();
		await client.issueToken(id, ['chat'], {expiresInMinutes: 60});
		expect(exchanges).toHaveLength(2);
		for (const exchange of exchanges) {
			const {signing} = exchange;
			if (signing?.scheme !== 'hmac') {
				throw new Error(`not signed with HMAC: ${JSON.stringify(exchange)}`);
			}

			expect(signing.host).toBe(new URL(endpoint).host);
			expect(signing.signedHeaders).toEqual(['x-ms-date', 'host', 'x-ms-content-sha256']);
			expect(signing.signatureHint).toMatch(/^[A-Za-z0-9+/]{4}•••[A-Za-z0-9+/]{3}=$/);
			const again = computeSignature(
				Buffer.from(accessKey, 'base64'),
				stringToSign({
					method: exchange.method,
					pathAndQuery: exchange.path,
					date: exchange.requestHeaders['x-ms-date'] ?? '',
					host: signing.host,
					contentHash: exchange.requestHeaders['x-ms-content-sha256'] ?? '',
				}),
			);
			expect(`${again.slice(0, 4)}•••${again.slice(-4)}`).toBe(signing.signatureHint);
			// The signature itself is in no field of the exchange.
			expect(JSON.stringify(exchange)).not.toContain(again);
			expect(JSON.stringify(exchange)).not.toContain(again.slice(0, 12));
		}
	});
});
