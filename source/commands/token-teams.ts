import {isGuid} from '../protocol/identifiers.js';
import {maskToken} from '../identity/trace.js';
import {connectionOptions, outputOptions, parseCommand, printJson, type Command} from './context.js';
import {formatExpiry} from './format.js';
import {openCommandSession, refuseConnectionStringOnStdin} from './session.js';
import {readStdin} from './stdin.js';
import {UsageError} from './usage-error.js';
import {text} from '../text/index.js';

/**
 * `acs-tokens token teams --app-id ID --user-id OID`: the Custom Teams Endpoint exchange. The
 * Teams user's Entra ID token is read from stdin, never from argv (where shell history and the
 * process list would keep it); the ACS token is printed as the other token commands do.
 */
export const tokenTeams: Command = {
	name: 'token teams',
	get help() {
		return text.help.tokenTeams;
	},
	async run(argv, io) {
		const {values} = parseCommand('token teams', argv, {
			...connectionOptions,
			...outputOptions,
			'app-id': {type: 'string'},
			'user-id': {type: 'string'},
			reveal: {type: 'boolean'},
		});
		const appId = values['app-id'];
		const userId = values['user-id'];
		if (!isGuid(appId)) {
			throw new UsageError(text.commands.tokenTeams.badGuid('--app-id', appId));
		}

		if (!isGuid(userId)) {
			throw new UsageError(text.commands.tokenTeams.badGuid('--user-id', userId));
		}

		refuseConnectionStringOnStdin(values);
		// The connection first: a profile that does not exist is said before the token is pasted.
		const session = await openCommandSession(io, values);
		try {
			const teamsToken = await readStdin(io.stdin, 32 * 1024, {prompt: text.commands.tokenTeams.pasteToken, stderr: io.stderr});
			if (teamsToken === '') {
				throw new UsageError(text.commands.tokenTeams.noToken);
			}

			const issued = await session.client.exchangeTeamsToken({teamsToken, appId, userId});
			if (values.json) {
				printJson(io, {token: issued.token, expiresOn: issued.expiresOn.toISOString()});
			} else {
				const lines = [
					text.commands.tokenTeams.issued(userId, values.reveal ? issued.token : maskToken(issued.token)),
					text.commands.expires(formatExpiry(issued.expiresOn)),
					...(values.reveal ? [] : [text.commands.tokenMasked]),
				];
				io.stdout.write(`${lines.join('\n')}\n`);
			}

			return 0;
		} finally {
			await session.close();
		}
	},
};
