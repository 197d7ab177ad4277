import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import type {Emulator} from '../../source/emulator/server.js';
import {parseConnectionString} from '../../source/protocol/connection-string.js';
import {computeSignature, contentHash} from '../../source/protocol/hmac.js';
import {startEmulator} from '../_helpers/emulator.js';
import {rawRequest} from '../_helpers/raw-client.js';

describe('the clock-skew check covers the signed date', () => {
	let emulator: Emulator;

	beforeAll(async () => {
		emulator = await startEmulator('http');
	});

	afterAll(async () => {
		await emulator.close();
	});

	/** A request signed over `date` (not x-ms-date), as an old captured request would be. */
	function signedWithDate(sentAt: Date) {
		const {accessKey} = parseConnectionString(emulator.connectionString);
		const host = new URL(emulator.url).host;
		const target = '/identities?api-version=2023-10-01';
		const date = sentAt.toUTCString();
		const hash = contentHash('');
		const signature = computeSignature(Buffer.from(accessKey, 'base64'), `POST\n${target}\n${date};${host};${hash}`);
		return {
			target,
			unsigned: true,
			headers: {
				date,
				'x-ms-content-sha256': hash,
				authorization: `HMAC-SHA256 SignedHeaders=date;host;x-ms-content-sha256&Signature=${signature}`,
			},
		} as const;
	}

	it('accepts a fresh request signed over date', async () => {
		expect((await rawRequest(emulator, signedWithDate(new Date()))).status).toBe(201);
	});

	it('refuses a day-old request signed over date, even with a fresh unsigned x-ms-date beside it', async () => {
		const old = signedWithDate(new Date(Date.now() - 24 * 60 * 60 * 1000));
		expect((await rawRequest(emulator, old)).status).toBe(401);
		const replayed = await rawRequest(emulator, {...old, headers: {...old.headers, 'x-ms-date': new Date().toUTCString()}});
		expect(replayed.status).toBe(401);
		expect(replayed.json).toEqual({error: {code: 'Denied', message: 'Denied by the resource provider.'}});
	});
});
