import {builtin} from '../platform/builtins.js';
import {parseBoundedJson} from '../protocol/bounded-json.js';
import type {TokenValidity} from '../protocol/token-validity.js';

import {text} from '../text/index.js';
import type {Connection} from './client.js';
import {IdentityError, toIdentityError} from './errors.js';
import {type Exchange, maskSecrets} from './trace.js';

const maxAnswerBytes = 1024 * 1024;

/**
 * Asks the local emulator whether a token is still good (its /emulator/tokens/:verify
 * extension). The real service has no such operation: a 404 there is explained as such.
 */
export async function verifyToken(
	connection: Connection,
	token: string,
	options: {readonly signal?: AbortSignal; readonly onExchange?: (exchange: Exchange) => void} = {},
): Promise<TokenValidity> {
	const started = performance.now();
	const body = JSON.stringify({token});
	const post = async (endpoint: string) => {
		const url = new URL('emulator/tokens/:verify', endpoint);
		// Loaded here, not with the module: the wizard's first frame does not wait for node:https.
		// As the object it is (platform/builtins.ts): `import('node:http')` would load undici, 15 MiB.
		const transport = builtin(url.protocol === 'https:' ? 'node:https' : 'node:http');
		const answer = await new Promise<{status: number; text: string}>((resolve, reject) => {
			const request = transport.request(
				url,
				{
					method: 'POST',
					headers: {'content-type': 'application/json', 'content-length': Buffer.byteLength(body)},
					...(connection.trustedCertificate ? {ca: connection.trustedCertificate} : {}),
					...(options.signal ? {signal: options.signal} : {}),
					timeout: 15_000,
				},
				response => {
					const chunks: Buffer[] = [];
					let size = 0;
					response.on('data', (chunk: Buffer) => {
						size += chunk.length;
						// The emulator's answer is a few hundred bytes: past a MiB it is not the emulator.
						if (size > maxAnswerBytes) {
							request.destroy();
							resolve({status: response.statusCode ?? 0, text: ''});
							return;
						}

						chunks.push(chunk);
					});
					response.on('end', () => resolve({status: response.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8')}));
					response.on('error', reject);
				},
			);
			request.on('timeout', () => request.destroy(Object.assign(new Error('timeout'), {code: 'ETIMEDOUT'})));
			request.on('error', reject);
			request.end(body);
		});
		return {...answer, url};
	};

	const {status, text: responseText, url} = await post(connection.endpoint)
		.catch(async (error: unknown) => {
			// The shared emulator stopped (the wizard that ran it quit): brought back, asked again.
			if ((error as {code?: unknown}).code === 'ECONNREFUSED' && connection.recover) {
				return post(await connection.recover());
			}

			throw error;
		})
		.catch((error: unknown) => {
			throw toIdentityError(error, {endpoint: connection.endpoint, signal: options.signal});
		});
	// Unsigned (an emulator extension, not an ACS operation), and traced like the SDK's calls with the token masked.
	options.onExchange?.({
		method: 'POST',
		path: url.pathname + url.search,
		apiVersion: undefined,
		status,
		milliseconds: performance.now() - started,
		requestHeaders: {'content-type': 'application/json'},
		requestBody: maskSecrets(body),
		responseBody: responseText === '' ? undefined : maskSecrets(responseText),
	});

	if (status === 200) {
		try {
			// Bounded: the claims are printed, and printing recurses over them.
			return parseBoundedJson(responseText, {maxDepth: 32, maxLength: 1024 * 1024}) as TokenValidity;
		} catch {
			// Fall through: not the emulator's answer.
		}
	}

	throw new IdentityError('service', text.errors.notAnEmulator(connection.endpoint, status), {statusCode: status});
}
