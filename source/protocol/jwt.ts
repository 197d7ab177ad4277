import {parseBoundedJson} from './bounded-json.js';

/** Compact JWTs, decoded without verification: enough to show claims and read expiry. */
export type DecodedJwt = {
	readonly header: Record<string, unknown>;
	readonly payload: Record<string, unknown>;
	readonly signingInput: string;
	readonly signature: Buffer;
};

/** ACS tokens are under 1 KB and Entra ID tokens a few KB; nothing real comes near this. */
export const maxJwtLength = 32 * 1024;
/** Claims are flat; a few levels allow for structured claims without letting a token nest without end. */
const maxClaimsDepth = 16;

/**
 * Splits and parses a compact JWT; undefined when it is not one, or is longer or nested
 * deeper than any real token (what reads the claims may recurse over them). Verifies nothing.
 */
export function decodeJwt(token: string): DecodedJwt | undefined {
	if (token.length > maxJwtLength) {
		return undefined;
	}

	const parts = token.split('.');
	if (parts.length !== 3 || parts.some(part => !/^[A-Za-z0-9_-]+$/.test(part))) {
		return undefined;
	}

	const [header, payload, signature] = parts as [string, string, string];
	try {
		const limits = {maxDepth: maxClaimsDepth};
		const headerJson = parseBoundedJson(Buffer.from(header, 'base64url').toString('utf8'), limits);
		const payloadJson = parseBoundedJson(Buffer.from(payload, 'base64url').toString('utf8'), limits);
		if (!isObject(headerJson) || !isObject(payloadJson)) {
			return undefined;
		}

		return {
			header: headerJson,
			payload: payloadJson,
			signingInput: `${header}.${payload}`,
			signature: Buffer.from(signature, 'base64url'),
		};
	} catch {
		return undefined;
	}
}

export function isObject(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}
