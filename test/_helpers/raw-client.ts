import {readFileSync} from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import type {Emulator} from '../../source/emulator/server.js';
import {parseConnectionString} from '../../source/identity/connection-string.js';
import {signRequest} from '../../source/identity/hmac.js';

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
};

/** One HTTP exchange with full control of the bytes: what a tampering client would send. */
export function rawRequest(emulator: Emulator, request: RawRequest): Promise<RawResponse> {
	const {accessKey} = parseConnectionString(emulator.connectionString);
	const base = new URL(emulator.url);
	const method = request.method ?? 'POST';
	const body = request.body ?? '';
	const signUrl = new URL(request.signTarget ?? request.target, base);
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
				headers: {...headers, 'content-length': String(Buffer.byteLength(body))},
				...(emulator.certificatePath ? {ca: readFileSync(emulator.certificatePath)} : {}),
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
		outgoing.end(body);
	});
}

export const apiVersionQuery = '?api-version=2023-10-01';
