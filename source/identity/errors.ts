import {type ErrorKind, UserError} from '../errors/user-error.js';
import {text} from '../text/index.js';

/** The kinds a failed call to ACS can have (errors/user-error.ts says what each means). */
export type IdentityErrorKind = Exclude<ErrorKind, 'usage' | 'local'>;

/** What the service said, kept beside the message. */
export type IdentityErrorDetails = {
	readonly statusCode?: number;
	readonly code?: string;
	readonly requestId?: string;
	readonly serviceMessage?: string;
};

/** A failed call to ACS, with a message a person can act on; the service's code and request id kept. */
export class IdentityError extends UserError {
	override name = 'IdentityError';
	declare readonly kind: IdentityErrorKind;
	declare readonly details: IdentityErrorDetails;

	constructor(
		kind: IdentityErrorKind,
		message: string,
		details: IdentityErrorDetails = {},
		options?: {cause?: unknown; inWizard?: string; abandoned?: boolean},
	) {
		super(kind, message, {...options, details});
	}
}

type RestErrorLike = {
	name?: string;
	message?: string;
	statusCode?: number;
	code?: string;
	request?: {headers?: {get(name: string): string | undefined}};
	response?: {headers?: {get(name: string): string | undefined}};
	cause?: unknown;
};

const tlsCodes = new Set([
	'SELF_SIGNED_CERT_IN_CHAIN',
	'DEPTH_ZERO_SELF_SIGNED_CERT',
	'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
	'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
	'CERT_HAS_EXPIRED',
	'ERR_TLS_CERT_ALTNAME_INVALID',
]);

/** Maps whatever the SDK threw (RestError, AbortError, a socket error) to an IdentityError. */
export function toIdentityError(
	error: unknown,
	context: {readonly endpoint: string; readonly id?: string; readonly signal?: AbortSignal | undefined},
): IdentityError {
	if (error instanceof IdentityError) {
		return error;
	}

	const rest = (error ?? {}) as RestErrorLike;
	const serviceMessage = rest.message ?? String(error);
	const details = {
		...(rest.statusCode === undefined ? {} : {statusCode: rest.statusCode}),
		...(rest.code === undefined ? {} : {code: rest.code}),
		...requestId(rest),
		serviceMessage,
	};
	const options = {cause: error};
	// Cancelled is what the caller did (its signal), whatever the SDK or Node called the error.
	if (context.signal?.aborted) {
		return new IdentityError('cancelled', text.errors.cancelled(), details, options);
	}

	const causeCode = findCode(error);
	const id = context.id ?? 'The identity';
	if (rest.statusCode === undefined) {
		if (causeCode && tlsCodes.has(causeCode)) {
			return new IdentityError('untrusted-certificate', text.errors.untrustedCertificate(context.endpoint, causeCode), details, options);
		}

		return new IdentityError('network', text.errors.network(context.endpoint, causeCode ?? serviceMessage), details, {
			...options,
			inWizard: text.errors.inWizard.network(context.endpoint, causeCode ?? serviceMessage),
		});
	}

	if (rest.statusCode === 401 && rest.code === 'IdentityNotOwned') {
		return new IdentityError('not-owned', text.errors.notOwned(context.endpoint, id), details, {...options, inWizard: text.errors.inWizard.notOwned(context.endpoint, id)});
	}

	if (rest.statusCode === 401 || rest.statusCode === 403) {
		return new IdentityError('authentication', text.errors.denied(context.endpoint), details, options);
	}

	if (rest.statusCode === 404) {
		return new IdentityError('not-found', text.errors.notFound(id, serviceMessage), details, {...options, inWizard: text.errors.inWizard.notFound(id, serviceMessage)});
	}

	if (rest.statusCode === 400) {
		return new IdentityError('validation', text.errors.validation(serviceMessage), details, options);
	}

	return new IdentityError('service', text.errors.service(rest.statusCode, rest.code, serviceMessage), details, options);
}

function requestId(error: RestErrorLike): {requestId?: string} {
	// The service names each answer by its correlation vector (MS-CV); what the SDK sent is the fallback.
	const id = error.response?.headers?.get('ms-cv') ?? error.request?.headers?.get('x-ms-client-request-id');
	return id ? {requestId: id} : {};
}

function findCode(error: unknown): string | undefined {
	let current: unknown = error;
	for (let depth = 0; depth < 5 && current; depth++) {
		const {code, cause} = current as {code?: unknown; cause?: unknown};
		if (typeof code === 'string' && /^[A-Z_]+$/.test(code) && code !== 'REQUEST_SEND_ERROR') {
			return code;
		}

		current = cause;
	}

	return undefined;
}
