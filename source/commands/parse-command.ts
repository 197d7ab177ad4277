import type {ParseArgsConfig} from 'node:util';
import {builtin} from '../platform/builtins.js';
import {UsageError} from './usage-error.js';
import {text} from '../text/index.js';

const {parseArgs} = builtin('node:util');

/** parseArgs, with usage errors that say how to get help. */
export function parseCommand<T extends ParseArgsConfig['options']>(
	command: string,
	argv: readonly string[],
	options: T,
	allowPositionals = false,
) {
	try {
		return parseArgs({args: [...argv], options, strict: true, allowPositionals});
	} catch (error) {
		throw new UsageError(describeParseError(error as Error & {code?: string}, argv, options, command));
	}
}

/**
 * parseArgs's refusal in the user's language, known by its code; the option or argument it
 * is about is found in argv against the options, not read out of Node's English message.
 */
function describeParseError(
	error: Error & {code?: string},
	argv: readonly string[],
	options: ParseArgsConfig['options'],
	command: string,
): string {
	const said = text.commands.parse;
	const known = options ?? {};
	const longs = new Map(Object.entries(known));
	const shorts = new Map(Object.entries(known).flatMap(([name, option]) => (option.short ? [[option.short, name] as const] : [])));
	const nameOf = (argument: string) =>
		argument.startsWith('--') ? argument.slice(2).split('=')[0] : shorts.get(argument.slice(1, 2)) ?? argument.slice(1);
	const isOption = (argument: string) => argument.startsWith('-') && argument !== '-' && argument !== '--';
	switch (error.code) {
		case 'ERR_PARSE_ARGS_UNKNOWN_OPTION': {
			const unknown = argv.find(argument => isOption(argument) && !longs.has(nameOf(argument) ?? ''));
			return said.unknownOption(unknown?.split('=')[0] ?? '', command);
		}

		case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE': {
			// A string option with nothing after it, or a boolean one given a value (--json=yes).
			const wrong = argv.find((argument, index) => {
				const option = isOption(argument) ? longs.get(nameOf(argument) ?? '') : undefined;
				return option?.type === 'string' ? !argument.includes('=') && (argv[index + 1] === undefined || isOption(argv[index + 1] as string)) : option?.type === 'boolean' && argument.includes('=');
			});
			const option = wrong?.split('=')[0] ?? '';
			const next = wrong === undefined ? undefined : argv[argv.indexOf(wrong) + 1];
			return next?.startsWith('-') && next !== '--' && !longs.has(nameOf(next) ?? '')
				? said.dashedValue(option, next, command)
				: said.missingValue(option, command);
		}

		case 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL': {
			const positional = argv.find((argument, index) => {
				const before = index > 0 ? (argv[index - 1] as string) : '';
				const takesValue = isOption(before) && !before.includes('=') && longs.get(nameOf(before) ?? '')?.type === 'string';
				return !isOption(argument) && !takesValue;
			});
			return said.unexpectedArgument(positional ?? '', command);
		}

		default: {
			return said.other(error.message, command);
		}
	}
}
