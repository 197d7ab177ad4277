import type {ClientRequest} from 'node:http';
import {builtin} from '../platform/builtins.js';
import type {INetworkModule, NetworkRequestOptions, NetworkResponse} from '@azure/msal-node';
import {teamsScopes} from '../emulator/stand-in-entra.js';
import {decodeJwt} from '../protocol/jwt.js';
import {text} from '../text/index.js';
import {IdentityError} from './errors.js';

const {request: httpsRequest} = builtin('node:https');

/** Work and school accounts of any tenant: a Teams user's home tenant is not known beforehand. */
export const defaultTeamsAuthority = 'https://login.microsoftonline.com/organizations';

/** What the user is asked to do: open the page, type the code, before it expires. */
export type DeviceCodePrompt = {
	readonly verificationUri: string;
	readonly userCode: string;
	/** ISO time the code stops working. */
	readonly expiresOn: string;
};

export type TeamsSignIn = {
	/** The Teams user's Entra ID access token for https://auth.msft.communication.azure.com. */
	readonly teamsToken: string;
	/** The user's object id (`oid`), which the exchange names. */
	readonly userId: string;
};

/**
 * The authority to sign in at: ACS_TOKENS_ENTRA_AUTHORITY (a tenant, or a test's) or any work
 * account's. A value that is not an https:// URL with a host is refused, by name.
 */
export function teamsAuthority(env: NodeJS.ProcessEnv): string {
	const given = env.ACS_TOKENS_ENTRA_AUTHORITY?.trim();
	if (!given) {
		return defaultTeamsAuthority;
	}

	const authority = given.replace(/\/+$/, '');
	authorityHost(authority);
	return authority;
}

/** The authority's host; an IdentityError naming ACS_TOKENS_ENTRA_AUTHORITY when it is no https URL with one. */
function authorityHost(authority: string): string {
	if (!URL.canParse(authority)) {
		throw new IdentityError('validation', text.errors.teamsSignIn.authorityNotUrl(authority));
	}

	const url = new URL(authority);
	if (url.protocol !== 'https:' || url.hostname === '') {
		throw new IdentityError('validation', text.errors.teamsSignIn.authorityNotHttps(authority));
	}

	return url.host;
}

/**
 * MSAL's device code flow for a Teams user of the app `appId`: the prompt goes to
 * `onDeviceCode`, and the promise ends when the user has signed in (or declined, or the code
 * expired). The signal cancels: MSAL's cancel flag stops its polling, and the promise rejects
 * at once. MSAL is imported here, lazily, so nothing else pays for it.
 */
export async function signInTeamsUser(options: {
	readonly appId: string;
	readonly authority: string;
	readonly onDeviceCode: (prompt: DeviceCodePrompt) => void;
	readonly signal?: AbortSignal;
	/** A CA to trust besides the system's, in PEM (a test's local authority). */
	readonly trustedCertificate?: string;
}): Promise<TeamsSignIn> {
	const {authority, signal} = options;
	const cancelled = () => new IdentityError('cancelled', text.errors.cancelled());
	if (signal?.aborted) {
		throw cancelled();
	}

	const msal = await import('@azure/msal-node');
	const {PublicClientApplication} = (msal as {default?: typeof msal}).default ?? msal;
	const host = authorityHost(authority);
	const network = networkClient({authority, ...(options.trustedCertificate ? {ca: options.trustedCertificate} : {}), ...(signal ? {signal} : {})});
	const application = new PublicClientApplication({
		auth: {
			clientId: options.appId,
			authority,
			// An authority MSAL does not know of (a sovereign cloud's, a test's) is trusted as given:
			// without this MSAL asks login.microsoftonline.com to discover it.
			...(host === new URL(defaultTeamsAuthority).host ? {} : {knownAuthorities: [host]}),
		},
		system: {
			networkClient: network,
			// MSAL logs to the console by default: nothing of it may reach the wizard's screen.
			loggerOptions: {loggerCallback() {}, piiLoggingEnabled: false},
		},
	});
	const request = {
		scopes: [...teamsScopes],
		cancel: false,
		deviceCodeCallback(response: {verificationUri?: string; userCode?: string; expiresIn?: number}) {
			// A refused device code request reaches here empty: its error is the network client's to report.
			if (!response.userCode || !response.verificationUri || typeof response.expiresIn !== 'number') {
				return;
			}

			options.onDeviceCode({
				verificationUri: response.verificationUri,
				userCode: response.userCode,
				expiresOn: new Date(Date.now() + response.expiresIn * 1000).toISOString(),
			});
		},
	};
	let onAbort: (() => void) | undefined;
	const aborted = new Promise<never>((_resolve, reject) => {
		onAbort = () => {
			request.cancel = true;
			reject(cancelled());
		};

		signal?.addEventListener('abort', onAbort, {once: true});
	});
	const signingIn = application.acquireTokenByDeviceCode(request);
	// Once cancelled, MSAL's own rejection (at its next poll) is expected: not an unhandled one.
	signingIn.catch(() => undefined);
	try {
		const result = await Promise.race([signingIn, aborted]);
		if (!result?.accessToken) {
			throw new IdentityError('authentication', text.errors.teamsSignIn.noAccessToken(options.appId));
		}

		const userId = objectIdOf(result.idTokenClaims) ?? objectIdOf(decodeJwt(result.accessToken)?.payload);
		if (!userId) {
			throw new IdentityError('authentication', text.errors.teamsSignIn.noObjectId(options.appId));
		}

		return {teamsToken: result.accessToken, userId};
	} catch (error) {
		throw signal?.aborted ? cancelled() : toSignInError(network.failure() ?? error, options.appId, authority, network.refusal());
	} finally {
		if (onAbort) {
			signal?.removeEventListener('abort', onAbort);
		}
	}
}

function objectIdOf(claims: unknown): string | undefined {
	const oid = (claims as {oid?: unknown} | undefined)?.oid;
	return typeof oid === 'string' && oid !== '' ? oid : undefined;
}

type MsalErrorLike = {
	errorCode?: unknown;
	errorMessage?: unknown;
	subError?: unknown;
	errorNo?: unknown;
	errorCodes?: unknown;
	code?: unknown;
	message?: unknown;
	cause?: unknown;
};

/** The error and its causes (MSAL wraps what its network client threw), outermost first. */
function chainOf(error: unknown): MsalErrorLike[] {
	const chain: MsalErrorLike[] = [];
	let current: unknown = error;
	for (let depth = 0; depth < 4 && current && typeof current === 'object'; depth++) {
		chain.push(current as MsalErrorLike);
		current = (current as MsalErrorLike).cause;
	}

	return chain;
}

/** What the error and its causes say, in one line: kept as the service's message, and the detail of a failure nothing below names. */
function describe(error: unknown): string {
	const parts: string[] = [];
	for (const {errorCode, errorMessage, subError, message} of chainOf(error)) {
		for (const part of [errorCode, subError, errorMessage, message]) {
			if (typeof part === 'string' && part !== '' && !parts.includes(part)) {
				parts.push(part);
			}
		}
	}

	return parts.join(' ');
}

/**
 * The codes the failure carries, never its words: MSAL's `errorCode` and `subError` and its
 * ServerError's `errorNo`, and what the authority last refused with (OAuth's `error` and
 * `suberror`, Entra ID's numeric `error_codes`), kept by the network client. MSAL reports a
 * refused device code poll only as post_request_failed.
 */
function codesOf(error: unknown, refusal: AuthorityError | undefined): {names: Set<string>; numbers: Set<number>} {
	const names = new Set<string>();
	const numbers = new Set<number>();
	for (const {errorCode, subError, errorNo, errorCodes} of [...chainOf(error), ...(refusal ? [refusal as MsalErrorLike] : [])]) {
		for (const name of [errorCode, subError]) {
			if (typeof name === 'string' && name !== '') {
				names.add(name);
			}
		}

		for (const number of [errorNo, ...(Array.isArray(errorCodes) ? (errorCodes as unknown[]) : [])]) {
			if ((typeof number === 'number' || typeof number === 'string') && number !== '' && Number.isFinite(Number(number))) {
				numbers.add(Number(number));
			}
		}
	}

	return {names, numbers};
}

/** Node's code of the socket, DNS or TLS failure under the error (ECONNREFUSED, SELF_SIGNED_CERT_IN_CHAIN…). */
function systemCodeOf(error: unknown): string | undefined {
	for (const {code} of chainOf(error)) {
		if (typeof code === 'string' && /^[A-Z][A-Z_\d]+$/.test(code)) {
			return code;
		}
	}

	return undefined;
}

/** Entra ID's numeric codes (AADSTS…) that say the app id is not an app of the tenant, or not a public client. */
const wrongAppNumbers = new Set([700_016, 7_000_218, 700_054, 50_194]);
const wrongAppNames = new Set(['unauthorized_client', 'invalid_client']);
const unknownTenantNumbers = new Set([90_002, 900_023, 90_072]);
const expiredNames = new Set(['device_code_expired', 'expired_token', 'code_expired']);
const declinedNames = new Set(['authorization_declined', 'access_denied']);
const networkNames = new Set(['network_error', 'no_network_connectivity']);
/** Node's errno codes of an authority that could not be reached. */
const unreachableCodes = new Set(['ECONNREFUSED', 'ENOTFOUND', 'ETIMEDOUT', 'ECONNRESET', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'ENETDOWN', 'EPIPE', 'ECONNABORTED']);

function some<T>(found: Set<T>, wanted: Set<T>): boolean {
	return [...found].some(value => wanted.has(value));
}

/**
 * MSAL's errors as IdentityErrors a person can act on: the code expired, declined, wrong app or
 * tenant, network. Decided by codes only (`refusal`: the authority's last error answer).
 */
export function toSignInError(error: unknown, appId: string, authority: string, refusal?: AuthorityError): IdentityError {
	if (error instanceof IdentityError) {
		return error;
	}

	const {errorCode} = (error ?? {}) as MsalErrorLike;
	const said = describe(error);
	const code = typeof errorCode === 'string' ? errorCode : '';
	const options = {cause: error};
	const details = {...(code ? {code} : {}), serviceMessage: said};
	const signIn = text.errors.teamsSignIn;
	const {names, numbers} = codesOf(error, refusal);
	const systemCode = systemCodeOf(error);
	if (names.has('device_code_polling_cancelled')) {
		return new IdentityError('cancelled', text.errors.cancelled(), details, options);
	}

	if (some(names, expiredNames)) {
		return new IdentityError('authentication', signIn.expired(), details, options);
	}

	if (some(names, declinedNames)) {
		return new IdentityError('authentication', signIn.declined(), details, options);
	}

	if (some(numbers, wrongAppNumbers) || some(names, wrongAppNames)) {
		return new IdentityError('validation', signIn.wrongApp(appId), details, options);
	}

	if (some(numbers, unknownTenantNumbers)) {
		return new IdentityError('validation', signIn.unknownTenant(authority), details, options);
	}

	if (some(names, networkNames) || (systemCode !== undefined && unreachableCodes.has(systemCode))) {
		return new IdentityError('network', signIn.network(authority, systemCode ?? said), details, options);
	}

	if (names.has('endpoints_resolution_error')) {
		return new IdentityError('validation', signIn.unknownTenant(authority), details, options);
	}

	return new IdentityError('authentication', signIn.failed(appId, said || String(error)), details, options);
}

/** An error the authority answered with: OAuth's `error`, `error_description` and `suberror`, Entra ID's numeric `error_codes`. */
export class AuthorityError extends Error {
	override name = 'AuthorityError';

	constructor(
		readonly errorCode: string,
		readonly errorMessage: string,
		readonly errorCodes: readonly number[],
		readonly subError: string,
		readonly status: number,
	) {
		super(`${errorCode}: ${errorMessage}`);
	}
}

function authorityErrorOf(body: Record<string, unknown>, status: number): AuthorityError | undefined {
	const {error, error_description: description, error_codes: codes, suberror} = body;
	if (status < 400 || typeof error !== 'string') {
		return undefined;
	}

	const numbers = Array.isArray(codes) ? (codes as unknown[]).map(Number).filter(Number.isFinite) : [];
	return new AuthorityError(error, typeof description === 'string' ? description : '', numbers, typeof suberror === 'string' ? suberror : '', status);
}

/** The body as JSON, or undefined when it is none (a proxy's HTML page): the empty body is an empty object. */
function jsonOf(raw: string): Record<string, unknown> | undefined {
	if (raw.trim() === '') {
		return {};
	}

	try {
		const value: unknown = JSON.parse(raw);
		return value !== null && typeof value === 'object' ? (value as Record<string, unknown>) : undefined;
	} catch {
		return undefined;
	}
}

/** No answer of Entra ID's is near this: a larger body is a proxy's, and is not read on. */
export const maxAuthorityBodyBytes = 1024 * 1024;
/** How long a request may wait for the authority, GET or POST, when MSAL names no timeout. */
export const authorityTimeoutMs = 30_000;

function unreachable(error: Error): Error {
	return Object.assign(new Error(`Network request failed: ${error.message}`), {errorCode: 'network_error', cause: error});
}

export type SignInNetwork = INetworkModule & {
	/** The last failure this client rejected with (the network, a refused device code request, a body that is no answer). */
	failure(): Error | undefined;
	/** The authority's last error answer, whether MSAL or this client read it. */
	refusal(): AuthorityError | undefined;
};

/**
 * MSAL's network client over node:https. MSAL's own uses fetch, which takes no CA of its own (a
 * test's local authority needs one), and reads a refused device code request as an empty one.
 * This one rejects it with the authority's error and keeps that error, and the last failure to
 * reach the authority: MSAL reports either only as "network_error" or
 * "endpoints_resolution_error", without the cause. The token endpoint's errors are MSAL's to
 * read (authorization_pending is one), and kept too. A body is read up to 1 MiB, and must be
 * JSON; a request waits 30 s at most; the signal destroys every request under way.
 */
export function networkClient(options: {
	readonly authority: string;
	readonly ca?: string;
	readonly signal?: AbortSignal;
	readonly timeoutMs?: number;
}): SignInNetwork {
	const {authority, ca, signal} = options;
	let failure: Error | undefined;
	let refusal: AuthorityError | undefined;
	const live = new Set<ClientRequest>();
	const cancelled = () => new IdentityError('cancelled', text.errors.cancelled());
	signal?.addEventListener(
		'abort',
		() => {
			for (const request of live) {
				request.destroy(cancelled());
			}

			live.clear();
		},
		{once: true},
	);
	const send = async <T>(url: string, method: 'GET' | 'POST', given?: NetworkRequestOptions, timeout?: number): Promise<NetworkResponse<T>> =>
		new Promise((resolve, reject) => {
			if (signal?.aborted) {
				reject(cancelled());
				return;
			}

			const waitMs = timeout && timeout > 0 ? timeout : (options.timeoutMs ?? authorityTimeoutMs);
			let settled = false;
			const fail = (error: Error) => {
				if (!settled) {
					settled = true;
					failure = error;
					reject(error);
				}

				request.destroy();
			};

			const request = httpsRequest(url, {method, headers: given?.headers ?? {}, timeout: waitMs, ...(ca ? {ca} : {})}, response => {
				const status = response.statusCode ?? 0;
				const chunks: Buffer[] = [];
				let size = 0;
				response.on('data', (chunk: Buffer) => {
					size += chunk.length;
					if (size > maxAuthorityBodyBytes) {
						fail(new IdentityError('network', text.errors.teamsSignIn.tooLarge(authority, '1 MiB'), {statusCode: status}));
						return;
					}

					chunks.push(chunk);
				});
				response.on('error', error => fail(error instanceof IdentityError ? error : unreachable(error)));
				response.on('end', () => {
					if (settled) {
						return;
					}

					const body = jsonOf(Buffer.concat(chunks).toString('utf8'));
					if (!body) {
						fail(new IdentityError('network', text.errors.teamsSignIn.notJson(authority, status), {statusCode: status}));
						return;
					}

					const refused = authorityErrorOf(body, status);
					refusal = refused ?? refusal;
					if (refused && url.includes('/devicecode')) {
						fail(refused);
						return;
					}

					settled = true;
					resolve({headers: headersOf(response.headers), body: body as T, status});
				});
			});
			live.add(request);
			request.on('close', () => live.delete(request));
			request.on('timeout', () => {
				const seconds = Math.round(waitMs / 1000);
				fail(new IdentityError('network', text.errors.teamsSignIn.network(authority, text.errors.teamsSignIn.timedOut(seconds)), {code: 'ETIMEDOUT'}));
			});
			request.on('error', error => fail(error instanceof IdentityError ? error : unreachable(error)));
			request.end(given?.body);
		});
	return {
		sendGetRequestAsync: (url, given, timeout) => send(url, 'GET', given, timeout),
		sendPostRequestAsync: (url, given, timeout?: number) => send(url, 'POST', given, timeout),
		failure: () => failure,
		refusal: () => refusal,
	};
}

function headersOf(headers: Record<string, string | string[] | undefined>): Record<string, string> {
	const flat: Record<string, string> = {};
	for (const [name, value] of Object.entries(headers)) {
		if (value !== undefined) {
			flat[name] = Array.isArray(value) ? value.join(', ') : value;
		}
	}

	return flat;
}
