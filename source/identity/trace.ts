import type {PipelinePolicy} from '@azure/core-rest-pipeline';

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

				onExchange({
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
