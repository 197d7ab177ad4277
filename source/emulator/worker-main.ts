import {parentPort, workerData} from 'node:worker_threads';
import {DataDirectoryError, type StateProblem} from './data-directory.js';
import {createEmulator, type EmulatorOptions} from './server.js';

/**
 * The embedded emulator in a worker thread of its own (source/identity/embedded-emulator.ts
 * starts it): whatever happens to it, the wizard or command that started it lives on.
 */
export type WorkerOptions = Pick<EmulatorOptions, 'dataDirectory' | 'http' | 'port' | 'advertise'>;

export type WorkerMessage =
	| {readonly type: 'ready'; readonly url: string; readonly port: number; readonly certificatePath?: string}
	| {
			readonly type: 'failed';
			readonly dataDirectory: boolean;
			readonly message: string;
			readonly ownerPid?: number;
			/** The system's error code (EADDRINUSE: the port is taken), as data. */
			readonly code?: string;
			/** A refused data directory's problem, as data (it crosses to the parent as a structured clone). */
			readonly problem?: StateProblem;
	  }
	| {readonly type: 'internal-error'; readonly message: string};

export async function runEmulatorWorker(): Promise<void> {
	const port = parentPort;
	if (!port) {
		return;
	}

	const post = (message: WorkerMessage) => port.postMessage(message);
	const {emulator: options, restart} = workerData as {emulator: WorkerOptions; restart: number};
	// Fault injection for the end-to-end test of a dying emulator thread (test/e2e/wizard.test.ts):
	// the first thread ends, as a crash would, once it has answered this many requests.
	const exitAfter = restart === 0 ? Number(process.env['ACS_TOKENS_FAULT_EMULATOR_EXIT_AFTER'] ?? Number.NaN) : Number.NaN;
	let answered = 0;
	try {
		const emulator = await createEmulator({
			...options,
			onInternalError: error => post({type: 'internal-error', message: String((error as Error)?.stack ?? error)}),
			...(Number.isInteger(exitAfter)
				? {
						onRequest() {
							answered++;
							if (answered >= exitAfter) {
								setImmediate(() => process.exit(3));
							}
						},
					}
				: {}),
		});
		port.on('message', (message: {type?: string}) => {
			if (message.type === 'close') {
				void emulator.close().finally(() => port.close());
			}
		});
		post({
			type: 'ready',
			url: emulator.url,
			port: Number(new URL(emulator.url).port),
			...(emulator.certificatePath ? {certificatePath: emulator.certificatePath} : {}),
		});
	} catch (error) {
		const {message, owner, code} = error as {message?: string; owner?: {pid?: number}; code?: unknown};
		post({
			type: 'failed',
			// The thread's errors do not cross to the parent as themselves: what kind, as a field.
			dataDirectory: error instanceof DataDirectoryError,
			message: message ?? String(error),
			...(owner?.pid ? {ownerPid: owner.pid} : {}),
			...(typeof code === 'string' ? {code} : {}),
			...(error instanceof DataDirectoryError && error.problem ? {problem: error.problem} : {}),
		});
		port.close();
	}
}
