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

/** What people type for the token's lifetime, after the SDK's `tokenExpiresInMinutes` and other tools. */
const lifetimeWords = new Set(['minutes', 'lifetime', 'expires', 'expiry', 'expiration', 'ttl', 'expires-in-minutes', 'token-expires-in-minutes', 'duration']);

/**
 * The known option `typed` most likely meant: a word for the lifetime when the command has
 * --expires-in, else the one a typo or two away (--scope, --lable), or the one it begins
 * (--expires); nothing when none is close.
 */
export function closestOption(typed: string, known: readonly string[]): string | undefined {
	if (lifetimeWords.has(typed.toLowerCase()) && known.includes('expires-in')) {
		return '--expires-in';
	}

	const closest = closestName(typed, known);
	return closest === undefined ? undefined : `--${closest}`;
}

/** The name in `known` that `typed` most likely meant: a typo or two away, or the one it begins. */
export function closestName(typed: string, known: readonly string[]): string | undefined {
	const name = typed.toLowerCase();
	const scored = known
		.map(each => ({each, distance: editDistance(name, each)}))
		.filter(({each, distance}) => distance <= Math.max(1, Math.floor(each.length / 4)) || (name.length >= 3 && each.startsWith(name)))
		.sort((a, b) => a.distance - b.distance);
	return scored[0]?.each;
}

/** Levenshtein's distance, a swap of two neighbours counting one (so --lable is one from --label); a name past 64 characters is no one's typo. */
function editDistance(a: string, b: string): number {
	if (a.length > 64 || b.length > 64) {
		return Number.POSITIVE_INFINITY;
	}

	const rows = Array.from({length: a.length + 1}, (_, i) => Array.from({length: b.length + 1}, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
	for (let i = 1; i <= a.length; i++) {
		for (let j = 1; j <= b.length; j++) {
			const cost = a[i - 1] === b[j - 1] ? 0 : 1;
			const row = rows[i] as number[];
			const above = rows[i - 1] as number[];
			row[j] = Math.min((above[j] as number) + 1, (row[j - 1] as number) + 1, (above[j - 1] as number) + cost);
			if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
				row[j] = Math.min(row[j] as number, ((rows[i - 2] as number[])[j - 2] as number) + 1);
			}
		}
	}

	return (rows[a.length] as number[])[b.length] as number;
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
			const typed = unknown?.split('=')[0] ?? '';
			return said.unknownOption(typed, command, typed.startsWith('--') ? closestOption(typed.slice(2), [...longs.keys()]) : undefined);
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
