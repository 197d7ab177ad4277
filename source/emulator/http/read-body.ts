import type {IncomingMessage} from 'node:http';
import {acsErrors} from '../errors.js';

export const maxBodyBytes = 64 * 1024;

/** Reads the whole body, refusing more than `limit` bytes with 413 before reading them all. */
export function readBody(request: IncomingMessage, limit = maxBodyBytes): Promise<Buffer> {
	const declared = Number(request.headers['content-length']);
	if (Number.isFinite(declared) && declared > limit) {
		return Promise.reject(acsErrors.bodyTooLarge(limit));
	}

	return new Promise((resolve, reject) => {
		const chunks: Buffer[] = [];
		let size = 0;
		const onData = (chunk: Buffer) => {
			size += chunk.length;
			if (size > limit) {
				request.off('data', onData);
				request.resume();
				reject(acsErrors.bodyTooLarge(limit));
				return;
			}

			chunks.push(chunk);
		};

		request.on('data', onData);
		request.once('end', () => {
			resolve(chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks));
		});
		request.once('error', reject);
	});
}
