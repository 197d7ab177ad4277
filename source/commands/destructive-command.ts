import {formatDateTime} from '../text/format.js';
import {confirm, type CommandIo, parseCommand, printJson, connectionOptions, outputOptions} from './context.js';
import {exitCodes, UserError} from '../errors/user-error.js';
import {openCommandSession, resolveUser, type Session} from './session.js';

/**
 * The shape of `token revoke` and `user delete`: find the identity, confirm (or --yes), call
 * ACS, record the change in the store, report it.
 */
export async function runDestructive(
	command: string,
	argv: readonly string[],
	io: CommandIo,
	step: {
		readonly question: (name: string) => string;
		readonly action: string;
		readonly nothingDone: string;
		readonly apply: (session: Session, id: string, at: string) => Promise<void>;
		readonly json: (id: string, at: string) => object;
		readonly done: (name: string, at: string) => string;
	},
): Promise<number> {
	const {values} = parseCommand(command, argv, {
		...connectionOptions,
		...outputOptions,
		user: {type: 'string'},
		yes: {type: 'boolean', short: 'y'},
	});
	const session = await openCommandSession(io, values);
	try {
		const {id, stored} = resolveUser(session.store, session.resolved.profileName, values.user);
		const name = `${id}${stored?.label ? ` (${stored.label})` : ''}`;
		if (!(await confirm(io, step.question(name), values.yes, step.action))) {
			// Kind `cancelled`: exit 130, and under --json an error object, as every command's.
			throw new UserError('cancelled', step.nothingDone);
		}

		const at = new Date().toISOString();
		await step.apply(session, id, at);
		if (values.json) {
			printJson(io, step.json(id, at));
		} else {
			io.stdout.write(`${step.done(name, formatDateTime(new Date(at)))}\n`);
		}

		return exitCodes.ok;
	} finally {
		await session.close();
	}
}
