#!/usr/bin/env node
import {UsageError} from './commands/usage-error.js';

const rootHelp = `Usage: acs-tokens <command> [options]

Azure Communication Services identities and user access tokens, from the keyboard.

Commands
  emulator     Run the local ACS Identity emulator (offline, no Azure account)

Run "acs-tokens <command> --help" for a command's options.
`;

async function main(argv: readonly string[]): Promise<number> {
	const [command, ...rest] = argv;
	const io = {stdout: process.stdout, stderr: process.stderr, env: process.env};
	switch (command) {
		case 'emulator': {
			const {runEmulatorCommand} = await import('./commands/emulator.js');
			return runEmulatorCommand(rest, io);
		}

		case undefined:
		case '-h':
		case '--help':
		case 'help': {
			process.stdout.write(rootHelp);
			return 0;
		}

		default: {
			throw new UsageError(`Unknown command "${command}". Run "acs-tokens --help" to see the commands.`);
		}
	}
}

try {
	process.exitCode = await main(process.argv.slice(2));
} catch (error) {
	if (error instanceof UsageError || isParseArgsError(error)) {
		process.stderr.write(`acs-tokens: ${(error as Error).message}\n`);
		process.exitCode = 2;
	} else if (isExpected(error)) {
		process.stderr.write(`acs-tokens: ${(error as Error).message}\n`);
		process.exitCode = 1;
	} else {
		process.stderr.write(`acs-tokens: unexpected error (a bug; please report it):\n${(error as Error).stack ?? String(error)}\n`);
		process.exitCode = 70;
	}
}

function isParseArgsError(error: unknown): boolean {
	return typeof (error as NodeJS.ErrnoException).code === 'string' && String((error as NodeJS.ErrnoException).code).startsWith('ERR_PARSE_ARGS');
}

/** Errors that explain a user's situation (a damaged file, a locked directory) carry their own message. */
function isExpected(error: unknown): boolean {
	return ['DataDirectoryError', 'StateFileError', 'ConnectionStringError'].includes((error as Error).name);
}
