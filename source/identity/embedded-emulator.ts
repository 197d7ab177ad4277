import {readFile} from 'node:fs/promises';
import path from 'node:path';
import {setTimeout as delay} from 'node:timers/promises';
import {DataDirectoryError, readLockOwner, StateFileError} from '../emulator/data-directory.js';
import {developmentAccessKey} from '../emulator/defaults.js';
import {builtFile} from '../platform/entry.js';
import {text} from '../text/index.js';
import type {Connection} from './client.js';
import type {EmulatorEvent} from './emulator-supervisor.js';
import {IdentityError} from './errors.js';

export type {EmulatorEvent} from './emulator-supervisor.js';

export type EmulatorConnection = {
	readonly connection: Connection;
	close(): Promise<void>;
};


export type EmulatorConnectionOptions = {
	readonly waitMs?: number;
	/** Long-running (the wizard): commands run meanwhile share it, and it runs in a worker thread of its own. */
	readonly advertise?: boolean;
	readonly onEvent?: (event: EmulatorEvent) => void;
};

/**
 * The local emulator with its state under the config directory. A long-running emulator on
 * that directory (the emulator command, the wizard) is used as it is; otherwise one starts in
 * this process on a free loopback port, and waits its turn if another command holds the directory.
 * `advertise` (the wizard) lets commands run meanwhile share the one started here.
 */
export async function openEmulatorConnection(
	configDirectory: string,
	options: EmulatorConnectionOptions = {},
): Promise<EmulatorConnection> {
	const dataDirectory = path.join(configDirectory, 'emulator');
	const deadline = Date.now() + (options.waitMs ?? 15_000);
	for (;;) {
		const owner = await readLockOwner(dataDirectory);
		if (owner?.url && owner.customAccessKey) {
			throw new IdentityError('authentication', text.errors.emulatorCustomKey(owner.url, owner.pid));
		}

		if (owner?.url) {
			return {
				connection: {
					endpoint: owner.url,
					credential: {kind: 'access-key', accessKey: developmentAccessKey},
					...(owner.certificatePath ? {trustedCertificate: await readFile(owner.certificatePath, 'utf8')} : {}),
				},
				close: async () => {},
			};
		}

		// Held by a command for a moment (no URL to share): wait for it rather than start an emulator that cannot lock.
		if (owner) {
			if (Date.now() > deadline) {
				throw new IdentityError('service', text.errors.emulatorBusy(dataDirectory));
			}

			await delay(25 + Math.random() * 50);
			continue;
		}

		try {
			const entry = builtFile('emulator-worker.js');
			if (options.advertise && entry) {
				const {superviseEmulator} = await import('./emulator-supervisor.js');
				const emulator = await superviseEmulator(entry, {dataDirectory, http: true, port: 0, advertise: true}, options.onEvent);
				return {connection: {endpoint: emulator.url, credential: {kind: 'access-key', accessKey: developmentAccessKey}}, close: emulator.close};
			}

			// Loaded only when one is started here: the HTTP server and its builtins cost commands
			// and the wizard's first frame some 30 ms otherwise.
			const {createEmulator} = await import('../emulator/server.js');
			const emulator = await createEmulator({dataDirectory, http: true, port: 0, advertise: options.advertise ?? false});
			return {
				connection: {endpoint: emulator.url, credential: {kind: 'access-key', accessKey: developmentAccessKey}},
				close: () => emulator.close(),
			};
		} catch (error) {
			if (!(error instanceof DataDirectoryError && error.owner) || Date.now() > deadline) {
				if (error instanceof DataDirectoryError && error.owner) {
					throw new IdentityError('service', text.errors.emulatorBusy(dataDirectory), {}, {cause: error});
				}

				throw error instanceof DataDirectoryError ? inLanguage(error) : error;
			}

			await delay(25 + Math.random() * 50);
		}
	}
}

/** A refusal of the data directory, said in the user's language: the wizard shows its message as it is. */
function inLanguage(error: DataDirectoryError): DataDirectoryError {
	if (error.problem === undefined) {
		return error;
	}

	const message = text.commands.emulator.refusal(error.problem);
	return error instanceof StateFileError
		? new StateFileError(error.problem, message)
		: new DataDirectoryError(error.problem, error.owner, message);
}
