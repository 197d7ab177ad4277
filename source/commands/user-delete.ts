import {confirm, connectionHelp, connectionOptions, outputHelp, outputOptions, parseCommand, printJson, type Command} from './context.js';
import {exitCodes} from './exit-codes.js';
import {openSession, resolveUser} from './session.js';

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
	async run(argv, io) {
		const {values} = parseCommand('user delete', argv, {
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
			if (!(await confirm(io, `Delete ${name} and invalidate all its tokens?`, values.yes, 'delete the identity'))) {
				io.stderr.write('Nothing deleted.\n');
				return exitCodes.cancelled;
			}

			await client.deleteUser(id);
			const deletedAt = new Date().toISOString();
			await store.recordDelete(resolved.profileName, id, deletedAt);
			if (values.json) {
				printJson(io, {id, deletedAt});
			} else {
				io.stdout.write(`Deleted ${name}.\n`);
			}

			return 0;
		} finally {
			await session.close();
		}
	},
};
