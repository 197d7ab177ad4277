import {type ParseArgsConfig, parseArgs} from 'node:util';
import {UsageError} from './usage-error.js';
import {text} from '../text/index.js';

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
		const message = ((error as Error).message.split('. To specify')[0] as string).replace(/\.$/, '');
		throw new UsageError(text.commands.seeHelp(message, command));
	}
}
