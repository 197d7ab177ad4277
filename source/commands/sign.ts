import {open} from 'node:fs/promises';
import {resolveConnection} from '../identity/connection.js';
import {signRequest} from '../protocol/hmac.js';
import {text} from '../text/index.js';
import {connectionOptions, openStore, outputOptions, parseCommand, printJson, type Command, type CommandIo} from './context.js';
import {readStdinBytes} from './stdin.js';
import {withConnectionStringFromStdin} from './session.js';
import {requestFromFlags} from '../session/connection-flags.js';
import {UsageError} from './usage-error.js';

/** The methods of HTTP requests an ACS data-plane API takes. */
export const signableMethods = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;

/** Larger than any body ACS takes (the emulator refuses more than 64 KiB): a bigger one is a mistake. */
export const maximumBodyBytes = 1024 * 1024;

/** The request's URL: a full one must be on the endpoint; a path (and query) is taken relative to it. */
export function targetUrl(value: string, endpoint: string): URL {
	const base = new URL(endpoint);
	let url: URL;
	try {
		url = value.startsWith('/') ? new URL(value, base) : new URL(value);
	} catch {
		throw new UsageError(text.commands.sign.badUrl(value, endpoint));
	}

	if (url.origin !== base.origin) {
		throw new UsageError(text.commands.sign.otherOrigin(value, base.origin));
	}

	return url;
}

/** The body as it will be sent, byte for byte: a file, stdin (-), or none (the empty body's hash). */
async function readBody(io: CommandIo, file: string | undefined): Promise<Uint8Array> {
	if (file === undefined) {
		return new Uint8Array();
	}

	if (file === '-') {
		const body = await readStdinBytes(io.stdin, maximumBodyBytes);
		if (!body) {
			throw new UsageError(text.commands.sign.bodyTooLarge('-', maximumBodyBytes));
		}

		return body;
	}

	let handle: Awaited<ReturnType<typeof open>> | undefined;
	try {
		handle = await open(file, 'r');
		const {size} = await handle.stat();
		if (size > maximumBodyBytes) {
			throw new UsageError(text.commands.sign.bodyTooLarge(file, maximumBodyBytes));
		}

		return await handle.readFile();
	} catch (error) {
		if (error instanceof UsageError) {
			throw error;
		}

		const {code} = error as NodeJS.ErrnoException;
		throw new UsageError(text.commands.sign.unreadableBody(file, typeof code === 'string' ? code : String(error)));
	} finally {
		await handle?.close();
	}
}

/**
 * `acs-tokens sign METHOD URL`: the headers that sign one request with the connection's access
 * key, as the SDK makes them, for curl or Postman. Nothing is sent.
 */
export const sign: Command = {
	name: 'sign',
	get help() {
		return text.help.sign;
	},
	async run(argv, io) {
		const {values, positionals} = parseCommand('sign', argv, {...connectionOptions, ...outputOptions, body: {type: 'string'}}, true);
		const said = text.commands.sign;
		if (positionals.length !== 2) {
			throw new UsageError(said.usage);
		}

		const [methodGiven, urlGiven] = positionals as [string, string];
		const method = methodGiven.toUpperCase();
		if (!(signableMethods as readonly string[]).includes(method)) {
			throw new UsageError(said.badMethod(methodGiven, signableMethods));
		}

		if (values.body === '-' && values['connection-string'] === '-') {
			throw new UsageError(said.twoStdins);
		}

		const body = await readBody(io, values.body);
		const flags = await withConnectionStringFromStdin(io, values);
		// The connection only, not a session (openSession): signing is done here, with no request
		// to the service, so there is no client to make and no profile to remember.
		const store = await openStore(io, values['config-dir']);
		const resolved = await resolveConnection(requestFromFlags(flags), {
			env: io.env,
			cwd: io.cwd,
			configDirectory: store.configDirectory,
			profiles: store,
		});
		try {
			const {connection} = resolved;
			const url = targetUrl(urlGiven, connection.endpoint);
			if (connection.credential.kind !== 'access-key') {
				throw new UsageError(text.commands.sign.keyless(connection.endpoint));
			}

			// An emulator this command started ends with it: a shared one (the wizard's, `acs-tokens emulator`) can be recovered, this one not.
			if (resolved.isEmulator && connection.recover === undefined) {
				throw new UsageError(text.commands.sign.noEmulator);
			}

			const signed = signRequest({method, url, body, accessKey: Buffer.from(connection.credential.accessKey, 'base64')});
			const headers = {
				'x-ms-date': signed['x-ms-date'] as string,
				'x-ms-content-sha256': signed['x-ms-content-sha256'] as string,
				Authorization: signed.authorization as string,
			};
			if (values.json) {
				printJson(io, {headers});
			} else {
				io.stdout.write(`${Object.entries(headers).map(([name, value]) => `${name}: ${value}`).join('\n')}\n`);
			}

			return 0;
		} finally {
			await resolved.close();
		}
	},
};
