import {createInterface} from 'node:readline/promises';
import type {ParseArgsConfig} from 'node:util';
import {resolveConfigDirectory} from '../store/config-directory.js';
import {IdentityStore} from '../store/identity-store.js';
import {tokenScopes} from '../protocol/scopes.js';
import type {Exchange} from '../identity/trace.js';
import {NotConfirmedError, UsageError} from './usage-error.js';
import {type LanguageSetting, text} from '../text/index.js';

export {parseCommand} from './parse-command.js';

export type CommandIo = {
	readonly stdout: NodeJS.WritableStream;
	readonly stderr: NodeJS.WritableStream;
	readonly stdin: NodeJS.ReadableStream & {readonly isTTY?: boolean};
	readonly env: NodeJS.ProcessEnv;
	readonly cwd: string;
	/** `--lang` as the program took it (before or after the command), which chose the language in use. */
	readonly languageFlag?: LanguageSetting | undefined;
	/** Run if the command ends in an error, before it is reported (a session's clean-up). */
	readonly onFailure?: ((cleanup: () => Promise<void>) => void) | undefined;
};

export type Command = {
	readonly name: string;
	readonly help: string;
	run(argv: readonly string[], io: CommandIo): Promise<number>;
};

export const connectionOptions = {
	'connection-string': {type: 'string'},
	emulator: {type: 'boolean'},
	endpoint: {type: 'string'},
	tenant: {type: 'string'},
	profile: {type: 'string'},
	'save-key': {type: 'boolean'},
} as const satisfies ParseArgsConfig['options'];

export const outputOptions = {
	'config-dir': {type: 'string'},
	json: {type: 'boolean'},
	verbose: {type: 'boolean'},
	help: {type: 'boolean', short: 'h'},
} as const satisfies ParseArgsConfig['options'];

export function openStore(io: CommandIo, flag: string | undefined): Promise<IdentityStore> {
	return IdentityStore.open({
		configDirectory: resolveConfigDirectory({flag, env: io.env}),
		onWarning(message) {
			io.stderr.write(`${text.commands.warning(message)}\n`);
		},
	});
}

export function printJson(io: CommandIo, value: unknown): void {
	io.stdout.write(`${JSON.stringify(value, undefined, 2)}\n`);
}

export function traceTo(io: CommandIo, verbose: boolean | undefined): ((exchange: Exchange) => void) | undefined {
	if (!verbose) {
		return undefined;
	}

	return exchange => {
		const lines = [
			`> ${exchange.method} ${exchange.path}`,
			...Object.entries(exchange.requestHeaders).map(([name, value]) => `> ${name}: ${value}`),
			...(exchange.requestBody ? [`> ${exchange.requestBody}`] : []),
			`< ${exchange.status ?? 'no response'} (${exchange.milliseconds.toFixed(0)} ms)`,
			...(exchange.responseBody ? [`< ${exchange.responseBody}`] : []),
		];
		io.stderr.write(`${lines.join('\n')}\n`);
	};
}

/** Asks on a terminal; without one, refuses unless --yes was given. */
export async function confirm(io: CommandIo, question: string, yes: boolean | undefined, action: string): Promise<boolean> {
	if (yes) {
		return true;
	}

	if (!io.stdin.isTTY) {
		throw new NotConfirmedError(text.commands.notConfirmed(action));
	}

	const prompt = createInterface({input: io.stdin, output: io.stderr});
	let closed = false;
	prompt.once('close', () => {
		closed = true;
	});
	try {
		const answer = await prompt.question(text.commands.ask(question));
		return text.commands.yes.test(answer.trim());
	} catch (error) {
		// Ctrl+C or end of input closes the prompt before an answer: a "no", not a failure.
		if (closed) {
			io.stderr.write('\n');
			return false;
		}

		throw error;
	} finally {
		prompt.close();
	}
}

export function parseScopesOption(value: string | undefined, required: boolean): string[] | undefined {
	if (value === undefined) {
		if (required) {
			throw new UsageError(text.commands.scopesRequired(tokenScopes));
		}

		return undefined;
	}

	return value
		.split(',')
		.map(scope => scope.trim())
		.filter(scope => scope !== '');
}
