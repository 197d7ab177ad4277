import {maximumLifetimeMinutes, minimumLifetimeMinutes, tokenScopes} from '../protocol/scopes.js';

/**
 * Every error the emulator answers with, built in one place so that status, code and
 * message match the service (shared/acs-identity-api.md, "Errors").
 */
export type AcsErrorBody = {
	readonly error: {
		readonly code: string;
		readonly message: string;
		readonly target?: string;
	};
};

export class AcsError extends Error {
	override name = 'AcsError';

	constructor(
		readonly status: number,
		readonly code: string,
		message: string,
		readonly target?: string,
		readonly headers: Readonly<Record<string, string>> = {},
		/** The service leaves `api-supported-versions` off a few errors (401 InvalidAccessToken, "field is required"). */
		readonly listsVersions = true,
	) {
		super(message);
	}

	/** The `api-supported-versions` of the route it was raised on, set by the pipeline. */
	advertised: string | undefined;

	toBody(): AcsErrorBody {
		return {
			error: {
				code: this.code,
				message: this.message,
				...(this.target === undefined ? {} : {target: this.target}),
			},
		};
	}
}


export const acsErrors = {
	scopesRequired: () => new AcsError(400, 'ValidationError', 'Invalid scopes - Scopes field is required.', 'scopes'),
	unknownScope: (scope: string) =>
		new AcsError(
			400,
			'ValidationError',
			`Invalid scopes - '${printable(scope)}' is not a valid scope. Valid scopes are: ${tokenScopes.join(', ')}.`,
			'scopes',
		),
	expiresInMinutesOutOfRange: (value: number) =>
		new AcsError(
			400,
			'ValidationError',
			`ExpiresInMinutes value ${value} is invalid. Value must be within the [${minimumLifetimeMinutes}, ${maximumLifetimeMinutes}] interval.`,
			'ExpiresInMinutes',
		),
	invalidField: (field: string, expected: string) =>
		new AcsError(400, 'ValidationError', `The field '${field}' is invalid: it must be ${expected}.`, field),
	invalidJson: () => new AcsError(400, 'ValidationError', 'The request body is not valid JSON.'),
	/** Entra ID exchanges (no live recordings): the shapes of the service's other errors. */
	notAssigned: () =>
		new AcsError(
			403,
			'Forbidden',
			'The Entra ID principal has no assignment on this resource that allows the exchange: add one for its object id, a group or its tenant.',
		),
	invalidPrincipalType: (allowed: readonly string[]) =>
		new AcsError(
			400,
			'ValidationError',
			`Provided principalType is not valid; use ${allowed.join(', ')}.`,
			'principalType',
		),
	invalidGuid: (field: string) => new AcsError(400, 'ValidationError', `Provided ${field} has invalid format.`, field),
	assignmentNotFound: (objectId: string) =>
		new AcsError(404, 'AssignmentNotFound', `No assignment exists for '${printable(objectId)}'.`, 'objectId'),
	tooManyAssignments: (limit: number) =>
		new AcsError(400, 'ValidationError', `A resource holds at most ${limit} assignments.`),
	invalidIdentityId: (id: string) =>
		new AcsError(
			400,
			'ValidationError',
			`'${printable(id)}' is not a valid Communication Services user id; ids look like 8:acs:<resource id>_<user id>.`,
			'id',
		),
	identityNotOwned: () => new AcsError(401, 'IdentityNotOwned', "Provided identity doesn't belong to the resource."),
	identityNotFound: (id: string) =>
		new AcsError(404, 'IdentityNotFound', `Identity '${printable(id)}' was not found.`, 'id'),
	identityDeleted: (id: string) =>
		new AcsError(404, 'IdentityNotFound', `Identity '${printable(id)}' was deleted.`, 'id'),
	invalidAccessToken: () =>
		new AcsError(401, 'InvalidAccessToken', 'Provided access token is not valid.', undefined, {}, false),
	/** ASP.NET's model validation, before the service's own checks: PascalCase target, no api-supported-versions. */
	fieldRequired: (field: 'Scopes' | 'AppId' | 'UserId') =>
		new AcsError(400, 'ValidationError', `${field}: The ${field} field is required.`, field, {}, false),
	invalidAppId: () => new AcsError(400, 'ValidationError', 'Provided AppId has invalid format.', 'appId'),
	invalidUserId: () => new AcsError(400, 'ValidationError', 'Provided UserId has invalid format.', 'userId'),
	unexpectedApp: () => new AcsError(400, 'ValidationError', 'AAD application is not the expected one.', 'appId'),
	unexpectedUser: () => new AcsError(400, 'ValidationError', 'Provided AAD token issued for unexpected user.', 'userId'),
	jsonTooDeep: (limit: number) =>
		new AcsError(400, 'ValidationError', `The request body is nested deeper than ${limit} levels.`),
	requestTimeout: (seconds: number) =>
		new AcsError(408, 'RequestTimeout', `The request did not arrive in full within ${seconds} seconds.`, undefined, {
			connection: 'close',
		}),
	contentHashMismatch: () =>
		new AcsError(401, 'Denied', "Request 'x-ms-content-sha256' differs from generated content hash."),
	denied: () => new AcsError(401, 'Denied', 'Denied by the resource provider.'),
	unsupportedApiVersion: (requestUri: string, version: string) =>
		new AcsError(
			400,
			'UnsupportedApiVersion',
			`The HTTP resource that matches the request URI '${printable(requestUri)}' does not support the API version '${printable(version)}'.`,
		),
	/** ASP.NET API Versioning's answer to a query with two api-versions. */
	ambiguousApiVersion: (versions: readonly string[]) =>
		new AcsError(
			400,
			'AmbiguousApiVersion',
			`The following API versions were requested: ${versions.map(version => printable(version, 40)).slice(0, 10).join(', ')}. At most, only a single API version may be specified. Please update the intended API version and retry the request.`,
		),
	missingApiVersion: () =>
		new AcsError(
			400,
			'MissingApiVersionParameter',
			'The api-version query parameter (?api-version=) is required for all requests.',
		),
	badRequestTarget: () =>
		new AcsError(400, 'BadRequest', 'The request URI is not valid: it has malformed percent-encoding.'),
	notAPath: () => new AcsError(400, 'BadRequest', "The request URI is not valid: it must be a path that starts with '/'."),
	notFound: (path: string) =>
		new AcsError(404, 'NotFound', `No operation matches the path '${printable(path)}'.`),
	methodNotAllowed: (method: string, allowed: readonly string[]) =>
		new AcsError(
			405,
			'MethodNotAllowed',
			`The method '${printable(method)}' is not allowed here; use ${allowed.join(' or ')}.`,
			undefined,
			{allow: allowed.join(', ')},
		),
	bodyTooLarge: (limit: number) =>
		new AcsError(413, 'RequestBodyTooLarge', `The request body is larger than the limit of ${limit} bytes.`, undefined, {
			connection: 'close',
		}),
	headersTooLarge: () =>
		new AcsError(431, 'RequestHeaderFieldsTooLarge', 'The request headers are larger than the server accepts.'),
	malformedRequest: () => new AcsError(400, 'BadRequest', 'The request is not valid HTTP.'),
	internal: () =>
		new AcsError(500, 'InternalServerError', 'The emulator failed unexpectedly; this is a bug, please report it.'),
} as const;

/** Values from the request are echoed in messages; keep them short and free of control characters. */
export function printable(value: string, maxLength = 120): string {
	// biome-ignore lint/suspicious/noControlCharactersInRegex: stripping them is the point
	const clean = value.replaceAll(/[\u0000-\u001f\u007f]/g, '?');
	return clean.length > maxLength ? `${clean.slice(0, maxLength - 3)}...` : clean;
}
