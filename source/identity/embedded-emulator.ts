import {readFile} from 'node:fs/promises';
import path from 'node:path';
import {setTimeout as delay} from 'node:timers/promises';
import {DataDirectoryError, readLockOwner} from '../emulator/data-directory.js';
import {defaultPort, developmentAccessKey} from '../emulator/defaults.js';
import {builtFile} from '../platform/entry.js';
import {text} from '../text/index.js';
import type {Connection} from './client.js';
import type {EmulatorEvent} from './emulator-supervisor.js';
import {IdentityError} from './errors.js';
import {UserError} from '../errors/user-error.js';

export type {EmulatorEvent} from './emulator-supervisor.js';

export type EmulatorConnection = {
	readonly connection: Connection;
	close(): Promise<void>;
};

export type EmulatorConnectionOptions = {
	readonly waitMs?: number;
	/** Long-running (the wizard): commands run meanwhile share it, and it runs in a worker thread of its own. */
	readonly advertise?: boolean;
	/** The long-running emulator's port: 10430 unless `ACS_TOKENS_EMULATOR_PORT` says otherwise (see `emulatorPortOf`). */
	readonly port?: number;
	readonly onEvent?: (event: EmulatorEvent) => void;
};

/**
 * The local emulator with its state under the config directory, shared by every wizard and
 * command on that directory. A long-running emulator on it (the emulator command, a wizard) is
 * used as it is; otherwise one starts here: for the wizard (`advertise`) in a thread of its own on
 * the documented port 10430 (another if that is taken, said), which commands run meanwhile share;
 * for a command in this process on a free port, for the command's length. When the emulator
 * this process shared stops (the wizard that ran it quit), the next request brings it back here,
 * on the same data and port, and is sent again: nothing the user does fails on it.
 */
export async function openEmulatorConnection(
	configDirectory: string,
	options: EmulatorConnectionOptions = {},
): Promise<EmulatorConnection> {
	const dataDirectory = path.join(configDirectory, 'emulator');
	const opened = await open(dataDirectory, options, options.advertise ? (options.port ?? defaultPort) : 0);
	if (!opened.shared) {
		return {connection: opened.connection, close: opened.close};
	}

	// Emulators this process started in place of the one it shared: closed with the connection.
	const started: (() => Promise<void>)[] = [];
	let endpoint = opened.connection.endpoint;
	let recovering: Promise<string> | undefined;
	const recover = async (): Promise<string> => {
		const shared = new URL(endpoint);
		const wanted = Number(shared.port) || 0;
		// Started as the one shared was, https included (`acs-tokens emulator` serves it; its CA,
		// which this connection trusts, stays in the data directory): a client of
		// https://127.0.0.1:10430 cannot go on over plain http.
		const again = await open(dataDirectory, options, wanted, shared.protocol === 'https:');
		if (!again.shared) {
			started.push(again.close);
			options.onEvent?.({type: 'took-over', url: again.connection.endpoint});
		}

		endpoint = again.connection.endpoint;
		return endpoint;
	};

	return {
		connection: {
			...opened.connection,
			recover() {
				recovering ??= recover().finally(() => {
					recovering = undefined;
				});
				return recovering;
			},
		},
		async close() {
			await recovering?.catch(() => undefined);
			await Promise.all(started.map(close => close()));
		},
	};
}

type Opened = {readonly connection: Connection; readonly close: () => Promise<void>; readonly shared: boolean};

async function open(dataDirectory: string, options: EmulatorConnectionOptions, port: number, secure = false): Promise<Opened> {
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
				shared: true,
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
			return {...(await start(dataDirectory, options, port, secure)), shared: false};
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

async function start(
	dataDirectory: string,
	options: EmulatorConnectionOptions,
	port: number,
	secure: boolean,
): Promise<{connection: Connection; close: () => Promise<void>}> {
	const credential = {kind: 'access-key', accessKey: developmentAccessKey} as const;
	const entry = builtFile('emulator-worker.js');
	if (options.advertise && entry) {
		const {superviseEmulator} = await import('./emulator-supervisor.js');
		const emulator = await superviseEmulator(entry, {dataDirectory, http: !secure, port, advertise: true}, options.onEvent);
		return {connection: {endpoint: emulator.url, credential, ...(await trusted(emulator.certificatePath))}, close: emulator.close};
	}

	// Loaded only when one is started here: the HTTP server and its builtins cost commands
	// and the wizard's first frame some 30 ms otherwise.
	const {createEmulator} = await import('../emulator/server.js');
	const emulator = await startInProcess(createEmulator, {dataDirectory, port, http: !secure, advertise: options.advertise ?? false}, options.onEvent);
	return {connection: {endpoint: emulator.url, credential, ...(await trusted(emulator.certificatePath))}, close: () => emulator.close()};
}

/** An emulator in this process: on the port asked for, or any free one when another program holds it. */
async function startInProcess(
	createEmulator: typeof import('../emulator/server.js').createEmulator,
	options: {readonly dataDirectory: string; readonly port: number; readonly http: boolean; readonly advertise: boolean},
	onEvent: ((event: EmulatorEvent) => void) | undefined,
) {
	try {
		return await createEmulator(options);
	} catch (error) {
		if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE' || options.port === 0) {
			throw error;
		}

		const emulator = await createEmulator({...options, port: 0});
		onEvent?.({type: 'other-port', wanted: options.port, url: emulator.url});
		return emulator;
	}
}

/** The emulator's CA, for a connection to it over https; nothing over http. */
async function trusted(certificatePath: string | undefined): Promise<{trustedCertificate?: string}> {
	return certificatePath ? {trustedCertificate: await readFile(certificatePath, 'utf8')} : {};
}

/** A refusal of the data directory, said in the user's language: the wizard shows its message as it is. */
function inLanguage(error: DataDirectoryError): UserError {
	return new UserError('local', error.problem === undefined ? error.message : text.commands.emulator.refusal(error.problem), {cause: error});
}
