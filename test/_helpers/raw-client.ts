import {readFileSync} from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import net from 'node:net';
import tls from 'node:tls';
import type {Emulator} from '../../source/emulator/server.js';
import {parseConnectionString} from '../../source/protocol/connection-string.js';
import {signRequest} from '../../source/protocol/hmac.js';

export type RawResponse = {
	readonly status: number;
	readonly headers: http.IncomingHttpHeaders;
	readonly text: string;
	readonly json: unknown;
};

export type RawRequest = {
	readonly method?: string;
	/** Path and query exactly as sent, e.g. `/identities?api-version=2023-10-01`. */
	readonly target: string;
	readonly body?: string | Buffer;
	/** Headers sent as they are, over the signed ones; `null` removes one. */
	readonly headers?: Readonly<Record<string, string | null>>;
	/** Sign with this path instead of `target` (to send a request whose signature does not match). */
	readonly signTarget?: string;
	readonly signBody?: string;
	readonly signDate?: Date;
	readonly signHost?: string;
	readonly accessKey?: string;
	readonly unsigned?: boolean;
	/** Send the body with `Transfer-Encoding: chunked` (no Content-Length), in chunks of 16 KiB. */
	readonly chunked?: boolean;
};

/** One HTTP exchange with full control of the bytes: what a tampering client would send. */
export function rawRequest(emulator: Emulator, request: RawRequest): Promise<RawResponse> {
	const {accessKey} = parseConnectionString(emulator.connectionString);
	const base = new URL(emulator.url);
	const method = request.method ?? 'POST';
	const body = request.body ?? '';
	const signTarget = request.signTarget ?? request.target;
	// `//x` would parse as a host; such a target is a path here.
	const signUrl = signTarget.startsWith('//') ? new URL(`${base.origin}${signTarget}`) : new URL(signTarget, base);
	if (request.signHost) {
		signUrl.host = request.signHost;
	}

	const signed = request.unsigned
		? {host: base.host}
		: signRequest({
				accessKey: Buffer.from(request.accessKey ?? accessKey, 'base64'),
				method,
				url: signUrl,
				body: request.signBody ?? body.toString(),
				...(request.signDate ? {now: request.signDate} : {}),
			});
	const headers: Record<string, string> = {...signed, 'content-type': 'application/json'};
	if (request.signHost) {
		headers['host'] = base.host;
	}

	for (const [name, value] of Object.entries(request.headers ?? {})) {
		if (value === null) {
			delete headers[name];
		} else {
			headers[name] = value;
		}
	}

	const transport = base.protocol === 'https:' ? https : http;
	return new Promise((resolve, reject) => {
		const outgoing = transport.request(
			{
				host: base.hostname,
				port: base.port,
				method,
				path: request.target,
				headers: request.chunked
					? {...headers, 'transfer-encoding': 'chunked'}
					: {...headers, 'content-length': String(Buffer.byteLength(body))},
				...(emulator.certificatePath ? {ca: readFileSync(emulator.certificatePath)} : {}),
				// TLS checks the certificate against the Host header unless told which name to expect.
				...(emulator.certificatePath && headers['host'] !== base.host ? {servername: 'localhost'} : {}),
				agent: false,
			},
			response => {
				const chunks: Buffer[] = [];
				response.on('data', (chunk: Buffer) => chunks.push(chunk));
				response.on('end', () => {
					const text = Buffer.concat(chunks).toString('utf8');
					let json: unknown;
					try {
						json = text ? JSON.parse(text) : undefined;
					} catch {
						json = undefined;
					}

					resolve({status: response.statusCode ?? 0, headers: response.headers, text, json});
				});
			},
		);
		outgoing.on('error', reject);
		if (request.chunked) {
			const bytes = Buffer.from(body);
			for (let offset = 0; offset < bytes.length; offset += 16 * 1024) {
				outgoing.write(bytes.subarray(offset, offset + 16 * 1024));
			}

			outgoing.end();
		} else {
			outgoing.end(body);
		}
	});
}

export const apiVersionQuery = '?api-version=2023-10-01';

/**
 * Writes bytes on a fresh connection as they are (no HTTP client in between) and reads what
 * comes back until the server closes or `idleMs` pass in silence. `status` is 0 when no
 * response came; `headers` are lower-cased.
 */
export function rawExchange(
	emulator: Emulator,
	bytes: string | Buffer,
	options: {readonly idleMs?: number} = {},
): Promise<RawResponse & {readonly reset: boolean}> {
	const base = new URL(emulator.url);
	const port = Number(base.port);
	return new Promise(resolve => {
		const socket =
			base.protocol === 'https:'
				? tls.connect({host: base.hostname, port, ca: readFileSync(emulator.certificatePath ?? ''), servername: 'localhost'})
				: net.connect(port, base.hostname);
		const chunks: Buffer[] = [];
		let reset = false;
		let done = false;
		const finish = () => {
			if (done) {
				return;
			}

			done = true;
			clearTimeout(idle);
			socket.destroy();
			resolve({...parseResponse(Buffer.concat(chunks)), reset});
		};

		let idle = setTimeout(finish, options.idleMs ?? 1000);
		socket.on('data', (chunk: Buffer) => {
			chunks.push(chunk);
			clearTimeout(idle);
			idle = setTimeout(finish, options.idleMs ?? 1000);
			if (isComplete(Buffer.concat(chunks))) {
				finish();
			}
		});
		socket.on('error', () => {
			reset = true;
			finish();
		});
		socket.on('close', finish);
		socket.write(bytes);
	});
}

/** One whole response with a Content-Length (what the emulator always sends) has arrived. */
function isComplete(bytes: Buffer): boolean {
	const headerEnd = bytes.indexOf('\r\n\r\n');
	if (headerEnd === -1) {
		return false;
	}

	const length = /\r\ncontent-length:\s*(\d+)/i.exec(bytes.subarray(0, headerEnd).toString('latin1'))?.[1];
	return length !== undefined && bytes.length >= headerEnd + 4 + Number(length);
}

function parseResponse(bytes: Buffer): RawResponse {
	const headerEnd = bytes.indexOf('\r\n\r\n');
	if (headerEnd === -1) {
		return {status: 0, headers: {}, text: bytes.toString('utf8'), json: undefined};
	}

	const [statusLine = '', ...lines] = bytes.subarray(0, headerEnd).toString('latin1').split('\r\n');
	const headers: http.IncomingHttpHeaders = {};
	for (const line of lines) {
		const colon = line.indexOf(':');
		headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
	}

	const length = Number(headers['content-length'] ?? Number.NaN);
	const rest = bytes.subarray(headerEnd + 4);
	const text = (Number.isFinite(length) ? rest.subarray(0, length) : rest).toString('utf8');
	let json: unknown;
	try {
		json = text ? JSON.parse(text) : undefined;
	} catch {
		json = undefined;
	}

	return {status: Number(/^HTTP\/1\.[01] (\d{3})/.exec(statusLine)?.[1] ?? 0), headers, text, json};
}
