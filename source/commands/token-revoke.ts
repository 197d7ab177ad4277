import {connectionHelp, outputHelp, type Command} from './context.js';
import {runDestructive} from './destructive-command.js';

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
	run: (argv, io) =>
		runDestructive('token revoke', argv, io, {
			question: name => `Revoke every token of ${name}?`,
			action: 'revoke tokens',
			nothingDone: 'Nothing revoked.',
			async apply({client, store, resolved}, id, at) {
				await client.revokeTokens(id);
				await store.recordRevoke(resolved.profileName, id, at);
			},
			json: (id, at) => ({id, revokedAt: at}),
			done: (name, at) => `Revoked every token of ${name} issued before ${at}.`,
		}),
};
