/**
 * Who may exchange a Microsoft Entra ID token for an ACS token, as the assignment routes carry
 * it (`/access/entra/assignments`, `/access/teamsExtension/tenants/{tenantId}/assignments`).
 */
export const entraPrincipalTypes = ['user', 'group', 'tenant'] as const;
/** Bounded so that the assignments file stays small (a few MB at most) and is rewritten quickly. */
export const maxAssignments = 1000;
/** Client (application) ids one assignment may name. */
export const maxClientIds = 50;
export const teamsExtensionPrincipalTypes = ['resourceAccount', 'user'] as const;

/** Entra ID users: a user, a group or a whole tenant, optionally only through some client apps. */
export type EntraAssignment = {
	readonly objectId: string;
	readonly tenantId: string;
	readonly principalType: (typeof entraPrincipalTypes)[number];
	readonly clientIds: readonly string[];
};

/** Teams Extension users, per tenant: a resource account or a user. */
export type TeamsExtensionAssignment = {
	readonly objectId: string;
	readonly tenantId: string;
	readonly principalType: (typeof teamsExtensionPrincipalTypes)[number];
	readonly clientIds?: readonly string[];
};
