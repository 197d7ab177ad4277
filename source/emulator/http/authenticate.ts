import type {IncomingHttpHeaders} from 'node:http';
import {computeSignature, contentHash, parseAuthorization, signaturesEqual} from '../../protocol/hmac.js';
import {type DenialReason, type WarningListener, warn} from '../warnings.js';
import {explainSignatureMismatch} from './signature-diagnosis.js';
import {type AcsError, acsErrors, printable} from '../errors.js';
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
	/**
	 * Told why a request was denied, in one line: a signature that does not match with its
	 * diagnosis. Never the key, never the signature or token received.
	 */
	readonly onWarning?: WarningListener;
}): Authenticator {
	const now = options.now ?? Date.now;
	return ({method, target, headers, body}) => {
		const denied = (reason: DenialReason): AcsError => {
			warn(options.onWarning, {kind: 'request-denied', method, target: printable(target, 200), reason});
			return acsErrors.denied();
		};

		const authorization = headers.authorization;
		if (!authorization) {
			throw denied({why: 'no-authorization'});
		}

		if (/^bearer\s/i.test(authorization)) {
			const refusal = bearerRefusal(authorization.slice(7).trim(), options, now());
			if (refusal) {
				throw denied(refusal);
			}

			return;
		}

		const parsed = parseAuthorization(authorization);
		if (!parsed) {
			throw denied({why: 'not-hmac'});
		}

		// Canonical base64 of exactly 32 bytes: Buffer.from would read past junk after the padding.
		if (!isCanonicalSignature(parsed.signature)) {
			throw denied({why: 'signature-not-canonical'});
		}

		// Only the scheme's own headers, each once: a signed Authorization would put the signature
		// in the string to sign (and in the log), and repeats would make it as long as a client likes.
		if (!isSchemeHeaderList(parsed.signedHeaders)) {
			throw denied({why: 'headers-outside-scheme'});
		}

		const values: string[] = [];
		for (const name of parsed.signedHeaders) {
			const value = headers[name];
			if (typeof value !== 'string') {
				throw denied({why: 'signed-header-absent', header: name});
			}

			values.push(value);
		}

		const missing = requiredUnsigned(parsed.signedHeaders);
		if (missing.length > 0) {
			throw denied({why: 'required-unsigned', missing});
		}

		// The instant checked for skew must be the one the signature covers.
		const dateHeader = parsed.signedHeaders.includes('x-ms-date') ? 'x-ms-date' : 'date';
		const sentAt = Date.parse(headers[dateHeader] as string);
		if (Number.isNaN(sentAt)) {
			throw denied({why: 'date-unreadable', header: dateHeader});
		}

		const skew = Math.abs(now() - sentAt);
		if (skew > maxClockSkewMs) {
			const minutes = Math.round(skew / 60_000);
			throw denied({why: 'clock-skew', header: dateHeader, sentAt: new Date(sentAt).toISOString(), minutes, allowedMinutes: maxClockSkewMs / 60_000});
		}

		const signed = `${method}\n${target}\n${values.join(';')}`;
		const expected = computeSignature(options.accessKey, signed);
		if (!signaturesEqual(expected, parsed.signature)) {
			warn(
				options.onWarning,
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

		if (contentHash(body) !== headers['x-ms-content-sha256']) {
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

/** The scheme's headers a SignedHeaders list leaves out (x-ms-date or date: either will do). */
function requiredUnsigned(signed: readonly string[]): string[] {
	const missing = ['host', 'x-ms-content-sha256'].filter(name => !signed.includes(name));
	return signed.includes('x-ms-date') || signed.includes('date') ? missing : ['x-ms-date', ...missing];
}

/** Why a bearer token is not taken (audience and expiry checked, signature not), or nothing. */
function bearerRefusal(token: string, options: {readonly allowEntra: boolean; readonly secure: boolean}, now: number): DenialReason | undefined {
	if (!options.allowEntra) {
		return {why: 'bearer-not-enabled'};
	}

	if (!options.secure) {
		return {why: 'bearer-needs-https'};
	}

	const claims = decodeJwt(token)?.payload;
	if (!claims) {
		return {why: 'bearer-not-jwt'};
	}

	if (!hasAudience(claims, identityAudiences)) {
		return {why: 'bearer-wrong-audience'};
	}

	return isLiveToken(claims, now) ? undefined : {why: 'bearer-expired'};
}
