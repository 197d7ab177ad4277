import {randomUUID} from 'node:crypto';
import type {WarningListener} from './warnings.js';
import {mkdtemp, rm} from 'node:fs/promises';
import type {IncomingMessage} from 'node:http';
import type {AddressInfo, Socket} from 'node:net';
import os from 'node:os';
import path from 'node:path';
import {formatConnectionString, validateEndpoint} from '../protocol/connection-string.js';
import {AccessService} from './access-service.js';
import {builtin} from './builtins.js';
import {createMemoryAssignments, openAssignmentFile} from './assignment-store.js';
import {loadOrCreateTls, type TlsMaterial} from './certificate.js';
import {ensureDirectory, loadResourceId, loadSigningKey, lockDirectory} from './data-directory.js';
import {defaultPort, developmentAccessKey} from './defaults.js';
import {type AcsError, acsErrors} from './errors.js';
import {createAuthenticator} from './http/authenticate.js';
import {createRequestHandler, type RequestLog} from './http/handler.js';
import {correlationVector, sendError} from './http/respond.js';
import {defaultBodyTimeoutMs} from './http/read-body.js';
import {IdentityService} from './identity-service.js';
import {generateSigningKey} from './signing-key.js';
import {openDiskState} from './state/disk-state.js';
import {createMemoryState} from './state/identity-state.js';

const http = builtin('node:http');

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
	/** Azurite's option: answer any well-formed api-version, as the newest known. */
	readonly skipApiVersionCheck?: boolean;
	/** Time a request's body may take to arrive after its headers; default 10 s, then 408. */
	readonly bodyTimeoutMs?: number;
	/** Write the URL in the data directory's lock file, so that `acs-tokens --emulator` commands share this emulator. */
	readonly advertise?: boolean;
	/** The clock, for tests of expiry and clock skew. */
	readonly now?: () => number;
	readonly onRequest?: (entry: RequestLog) => void;
	readonly onInternalError?: (error: unknown) => void;
	/** Log lines for a person: a signature that did not match and why, an unknown api-version, a repaired file. */
	readonly onWarning?: WarningListener;
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
		const {resourceId, signingKey, state, lock, assignments} = persistent
			? await openDataDirectory(options.dataDirectory as string, cleanups, options)
			: {
					resourceId: randomUUID(),
					signingKey: generateSigningKey(),
					state: createMemoryState(),
					lock: undefined,
					assignments: createMemoryAssignments(),
				};
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

		const clock = options.now ? {now: options.now} : {};
		const identity = new IdentityService({resourceId, state, signingKey, ...clock});
		const access = new AccessService({identity, store: assignments, ...clock});
		const bodyTimeoutMs = options.bodyTimeoutMs ?? defaultBodyTimeoutMs;
		const handler = createRequestHandler({
			services: {identity, access},
			authenticate: createAuthenticator({
				accessKey: Buffer.from(accessKey, 'base64'),
				allowEntra: options.allowEntra ?? false,
				secure: !options.http,
				...clock,
				...(options.onWarning ? {onWarning: options.onWarning} : {}),
			}),
			skipApiVersionCheck: options.skipApiVersionCheck ?? false,
			bodyTimeoutMs,
			...(options.onRequest ? {onRequest: options.onRequest} : {}),
			...(options.onInternalError ? {onInternalError: options.onInternalError} : {}),
			...(options.onWarning ? {onWarning: options.onWarning} : {}),
		});
		// Without Host, Node would answer a bare 400; the authenticator refuses such a request instead (Host is signed).
		// The body's own timeout (408 in the service shape) comes first; Node's are the backstop,
		// checked every second rather than every 30 (which let a slow body run up to a minute).
		const serverOptions = {
			requestTimeout: bodyTimeoutMs + 10_000,
			headersTimeout: headersTimeoutMs,
			connectionsCheckingInterval: 1000,
			keepAliveTimeout: 5000,
			requireHostHeader: false,
		};
		const server = tls
			? // Loaded only to serve TLS: node:https brings tls, 7 MiB of an emulator thread that serves plain http.
			  builtin('node:https').createServer({...serverOptions, cert: tls.cert, key: tls.key}, handler)
			: http.createServer(serverOptions, handler);
		// Connections are bounded as everything else is: past this many open at once, a new one is
		// closed as it comes (each may hold up to 64 KiB of body and 16 KiB of headers meanwhile).
		server.maxConnections = maxConnections;
		// Whatever goes wrong on one connection stays there: the process (and a wizard that embeds
		// the emulator) lives on.
		const contained = (work: () => void, socket: Socket) => {
			try {
				work();
			} catch (error) {
				options.onInternalError?.(error);
				socket.destroy();
			}
		};

		server.on('clientError', (error: NodeJS.ErrnoException, socket: Socket) => {
			contained(() => answerUnparsable(error, socket), socket);
		});
		// Without a listener, Node drops a CONNECT without a word.
		server.on('connect', (_request: IncomingMessage, socket: Socket) => {
			contained(() => answerRaw(acsErrors.methodNotAllowed('CONNECT', allMethods), socket), socket);
		});
		if (tls) {
			// A TLS handshake that fails is the client's problem, never a reason to stop.
			server.on('tlsClientError', (_error: Error, socket: Socket) => {
				socket.destroy();
			});
		}

		await new Promise<void>((resolve, reject) => {
			server.once('error', reject);
			server.listen(options.port ?? defaultPort, host, () => {
				server.off('error', reject);
				// After listening, an error (too many open files, say) is logged, not thrown.
				server.on('error', error => options.onInternalError?.(error));
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
			const held = lock;
			// Cleanups run last first: the lock stops naming the URL before the server stops
			// answering on it, so that no one judges a lock still held stale by a refused connect.
			cleanups.push(() => held.advertise({}).catch(() => undefined));
			// Commands with --emulator sign with the development key: they learn at once that this one takes another.
			await lock.advertise({
				url,
				...(tls ? {certificatePath: tls.certificatePath} : {}),
				...(accessKey === developmentAccessKey ? {} : {customAccessKey: true}),
			});
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
	const resourceId = await loadResourceId(directory);
	const signingKey = await loadSigningKey(directory);
	const state = await openDiskState(directory, {onWarning: options.onWarning});
	try {
		return {lock, resourceId, signingKey, state, assignments: await openAssignmentFile(directory)};
	} catch (error) {
		// A damaged assignments file refuses the start: the journal opened for it is closed again.
		await state.close();
		throw error;
	}
}

const headersTimeoutMs = 10_000;
/** Open connections at most, all clients together (README, "The emulator"). */
export const maxConnections = 1000;
/** A connection answered and ended by us is closed this long after, whether or not its client ever reads or closes its side. */
const lingerMs = 2000;
const allMethods = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'];

/** Requests Node's parser rejects (oversized or malformed headers) still get the ACS error shape. */
function answerUnparsable(error: NodeJS.ErrnoException, socket: Socket): void {
	// Bytes that follow a request still being answered on this connection: an answer written
	// now would be read as that request's. Such a client gets the connection closed instead.
	const acsError =
		error.code === 'HPE_HEADER_OVERFLOW'
			? acsErrors.headersTooLarge()
			: error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
				? acsErrors.requestTimeout(headersTimeoutMs / 1000)
				: acsErrors.malformedRequest();
	const inFlight = (socket as {_httpMessage?: unknown})._httpMessage;
	if (!socket.writable) {
		socket.destroy();
	} else if (inFlight instanceof http.ServerResponse && !inFlight.req.complete && !inFlight.headersSent) {
		// The body of the request in hand is what is malformed (a bad chunk, say): that request
		// gets the answer, and the connection ends with it.
		inFlight.shouldKeepAlive = false;
		sendError(inFlight, acsError);
		closeAfter(socket);
	} else if (inFlight instanceof http.ServerResponse) {
		// Bytes past a whole request still being answered: an answer written now would be read as
		// that request's. It gets its own answer, and the connection ends with it.
		inFlight.shouldKeepAlive = false;
		closeAfter(socket, 30_000);
	} else {
		answerRaw(acsError, socket);
	}
}

/** The socket closed `after` ms from now at the latest, its client's side open or not. */
function closeAfter(socket: Socket, after = lingerMs): void {
	setTimeout(() => socket.destroy(), after).unref();
}

/** An ACS error written straight on the socket, for requests that never reach the handler. */
function answerRaw(acsError: AcsError, socket: Socket): void {
	const text = JSON.stringify(acsError.toBody());
	socket.end(
		`HTTP/1.1 ${acsError.status} ${http.STATUS_CODES[acsError.status] ?? 'Bad Request'}\r\n` +
			'content-type: application/json\r\n' +
			Object.entries(acsError.headers)
				.filter(([name]) => name !== 'connection')
				.map(([name, value]) => `${name}: ${value}\r\n`)
				.join('') +
			`MS-CV: ${correlationVector()}\r\n` +
			`content-length: ${Buffer.byteLength(text)}\r\n` +
			'connection: close\r\n\r\n' +
			text,
		// Once written, the connection goes: a client that never closes its side holds no descriptor.
		() => socket.destroy(),
	);
	closeAfter(socket);
}
