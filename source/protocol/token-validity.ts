/** The emulator's verify extension (POST /emulator/tokens/:verify) answers this; the client reads it. */
export type TokenValidity = {
	readonly valid: boolean;
	readonly reason: 'valid' | 'expired' | 'revoked' | 'deleted' | 'bad-signature' | 'malformed';
	readonly claims: Record<string, unknown>;
};
