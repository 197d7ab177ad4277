import {type EntraAssignment, entraPrincipalTypes, type TeamsExtensionAssignment, teamsExtensionPrincipalTypes} from '../protocol/assignments.js';
import {isGuid} from '../protocol/identifiers.js';
import {confirm, connectionOptions, outputOptions, parseCommand, printJson, traceTo, type Command, type CommandIo} from './context.js';
import {exitCodes, UserError} from '../errors/user-error.js';
import {openCommandSession} from './session.js';
import {UsageError} from './usage-error.js';
import {text} from '../text/index.js';
import type {AccessClient} from '../identity/access-client.js';
import type {Session} from '../session/open-session.js';

/**
 * `acs-tokens access …`: who may exchange a Microsoft Entra ID token for an ACS token. Entra ID
 * users (`/access/entra/assignments`: users, groups or whole tenants, optionally per client app)
 * and, with --teams-extension, Teams Extension users (per tenant: resource accounts or users).
 */
const accessOptions = {
	...connectionOptions,
	...outputOptions,
	'teams-extension': {type: 'boolean'},
	'tenant-id': {type: 'string'},
	type: {type: 'string'},
	'client-ids': {type: 'string'},
	yes: {type: 'boolean', short: 'y'},
} as const;


function parse(command: string, argv: readonly string[]) {
	return parseCommand(command, argv, accessOptions, true);
}

type Parsed = ReturnType<typeof parse>;

function guidArgument(value: string | undefined, name: string): string {
	if (!isGuid(value)) {
		throw new UsageError(text.commands.access.badGuid(name, value));
	}

	return value.toLowerCase();
}

function objectIdOf(parsed: Parsed, command: string): string {
	const [objectId, ...extra] = parsed.positionals;
	if (extra.length > 0) {
		throw new UsageError(text.commands.parse.unexpectedArgument(extra[0] ?? '', command));
	}

	return guidArgument(objectId, 'OBJECT_ID');
}

function clientIdsOf(value: string | undefined): string[] | undefined {
	if (value === undefined) {
		return undefined;
	}

	const ids = value.split(',').map(id => id.trim()).filter(id => id !== '');
	return ids.map(id => guidArgument(id, '--client-ids'));
}

async function withAccess<T>(io: CommandIo, parsed: Parsed, run: (client: AccessClient) => Promise<T>): Promise<T> {
	const session = await openCommandSession(io, parsed.values);
	try {
		const opened = await open(session, io, parsed.values.verbose);
		// The session's bookkeeping (key saved, profile counted as reached) around each call.
		const client: AccessClient = {
			listEntraAssignments: () => session.around(opened.listEntraAssignments()),
			putEntraAssignment: assignment => session.around(opened.putEntraAssignment(assignment)),
			deleteEntraAssignment: objectId => session.around(opened.deleteEntraAssignment(objectId)),
			getTeamsExtensionAssignment: (tenantId, objectId) => session.around(opened.getTeamsExtensionAssignment(tenantId, objectId)),
			putTeamsExtensionAssignment: assignment => session.around(opened.putTeamsExtensionAssignment(assignment)),
			deleteTeamsExtensionAssignment: (tenantId, objectId) => session.around(opened.deleteTeamsExtensionAssignment(tenantId, objectId)),
		};
		return await run(client);
	} finally {
		await session.close();
	}
}

async function open(session: Session, io: CommandIo, verbose: boolean | undefined) {
	const {createAccessClient} = await import('../identity/access-client.js');
	const trace = traceTo(io, verbose);
	return createAccessClient(session.resolved.connection, {timeoutSeconds: session.timeoutSeconds, ...(trace ? {onExchange: trace} : {})});
}

function describe(assignment: EntraAssignment | TeamsExtensionAssignment): string[] {
	return [assignment.objectId, assignment.principalType, assignment.tenantId, (assignment.clientIds ?? []).join(',') || text.commands.access.anyClient];
}

export const accessList: Command = {
	name: 'access list',
	get help() {
		return text.help.accessList;
	},
	async run(argv, io) {
		const parsed = parse('access list', argv);
		if (parsed.positionals.length > 0) {
			throw new UsageError(text.commands.parse.unexpectedArgument(parsed.positionals[0] ?? '', 'access list'));
		}

		if (parsed.values['teams-extension']) {
			throw new UsageError(text.commands.access.noTeamsExtensionList);
		}

		const assignments = await withAccess(io, parsed, client => client.listEntraAssignments());
		if (parsed.values.json) {
			printJson(io, {assignments});
		} else if (assignments.length === 0) {
			io.stdout.write(`${text.commands.access.none}\n`);
		} else {
			const {table} = await import('./table.js');
			io.stdout.write(`${table([text.commands.access.headings, ...assignments.map(describe)])}\n`);
		}

		return exitCodes.ok;
	},
};

export const accessShow: Command = {
	name: 'access show',
	get help() {
		return text.help.accessShow;
	},
	async run(argv, io) {
		const parsed = parse('access show', argv);
		const objectId = objectIdOf(parsed, 'access show');
		const assignment = await withAccess(io, parsed, async client => {
			if (parsed.values['teams-extension']) {
				return client.getTeamsExtensionAssignment(guidArgument(parsed.values['tenant-id'], '--tenant-id'), objectId);
			}

			const all = await client.listEntraAssignments();
			const found = all.find(entry => entry.objectId === objectId);
			if (!found) {
				throw new UsageError(text.commands.access.notAssigned(objectId));
			}

			return found;
		});
		if (parsed.values.json) {
			printJson(io, {assignment});
		} else {
			const {table} = await import('./table.js');
			io.stdout.write(`${table([text.commands.access.headings, describe(assignment)])}\n`);
		}

		return exitCodes.ok;
	},
};

export const accessAssign: Command = {
	name: 'access assign',
	get help() {
		return text.help.accessAssign;
	},
	async run(argv, io) {
		const parsed = parse('access assign', argv);
		const objectId = objectIdOf(parsed, 'access assign');
		const teams = parsed.values['teams-extension'] === true;
		const types: readonly string[] = teams ? teamsExtensionPrincipalTypes : entraPrincipalTypes;
		const type = parsed.values.type;
		if (type === undefined || !types.includes(type)) {
			throw new UsageError(text.commands.access.badType(type, types));
		}

		const tenantId = guidArgument(parsed.values['tenant-id'], '--tenant-id');
		const clientIds = clientIdsOf(parsed.values['client-ids']);
		const result = await withAccess<{readonly created: boolean; readonly assignment: EntraAssignment | TeamsExtensionAssignment}>(io, parsed, client =>
			teams
				? client.putTeamsExtensionAssignment({
						objectId,
						tenantId,
						principalType: type as TeamsExtensionAssignment['principalType'],
						...(clientIds ? {clientIds} : {}),
					})
				: client.putEntraAssignment({objectId, tenantId, principalType: type as EntraAssignment['principalType'], clientIds: clientIds ?? []}),
		);
		if (parsed.values.json) {
			printJson(io, {created: result.created, assignment: result.assignment});
		} else {
			io.stdout.write(`${text.commands.access.assigned(result.created, objectId, type)}\n`);
		}

		return exitCodes.ok;
	},
};

export const accessUnassign: Command = {
	name: 'access unassign',
	get help() {
		return text.help.accessUnassign;
	},
	async run(argv, io) {
		const parsed = parse('access unassign', argv);
		const objectId = objectIdOf(parsed, 'access unassign');
		const teams = parsed.values['teams-extension'] === true;
		const tenantId = teams ? guidArgument(parsed.values['tenant-id'], '--tenant-id') : undefined;
		if (!(await confirm(io, text.commands.access.question(objectId), parsed.values.yes, text.commands.access.action))) {
			// Kind `cancelled`: exit 130, and under --json an error object, as every command's.
			throw new UserError('cancelled', text.commands.access.nothingDone);
		}

		await withAccess(io, parsed, client =>
			tenantId ? client.deleteTeamsExtensionAssignment(tenantId, objectId) : client.deleteEntraAssignment(objectId),
		);
		if (parsed.values.json) {
			printJson(io, {objectId, removed: true});
		} else {
			io.stdout.write(`${text.commands.access.removed(objectId)}\n`);
		}

		return exitCodes.ok;
	},
};
