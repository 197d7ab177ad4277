/** Compact JWTs, decoded without verification: enough to show claims and read expiry. */
export type DecodedJwt = {
	readonly header: Record<string, unknown>;
	readonly payload: Record<string, unknown>;
	readonly signingInput: string;
	readonly signature: Buffer;
};

/** Splits and parses a compact JWT; undefined when it is not one. Verifies nothing. */
export function decodeJwt(token: string): DecodedJwt | undefined {
	const parts = token.split('.');
	if (parts.length !== 3 || parts.some(part => !/^[A-Za-z0-9_-]+$/.test(part))) {
		return undefined;
	}

	const [header, payload, signature] = parts as [string, string, string];
	try {
		const headerJson: unknown = JSON.parse(Buffer.from(header, 'base64url').toString('utf8'));
		const payloadJson: unknown = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
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
