/**
 * `endpoint=<url>;accesskey=<base64>`, keys case-insensitive. Every message here names
 * what is wrong and never echoes the key.
 */
export class ConnectionStringError extends Error {
	override name = 'ConnectionStringError';
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
			throw new ConnectionStringError(
				'The connection string has a part without "=": it must look like endpoint=https://<resource>.communication.azure.com/;accesskey=<key>.',
			);
		}

		fields.set(part.slice(0, separator).trim().toLowerCase(), part.slice(separator + 1).trim());
	}

	const endpoint = fields.get('endpoint');
	if (!endpoint) {
		throw new ConnectionStringError(
			'The connection string has no "endpoint=": copy the whole string from the Azure portal (Keys blade of the Communication Services resource).',
		);
	}

	const accessKey = fields.get('accesskey');
	if (!accessKey) {
		throw new ConnectionStringError(
			'The connection string has no "accesskey=": copy the whole string from the Azure portal (Keys blade of the Communication Services resource).',
		);
	}

	if (!base64Pattern.test(accessKey)) {
		throw new ConnectionStringError(
			'The access key in the connection string is not valid base64: it may have been cut when copied; copy it again from the Keys blade.',
		);
	}

	return {endpoint: validateEndpoint(endpoint), accessKey};
}

export function validateEndpoint(endpoint: string): string {
	let url: URL;
	try {
		url = new URL(endpoint);
	} catch {
		throw new ConnectionStringError(
			`The endpoint "${endpoint}" is not a URL: it must look like https://<resource>.communication.azure.com/.`,
		);
	}

	if (url.protocol !== 'https:' && url.protocol !== 'http:') {
		throw new ConnectionStringError(`The endpoint "${endpoint}" must start with https://.`);
	}

	if ((url.pathname !== '/' && url.pathname !== '') || url.search || url.hash || url.username || url.password) {
		throw new ConnectionStringError(
			`The endpoint "${endpoint}" must be only a scheme and host, like ${url.protocol}//${url.host}/, with no path, query or credentials.`,
		);
	}

	if (url.protocol === 'http:' && !isLoopbackHost(url.hostname)) {
		throw new ConnectionStringError(
			`The endpoint "${endpoint}" uses plain http:// on a host that is not this machine: the access key would sign requests that anyone on the network can read. Use https://; plain http:// is allowed only for localhost and 127.0.0.1.`,
		);
	}

	return `${url.protocol}//${url.host}/`;
}

export function formatConnectionString(connection: ConnectionString): string {
	return `endpoint=${connection.endpoint};accesskey=${connection.accessKey}`;
}
