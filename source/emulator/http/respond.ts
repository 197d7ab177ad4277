import type {ServerResponse} from 'node:http';
import type {AcsError} from '../errors.js';

/** Successes carry a charset; the service's errors say only `application/json` (recorded). */
const successType = 'application/json; charset=utf-8';
const errorType = 'application/json';

export type ResponseHeaders = Readonly<Record<string, string>>;

export function sendJson(response: ServerResponse, status: number, body: unknown, headers: ResponseHeaders = {}): void {
	send(response, status, body === undefined ? '' : JSON.stringify(body), successType, headers);
}

/** `advertised`: the route's api-supported-versions, left off where the service leaves it off. */
export function sendError(
	response: ServerResponse,
	error: AcsError,
	headers: ResponseHeaders = {},
	advertised?: string,
): void {
	send(response, error.status, JSON.stringify(error.toBody()), errorType, {
		...headers,
		...error.headers,
		'x-ms-error-code': error.code,
		...(advertised !== undefined && error.listsVersions ? {'api-supported-versions': advertised} : {}),
	});
}

function send(response: ServerResponse, status: number, text: string, type: string, headers: ResponseHeaders): void {
	response.writeHead(status, {
		...headers,
		...(text === '' ? {} : {'content-type': type}),
		// A 204 has no body and says no length (RFC 9110 §8.6), as the service's recorded 204s.
		...(status === 204 ? {} : {'content-length': Buffer.byteLength(text)}),
	});
	response.end(text);
}
