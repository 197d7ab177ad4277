import {createHash, createHmac, timingSafeEqual} from 'node:crypto';
import {authorizationHeader, stringToSign} from './hmac-scheme.js';

/** The HMAC-SHA256 scheme of Communication Services (shared/acs-identity-api.md, "Authentication"): its signing. */
export {
	authorizationHeader,
	type ParsedAuthorization,
	parseAuthorization,
	signedHeaderNames,
	type StringToSignParts,
	stringToSign,
} from './hmac-scheme.js';

export function contentHash(body: string | Uint8Array): string {
	return createHash('sha256').update(body).digest('base64');
}

export function computeSignature(accessKey: Uint8Array, text: string): string {
	return createHmac('sha256', accessKey).update(text).digest('base64');
}

/** Headers for one request, as the SDK's access-key policy makes them. */
export function signRequest(options: {
	readonly accessKey: Uint8Array;
	readonly method: string;
	readonly url: URL;
	/** As sent: a string is hashed as its UTF-8 bytes. */
	readonly body?: string | Uint8Array;
	readonly now?: Date;
}): Record<string, string> {
	const date = (options.now ?? new Date()).toUTCString();
	const hash = contentHash(options.body ?? '');
	const host = options.url.host;
	const signature = computeSignature(
		options.accessKey,
		stringToSign({
			method: options.method,
			pathAndQuery: options.url.pathname + options.url.search,
			date,
			host,
			contentHash: hash,
		}),
	);
	return {
		host,
		'x-ms-date': date,
		'x-ms-content-sha256': hash,
		authorization: authorizationHeader(signature),
	};
}

/** Compares two base64 signatures in constant time for equal lengths. */
export function signaturesEqual(expected: string, received: string): boolean {
	const a = Buffer.from(expected, 'base64');
	const b = Buffer.from(received, 'base64');
	if (a.length !== b.length) {
		timingSafeEqual(a, a);
		return false;
	}

	return timingSafeEqual(a, b);
}
