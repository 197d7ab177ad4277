/** Versions the live service advertises (see shared/acs-identity-api.md), oldest first. */
export const supportedApiVersions = [
	'2020-07-20-preview2',
	'2021-02-22-preview1',
	'2021-03-07',
	'2021-10-31-preview',
	'2021-11-01',
	'2022-06-01',
	'2022-10-01',
	'2023-10-01',
	'2025-03-02-preview',
	'2025-06-30',
] as const;

export type ApiVersion = (typeof supportedApiVersions)[number];

export const apiSupportedVersionsHeader = supportedApiVersions.join(', ');

export function isSupportedApiVersion(value: string): value is ApiVersion {
	return (supportedApiVersions as readonly string[]).includes(value);
}

/** Dates sort as strings; a preview sorts after the stable release of the same day, which no two versions share. */
export function isAtLeast(version: ApiVersion, minimum: ApiVersion): boolean {
	return version.slice(0, 10) >= minimum.slice(0, 10);
}

/** The Teams exchange arrived with 2021-10-31-preview; `customId` and GET /identities/{id} with 2025-03-02-preview. */
export const features = {
	teamsExchange: '2021-10-31-preview',
	customId: '2025-03-02-preview',
} as const satisfies Record<string, ApiVersion>;
