import {createHash, createHmac, timingSafeEqual} from 'node:crypto';

/** The HMAC-SHA256 scheme of Communication Services (shared/acs-identity-api.md, "Authentication"). */
export const signedHeaderNames = ['x-ms-date', 'host', 'x-ms-content-sha256'] as const;

export function contentHash(body: string | Uint8Array): string {
	return createHash('sha256').update(body).digest('base64');
}

export type StringToSignParts = {
	readonly method: string;
	/** The raw request target: path and query exactly as sent, percent-encoding kept. */
	readonly pathAndQuery: string;
	readonly date: string;
	readonly host: string;
	readonly contentHash: string;
};

export function stringToSign(parts: StringToSignParts): string {
	return `${parts.method.toUpperCase()}\n${parts.pathAndQuery}\n${parts.date};${parts.host};${parts.contentHash}`;
}

export function computeSignature(accessKey: Uint8Array, text: string): string {
	return createHmac('sha256', accessKey).update(text).digest('base64');
}

export function authorizationHeader(signature: string): string {
	return `HMAC-SHA256 SignedHeaders=${signedHeaderNames.join(';')}&Signature=${signature}`;
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

export type ParsedAuthorization = {
	readonly signedHeaders: readonly string[];
	readonly signature: string;
};

/** `HMAC-SHA256 SignedHeaders=a;b;c&Signature=…`; undefined when it is not of that form. */
export function parseAuthorization(header: string): ParsedAuthorization | undefined {
	const match = /^HMAC-SHA256\s+SignedHeaders=([^&\s]+)&Signature=([A-Za-z0-9+/=]+)$/i.exec(header.trim());
	if (!match?.[1] || !match[2]) {
		return undefined;
	}

	return {signedHeaders: match[1].toLowerCase().split(';'), signature: match[2]};
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
