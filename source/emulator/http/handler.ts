import {type WarningListener, warn} from '../warnings.js';
import type {IncomingMessage, ServerResponse} from 'node:http';
import {JsonLimitError, maxJsonDepth, parseBoundedJson} from '../../protocol/bounded-json.js';
import {type ApiVersion, isKnownApiVersion, isWellFormedApiVersion, knownApiVersions, newestApiVersion} from '../../protocol/api-versions.js';
import {AcsError, acsErrors} from '../errors.js';
import type {Authenticator} from './authenticate.js';
import {defaultBodyTimeoutMs, readBody} from './read-body.js';
import {correlationVector, sendError, sendJson} from './respond.js';
import {matchRoute, type Route, type Services} from './routes.js';

export type RequestLog = {
	readonly method: string;
	readonly path: string;
	readonly status: number;
	readonly milliseconds: number;
};

export type HandlerOptions = {
	readonly services: Services;
	readonly authenticate: Authenticator;
	/** Azurite's option: any well-formed api-version is answered as the newest known. */
	readonly skipApiVersionCheck?: boolean;
	readonly bodyTimeoutMs?: number;
	readonly onRequest?: (entry: RequestLog) => void;
	readonly onInternalError?: (error: unknown) => void;
	/** One line for a person reading the emulator's log. */
	readonly onWarning?: WarningListener;
};

type Outcome = {readonly status: number; readonly body?: unknown; readonly advertised?: string};

/**
 * The emulator's pipeline, in order: request ids → request target → route (404, 405) →
 * api-version → body (413, 408) → authentication (401) → JSON (bounded) → operation. Every
 * failure is answered as an AcsError in the service's shape; whatever a handler throws is
 * caught here, so a request can neither crash the process nor leave a socket unanswered.
 */
export function createRequestHandler(options: HandlerOptions): (request: IncomingMessage, response: ServerResponse) => void {
	const versionsSeen = new Set<string>();
	const resolveVersion = (route: Route, raw: string | null, requestUri: string): ApiVersion => {
		const family = route.family;
		if (!family) {
			return newestApiVersion;
		}

		if (raw === null) {
			throw withVersions(acsErrors.missingApiVersion(), family.advertised);
		}

		if (isKnownApiVersion(raw) && family.accepts(raw)) {
			return raw;
		}

		if (options.skipApiVersionCheck && isWellFormedApiVersion(raw)) {
			if (!isKnownApiVersion(raw) && !versionsSeen.has(raw) && versionsSeen.size < 1000) {
				versionsSeen.add(raw);
				warn(options.onWarning, {kind: 'unknown-api-version', version: raw, answeredAs: newestApiVersion});
			}

			// The newest version that has this route answers for it.
			return [...knownApiVersions].reverse().find(version => family.accepts(version)) ?? newestApiVersion;
		}

		throw withVersions(acsErrors.unsupportedApiVersion(requestUri, raw), family.advertised);
	};

	async function handle(request: IncomingMessage, method: string, target: string, rawPath: string, query: string): Promise<Outcome> {
		if (!rawPath.startsWith('/')) {
			throw acsErrors.notAPath();
		}

		const match = matchRoute(method, decodeSegments(rawPath));
		if (match.kind === 'none') {
			throw acsErrors.notFound(rawPath);
		}

		if (match.kind === 'wrong-method') {
			throw acsErrors.methodNotAllowed(method, match.allowed);
		}

		const {route, params} = match;
		const scheme = (request.socket as {encrypted?: boolean}).encrypted ? 'https' : 'http';
		const requestUri = `${request.headers.host ? `${scheme}://${request.headers.host}` : ''}${rawPath}`;
		const requested = new URLSearchParams(query).getAll('api-version');
		if (requested.length > 1 && route.family) {
			throw withVersions(acsErrors.ambiguousApiVersion(requested), route.family.advertised);
		}

		const apiVersion = resolveVersion(route, requested[0] ?? null, requestUri);
		const advertised = route.family?.advertised;
		try {
			const bodyBytes = await readBody(request, {timeoutMs: options.bodyTimeoutMs ?? defaultBodyTimeoutMs});
			let bearer: string | undefined;
			if (route.auth === 'hmac') {
				options.authenticate({method, target, headers: request.headers, body: bodyBytes});
			} else if (route.auth === 'exchange') {
				bearer = bearerToken(request.headers.authorization);
			}

			const body = parseBody(bodyBytes);
			const result = await route.handle({
				services: options.services,
				params,
				body,
				apiVersion,
				...(bearer === undefined ? {} : {bearer}),
			});
			return {...result, ...(advertised === undefined ? {} : {advertised})};
		} catch (error) {
			throw error instanceof AcsError && advertised !== undefined ? withVersions(error, advertised) : error;
		}
	}

	return (request, response) => {
		const started = performance.now();
		const method = request.method ?? 'GET';
		const target = request.url ?? '/';
		const clientRequestId = request.headers['x-ms-client-request-id'];
		const headers: Record<string, string> = {'MS-CV': correlationVector()};
		if (typeof clientRequestId === 'string' && /^[\w.:-]{1,200}$/.test(clientRequestId)) {
			headers['x-ms-client-request-id'] = clientRequestId;
		}

		const questionMark = target.indexOf('?');
		const rawPath = questionMark === -1 ? target : target.slice(0, questionMark);
		response.once('finish', () => {
			options.onRequest?.({method, path: rawPath, status: response.statusCode, milliseconds: performance.now() - started});
		});

		const fail = (error: unknown) => {
			// The client went away mid-request: nobody to answer, nothing went wrong here.
			// (The request stream itself is destroyed once its body is read: only the socket tells.)
			if (request.socket.destroyed || response.headersSent) {
				return;
			}

			if (!(error instanceof AcsError)) {
				options.onInternalError?.(error);
			}

			const acsError = error instanceof AcsError ? error : acsErrors.internal();
			sendError(response, acsError, headers, versionsOf(error));
		};

		handle(request, method, target, rawPath, questionMark === -1 ? '' : target.slice(questionMark + 1))
			.then(outcome => {
				if (outcome.advertised !== undefined) {
					headers['api-supported-versions'] = outcome.advertised;
				}

				sendJson(response, outcome.status, outcome.body, headers);
			})
			.catch(fail)
			.catch((error: unknown) => {
				// Even the error answer failed (a socket torn down mid-write): log it, never throw.
				options.onInternalError?.(error);
				response.destroy();
			});
	};
}

/** Errors raised past routing carry the route's api-supported-versions (where the service sends it). */
function withVersions(error: AcsError, advertised: string): AcsError {
	error.advertised ??= advertised;
	return error;
}

function versionsOf(error: unknown): string | undefined {
	return error instanceof AcsError ? error.advertised : undefined;
}

function parseBody(bytes: Buffer): unknown {
	if (bytes.length === 0) {
		return undefined;
	}

	try {
		return parseBoundedJson(bytes.toString('utf8'));
	} catch (error) {
		throw error instanceof JsonLimitError ? acsErrors.jsonTooDeep(maxJsonDepth) : acsErrors.invalidJson();
	}
}

/** The exchange routes take the Entra ID user's own token; anything else is not a valid one. */
function bearerToken(authorization: string | undefined): string {
	const match = authorization === undefined ? null : /^bearer\s+(\S+)\s*$/i.exec(authorization);
	if (!match?.[1]) {
		throw acsErrors.invalidAccessToken();
	}

	return match[1];
}

function decodeSegments(rawPath: string): string[] {
	const segments = rawPath.slice(1).split('/');
	try {
		return segments.map(segment => decodeURIComponent(segment));
	} catch {
		throw acsErrors.badRequestTarget();
	}
}
