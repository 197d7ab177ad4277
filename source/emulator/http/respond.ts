import {randomBytes} from 'node:crypto';
import type {ServerResponse} from 'node:http';
import type {AcsError} from '../errors.js';

/** Successes carry a charset; the service's errors say only `application/json` (recorded). */
const successType = 'application/json; charset=utf-8';
const errorType = 'application/json';

export type ResponseHeaders = Readonly<Record<string, string>>;

/**
 * The service's name for one answer, in its MS-CV header (every recorded ACS response has one;
 * none has x-ms-request-id or x-ms-error-code): a correlation vector, 22 base64 characters of
 * 16 random bytes and `.0`, as `hE7bWSlRZEyFuw+WZOhInA.0`.
 */
export function correlationVector(): string {
	return `${randomBytes(16).toString('base64').slice(0, 22)}.0`;
}

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
