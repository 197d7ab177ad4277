import {AzureKeyCredential} from '@azure/core-auth';
import type {EntraAssignment, TeamsExtensionAssignment} from '../protocol/assignments.js';
import {isLoopbackHost} from '../protocol/connection-string.js';
import {type Connection, entraCredentialOf} from './client.js';
import {toIdentityError} from './errors.js';
import {defaultRequestTimeoutSeconds, timedOutError} from './request-timeout.js';
import {createTracePolicy, type Exchange} from './trace.js';
import {accessApiVersions} from '../protocol/api-versions.js';


/**
 * The assignment routes, which the identity SDK does not cover: signed as the SDK signs
 * (`@azure/communication-common`'s auth policy: HMAC with the key, or a bearer token with Entra
 * ID), traced like every other request, errors mapped to IdentityError.
 */
export type AccessClient = {
	listEntraAssignments(): Promise<EntraAssignment[]>;
	putEntraAssignment(assignment: EntraAssignment): Promise<{readonly created: boolean; readonly assignment: EntraAssignment}>;
	deleteEntraAssignment(objectId: string): Promise<void>;
	getTeamsExtensionAssignment(tenantId: string, objectId: string): Promise<TeamsExtensionAssignment>;
	putTeamsExtensionAssignment(
		assignment: TeamsExtensionAssignment,
	): Promise<{readonly created: boolean; readonly assignment: TeamsExtensionAssignment}>;
	deleteTeamsExtensionAssignment(tenantId: string, objectId: string): Promise<void>;
};

/** The versions that have these routes (protocol/api-versions.ts). */
const entraApiVersion = accessApiVersions.entra;
const teamsExtensionApiVersion = accessApiVersions.teamsExtension;
/** Pages followed at most: the service holds at most a thousand assignments. */
const maxPages = 100;

export async function createAccessClient(
	connection: Connection,
	options: {
		readonly onExchange?: (exchange: Exchange) => void;
		/** How long each request may take, its retries included (as the identity client's calls). */
		readonly timeoutSeconds?: number;
	} = {},
): Promise<AccessClient> {
	const timeoutSeconds = options.timeoutSeconds ?? defaultRequestTimeoutSeconds;
	const pipelineModule = await import('@azure/core-rest-pipeline');
	const common = await import('@azure/communication-common');
	const {createPipelineFromOptions, createPipelineRequest, createDefaultHttpClient, createHttpHeaders} = pipelineModule;
	const entra = await entraCredentialOf(connection);
	const {credential} = connection;
	const endpoint = new URL(connection.endpoint);
	const loopback = isLoopbackHost(endpoint.hostname);
	const pipeline = createPipelineFromOptions({
		...(loopback ? {retryOptions: {maxRetries: 0}} : {}),
		...(connection.trustedCertificate ? {tlsOptions: {ca: connection.trustedCertificate}} : {}),
	});
	pipeline.addPolicy(
		common.createCommunicationAuthPolicy(
			entra ? entra.tokenCredential : new AzureKeyCredential(credential.kind === 'access-key' ? credential.accessKey : ''),
		),
	);
	if (options.onExchange) {
		pipeline.addPolicy(createTracePolicy(options.onExchange), {afterPhase: 'Sign'});
	}

	const httpClient = createDefaultHttpClient();

	const send = async <T>(method: 'GET' | 'PUT' | 'DELETE', path: string, apiVersion: string, body?: unknown, id?: string) => {
		const url = new URL(path, endpoint);
		url.searchParams.set('api-version', apiVersion);
		const deadline = AbortSignal.timeout(timeoutSeconds * 1000);
		const request = createPipelineRequest({
			abortSignal: deadline,
			url: url.toString(),
			method,
			headers: createHttpHeaders({accept: 'application/json', ...(body === undefined ? {} : {'content-type': 'application/json'})}),
			...(body === undefined ? {} : {body: JSON.stringify(body)}),
			allowInsecureConnection: endpoint.protocol === 'http:' && loopback,
		});
		try {
			const response = await pipeline.sendRequest(httpClient, request);
			const parsed = parseBody(response.bodyAsText);
			if (response.status >= 400) {
				const error = (parsed as {error?: {code?: string; message?: string}} | undefined)?.error;
				throw new pipelineModule.RestError(error?.message ?? String(response.status), {
					statusCode: response.status,
					...(error?.code ? {code: error.code} : {}),
					request,
					response,
				});
			}

			return {status: response.status, body: parsed as T};
		} catch (error) {
			if (deadline.aborted) {
				throw timedOutError(connection.endpoint, timeoutSeconds, error);
			}

			throw toIdentityError(error, {endpoint: connection.endpoint, ...(id ? {id} : {})});
		}
	};

	const entraPath = (objectId: string) => `/access/entra/assignments/${encodeURIComponent(objectId)}`;
	const teamsPath = (tenantId: string, objectId: string) =>
		`/access/teamsExtension/tenants/${encodeURIComponent(tenantId)}/assignments/${encodeURIComponent(objectId)}`;
	return {
		async listEntraAssignments() {
			const all: EntraAssignment[] = [];
			let next: string | undefined = '/access/entra/assignments';
			for (let page = 0; next && page < maxPages; page++) {
				const page: {body: {value?: EntraAssignment[]; nextLink?: string}} = await send('GET', next, entraApiVersion);
				const {body} = page;
				all.push(...(body.value ?? []));
				// A next page on the same resource only: the key signs for no other host.
				const link: URL | undefined = body.nextLink ? new URL(body.nextLink, endpoint) : undefined;
				next = link && link.origin === endpoint.origin ? `${link.pathname}${link.search}` : undefined;
			}

			return all;
		},
		async putEntraAssignment({objectId, ...rest}) {
			const {status, body} = await send<EntraAssignment>('PUT', entraPath(objectId), entraApiVersion, rest, objectId);
			return {created: status === 201, assignment: body};
		},
		async deleteEntraAssignment(objectId) {
			await send('DELETE', entraPath(objectId), entraApiVersion, undefined, objectId);
		},
		async getTeamsExtensionAssignment(tenantId, objectId) {
			return (await send<TeamsExtensionAssignment>('GET', teamsPath(tenantId, objectId), teamsExtensionApiVersion, undefined, objectId)).body;
		},
		async putTeamsExtensionAssignment({objectId, tenantId, ...rest}) {
			const {status, body} = await send<TeamsExtensionAssignment>(
				'PUT',
				teamsPath(tenantId, objectId),
				teamsExtensionApiVersion,
				rest,
				objectId,
			);
			return {created: status === 201, assignment: body};
		},
		async deleteTeamsExtensionAssignment(tenantId, objectId) {
			await send('DELETE', teamsPath(tenantId, objectId), teamsExtensionApiVersion, undefined, objectId);
		},
	};
}

/** A body that is not JSON (a proxy's HTML error page) is no body: the status still says what happened. */
function parseBody(text: string | null | undefined): unknown {
	try {
		return text ? (JSON.parse(text) as unknown) : undefined;
	} catch {
		return undefined;
	}
}
