/** The scopes of the SDK's `TokenScope`, in the order the quickstart lists them. */
export const tokenScopes = ['chat', 'voip', 'chat.join', 'chat.join.limited', 'voip.join'] as const;

export type TokenScope = (typeof tokenScopes)[number];

export function isTokenScope(value: string): value is TokenScope {
	return (tokenScopes as readonly string[]).includes(value);
}

export const minimumLifetimeMinutes = 60;
export const maximumLifetimeMinutes = 1440;
export const defaultLifetimeMinutes = 1440;

/**
 * A lifetime as a person types it: digits only (leading zeros and all: 000090 is 90), spaces
 * around ignored, full-width digits (９０, as an IME types them) read as digits. Not 1e2, 0x5a,
 * +90 or 90.0. Undefined for anything else; the range is the caller's to check.
 */
export function typedWholeNumber(value: string): number | undefined {
	const digits = value.normalize('NFKC').trim();
	// A number too long to be one is out of range anyway, and stays exact below 21 digits.
	return /^\d{1,20}$/.test(digits) ? Number(digits) : undefined;
}
