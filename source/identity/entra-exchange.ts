import diagnostics from 'node:diagnostics_channel';
import type {ClientRequest, IncomingMessage} from 'node:http';
import tls from 'node:tls';
import type {AccessToken} from '@azure/core-auth';
import {text} from '../text/index.js';
import {IdentityError} from './errors.js';
import {defaultRequestTimeoutSeconds, timedOutError} from './request-timeout.js';
import type {IssuedToken} from './client.js';
import {type Exchange, maskSecrets, signingOf} from './trace.js';

/**
 * A client app's exchange for an Entra ID user or a Teams Extension user, done by the real
 * `@azure/communication-common` credential (AzureCommunicationTokenCredential with
 * `resourceEndpoint` and a TokenCredential), given the user's Entra ID token. The credential
 * sends its request with Node's default agent: the local emulator's CA, when given, is added
 * to this process's default CAs (it is the emulator's own, made on this machine).
 */
export async function exchangeEntraToken(options: {
	readonly endpoint: string;
	readonly entraToken: string;
	readonly scopes: readonly string[];
	readonly trustedCertificate?: string | undefined;
	/** Each request the credential sends to the resource, as trace.ts records the SDK's (the bearer masked). */
	readonly onExchange?: ((exchange: Exchange) => void) | undefined;
	/** How long the exchange may take (ACS_TOKENS_REQUEST_TIMEOUT): the credential takes no signal, so it is raced. */
	readonly timeoutSeconds?: number | undefined;
}): Promise<IssuedToken> {
	if (new URL(options.endpoint).protocol !== 'https:') {
		throw new IdentityError('validation', text.errors.entraPlainHttp(options.endpoint));
	}

	if (options.trustedCertificate) {
		trustAlso(options.trustedCertificate, options.endpoint);
	}

	// The credential's error is a sentence; the status it got is read off the response itself.
	const host = new URL(options.endpoint).host;
	const answered: {status?: number} = {};
	// The resource's own requests only: the Host header as sent, with its port, and the exchange paths.
	const isOurs = (request: ClientRequest) => request.getHeader('host') === host && request.path.startsWith('/access/');
	const started = new Map<ClientRequest, number>();
	const timeoutSeconds = options.timeoutSeconds ?? defaultRequestTimeoutSeconds;
	let timer: NodeJS.Timeout | undefined;
	let expired = false;
	// The credential starts its request itself, with no signal: at the deadline its requests are
	// destroyed, and so is each one its retries send after, and the exchange is a network error.
	const deadline = new Promise<never>((_resolve, reject) => {
		timer = setTimeout(() => {
			expired = true;
			for (const request of started.keys()) {
				request.destroy();
			}

			reject(timedOutError(options.endpoint, timeoutSeconds));
		}, timeoutSeconds * 1000);
	});
	const onStart = (message: unknown) => {
		const {request} = message as {request: ClientRequest};
		if (isOurs(request) && expired) {
			request.destroy();
		} else if (isOurs(request)) {
			started.set(request, performance.now());
		}
	};
	const onResponse = (message: unknown) => {
		const {request, response} = message as {request: ClientRequest; response: IncomingMessage};
		if (isOurs(request)) {
			answered.status = response.statusCode;
			options.onExchange?.(exchangeOf(request, response.statusCode, performance.now() - (started.get(request) ?? performance.now()), host));
			started.delete(request);
		}
	};
	const common = await import('@azure/communication-common');
	const token = options.entraToken;
	const tokenCredential = {
		async getToken(): Promise<AccessToken> {
			return {token, expiresOnTimestamp: Date.now() + 60 * 60 * 1000};
		},
	};
	// Subscribed only while this exchange runs, and always given back (the finally below).
	diagnostics.subscribe('http.client.request.start', onStart);
	diagnostics.subscribe('http.client.response.finish', onResponse);
	let credential: InstanceType<typeof common.AzureCommunicationTokenCredential> | undefined;
	let pending: Promise<unknown> = Promise.resolve();
	try {
		credential = new common.AzureCommunicationTokenCredential({
			resourceEndpoint: options.endpoint.replace(/\/+$/, ''),
			tokenCredential,
			scopes: [...options.scopes],
		});
		const asked = credential.getToken();
		pending = asked;
		const acsToken = await Promise.race([asked, deadline]);
		return {token: acsToken.token, expiresOn: new Date(acsToken.expiresOnTimestamp)};
	} catch (error) {
		if (error instanceof IdentityError) {
			throw error;
		}

		const status = answered.status;
		const kind = status === 401 || status === 403 ? 'authentication' : status === undefined ? 'network' : 'service';
		const message =
			status === 403
				? text.errors.exchangeNotAssigned()
				: status === 401
					? text.errors.exchangeTokenRefused()
					: text.errors.exchangeFailed(options.endpoint, status);
		throw new IdentityError(kind, message, status === undefined ? {} : {statusCode: status}, {cause: error});
	} finally {
		clearTimeout(timer);
		credential?.dispose();
		const unsubscribe = () => {
			diagnostics.unsubscribe('http.client.request.start', onStart);
			diagnostics.unsubscribe('http.client.response.finish', onResponse);
		};
		// Past the deadline the credential may still retry: its requests are cut until it gives up.
		pending.then(unsubscribe, unsubscribe);
	}
}

/** A request the credential sent, as the HTTP panel shows it: the headers masked, no body (the answer holds the ACS token). */
function exchangeOf(request: ClientRequest, status: number | undefined, milliseconds: number, host: string): Exchange {
	const url = new URL(request.path, `https://${host}`);
	const header = (name: string) => {
		const value = request.getHeader(name);
		return value === undefined ? undefined : String(value);
	};
	const requestHeaders: Record<string, string> = {};
	for (const name of ['content-type', 'authorization']) {
		const value = header(name);
		if (value !== undefined) {
			requestHeaders[name] = maskSecrets(value);
		}
	}

	const signing = signingOf(header('authorization'), host);
	return {
		...(signing ? {signing} : {}),
		method: request.method,
		path: url.pathname + url.search,
		apiVersion: url.searchParams.get('api-version') ?? undefined,
		status,
		milliseconds,
		requestHeaders,
		requestBody: undefined,
		responseBody: undefined,
	};
}

/**
 * Adds the local emulator's CA to this process's default CAs, once: the credential's requests
 * use Node's default agent, which takes no CA of its own. Node before 22.19 cannot (no
 * tls.setDefaultCACertificates): NODE_EXTRA_CA_CERTS does it there, and the user is told so.
 */
function trustAlso(certificate: string, endpoint: string): void {
	const {setDefaultCACertificates, getCACertificates} = tls as Partial<typeof tls>;
	if (typeof setDefaultCACertificates !== 'function' || typeof getCACertificates !== 'function') {
		throw new IdentityError('untrusted-certificate', text.errors.trustNeedsNewerNode(endpoint, process.version));
	}

	const current = getCACertificates('default');
	if (!current.includes(certificate)) {
		setDefaultCACertificates([...current, certificate]);
	}
}
