/**
 * What can be checked of an Entra ID token offline (its signature cannot: there is no
 * network to fetch Entra's keys): its expiry, not-before and audience.
 */
/** The audience of an Entra ID token for ACS's management operations (the identity calls). */
export const identityAudiences: ReadonlySet<string> = new Set(['https://communication.azure.com', 'https://communication.azure.com/']);
/** The scope the SDK asks an Entra credential for (the double slash is the SDK's). */
export const identityScope = 'https://communication.azure.com//.default';

export const maxClockSkewMs = 15 * 60 * 1000;
/** Beyond what a date can hold: no real token expires there. */
const latestExp = 8_640_000_000_000;

export function isLiveToken(claims: Record<string, unknown>, now: number): boolean {
	const {exp, nbf} = claims;
	return (
		typeof exp === 'number' &&
		Number.isFinite(exp) &&
		exp * 1000 > now &&
		exp <= latestExp &&
		(typeof nbf !== 'number' || nbf * 1000 <= now + maxClockSkewMs)
	);
}

/** `aud` is a string or, rarely, a list; a few entries at most are looked at. */
export function hasAudience(claims: Record<string, unknown>, accepted: ReadonlySet<string>): boolean {
	const {aud} = claims;
	const values = Array.isArray(aud) ? aud.slice(0, 16) : [aud];
	return values.some(value => typeof value === 'string' && accepted.has(value));
}

/** What a client app's exchange asks Entra ID for: Entra ID users' `…/clients/.default`, or Teams Extension's two scopes. */
export const exchangeScopes = {
	entra: ['https://communication.azure.com/clients/.default'],
	teamsExtension: [
		'https://auth.msft.communication.azure.com/TeamsExtension.ManageCalls',
		'https://auth.msft.communication.azure.com/TeamsExtension.ManageChats',
	],
} as const;

/** The audience of the Entra ID token each exchange takes. */
export const exchangeAudiences = {
	entra: 'https://communication.azure.com/clients',
	teamsExtension: 'https://auth.msft.communication.azure.com',
} as const;
