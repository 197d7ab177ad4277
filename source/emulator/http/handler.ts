import {randomUUID} from 'node:crypto';
import type {IncomingMessage, ServerResponse} from 'node:http';
import {type ApiVersion, isAtLeast, isSupportedApiVersion} from '../api-versions.js';
import {AcsError, acsErrors} from '../errors.js';
import type {IdentityService} from '../identity-service.js';
import type {Authenticator} from './authenticate.js';
import {readBody} from './read-body.js';
import {sendError, sendJson} from './respond.js';
import {matchRoute} from './routes.js';

export type RequestLog = {
	readonly method: string;
	readonly path: string;
	readonly status: number;
	readonly milliseconds: number;
};

/**
 * The emulator's pipeline, in order: request ids → request target → route (404, 405) →
 * api-version → body (413) → authentication (401) → JSON → operation. Every failure is an
 * AcsError in the service's shape; nothing a client sends can make it answer 500.
 */
export function createRequestHandler(options: {
	readonly service: IdentityService;
	readonly authenticate: Authenticator;
	readonly onRequest?: (entry: RequestLog) => void;
	readonly onInternalError?: (error: unknown) => void;
}): (request: IncomingMessage, response: ServerResponse) => void {
	return (request, response) => {
		const started = performance.now();
		const method = request.method ?? 'GET';
		const target = request.url ?? '/';
		const clientRequestId = request.headers['x-ms-client-request-id'];
		const headers: Record<string, string> = {'x-ms-request-id': randomUUID()};
		if (typeof clientRequestId === 'string' && /^[\w.:-]{1,200}$/.test(clientRequestId)) {
			headers['x-ms-client-request-id'] = clientRequestId;
		}

		const questionMark = target.indexOf('?');
		const rawPath = questionMark === -1 ? target : target.slice(0, questionMark);
		response.once('finish', () => {
			options.onRequest?.({
				method,
				path: rawPath,
				status: response.statusCode,
				milliseconds: performance.now() - started,
			});
		});

		handle(request, method, target, rawPath, questionMark === -1 ? '' : target.slice(questionMark + 1)).then(
			result => {
				sendJson(response, result.status, result.body, headers);
			},
			(error: unknown) => {
				// (The request stream itself is destroyed once its body is read: only the socket tells.)
				if (request.socket.destroyed) {
					// The client went away mid-request: nobody to answer, nothing went wrong here.
					return;
				}

				if (!(error instanceof AcsError)) {
					options.onInternalError?.(error);
				}

				const acsError = error instanceof AcsError ? error : acsErrors.internal();
				if (acsError.status === 413) {
					headers['connection'] = 'close';
				}

				sendError(response, acsError, headers);
			},
		);
	};

	async function handle(request: IncomingMessage, method: string, target: string, rawPath: string, query: string) {
		if (!rawPath.startsWith('/')) {
			throw acsErrors.notAPath();
		}

		const segments = decodeSegments(rawPath);
		const match = matchRoute(method, segments);
		if (match.kind === 'none') {
			throw acsErrors.notFound(rawPath);
		}

		if (match.kind === 'wrong-method') {
			throw acsErrors.methodNotAllowed(method, match.allowed);
		}

		const {route, params} = match;
		const apiVersion = new URLSearchParams(query).get('api-version');
		let version: ApiVersion | undefined;
		if (route.acs) {
			if (apiVersion === null) {
				throw acsErrors.missingApiVersion();
			}

			const scheme = (request.socket as {encrypted?: boolean}).encrypted ? 'https' : 'http';
			const requestUri = `${request.headers.host ? `${scheme}://${request.headers.host}` : ''}${rawPath}`;
			if (!isSupportedApiVersion(apiVersion)) {
				throw acsErrors.unsupportedApiVersion(requestUri, apiVersion);
			}

			if (route.minimumVersion && !isAtLeast(apiVersion, route.minimumVersion)) {
				throw acsErrors.unsupportedApiVersion(requestUri, apiVersion);
			}

			version = apiVersion;
		}

		const bodyBytes = await readBody(request);
		if (route.acs) {
			options.authenticate({method, target, headers: request.headers, body: bodyBytes});
		}

		let body: unknown;
		if (bodyBytes.length > 0) {
			try {
				body = JSON.parse(bodyBytes.toString('utf8'));
			} catch {
				throw acsErrors.invalidJson();
			}
		}

		return route.handle(options.service, {params, body, apiVersion: version ?? '2023-10-01'});
	}
}

function decodeSegments(rawPath: string): string[] {
	const segments = rawPath.slice(1).split('/');
	try {
		return segments.map(segment => decodeURIComponent(segment));
	} catch {
		throw acsErrors.badRequestTarget();
	}
}
