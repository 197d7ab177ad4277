import {Worker} from 'node:worker_threads';
import {DataDirectoryError} from '../emulator/data-directory.js';
import type {WorkerMessage, WorkerOptions} from '../emulator/worker-main.js';
import {text} from '../text/index.js';
import type {EmulatorEvent} from './embedded-emulator.js';

/** Restarts in a row before giving up: a fault that comes back at once is not going away. */
const maxRestarts = 3;
/** A thread that served this long was healthy: its end starts the count again. */
const healthyMs = 60_000;

/**
 * The wizard's embedded emulator in a worker thread (dist/cli.js run as a worker): if that
 * thread ever dies, the wizard lives on, says so, and starts it again on the same port and
 * data, so the endpoint it and any copied connection string use stays valid.
 */
export async function superviseEmulator(
	entry: URL,
	options: WorkerOptions,
	onEvent: (event: EmulatorEvent) => void = () => {},
): Promise<{url: string; close: () => Promise<void>}> {
	let closing = false;
	let restarts = 0;
	let generation = 0;
	let current = await start(entry, options, generation);
	const port = current.port;

	const watch = (running: Started) => {
		const started = Date.now();
		void running.exited.then(async reason => {
			if (closing) {
				return;
			}

			if (Date.now() - started > healthyMs) {
				restarts = 0;
			}

			if (restarts >= maxRestarts) {
				onEvent({type: 'stopped', reason});
				return;
			}

			restarts++;
			generation++;
			try {
				current = await start(entry, {...options, port}, generation);
				onEvent({type: 'restarted', reason, url: current.url});
				watch(current);
			} catch (error) {
				onEvent({type: 'stopped', reason: `${reason}; ${(error as Error).message}`});
			}
		});
	};

	watch(current);
	return {
		url: current.url,
		async close() {
			closing = true;
			current.worker.postMessage({type: 'close'});
			await current.exited;
		},
	};
}

type Started = {readonly worker: Worker; readonly url: string; readonly port: number; readonly exited: Promise<string>};

function start(entry: URL, options: WorkerOptions, restart: number): Promise<Started> {
	const worker = new Worker(entry, {workerData: {role: 'emulator', emulator: options, restart}});
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
				resolve({worker, url: message.url, port: message.port, exited});
			} else if (message.type === 'failed') {
				failure = message.message;
				reject(
					message.name === 'DataDirectoryError' || message.name === 'StateFileError'
						? new DataDirectoryError(message.message, message.ownerPid ? {pid: message.ownerPid} : undefined)
						: new Error(message.message),
				);
			} else {
				lastError = message.message.split('\n')[0] ?? '';
			}
		});
		void exited.then(reason => reject(new Error(reason)));
	});
}
