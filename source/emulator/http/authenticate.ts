import type {IncomingHttpHeaders} from 'node:http';
import {computeSignature, contentHash, parseAuthorization, signaturesEqual} from '../../protocol/hmac.js';
import {type WarningListener, warn} from '../warnings.js';
import {explainSignatureMismatch} from './signature-diagnosis.js';
import {acsErrors} from '../errors.js';
import {decodeJwt} from '../../protocol/jwt.js';
import {hasAudience, identityAudiences, isLiveToken, maxClockSkewMs} from '../../protocol/entra-token.js';


export type Authenticator = (request: {
	readonly method: string;
	readonly target: string;
	readonly headers: IncomingHttpHeaders;
	readonly body: Buffer;
}) => void;

/**
 * HMAC-SHA256 exactly as the service checks it: the string to sign over the raw request
 * target, the received Host header and the body hash, compared in constant time; then the
 * body against its declared hash. Every failure is 401 Denied.
 */
export function createAuthenticator(options: {
	readonly accessKey: Uint8Array;
	/** Accept Entra ID bearer tokens (audience and expiry checked, signature not). */
	readonly allowEntra: boolean;
	readonly secure: boolean;
	readonly now?: () => number;
	/** Told why a signature did not match (never the key, never the signature received). */
	readonly onSignatureMismatch?: WarningListener;
}): Authenticator {
	const now = options.now ?? Date.now;
	return ({method, target, headers, body}) => {
		const authorization = headers.authorization;
		if (!authorization) {
			throw acsErrors.denied();
		}

		if (/^bearer\s/i.test(authorization)) {
			checkBearer(authorization.slice(7).trim(), options.allowEntra && options.secure, now());
			return;
		}

		const parsed = parseAuthorization(authorization);
		// Canonical base64 of exactly 32 bytes: Buffer.from would read past junk after the padding.
		// Only the scheme's own headers, each once: a signed Authorization would put the signature
		// in the string to sign (and in the log), and repeats would make it as long as a client likes.
		if (!parsed || !isCanonicalSignature(parsed.signature) || !isSchemeHeaderList(parsed.signedHeaders)) {
			throw acsErrors.denied();
		}

		const values: string[] = [];
		for (const name of parsed.signedHeaders) {
			const value = headers[name];
			if (typeof value !== 'string') {
				throw acsErrors.denied();
			}

			values.push(value);
		}

		// The instant checked for skew must be the one the signature covers.
		const dateHeader = parsed.signedHeaders.includes('x-ms-date') ? 'x-ms-date' : 'date';
		const date = headers[dateHeader];
		const declaredHash = headers['x-ms-content-sha256'];
		if (
			typeof date !== 'string' ||
			typeof declaredHash !== 'string' ||
			!parsed.signedHeaders.includes('host') ||
			!parsed.signedHeaders.includes('x-ms-content-sha256') ||
			!(parsed.signedHeaders.includes('x-ms-date') || parsed.signedHeaders.includes('date'))
		) {
			throw acsErrors.denied();
		}

		const sentAt = Date.parse(date);
		if (Number.isNaN(sentAt) || Math.abs(now() - sentAt) > maxClockSkewMs) {
			throw acsErrors.denied();
		}

		const signed = `${method}\n${target}\n${values.join(';')}`;
		const expected = computeSignature(options.accessKey, signed);
		if (!signaturesEqual(expected, parsed.signature)) {
			warn(
				options.onSignatureMismatch,
				explainSignatureMismatch({
					accessKey: options.accessKey,
					received: parsed.signature,
					stringToSign: signed,
					method,
					target,
					signedHeaders: parsed.signedHeaders,
					headers,
					body,
				}),
			);
			throw acsErrors.denied();
		}

		if (contentHash(body) !== declaredHash) {
			throw acsErrors.contentHashMismatch();
		}
	};
}

const schemeHeaders = new Set(['x-ms-date', 'date', 'host', 'x-ms-content-sha256']);

function isSchemeHeaderList(names: readonly string[]): boolean {
	return names.length <= schemeHeaders.size && new Set(names).size === names.length && names.every(name => schemeHeaders.has(name));
}

function isCanonicalSignature(signature: string): boolean {
	const bytes = Buffer.from(signature, 'base64');
	return bytes.length === 32 && bytes.toString('base64') === signature;
}

function checkBearer(token: string, allowed: boolean, now: number): void {
	const claims = allowed ? decodeJwt(token)?.payload : undefined;
	if (!claims || !hasAudience(claims, identityAudiences) || !isLiveToken(claims, now)) {
		throw acsErrors.denied();
	}
}
