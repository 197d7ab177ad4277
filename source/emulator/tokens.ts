import {sign, verify} from 'node:crypto';
import type {DecodedJwt} from '../protocol/jwt.js';
import type {SigningKey} from './signing-key.js';


/** The claims of a Communication Services access token, in the order the service writes them. */
export type AcsTokenClaims = {
	readonly skypeid: string;
	readonly scp: number;
	readonly csi: string;
	readonly exp: number;
	readonly rgn: string;
	readonly acsScope: string;
	readonly resourceId: string;
	readonly resourceLocation: string;
	readonly iat: number;
};

export const region = {rgn: 'amer', resourceLocation: 'unitedstates'} as const;
/** The value real tokens carry; its bit layout is not documented, so every token gets the same. */
export const scpValue = 1792;

function encodePart(value: unknown): string {
	return Buffer.from(JSON.stringify(value)).toString('base64url');
}

/** RS256 with the signature computed on libuv's thread pool, so signing does not hold the event loop. */
export async function signJwt(key: SigningKey, claims: object): Promise<string> {
	const signingInput = `${encodePart({alg: 'RS256', kid: key.kid, x5t: key.x5t, typ: 'JWT'})}.${encodePart(claims)}`;
	const signature = await new Promise<Buffer>((resolve, reject) => {
		sign('sha256', Buffer.from(signingInput), key.privateKey, (error, result) => {
			if (error) {
				reject(error);
			} else {
				resolve(result);
			}
		});
	});
	return `${signingInput}.${signature.toString('base64url')}`;
}

export function verifySignature(decoded: DecodedJwt, keys: readonly SigningKey[]): boolean {
	if (decoded.header['alg'] !== 'RS256') {
		return false;
	}

	const key = keys.find(candidate => candidate.kid === decoded.header['kid']);
	return key !== undefined && verify('sha256', Buffer.from(decoded.signingInput), key.publicKey, decoded.signature);
}

/**
 * `2025-04-16T14:48:09.957+00:00`, the way the live service writes instants: a `+00:00`
 * offset, and the fraction with its trailing zeros trimmed (none at all on a whole second).
 */
export function formatInstant(milliseconds: number): string {
	return new Date(milliseconds).toISOString().replace(/\.?0*Z$/, '+00:00');
}
