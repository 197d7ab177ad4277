/**
 * Entra ID tokens made locally, for the emulator's --allow-entra: the shape Entra gives
 * (header, `aud`, `tid`, `oid`, `upn` or `appid`, times), with a signature that is plainly not
 * one. The emulator checks audience and expiry only; nothing else will take them.
 */
export const standInTenantId = '00000000-0000-4000-8000-00000000e57a';
/** The Azure CLI's own public client id, as in a real `az` token. */
export const azureCliClientId = '04b07795-8ddb-461a-bbee-02f9e1bf7b46';
export const standInUser = {upn: 'learner@contoso.example', oid: '00000000-0000-4000-8000-0000000c1e47'} as const;

/** A new Entra ID object id, for a simulated user (Web Crypto's global: the wizard loads this module with its views, node:crypto not before it is needed). */
export function newObjectId(): string {
	return crypto.randomUUID();
}

export function standInEntraToken(claims: Record<string, unknown>, lifetimeSeconds = 3600, now = Date.now()): {token: string; expiresOn: number} {
	const iat = Math.floor(now / 1000);
	const exp = iat + lifetimeSeconds;
	const part = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
	const payload = {iss: `https://sts.windows.net/${standInTenantId}/`, iat, nbf: iat, exp, tid: standInTenantId, uti: crypto.randomUUID(), ...claims};
	return {token: `${part({typ: 'JWT', alg: 'RS256', kid: 'stand-in'})}.${part(payload)}.${part('stand-in, not signed')}`, expiresOn: exp};
}

/** The scopes of the Custom Teams Endpoint exchange, as an app asks MSAL for them. */
export const teamsScopes = [
	'https://auth.msft.communication.azure.com/Teams.ManageCalls',
	'https://auth.msft.communication.azure.com/Teams.ManageChats',
] as const;

/** A simulated Teams user's Entra ID token for the app `appId`: what MSAL's device code flow would return. */
export function simulatedTeamsToken(appId: string, userId: string, tenantId = standInTenantId, now = Date.now()): {token: string; expiresOn: number} {
	return standInEntraToken(
		{
			aud: 'https://auth.msft.communication.azure.com',
			appid: appId,
			oid: userId,
			tid: tenantId,
			upn: 'teams.learner@contoso.example',
			name: 'Simulated Teams user',
			scp: 'Teams.ManageCalls Teams.ManageChats',
			idtyp: 'user',
		},
		3600,
		now,
	);
}
