/**
 * The api-versions of the Identity API (shared/acs-identity-api.md), which routes each one
 * has, and what each route advertises in `api-supported-versions`.
 */
export const knownApiVersions = [
	'2020-07-20-preview2',
	'2021-02-22-preview1',
	'2021-03-07',
	'2021-03-31-preview1',
	'2021-10-31-preview',
	'2021-11-01',
	'2022-06-01',
	'2022-09-01',
	'2022-10-01',
	'2023-08-01',
	'2023-08-30-preview',
	'2023-10-01',
	'2025-03-02-preview',
	'2025-03-31-preview',
	'2025-04-01-preview',
	'2025-06-30',
	'2026-07-22',
	'2026-09-23',
] as const;

export type ApiVersion = (typeof knownApiVersions)[number];

/** What `--skip-api-version-check` answers an unknown version as. */
export const newestApiVersion: ApiVersion = '2026-09-23';

/** `2023-10-01`, `2025-03-02-preview`, `2020-07-20-preview2`: the form Azure's api-versions take. */
const wellFormed = /^\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])(?:-preview\d{0,2})?$/;

export function isKnownApiVersion(value: string): value is ApiVersion {
	return (knownApiVersions as readonly string[]).includes(value);
}

export function isWellFormedApiVersion(value: string): boolean {
	return wellFormed.test(value);
}

/** The versions after those the live service advertised when it was recorded (April 2025). */
const newerStable = ['2025-06-30', '2026-07-22', '2026-09-23'] as const satisfies readonly ApiVersion[];

/**
 * The routes of the API by the versions that define them. `advertised` is the header the
 * live service sent on that route (recorded 2025-04-15/17), plus the newer versions;
 * `accepted` is every version the route answers.
 */
export type RouteFamily = {readonly advertised: string; readonly accepts: (version: ApiVersion) => boolean};

function family(recorded: readonly ApiVersion[], accepts: (version: ApiVersion) => boolean): RouteFamily {
	return {advertised: [...recorded, ...newerStable].join(', '), accepts};
}

const identityRoutesRecorded = [
	'2020-07-20-preview2',
	'2021-03-07',
	'2021-10-31-preview',
	'2021-11-01',
	'2022-06-01',
	'2022-10-01',
	'2023-10-01',
	'2025-03-02-preview',
] as const satisfies readonly ApiVersion[];

const onlyIn =
	(...versions: readonly ApiVersion[]) =>
	(version: ApiVersion) =>
		versions.includes(version);
/** Every version of the identity calls but the one that only the issue-token route advertised. */
const identityVersions = (version: ApiVersion) => version !== '2025-03-31-preview';

export const routeFamilies = {
	/** POST /identities, DELETE /identities/{id}, :revokeAccessTokens. */
	identities: family(identityRoutesRecorded, identityVersions),
	/** GET /identities/{id}: 2025-03-02-preview alone has it (and `customId`). */
	identityDetails: family(identityRoutesRecorded, onlyIn('2025-03-02-preview')),
	issueToken: family([...identityRoutesRecorded, '2025-03-31-preview'], () => true),
	/** The Teams user exchange arrived with 2021-10-31-preview. */
	teamsUser: family(
		['2021-10-31-preview', '2022-06-01', '2022-10-01', '2023-10-01', '2025-03-02-preview'],
		version => version >= '2021-10-31' && version !== '2021-11-01' && version !== '2025-03-31-preview',
	),
	/** No live recordings: the versions of the specification that define these routes. */
	teamsExtension: family(['2025-03-02-preview'], onlyIn('2025-03-02-preview', ...newerStable)),
	entra: {
		advertised: '2025-03-02-preview, 2025-03-31-preview',
		accepts: onlyIn('2025-03-02-preview', '2025-03-31-preview'),
	},
} as const satisfies Record<string, RouteFamily>;

/**
 * The versions a client calls the access routes with: the one version that has Entra ID users'
 * assignments, and the first stable one with Teams Extension's.
 */
export const accessApiVersions = {
	entra: '2025-03-02-preview',
	teamsExtension: '2025-06-30',
} as const satisfies Record<string, ApiVersion>;

/** `customId` in the create body exists only where GET /identities/{id} does. */
export function hasCustomId(version: ApiVersion): boolean {
	return routeFamilies.identityDetails.accepts(version);
}
