import type {IncomingMessage} from 'node:http';
import {acsErrors} from '../errors.js';

export const maxBodyBytes = 64 * 1024;
/** From the end of the headers to the last byte of the body (documented in the README). */
export const defaultBodyTimeoutMs = 10_000;

/**
 * Reads the whole body: more than `limit` bytes is refused with 413 before they are all read,
 * and a body that has not all arrived `timeoutMs` after the headers with 408.
 */
export function readBody(
	request: IncomingMessage,
	options: {readonly limit?: number; readonly timeoutMs?: number} = {},
): Promise<Buffer> {
	const limit = options.limit ?? maxBodyBytes;
	const timeoutMs = options.timeoutMs ?? defaultBodyTimeoutMs;
	const declared = Number(request.headers['content-length']);
	if (Number.isFinite(declared) && declared > limit) {
		return Promise.reject(acsErrors.bodyTooLarge(limit));
	}

	return new Promise((resolve, reject) => {
		const chunks: Buffer[] = [];
		let size = 0;
		const stop = () => {
			clearTimeout(timer);
			request.off('data', onData);
			request.off('end', onEnd);
			request.off('error', onError);
		};

		const onData = (chunk: Buffer) => {
			size += chunk.length;
			if (size > limit) {
				stop();
				request.resume();
				reject(acsErrors.bodyTooLarge(limit));
				return;
			}

			chunks.push(chunk);
		};

		const onEnd = () => {
			stop();
			resolve(chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks));
		};

		const onError = (error: Error) => {
			stop();
			reject(error);
		};

		const timer = setTimeout(() => {
			stop();
			reject(acsErrors.requestTimeout(Math.round(timeoutMs / 100) / 10));
		}, timeoutMs);
		timer.unref();
		request.on('data', onData);
		request.on('end', onEnd);
		request.on('error', onError);
	});
}
