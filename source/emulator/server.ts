import {randomUUID} from 'node:crypto';
import {mkdtemp, rm} from 'node:fs/promises';
import http from 'node:http';
import https from 'node:https';
import type {AddressInfo, Socket} from 'node:net';
import os from 'node:os';
import path from 'node:path';
import {formatConnectionString, validateEndpoint} from '../identity/connection-string.js';
import {apiSupportedVersionsHeader} from './api-versions.js';
import {loadOrCreateTls, type TlsMaterial} from './certificate.js';
import {ensureDirectory, loadResourceId, loadSigningKey, lockDirectory} from './data-directory.js';
import {defaultPort, developmentAccessKey} from './defaults.js';
import {type AcsError, acsErrors} from './errors.js';
import {createAuthenticator} from './http/authenticate.js';
import {createRequestHandler, type RequestLog} from './http/handler.js';
import {IdentityService} from './identity-service.js';
import {generateSigningKey} from './signing-key.js';
import {openDiskState} from './state/disk-state.js';
import {createMemoryState} from './state/identity-state.js';

export type EmulatorOptions = {
	/** 0 picks a free port. Default: 10430. */
	readonly port?: number;
	/** Default 127.0.0.1: the emulator binds to loopback unless told otherwise. */
	readonly host?: string;
	/** Plain HTTP instead of HTTPS. */
	readonly http?: boolean;
	/** Identities, signing key and certificate live here and survive restarts. */
	readonly dataDirectory?: string;
	/** Keep identities in memory (the default when there is no data directory). */
	readonly inMemory?: boolean;
	/** Where the certificate is kept when in memory; default: a temporary directory removed on close. */
	readonly certificateDirectory?: string;
	/** Base64 access key; default: the well-known development key. */
	readonly accessKey?: string;
	/** Accept Entra ID bearer tokens over HTTPS (audience and expiry checked, signature not). */
	readonly allowEntra?: boolean;
	/** Write the URL in the data directory's lock file, so that `acs-tokens --emulator` commands share this emulator. */
	readonly advertise?: boolean;
	/** The clock, for tests of expiry and clock skew. */
	readonly now?: () => number;
	readonly onRequest?: (entry: RequestLog) => void;
	readonly onInternalError?: (error: unknown) => void;
	/** Repairs made to the data directory on start that a person should hear of (a torn last journal line dropped). */
	readonly onWarning?: (message: string) => void;
};

export type Emulator = {
	readonly connectionString: string;
	/** e.g. `https://127.0.0.1:10430/`. */
	readonly url: string;
	/** The CA certificate to trust, with HTTPS; undefined with plain HTTP. */
	readonly certificatePath: string | undefined;
	readonly resourceId: string;
	close(): Promise<void>;
};

export async function createEmulator(options: EmulatorOptions = {}): Promise<Emulator> {
	const host = options.host ?? '127.0.0.1';
	const accessKey = options.accessKey ?? developmentAccessKey;
	const cleanups: (() => Promise<void>)[] = [];
	const cleanUp = async () => {
		for (const cleanup of cleanups.reverse()) {
			await cleanup();
		}
	};

	try {
		const persistent = options.dataDirectory !== undefined && !options.inMemory;
		const {resourceId, signingKey, state, lock} = persistent
			? await openDataDirectory(options.dataDirectory as string, cleanups, options)
			: {resourceId: randomUUID(), signingKey: generateSigningKey(), state: createMemoryState(), lock: undefined};
		cleanups.push(() => state.close());

		let tls: TlsMaterial | undefined;
		if (!options.http) {
			let directory = persistent ? options.dataDirectory : options.certificateDirectory;
			if (directory === undefined) {
				const temporary = await mkdtemp(path.join(os.tmpdir(), 'acs-tokens-emulator-'));
				cleanups.push(() => rm(temporary, {recursive: true, force: true}));
				directory = temporary;
			}

			tls = await loadOrCreateTls(path.join(directory, 'tls'));
		}

		const service = new IdentityService({resourceId, state, signingKey, ...(options.now ? {now: options.now} : {})});
		const handler = createRequestHandler({
			service,
			authenticate: createAuthenticator({
				accessKey: Buffer.from(accessKey, 'base64'),
				allowEntra: options.allowEntra ?? false,
				secure: !options.http,
				...(options.now ? {now: options.now} : {}),
			}),
			...(options.onRequest ? {onRequest: options.onRequest} : {}),
			...(options.onInternalError ? {onInternalError: options.onInternalError} : {}),
		});
		// Without Host, Node would answer a bare 400; the authenticator refuses such a request instead (Host is signed).
		const serverOptions = {
			requestTimeout: 30_000,
			headersTimeout: 15_000,
			keepAliveTimeout: 5000,
			requireHostHeader: false,
		};
		const server = tls
			? https.createServer({...serverOptions, cert: tls.cert, key: tls.key}, handler)
			: http.createServer(serverOptions, handler);
		server.on('clientError', (error: NodeJS.ErrnoException, socket: Socket) => {
			answerUnparsable(error, socket);
		});
		// Without a listener, Node drops a CONNECT without a word.
		server.on('connect', (_request: http.IncomingMessage, socket: Socket) => {
			answerRaw(acsErrors.methodNotAllowed('CONNECT', ['GET', 'POST', 'DELETE']), socket);
		});

		await new Promise<void>((resolve, reject) => {
			server.once('error', reject);
			server.listen(options.port ?? defaultPort, host, () => {
				server.off('error', reject);
				resolve();
			});
		});
		cleanups.push(
			() =>
				new Promise<void>(resolve => {
					server.close(() => {
						resolve();
					});
					server.closeAllConnections();
				}),
		);

		const {port} = server.address() as AddressInfo;
		const urlHost = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host.includes(':') ? `[${host}]` : host;
		const url = validateEndpoint(`${tls ? 'https' : 'http'}://${urlHost}:${port}`);
		if (options.advertise && lock) {
			await lock.advertise({url, ...(tls ? {certificatePath: tls.certificatePath} : {})});
		}

		let closing: Promise<void> | undefined;
		return {
			url,
			connectionString: formatConnectionString({endpoint: url, accessKey}),
			certificatePath: tls?.certificatePath,
			resourceId,
			close() {
				closing ??= cleanUp();
				return closing;
			},
		};
	} catch (error) {
		await cleanUp();
		throw error;
	}
}

async function openDataDirectory(directory: string, cleanups: (() => Promise<void>)[], options: EmulatorOptions) {
	await ensureDirectory(directory);
	const lock = await lockDirectory(directory);
	cleanups.push(() => lock.release());
	return {
		lock,
		resourceId: await loadResourceId(directory),
		signingKey: await loadSigningKey(directory),
		state: await openDiskState(directory, {onWarning: options.onWarning}),
	};
}

/** Requests Node's parser rejects (oversized or malformed headers) still get the ACS error shape. */
function answerUnparsable(error: NodeJS.ErrnoException, socket: Socket): void {
	if (!socket.writable) {
		socket.destroy();
		return;
	}

	answerRaw(error.code === 'HPE_HEADER_OVERFLOW' ? acsErrors.headersTooLarge() : acsErrors.malformedRequest(), socket);
}

/** An ACS error written straight on the socket, for requests that never reach the handler. */
function answerRaw(acsError: AcsError, socket: Socket): void {
	const text = JSON.stringify(acsError.toBody());
	socket.end(
		`HTTP/1.1 ${acsError.status} ${http.STATUS_CODES[acsError.status] ?? 'Bad Request'}\r\n` +
			'content-type: application/json; charset=utf-8\r\n' +
			Object.entries(acsError.headers)
				.map(([name, value]) => `${name}: ${value}\r\n`)
				.join('') +
			`api-supported-versions: ${apiSupportedVersionsHeader}\r\n` +
			`x-ms-error-code: ${acsError.code}\r\n` +
			`content-length: ${Buffer.byteLength(text)}\r\n` +
			'connection: close\r\n\r\n' +
			text,
	);
}
