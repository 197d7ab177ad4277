import {chmod, mkdir, writeFile} from 'node:fs/promises';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {azureCliClientId, simulatedTeamsToken, standInEntraToken, standInTenantId, standInUser} from '../emulator/stand-in-entra.js';
import {isGuid} from '../protocol/identifiers.js';
import {parseCommand} from './parse-command.js';
import {builtFile} from '../platform/entry.js';
import {cacheDirectory} from '../platform/directories.js';
import type {CommandIo} from './context.js';
import {UsageError} from './usage-error.js';
import {text} from '../text/index.js';

/**
 * `acs-tokens emulator stand-in-az`: an `az` for workshops and tests, offline. Put on PATH
 * (`--path` writes it and prints its directory), it answers what `@azure/identity`'s
 * AzureCliCredential asks, `az account get-access-token --output json --resource R
 * [--tenant T]`, with a locally made Entra-shaped token for a fictitious learner, which only
 * the emulator with --allow-entra accepts. Nothing here signs in to anything.
 */
export async function runStandInAz(argv: readonly string[], io: Pick<CommandIo, 'stdout' | 'stderr' | 'env'>): Promise<number> {
	if (argv.length === 0 || ['--help', '-h', 'help'].includes(argv[0] as string)) {
		io.stdout.write(`${text.commands.standInAz.help(standInUser.upn)}\n`);
		return 0;
	}

	if (argv[0] === '--path' && argv.length === 1) {
		io.stdout.write(`${await writeStandIn(io.env)}\n`);
		return 0;
	}

	if (argv[0] === 'account' && argv[1] === 'get-access-token') {
		const options = tokenOptions(argv.slice(2));
		const resource = options.resource ?? options.scope?.replace(/\/\.default$/, '');
		if (!resource) {
			throw new UsageError(text.commands.standInAz.noResource);
		}

		const tenant = options.tenant ?? standInTenantId;
		const {token, expiresOn} = standInEntraToken({
			aud: resource.replace(/\/+$/, ''),
			tid: tenant,
			oid: standInUser.oid,
			upn: standInUser.upn,
			idtyp: 'user',
			appid: azureCliClientId,
		});
		io.stdout.write(
			`${JSON.stringify(
				{
					accessToken: token,
					// As az prints it: local time without a zone, microseconds.
					expiresOn: azDate(new Date(expiresOn * 1000)),
					expires_on: expiresOn,
					subscription: '00000000-0000-4000-8000-00000000005b',
					tenant,
					tokenType: 'Bearer',
				},
				undefined,
				2,
			)}\n`,
		);
		return 0;
	}

	if (argv[0] === 'login' || argv[0] === 'account') {
		io.stdout.write(`${text.commands.standInAz.nothingToDo(standInUser.upn)}\n`);
		return 0;
	}

	throw new UsageError(text.commands.standInAz.unknown(argv.join(' ')));
}

/** What `az account get-access-token` takes, as the Azure CLI credential passes it. */
const tokenOptionNames = {
	'--resource': 'resource',
	'--scope': 'scope',
	'--tenant': 'tenant',
	'-t': 'tenant',
	'--subscription': 'subscription',
	'--output': 'output',
	'-o': 'output',
} as const;

type TokenOptions = Partial<Record<(typeof tokenOptionNames)[keyof typeof tokenOptionNames], string>>;

/** The options, each with its value; anything else is refused by name, as az would. */
function tokenOptions(args: readonly string[]): TokenOptions {
	const found: Record<string, string> = {};
	for (let index = 0; index < args.length; index += 2) {
		const name = args[index] as string;
		const value = args[index + 1];
		const key = Object.hasOwn(tokenOptionNames, name) ? tokenOptionNames[name as keyof typeof tokenOptionNames] : undefined;
		if (key === undefined) {
			throw new UsageError(text.commands.standInAz.unknownOption(name));
		}

		if (value === undefined || value.startsWith('-')) {
			throw new UsageError(text.commands.standInAz.noValue(name));
		}

		found[key] = value;
	}

	// It prints JSON, the one output the credential asks for.
	if (found['output'] !== undefined && found['output'] !== 'json') {
		throw new UsageError(text.commands.standInAz.jsonOnly(found['output']));
	}

	return found;
}

/** The `az` script (and `az.cmd`) under the cache directory, naming this Node and this program by absolute path. */
async function writeStandIn(env: NodeJS.ProcessEnv): Promise<string> {
	const cli = builtFile('cli.js');
	if (!cli) {
		throw new UsageError(text.commands.standInAz.notBuilt);
	}

	const directory = path.join(cacheDirectory(env), 'stand-in-az');
	await mkdir(directory, {recursive: true, mode: 0o700});
	const node = process.execPath;
	const program = fileURLToPath(cli);
	const quote = (value: string) => `'${value.replaceAll("'", "'\\''")}'`;
	const script = path.join(directory, 'az');
	await writeFile(script, `#!/bin/sh\n# acs-tokens' stand-in az (offline; the emulator's --allow-entra only)\nexec ${quote(node)} ${quote(program)} emulator stand-in-az "$@"\n`);
	await chmod(script, 0o755);
	await writeFile(path.join(directory, 'az.cmd'), `@"${node}" "${program}" emulator stand-in-az %*\r\n`);
	return directory;
}

function azDate(date: Date): string {
	const two = (value: number) => String(value).padStart(2, '0');
	return `${date.getFullYear()}-${two(date.getMonth() + 1)}-${two(date.getDate())} ${two(date.getHours())}:${two(date.getMinutes())}:${two(date.getSeconds())}.000000`;
}

/**
 * `acs-tokens emulator stand-in-teams-token --app-id ID --user-id OID [--tenant T]`: a
 * simulated Teams user's Entra ID token, as MSAL would get it for the Custom Teams Endpoint
 * scopes, made locally. Only the emulator takes it.
 */
export async function runStandInTeamsToken(argv: readonly string[], io: Pick<CommandIo, 'stdout'>): Promise<number> {
	const {values} = parseCommand('emulator stand-in-teams-token', argv, {
		'app-id': {type: 'string'},
		'user-id': {type: 'string'},
		tenant: {type: 'string'},
	});
	for (const option of ['app-id', 'user-id'] as const) {
		if (!isGuid(values[option])) {
			throw new UsageError(text.commands.tokenTeams.badGuid(`--${option}`, values[option]));
		}
	}

	io.stdout.write(`${simulatedTeamsToken(values['app-id'] as string, values['user-id'] as string, values.tenant).token}\n`);
	return 0;
}

/**
 * `acs-tokens emulator stand-in-entra-token [--teams-extension] [--user-id OID] [--tenant T]
 * [--client-id C]`: an Entra ID user's token as a client app would get it for the exchange
 * (`…/clients/.default`, or the Teams Extension scopes), made locally. Only the emulator takes it.
 */
export async function runStandInEntraToken(argv: readonly string[], io: Pick<CommandIo, 'stdout'>): Promise<number> {
	const {values} = parseCommand('emulator stand-in-entra-token', argv, {
		'teams-extension': {type: 'boolean'},
		'user-id': {type: 'string'},
		tenant: {type: 'string'},
		'client-id': {type: 'string'},
	});
	for (const option of ['user-id', 'tenant', 'client-id'] as const) {
		if (values[option] !== undefined && !isGuid(values[option])) {
			throw new UsageError(text.commands.access.badGuid(`--${option}`, values[option]));
		}
	}

	const teams = values['teams-extension'] === true;
	const {token} = standInEntraToken({
		aud: teams ? 'https://auth.msft.communication.azure.com' : 'https://communication.azure.com/clients',
		tid: values.tenant ?? standInTenantId,
		oid: values['user-id'] ?? standInUser.oid,
		upn: standInUser.upn,
		appid: values['client-id'] ?? azureCliClientId,
		scp: teams ? 'TeamsExtension.ManageCalls TeamsExtension.ManageChats' : '.default',
		idtyp: 'user',
	});
	io.stdout.write(`${token}\n`);
	return 0;
}
