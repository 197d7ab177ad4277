/** The scopes of the SDK's `TokenScope`, in the order the quickstart lists them. */
export const tokenScopes = ['chat', 'voip', 'chat.join', 'chat.join.limited', 'voip.join'] as const;

export type TokenScope = (typeof tokenScopes)[number];

export function isTokenScope(value: string): value is TokenScope {
	return (tokenScopes as readonly string[]).includes(value);
}

export const minimumLifetimeMinutes = 60;
export const maximumLifetimeMinutes = 1440;
export const defaultLifetimeMinutes = 1440;
