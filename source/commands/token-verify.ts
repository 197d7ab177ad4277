import {verifyToken} from '../identity/verify-token.js';
import {connectionOptions, outputOptions, parseCommand, printJson, type Command} from './context.js';
import {exitCodes} from '../errors/user-error.js';
import {openCommandSession, refuseConnectionStringOnStdin} from './session.js';
import {readToken} from './token-decode.js';
import {text} from '../text/index.js';

export const tokenVerify: Command = {
	name: 'token verify',
	get help() {
		return text.help.tokenVerify;
	},
	async run(argv, io) {
		const {values, positionals} = parseCommand('token verify', argv, {...connectionOptions, ...outputOptions}, true);
		const fromStdin = positionals.length === 1 && positionals[0] === '-';
		if (fromStdin) {
			refuseConnectionStringOnStdin(values);
		}

		// A token given as a value (or a wrong count) is checked at once; one on stdin is read once
		// the connection is known, so that a profile that does not exist is said before it is pasted.
		const given = fromStdin ? undefined : await readToken(positionals, io.stdin);
		const session = await openCommandSession(io, values);
		try {
			const token = given ?? (await readToken(positionals, io.stdin));
			const result = await verifyToken(session.resolved.connection, token);
			if (values.json) {
				printJson(io, result);
			} else {
				const said = text.commands.tokenVerify;
				io.stdout.write(`${Object.hasOwn(said.result, result.reason) ? said.result[result.reason] : said.unknown(String(result.reason))}\n`);
			}

			return result.valid ? exitCodes.ok : exitCodes.failure;
		} finally {
			await session.close();
		}
	},
};
