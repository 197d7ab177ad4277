/**
 * `endpoint=<url>;accesskey=<base64>`, keys case-insensitive. Every message here names
 * what is wrong and never echoes the key.
 */
export type ConnectionStringProblem =
	| {readonly kind: 'part-without-equals'}
	| {readonly kind: 'no-endpoint'}
	| {readonly kind: 'no-access-key'}
	| {readonly kind: 'access-key-not-base64'}
	| {readonly kind: 'endpoint-not-a-url'; readonly endpoint: string}
	| {readonly kind: 'endpoint-not-http'; readonly endpoint: string}
	| {readonly kind: 'endpoint-not-an-origin'; readonly endpoint: string; readonly origin: string}
	| {readonly kind: 'plain-http-off-loopback'; readonly endpoint: string};

/** English, for library users and the English catalogue; acs-tokens shows `problem` in the user's language (text/). */
export function describeConnectionStringProblem(problem: ConnectionStringProblem): string {
	switch (problem.kind) {
		case 'part-without-equals': {
			return 'The connection string has a part without "=": it must look like endpoint=https://<resource>.communication.azure.com/;accesskey=<key>.';
		}

		case 'no-endpoint': {
			return 'The connection string has no "endpoint=": copy the whole string from the Azure portal (Keys blade of the Communication Services resource).';
		}

		case 'no-access-key': {
			return 'The connection string has no "accesskey=": copy the whole string from the Azure portal (Keys blade of the Communication Services resource).';
		}

		case 'access-key-not-base64': {
			return 'The access key in the connection string is not valid base64: it may have been cut when copied; copy it again from the Keys blade.';
		}

		case 'endpoint-not-a-url': {
			return `The endpoint "${problem.endpoint}" is not a URL: it must look like https://<resource>.communication.azure.com/.`;
		}

		case 'endpoint-not-http': {
			return `The endpoint "${problem.endpoint}" must start with https://.`;
		}

		case 'endpoint-not-an-origin': {
			return `The endpoint "${problem.endpoint}" must be only a scheme and host, like ${problem.origin}, with no path, query or credentials.`;
		}

		case 'plain-http-off-loopback': {
			return `The endpoint "${problem.endpoint}" uses plain http:// on a host that is not this machine: the access key would sign requests that anyone on the network can read. Use https://; plain http:// is allowed only for localhost and 127.0.0.1.`;
		}
	}
}

export class ConnectionStringError extends Error {
	override name = 'ConnectionStringError';
	readonly problem: ConnectionStringProblem;

	constructor(problem: ConnectionStringProblem, message = describeConnectionStringProblem(problem)) {
		super(message);
		this.problem = problem;
	}
}

export type ConnectionString = {
	/** Origin with a trailing slash, e.g. `https://contoso.communication.azure.com/`. */
	readonly endpoint: string;
	readonly accessKey: string;
};

const base64Pattern = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

export function isLoopbackHost(hostname: string): boolean {
	const host = hostname.replace(/^\[|\]$/g, '').toLowerCase();
	return host === 'localhost' || host === '::1' || /^127(?:\.\d{1,3}){3}$/.test(host);
}

export function parseConnectionString(text: string): ConnectionString {
	const fields = new Map<string, string>();
	for (const part of text.trim().split(';')) {
		if (part.trim() === '') {
			continue;
		}

		const separator = part.indexOf('=');
		if (separator === -1) {
			throw new ConnectionStringError({kind: 'part-without-equals'});
		}

		fields.set(part.slice(0, separator).trim().toLowerCase(), part.slice(separator + 1).trim());
	}

	const endpoint = fields.get('endpoint');
	if (!endpoint) {
		throw new ConnectionStringError({kind: 'no-endpoint'});
	}

	const accessKey = fields.get('accesskey');
	if (!accessKey) {
		throw new ConnectionStringError({kind: 'no-access-key'});
	}

	if (!base64Pattern.test(accessKey)) {
		throw new ConnectionStringError({kind: 'access-key-not-base64'});
	}

	return {endpoint: validateEndpoint(endpoint), accessKey};
}

export function validateEndpoint(endpoint: string): string {
	let url: URL;
	try {
		url = new URL(endpoint);
	} catch {
		throw new ConnectionStringError({kind: 'endpoint-not-a-url', endpoint});
	}

	if (url.protocol !== 'https:' && url.protocol !== 'http:') {
		throw new ConnectionStringError({kind: 'endpoint-not-http', endpoint});
	}

	if ((url.pathname !== '/' && url.pathname !== '') || url.search || url.hash || url.username || url.password) {
		throw new ConnectionStringError({kind: 'endpoint-not-an-origin', endpoint, origin: `${url.protocol}//${url.host}/`});
	}

	if (url.protocol === 'http:' && !isLoopbackHost(url.hostname)) {
		throw new ConnectionStringError({kind: 'plain-http-off-loopback', endpoint});
	}

	return `${url.protocol}//${url.host}/`;
}

export function formatConnectionString(connection: ConnectionString): string {
	return `endpoint=${connection.endpoint};accesskey=${connection.accessKey}`;
}
