import {connectionHelp, outputHelp, type Command} from './context.js';
import {runDestructive} from './destructive-command.js';

export const userDelete: Command = {
	name: 'user delete',
	help: `Usage: acs-tokens user delete --user ID|LABEL [--yes]

Deletes the identity from the resource: its tokens stop working and its data is removed.
The local store keeps it, marked deleted, until you "acs-tokens user forget" it.
Asks for confirmation on a terminal; elsewhere pass --yes.

Options
  --user ID|LABEL        the identity: its id (8:acs:…) or its label
  -y, --yes              do not ask

${connectionHelp}

${outputHelp}

Examples
  acs-tokens user delete --emulator --user alice
  acs-tokens user delete --user 8:acs:…_… --yes --json
`,
	run: (argv, io) =>
		runDestructive('user delete', argv, io, {
			question: name => `Delete ${name} and invalidate all its tokens?`,
			action: 'delete the identity',
			nothingDone: 'Nothing deleted.',
			async apply({client, store, resolved}, id, at) {
				await client.deleteUser(id);
				await store.recordDelete(resolved.profileName, id, at);
			},
			json: (id, at) => ({id, deletedAt: at}),
			done: name => `Deleted ${name}.`,
		}),
};
