import {confirm, connectionHelp, connectionOptions, outputHelp, outputOptions, parseCommand, printJson, type Command} from './context.js';
import {openSession, resolveUser} from './session.js';
import {exitCodes} from './exit-codes.js';

export const tokenRevoke: Command = {
	name: 'token revoke',
	help: `Usage: acs-tokens token revoke --user ID|LABEL [--yes]

Revokes every token issued to the identity so far. Tokens issued afterwards work.
Asks for confirmation on a terminal; elsewhere pass --yes.

Options
  --user ID|LABEL        the identity: its id (8:acs:…) or its label
  -y, --yes              do not ask

${connectionHelp}

${outputHelp}

Examples
  acs-tokens token revoke --emulator --user alice
  acs-tokens token revoke --user 8:acs:…_… --yes --json
`,
	async run(argv, io) {
		const {values} = parseCommand('token revoke', argv, {
			...connectionOptions,
			...outputOptions,
			user: {type: 'string'},
			yes: {type: 'boolean', short: 'y'},
		});
		const session = await openSession(io, values);
		try {
			const {store, resolved, client} = session;
			const {id, stored} = resolveUser(store, resolved.profileName, values.user);
			const name = `${id}${stored?.label ? ` (${stored.label})` : ''}`;
			if (!(await confirm(io, `Revoke every token of ${name}?`, values.yes, 'revoke tokens'))) {
				io.stderr.write('Nothing revoked.\n');
				return exitCodes.cancelled;
			}

			await client.revokeTokens(id);
			const revokedAt = new Date().toISOString();
			await store.recordRevoke(resolved.profileName, id, revokedAt);
			if (values.json) {
				printJson(io, {id, revokedAt});
			} else {
				io.stdout.write(`Revoked every token of ${name} issued before ${revokedAt}.\n`);
			}

			return 0;
		} finally {
			await session.close();
		}
	},
};
