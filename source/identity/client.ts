import type {CommunicationIdentityClientOptions} from '@azure/communication-identity';
import type {PipelinePolicy} from '@azure/core-rest-pipeline';
import {isLoopbackHost} from '../protocol/connection-string.js';
import type {EntraCredential, EntraSignIn} from './entra.js';
import {IdentityError, toIdentityError} from './errors.js';
import {text} from '../text/index.js';
import {hideFormData} from '../platform/without-fetch.js';
import type {TokenScope} from '../protocol/scopes.js';
import {createTracePolicy, type Exchange} from './trace.js';
import {defaultRequestTimeoutSeconds, timedOutError} from './request-timeout.js';

/**
 * How requests are authenticated: HMAC-SHA256 with the resource's access key, or a Microsoft
 * Entra ID token from DefaultAzureCredential's chain (keyless; `tenantId` narrows it).
 */
export type Credential =
	| {readonly kind: 'access-key'; readonly accessKey: string}
	| {readonly kind: 'entra'; readonly tenantId?: string};

export type Connection = {
	/** `https://<resource>.communication.azure.com/`, or a loopback emulator. */
	readonly endpoint: string;
	readonly credential: Credential;
	/** A CA to trust besides the system's, in PEM: the local emulator's. */
	readonly trustedCertificate?: string;
	/**
	 * The embedded emulator this connection shared stopped answering (whoever ran it quit):
	 * brings it back, on the same data and port when it can, and gives its endpoint.
	 */
	readonly recover?: () => Promise<string>;
};

export type IssuedToken = {readonly token: string; readonly expiresOn: Date};

type CallOptions = {readonly signal?: AbortSignal};

/** The operations of the quickstart, with errors already mapped to IdentityError. */
export type IdentityClient = {
	/** With an Entra ID connection, after its first request: who signed in, through which credential. */
	signedIn(): EntraSignIn | undefined;
	createUser(options?: CallOptions): Promise<{id: string}>;
	createUserAndToken(
		scopes: readonly TokenScope[],
		options?: CallOptions & {readonly expiresInMinutes?: number},
	): Promise<{id: string} & IssuedToken>;
	issueToken(
		id: string,
		scopes: readonly TokenScope[],
		options?: CallOptions & {readonly expiresInMinutes?: number},
	): Promise<IssuedToken>;
	revokeTokens(id: string, options?: CallOptions): Promise<void>;
	/** Custom Teams Endpoint: a Teams user's Entra ID token (for the app `appId`, user `userId`) for an ACS token. */
	exchangeTeamsToken(
		teams: {readonly teamsToken: string; readonly appId: string; readonly userId: string},
		options?: CallOptions,
	): Promise<IssuedToken>;
	deleteUser(id: string, options?: CallOptions): Promise<void>;
};

/**
 * A request refused by a shared emulator that has stopped is sent again once it is back. It
 * never reached a server, so sending it again cannot do anything twice; it is signed again on
 * the way (the policy runs before signing), so a new port is signed for too.
 */
function createRecoveryPolicy(recover: () => Promise<string>): PipelinePolicy {
	return {
		name: 'acs-tokens-emulator-recovery',
		async sendRequest(request, next) {
			try {
				return await next(request);
			} catch (error) {
				if ((error as {code?: unknown}).code !== 'ECONNREFUSED') {
					throw error;
				}

				const endpoint = new URL(await recover());
				const url = new URL(request.url);
				url.protocol = endpoint.protocol;
				url.host = endpoint.host;
				request.url = url.toString();
				return next(request);
			}
		},
	};
}

/** An Entra ID connection's credential (DefaultAzureCredential), refused over plain http as the SDK does. */
export async function entraCredentialOf(connection: Connection): Promise<EntraCredential | undefined> {
	const {credential} = connection;
	if (credential.kind !== 'entra') {
		return undefined;
	}

	if (new URL(connection.endpoint).protocol !== 'https:') {
		throw new IdentityError('validation', text.errors.entraPlainHttp(connection.endpoint));
	}

	const {createEntraCredential} = await import('./entra.js');
	return createEntraCredential(credential.tenantId ? {tenantId: credential.tenantId} : {});
}

/**
 * The one place that builds the SDK client. The SDK is imported here, lazily, so commands that
 * never call ACS do not load it. Plain http:// is allowed only for loopback endpoints.
 */
export async function createIdentityClient(
	connection: Connection,
	options: {
		readonly onExchange?: (exchange: Exchange) => void;
		/** How long each operation may take, its retries included (a server that takes the connection and never answers). */
		readonly timeoutSeconds?: number;
	} = {},
): Promise<IdentityClient> {
	hideFormData();
	const sdk = await import('@azure/communication-identity');
	// A CommonJS package split into its own chunk by esbuild exposes its exports as `default` only.
	const {CommunicationIdentityClient} = sdk.default ?? sdk;
	const endpoint = new URL(connection.endpoint);
	const loopback = isLoopbackHost(endpoint.hostname);
	const clientOptions: CommunicationIdentityClientOptions = {
		allowInsecureConnection: endpoint.protocol === 'http:' && loopback,
		// A local emulator that refuses the connection is not running: say so now, not after retries.
		...(loopback ? {retryOptions: {maxRetries: 0}} : {}),
		...(connection.trustedCertificate ? {tlsOptions: {ca: connection.trustedCertificate}} : {}),
		additionalPolicies: [
			...(connection.recover ? [{policy: createRecoveryPolicy(connection.recover), position: 'perCall' as const}] : []),
			...(options.onExchange ? [{policy: createTracePolicy(options.onExchange), position: 'perRetry' as const}] : []),
		],
	};
	const {credential} = connection;
	const entra = await entraCredentialOf(connection);
	const client = entra
		? new CommunicationIdentityClient(connection.endpoint, entra.tokenCredential, clientOptions)
		: new CommunicationIdentityClient(
				`endpoint=${connection.endpoint};accesskey=${credential.kind === 'access-key' ? credential.accessKey : ''}`,
				clientOptions,
			);

	const timeoutSeconds = options.timeoutSeconds ?? defaultRequestTimeoutSeconds;
	const call = async <T>(id: string | undefined, run: (signal: AbortSignal) => Promise<T>, signal?: AbortSignal): Promise<T> => {
		const deadline = AbortSignal.timeout(timeoutSeconds * 1000);
		try {
			return await run(signal ? AbortSignal.any([signal, deadline]) : deadline);
		} catch (error) {
			if (deadline.aborted && !signal?.aborted) {
				throw timedOutError(connection.endpoint, timeoutSeconds, error);
			}

			const mapped = toIdentityError(error, {endpoint: connection.endpoint, signal, ...(id ? {id} : {})});
			// A refused Teams user token (InvalidAccessToken) is the Teams user's, not the connection's.
			if (mapped.details.code === 'InvalidAccessToken') {
				throw new IdentityError('authentication', text.errors.teamsTokenRefused(), mapped.details, {cause: error});
			}

			// A refused Entra ID token: its claims say why (audience, expiry), or who needs a role; the service's details kept.
			const refused = mapped.kind === 'authentication' && mapped.details.statusCode !== undefined;
			const explained = refused ? entra?.explainRefusal(connection.endpoint) : undefined;
			throw explained ? new IdentityError(explained.kind, explained.message, mapped.details, {cause: error}) : mapped;
		}
	};

	const user = (id: string) => ({communicationUserId: id});
	const abort = (signal: AbortSignal) => ({abortSignal: signal});
	const lifetime = (minutes: number | undefined) => (minutes === undefined ? {} : {tokenExpiresInMinutes: minutes});
	return {
		signedIn: () => entra?.signedIn(),
		createUser: ({signal} = {}) =>
			call(undefined, async (bounded) => ({id: (await client.createUser(abort(bounded))).communicationUserId}), signal),
		createUserAndToken: (scopes, {signal, expiresInMinutes} = {}) =>
			call(undefined, async (bounded) => {
				const result = await client.createUserAndToken([...scopes], {...abort(bounded), ...lifetime(expiresInMinutes)});
				return {id: result.user.communicationUserId, token: result.token, expiresOn: result.expiresOn};
			}, signal),
		issueToken: (id, scopes, {signal, expiresInMinutes} = {}) =>
			call(id, async (bounded) => {
				const result = await client.getToken(user(id), [...scopes], {...abort(bounded), ...lifetime(expiresInMinutes)});
				return {token: result.token, expiresOn: result.expiresOn};
			}, signal),
		revokeTokens: (id, {signal} = {}) => call(id, (bounded) => client.revokeTokens(user(id), abort(bounded)), signal),
		exchangeTeamsToken: async ({teamsToken, appId, userId}, {signal} = {}) => {
			return call(
				undefined,
				(bounded) => client.getTokenForTeamsUser({teamsUserAadToken: teamsToken, clientId: appId, userObjectId: userId, ...abort(bounded)}),
				signal,
			);
		},
		deleteUser: (id, {signal} = {}) => call(id, (bounded) => client.deleteUser(user(id), abort(bounded)), signal),
	};
}
