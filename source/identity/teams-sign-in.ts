import {request as httpsRequest} from 'node:https';
import type {INetworkModule, NetworkRequestOptions, NetworkResponse} from '@azure/msal-node';
import {teamsScopes} from '../emulator/stand-in-entra.js';
import {decodeJwt} from '../protocol/jwt.js';
import {text} from '../text/index.js';
import {IdentityError} from './errors.js';

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

/** The authority to sign in at: ACS_TOKENS_ENTRA_AUTHORITY (a tenant, or a test's) or any work account's. */
export function teamsAuthority(env: NodeJS.ProcessEnv): string {
	const given = env.ACS_TOKENS_ENTRA_AUTHORITY?.trim();
	return given ? given.replace(/\/+$/, '') : defaultTeamsAuthority;
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
	const host = new URL(authority).host;
	const network = networkClient(options.trustedCertificate);
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
			throw new IdentityError('authentication', text.errors.teamsSignIn.failed(options.appId, 'no access token'));
		}

		const userId = objectIdOf(result.idTokenClaims) ?? objectIdOf(decodeJwt(result.accessToken)?.payload);
		if (!userId) {
			throw new IdentityError('authentication', text.errors.teamsSignIn.failed(options.appId, 'no oid claim'));
		}

		return {teamsToken: result.accessToken, userId};
	} catch (error) {
		throw signal?.aborted ? cancelled() : toSignInError(network.failure() ?? error, options.appId, authority);
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

type MsalErrorLike = {errorCode?: unknown; errorMessage?: unknown; subError?: unknown; message?: unknown; cause?: unknown};

/** What the error and its causes say, in one line (MSAL wraps what its network client threw). */
function describe(error: unknown): string {
	const parts: string[] = [];
	let current: unknown = error;
	for (let depth = 0; depth < 4 && current && typeof current === 'object'; depth++) {
		const {errorCode, errorMessage, subError, message, cause} = current as MsalErrorLike;
		for (const part of [errorCode, subError, errorMessage, message]) {
			if (typeof part === 'string' && part !== '' && !parts.includes(part)) {
				parts.push(part);
			}
		}

		current = cause;
	}

	return parts.join(' ');
}

/** AADSTS codes that say the app id is not an app of the tenant, or not a public client. */
const wrongAppCodes = ['AADSTS700016', 'AADSTS7000218', 'AADSTS700054', 'AADSTS50194'];
const unknownTenantCodes = ['AADSTS90002', 'AADSTS900023', 'AADSTS90072'];

/** MSAL's errors as IdentityErrors a person can act on: the code expired, declined, wrong app or tenant, network. */
export function toSignInError(error: unknown, appId: string, authority: string): IdentityError {
	if (error instanceof IdentityError) {
		return error;
	}

	const {errorCode} = (error ?? {}) as MsalErrorLike;
	const said = describe(error);
	const code = typeof errorCode === 'string' ? errorCode : '';
	const options = {cause: error};
	const details = {...(code ? {code} : {}), serviceMessage: said};
	const signIn = text.errors.teamsSignIn;
	if (code === 'device_code_polling_cancelled') {
		return new IdentityError('cancelled', text.errors.cancelled(), details, options);
	}

	if (code === 'device_code_expired' || said.includes('expired_token') || said.includes('code_expired')) {
		return new IdentityError('authentication', signIn.expired(), details, options);
	}

	if (said.includes('authorization_declined') || said.includes('access_denied')) {
		return new IdentityError('authentication', signIn.declined(), details, options);
	}

	if (wrongAppCodes.some(aadsts => said.includes(aadsts)) || said.includes('unauthorized_client') || said.includes('invalid_client')) {
		return new IdentityError('validation', signIn.wrongApp(appId), details, options);
	}

	if (unknownTenantCodes.some(aadsts => said.includes(aadsts)) || code === 'endpoints_resolution_error') {
		return new IdentityError('validation', signIn.unknownTenant(authority), details, options);
	}

	if (code === 'network_error' || code === 'no_network_connectivity' || /ECONNREFUSED|ENOTFOUND|ETIMEDOUT|fetch failed|Network request failed/.test(said)) {
		return new IdentityError('network', signIn.network(authority, said), details, options);
	}

	return new IdentityError('authentication', signIn.failed(appId, said || String(error)), details, options);
}

/** An error the authority answered with (OAuth's `error` and `error_description`). */
class AuthorityError extends Error {
	override name = 'AuthorityError';

	constructor(
		readonly errorCode: string,
		readonly errorMessage: string,
	) {
		super(`${errorCode}: ${errorMessage}`);
	}
}

/**
 * MSAL's network client over node:https. MSAL's own uses fetch, which takes no CA of its own (a
 * test's local authority needs one), and reads a refused device code request as an empty one.
 * This one rejects it with the authority's error and keeps that error, and the last failure to
 * reach the authority: MSAL reports either only as "network_error" or
 * "endpoints_resolution_error", without the cause. The token endpoint's errors are MSAL's to
 * read (authorization_pending is one).
 */
export function networkClient(ca?: string): INetworkModule & {failure(): Error | undefined} {
	let failure: Error | undefined;
	const send = async <T>(url: string, method: 'GET' | 'POST', options?: NetworkRequestOptions, timeout?: number): Promise<NetworkResponse<T>> =>
		new Promise((resolve, reject) => {
			const request = httpsRequest(url, {method, headers: options?.headers ?? {}, ...(ca ? {ca} : {}), ...(timeout ? {timeout} : {})}, response => {
				const chunks: Buffer[] = [];
				response.on('data', (chunk: Buffer) => chunks.push(chunk));
				response.on('error', reject);
				response.on('end', () => {
					try {
						const raw = Buffer.concat(chunks).toString('utf8');
						const body = (raw === '' ? {} : JSON.parse(raw)) as {error?: unknown; error_description?: unknown};
						const status = response.statusCode ?? 0;
						if (status >= 400 && url.includes('/devicecode') && typeof body.error === 'string') {
							failure = new AuthorityError(body.error, String(body.error_description ?? ''));
							reject(failure);
							return;
						}

						resolve({headers: headersOf(response.headers), body: body as T, status});
					} catch (error) {
						reject(error);
					}
				});
			});
			request.on('timeout', () => request.destroy(new Error(`timed out after ${timeout} ms`)));
			request.on('error', error => {
				failure = Object.assign(new Error(`Network request failed: ${error.message}`), {errorCode: 'network_error', cause: error});
				reject(failure);
			});
			request.end(options?.body);
		});
	return {
		sendGetRequestAsync: (url, options, timeout) => send(url, 'GET', options, timeout),
		sendPostRequestAsync: (url, options) => send(url, 'POST', options),
		failure: () => failure,
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
