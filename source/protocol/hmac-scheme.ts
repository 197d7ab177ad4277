/**
 * The text of the HMAC-SHA256 scheme of Communication Services (shared/acs-identity-api.md,
 * "Authentication"): what is signed and how the header reads, without node:crypto, so that the
 * wizard's HTTP trace and signing panel can read it before anything is signed.
 */
export const signedHeaderNames = ['x-ms-date', 'host', 'x-ms-content-sha256'] as const;

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

export function authorizationHeader(signature: string): string {
	return `HMAC-SHA256 SignedHeaders=${signedHeaderNames.join(';')}&Signature=${signature}`;
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
