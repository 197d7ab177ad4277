import {readdirSync} from 'node:fs';
import net from 'node:net';
import {afterAll, beforeAll, describe, expect, it, vi} from 'vitest';
import {type Emulator, maxConnections} from '../../source/emulator/server.js';
import {parseConnectionString} from '../../source/protocol/connection-string.js';
import {signRequest} from '../../source/protocol/hmac.js';
import {startEmulator} from '../_helpers/emulator.js';
import {apiVersionQuery} from '../_helpers/raw-client.js';

const createTarget = `/identities${apiVersionQuery}`;

let emulator: Emulator;
const internalErrors: unknown[] = [];

beforeAll(async () => {
	emulator = await startEmulator('http', {onInternalError: error => internalErrors.push(error)});
});

afterAll(async () => {
	await emulator.close();
	expect(internalErrors).toEqual([]);
});

const port = () => Number(new URL(emulator.url).port);

function connect(options: {allowHalfOpen?: boolean} = {}): Promise<net.Socket> {
	return new Promise((resolve, reject) => {
		const socket = net.connect({port: port(), host: '127.0.0.1', allowHalfOpen: options.allowHalfOpen ?? false});
		socket.once('connect', () => resolve(socket));
		socket.once('error', reject);
	});
}

/** Writes `bytes` and collects what comes back until the emulator closes the connection. */
async function exchange(bytes: string): Promise<string> {
	const socket = await connect();
	return new Promise(resolve => {
		let text = '';
		socket.setEncoding('latin1');
		socket.on('data', (chunk: string) => {
			text += chunk;
		});
		socket.on('error', () => undefined);
		socket.on('close', () => resolve(text));
		socket.write(bytes);
	});
}

function signedCreate(): string {
	const {accessKey} = parseConnectionString(emulator.connectionString);
	const headers = signRequest({accessKey: Buffer.from(accessKey, 'base64'), method: 'POST', url: new URL(createTarget, emulator.url)});
	const head = Object.entries({...headers, 'content-length': '0'})
		.map(([name, value]) => `${name}: ${value}\r\n`)
		.join('');
	return `POST ${createTarget} HTTP/1.1\r\n${head}\r\n`;
}

const statuses = (text: string) => [...text.matchAll(/^HTTP\/1\.1 (\d{3}) /gm)].map(match => Number(match[1]));

describe('malformed bytes on a connection', () => {
	it('after a whole request still being answered: that request is answered, and the connection closes after it', async () => {
		const text = await exchange(`${signedCreate()}GARBAGE\r\n\r\n`);
		expect(statuses(text)).toEqual([201]);
		expect(text).toMatch(/\r\nconnection: close\r\n/i);
	});

	it.each([
		['a chunk size that is not hex', 'zz\r\n{}\r\n0\r\n\r\n'],
		['a chunk size too large for any number', 'ffffffffffffffffff\r\n'],
		['a chunk extension of 100 KB', `1;${'a'.repeat(100_000)}\r\nx\r\n0\r\n\r\n`],
	])('in the body of the request in hand (%s): that request is answered 400 in the ACS shape, and the connection closes', async (_, chunks) => {
		const text = await exchange(`POST ${createTarget} HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n${chunks}`);
		expect(statuses(text)).toEqual([400]);
		expect(text).toMatch(/\r\n\r\n\{"error":\{"code":"BadRequest","message":"The request is not valid HTTP\."\}\}$/);
	});

	it.each(['gzip', 'identity'])('with Transfer-Encoding: %s and no length: 400 in the ACS shape', async encoding => {
		const text = await exchange(`POST ${createTarget} HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: ${encoding}\r\n\r\n`);
		expect(statuses(text)).toEqual([400]);
		expect(text).toContain('"message":"The request is not valid HTTP."');
	});

	it('lets go of a connection it refused even when the client never closes its side (no descriptor held)', async () => {
		// This process's open descriptors: the emulator's sockets are in it too (Linux).
		const descriptors = () => readdirSync('/proc/self/fd').length;
		const before = descriptors();
		const count = 50;
		const clients = await Promise.all(
			Array.from({length: count}, async () => {
				const socket = await connect({allowHalfOpen: true});
				socket.on('error', () => undefined);
				socket.resume();
				const ended = new Promise<void>(resolve => socket.once('end', () => resolve()));
				socket.write('GARBAGE\r\n\r\n');
				await ended;
				return socket;
			}),
		);
		try {
			// Answered and ended by the emulator; the clients hold theirs open, the emulator's go.
			await vi.waitFor(() => expect(descriptors()).toBeLessThanOrEqual(before + count), {timeout: 5000, interval: 50});
		} finally {
			for (const socket of clients) {
				socket.destroy();
			}
		}
	});
});

describe('open connections', () => {
	it(`are at most ${maxConnections}: one more is closed as it comes, unanswered, and once some go a new one is served`, async () => {
		const held: net.Socket[] = [];
		try {
			// Each sends half a request and waits: held open until the headers time out (10 s).
			for (let index = 0; index < maxConnections; index += 1) {
				const socket = await connect();
				socket.on('error', () => undefined);
				socket.write('POST /identities HTTP/1.1\r\nHost: x\r\n');
				held.push(socket);
			}

			expect(await exchange('GET /emulator/health HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n')).toBe('');

			for (const socket of held.splice(0, 10)) {
				socket.destroy();
			}

			// The server learns of the closes as they come; a health check is served once it has.
			let answer = '';
			for (let attempt = 0; attempt < 100 && answer === ''; attempt += 1) {
				answer = await exchange('GET /emulator/health HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n');
			}

			expect(statuses(answer)).toEqual([200]);
		} finally {
			for (const socket of held) {
				socket.destroy();
			}
		}
	}, 30_000);
});
