// The server side of bench/emulator.ts, in its own process so the load client does not
// compete with it for one event loop. Forked with an IPC channel; argv picks what to run:
//   bare              a bare node:http server answering a fixed JSON body
//   memory            the emulator over plain HTTP, in-memory state
//   disk <directory>  the emulator over plain HTTP, with a data directory (durable journal)
// Messages in: {type: 'cpu'} → {type: 'cpu', usage}; {type: 'stop'} → closes and exits.
// Message out once listening: {type: 'ready', url, connectionString}.
import http from 'node:http';
import type {AddressInfo} from 'node:net';
import {createEmulator} from '../source/emulator/server.js';

export type ServerKind = 'bare' | 'memory' | 'disk';

export type ServerMessage =
	| {readonly type: 'ready'; readonly url: string; readonly connectionString: string | undefined}
	| {readonly type: 'cpu'; readonly usage: NodeJS.CpuUsage}
	| {readonly type: 'failed'; readonly message: string};

export type ClientMessage = {readonly type: 'cpu'} | {readonly type: 'stop'};

/** About the size of a real `{token, expiresOn}` answer (an RS256 token is ~850 characters). */
const bareBody = JSON.stringify({
	token: 'x'.repeat(850),
	expiresOn: '2030-01-01T00:00:00.0000000+00:00',
});

function send(message: ServerMessage): void {
	process.send?.(message);
}

async function startBare(): Promise<{url: string; close: () => Promise<void>}> {
	const length = Buffer.byteLength(bareBody);
	// Same server options as the emulator; reads the whole body before answering, as it does.
	const server = http.createServer({requestTimeout: 30_000, headersTimeout: 15_000, keepAliveTimeout: 5000}, (request, response) => {
		request.resume();
		request.once('end', () => {
			response.writeHead(200, {'content-type': 'application/json; charset=utf-8', 'content-length': length});
			response.end(bareBody);
		});
	});
	await new Promise<void>((resolve, reject) => {
		server.once('error', reject);
		server.listen(0, '127.0.0.1', () => {
			resolve();
		});
	});
	const {port} = server.address() as AddressInfo;
	return {
		url: `http://127.0.0.1:${port}/`,
		close: () =>
			new Promise<void>(resolve => {
				server.close(() => {
					resolve();
				});
				server.closeAllConnections();
			}),
	};
}

async function main(): Promise<void> {
	const kind = process.argv[2] as ServerKind | undefined;
	let close: () => Promise<void>;
	if (kind === 'bare') {
		const bare = await startBare();
		close = bare.close;
		send({type: 'ready', url: bare.url, connectionString: undefined});
	} else if (kind === 'memory' || kind === 'disk') {
		const dataDirectory = process.argv[3];
		if (kind === 'disk' && !dataDirectory) {
			throw new Error('disk needs a data directory');
		}

		const emulator = await createEmulator({
			port: 0,
			host: '127.0.0.1',
			http: true,
			...(kind === 'disk' ? {dataDirectory} : {inMemory: true}),
			onInternalError(error) {
				console.error('emulator internal error:', error);
			},
		});
		close = () => emulator.close();
		send({type: 'ready', url: emulator.url, connectionString: emulator.connectionString});
	} else {
		throw new Error(`unknown server kind ${String(kind)}`);
	}

	let stopping = false;
	const stop = () => {
		if (stopping) {
			return;
		}

		stopping = true;
		// Bounded: a server that will not close still exits.
		setTimeout(() => process.exit(0), 5000).unref();
		close().then(
			() => {
				process.disconnect?.();
				process.exit(0);
			},
			(error: unknown) => {
				console.error(error);
				process.exit(1);
			},
		);
	};

	process.on('message', (message: ClientMessage) => {
		if (message.type === 'cpu') {
			send({type: 'cpu', usage: process.cpuUsage()});
		} else if (message.type === 'stop') {
			stop();
		}
	});
	process.on('disconnect', stop);
}

main().catch((error: unknown) => {
	send({type: 'failed', message: error instanceof Error ? error.message : String(error)});
	console.error(error);
	process.exit(1);
});
