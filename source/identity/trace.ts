import type {PipelinePolicy} from '@azure/core-rest-pipeline';
import {parseAuthorization} from '../protocol/hmac-scheme.js';

/**
 * How a request was authenticated, for the signing panel: an HMAC signature over the signed
 * Host (the other signed headers are in `requestHeaders`), of which only a few characters at
 * each end are kept; or a bearer token, of which nothing is.
 */
export type Signing =
	| {readonly scheme: 'hmac'; readonly host: string; readonly signedHeaders: readonly string[]; readonly signatureHint: string}
	| {readonly scheme: 'bearer'};

/** One HTTP exchange of an operation, with every secret masked: what the learning panel and --verbose show. */
export type Exchange = {
	readonly method: string;
	/** Path and query, e.g. `/identities?api-version=2023-10-01`. */
	readonly path: string;
	readonly apiVersion: string | undefined;
	readonly status: number | undefined;
	readonly milliseconds: number;
	readonly requestHeaders: Readonly<Record<string, string>>;
	readonly requestBody: string | undefined;
	readonly responseBody: string | undefined;
	/** Absent for a request with no Authorization header (the emulator's own extensions). */
	readonly signing?: Signing;
};

const shownRequestHeaders = ['content-type', 'x-ms-date', 'x-ms-content-sha256', 'authorization'];

export const masked = '•••';

/** A token as every screen and command shows it unless revealed: its start, enough to tell one from another. */
export function maskToken(token: string): string {
	return maskValue(token, 12);
}

/** Keeps a secret's first characters, so a person can tell two tokens apart without seeing either. */
export function maskValue(value: string, keep = 6): string {
	return value.length <= keep * 2 ? masked : `${value.slice(0, keep)}${masked}`;
}

/** Masks tokens, keys and signatures wherever they appear in a header or a JSON body. */
export function maskSecrets(value: string): string {
	return value
		.replaceAll(/(Signature=)[A-Za-z0-9+/=]+/g, `$1${masked}`)
		.replaceAll(/(accesskey=)[^;\s"]+/gi, `$1${masked}`)
		.replaceAll(/(Bearer\s+)[\w.-]+/gi, `$1${masked}`)
		.replaceAll(/("(?:token|teamsUserAadToken|accessKey)"\s*:\s*")([^"]*)(")/g, (_match, start: string, secret: string, end: string) =>
			`${start}${maskValue(secret)}${end}`,
		);
}

/** Four characters at each end of a signature: enough to compare with one computed by hand, nothing to replay. */
export function signatureHint(signature: string): string {
	return signature.length < 16 ? masked : `${signature.slice(0, 4)}${masked}${signature.slice(-4)}`;
}

export function signingOf(authorization: string | undefined, host: string): Signing | undefined {
	if (authorization === undefined) {
		return undefined;
	}

	if (/^Bearer\s/i.test(authorization)) {
		return {scheme: 'bearer'};
	}

	const parsed = parseAuthorization(authorization);
	return parsed ? {scheme: 'hmac', host, signedHeaders: parsed.signedHeaders, signatureHint: signatureHint(parsed.signature)} : undefined;
}

/** A pipeline policy that records each exchange after the request is signed and answered. */
export function createTracePolicy(onExchange: (exchange: Exchange) => void): PipelinePolicy {
	return {
		name: 'acs-tokens-trace',
		async sendRequest(request, next) {
			const started = performance.now();
			const url = new URL(request.url);
			const record = (status: number | undefined, responseBody: string | undefined) => {
				const requestHeaders: Record<string, string> = {};
				for (const name of shownRequestHeaders) {
					const value = request.headers.get(name);
					if (value !== undefined) {
						requestHeaders[name] = maskSecrets(value);
					}
				}

				const signing = signingOf(request.headers.get('authorization'), request.headers.get('host') ?? url.host);
				onExchange({
					...(signing ? {signing} : {}),
					method: request.method,
					path: url.pathname + url.search,
					apiVersion: url.searchParams.get('api-version') ?? undefined,
					status,
					milliseconds: performance.now() - started,
					requestHeaders,
					requestBody: typeof request.body === 'string' && request.body !== '' ? maskSecrets(request.body) : undefined,
					responseBody: responseBody ? maskSecrets(responseBody) : undefined,
				});
			};

			try {
				const response = await next(request);
				record(response.status, response.bodyAsText ?? undefined);
				return response;
			} catch (error) {
				const {statusCode, response} = error as {statusCode?: number; response?: {bodyAsText?: string}};
				record(statusCode, response?.bodyAsText);
				throw error;
			}
		},
	};
}
