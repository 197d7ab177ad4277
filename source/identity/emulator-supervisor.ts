import {Worker} from 'node:worker_threads';
import {clearLockOfThread, DataDirectoryError} from '../emulator/data-directory.js';
import type {WorkerMessage, WorkerOptions} from '../emulator/worker-main.js';
import {text} from '../text/index.js';

/** What happened to an embedded emulator that runs in its own thread, for the wizard to say. */
export type EmulatorEvent =
	| {readonly type: 'restarted'; readonly reason: string; readonly url: string}
	| {readonly type: 'stopped'; readonly reason: string}
	/** The port asked for was taken: the emulator listens on another, which connection strings must name. */
	| {readonly type: 'other-port'; readonly wanted: number; readonly url: string}
	/** The emulator this process shared was stopped by the process that ran it: this one runs it now. */
	| {readonly type: 'took-over'; readonly url: string};

/** Restarts in a row before giving up: a fault that comes back at once is not going away. */
const maxRestarts = 3;
/** A thread that served this long was healthy: its end starts the count again. */
const healthyMs = 60_000;
/** How long a thread has to close before it is terminated. */
const closeMs = 5000;

/** `threadId` as it was: a Worker's own reads -1 once the thread has ended. */
type Started = {
	readonly worker: Worker;
	readonly threadId: number;
	readonly url: string;
	readonly port: number;
	/** Its CA, when it serves https. */
	readonly certificatePath: string | undefined;
	readonly exited: Promise<string>;
};

/**
 * The wizard's embedded emulator in a worker thread (dist/cli.js run as a worker): if that
 * thread ever dies, the wizard lives on, says so, and starts it again on the same port and
 * data, so the endpoint it and any copied connection string use stays valid.
 */
export async function superviseEmulator(
	entry: URL,
	options: WorkerOptions & {readonly dataDirectory: string},
	onEvent: (event: EmulatorEvent) => void = () => {},
): Promise<{url: string; certificatePath: string | undefined; close: () => Promise<void>}> {
	let closing = false;
	let restarts = 0;
	let generation = 0;
	let current = await startOnPort(entry, options, onEvent);
	/** A restart under way, which close() must wait for and stop too. */
	let restarting: Promise<Started | undefined> | undefined;
	const port = current.port;

	const restart = async (reason: string): Promise<Started | undefined> => {
		if (restarts >= maxRestarts) {
			onEvent({type: 'stopped', reason});
			return undefined;
		}

		restarts++;
		generation++;
		try {
			return await start(entry, {...options, port}, generation);
		} catch (error) {
			onEvent({type: 'stopped', reason: `${reason}; ${(error as Error).message}`});
			return undefined;
		}
	};

	const watch = (running: Started) => {
		const started = Date.now();
		void running.exited.then(async reason => {
			// Its lock names this process: cleared, or the next start (and every command) would wait on it.
			await clearLockOfThread(options.dataDirectory, running.threadId).catch(() => undefined);
			if (closing) {
				return;
			}

			if (Date.now() - started > healthyMs) {
				restarts = 0;
			}

			restarting = restart(reason);
			const next = await restarting;
			restarting = undefined;
			if (!next) {
				return;
			}

			if (closing) {
				await stop(next);
				return;
			}

			current = next;
			onEvent({type: 'restarted', reason, url: next.url});
			watch(next);
		});
	};

	watch(current);
	return {
		url: current.url,
		certificatePath: current.certificatePath,
		async close() {
			closing = true;
			const next = await restarting;
			await stop(current);
			if (next) {
				await stop(next);
			}
		},
	};
}

/** Asks the thread to close the emulator (journal synced, lock released); terminates it if it does not. */
async function stop(running: Started): Promise<void> {
	running.worker.postMessage({type: 'close'});
	let timer: NodeJS.Timeout | undefined;
	const timedOut = new Promise<'timeout'>(resolve => {
		timer = setTimeout(() => resolve('timeout'), closeMs);
	});
	if ((await Promise.race([running.exited, timedOut])) === 'timeout') {
		await running.worker.terminate();
	}

	clearTimeout(timer);
}

/** On the port asked for, or on a free one (said) when another program holds it. */
async function startOnPort(
	entry: URL,
	options: WorkerOptions,
	onEvent: (event: EmulatorEvent) => void,
): Promise<Started> {
	try {
		return await start(entry, options, 0);
	} catch (error) {
		if (!(error instanceof PortTakenError) || !options.port) {
			throw error;
		}

		const started = await start(entry, {...options, port: 0}, 0);
		onEvent({type: 'other-port', wanted: options.port, url: started.url});
		return started;
	}
}

class PortTakenError extends Error {}

function start(entry: URL, options: WorkerOptions, restart: number): Promise<Started> {
	const worker = new Worker(entry, {workerData: {role: 'emulator', emulator: options, restart}});
	const {threadId} = worker;
	let lastError = '';
	let failure: string | undefined;
	const exited = new Promise<string>(resolve => {
		worker.on('error', error => {
			lastError = error.message;
		});
		worker.on('exit', code => {
			resolve(failure ?? (lastError || text.errors.emulatorThreadExited(code)));
		});
	});
	return new Promise((resolve, reject) => {
		worker.on('message', (message: WorkerMessage) => {
			if (message.type === 'ready') {
				resolve({worker, threadId, url: message.url, port: message.port, certificatePath: message.certificatePath, exited});
			} else if (message.type === 'failed') {
				// A refused data directory is said in the user's language (the wizard shows it as it is).
				failure = message.problem ? text.commands.emulator.refusal(message.problem) : message.message;
				reject(
					message.dataDirectory
						? new DataDirectoryError(message.problem ?? message.message, message.ownerPid ? {pid: message.ownerPid} : undefined, failure)
						: message.code === 'EADDRINUSE'
							? new PortTakenError(message.message)
							: new Error(message.message),
				);
			} else {
				lastError = message.message.split('\n')[0] ?? '';
			}
		});
		// Before 'ready' only: a thread that ends later is watch()'s to handle (a reject after resolve does nothing).
		void exited.then(reason => reject(new Error(reason)));
	});
}
