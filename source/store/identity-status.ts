/** What a person cares about for one stored identity, derived from its record. */
type IdentityLike = {
	readonly deletedAt?: string | undefined;
	readonly revokedAt?: string | undefined;
	readonly lastToken?: {readonly issuedAt: string; readonly expiresOn: string} | undefined;
};

export type IdentityStatus = 'deleted' | 'revoked' | 'token-valid' | 'token-expired' | 'no-token';

export function stateOf(identity: IdentityLike, now = Date.now()): IdentityStatus {
	if (identity.deletedAt) {
		return 'deleted';
	}

	const token = identity.lastToken;
	if (token && identity.revokedAt && identity.revokedAt >= token.issuedAt) {
		return 'revoked';
	}

	if (!token) {
		return 'no-token';
	}

	return Date.parse(token.expiresOn) > now ? 'token-valid' : 'token-expired';
}
