import type {ServerResponse} from 'node:http';
import {apiSupportedVersionsHeader} from '../api-versions.js';
import type {AcsError} from '../errors.js';

export function sendJson(
	response: ServerResponse,
	status: number,
	body: unknown,
	headers: Readonly<Record<string, string>> = {},
): void {
	const text = body === undefined ? '' : JSON.stringify(body);
	response.writeHead(status, {
		...headers,
		'api-supported-versions': apiSupportedVersionsHeader,
		...(text === '' ? {} : {'content-type': 'application/json; charset=utf-8'}),
		'content-length': Buffer.byteLength(text),
	});
	response.end(text);
}

export function sendError(response: ServerResponse, error: AcsError, headers: Readonly<Record<string, string>> = {}): void {
	sendJson(response, error.status, error.toBody(), {...headers, ...error.headers, 'x-ms-error-code': error.code});
}
