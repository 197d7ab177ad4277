import type {Catalogue} from './catalogue.js';
import {englishPlural} from './en-plural.js';
import {stateProblemMessage} from '../emulator/state/state-problems.js';
import {warningMessage} from '../emulator/warnings.js';

/**
 * What the commands print and ask, besides their --help (en-help.ts), in English: part of the
 * catalogue (text/en.ts), so that a zh-TW one translates it too.
 */
/** `identity` or `identities`. */
const identitiesWord = (count: number) => englishPlural(count, 'identity', 'identities');

/** A credential of DefaultAzureCredential's chain, in a few words. */
const enCredential = (kind: string): string =>
	({
		environment: 'environment variables',
		'workload-identity': 'workload identity',
		'managed-identity': 'managed identity',
		'azure-cli': 'the Azure CLI',
		'azure-developer-cli': 'the Azure Developer CLI',
		'azure-powershell': 'Azure PowerShell',
		'visual-studio-code': 'Visual Studio Code',
	})[kind] ?? 'DefaultAzureCredential';

export const enCommands: Catalogue['commands'] = {
	badLanguage: (value, allowed) =>
		value === '' ? `--lang needs a value: ${allowed.join(', ')}.` : `--lang takes ${allowed.join(', ')}, not "${value}".`,
	parse: {
		unknownOption: (option, command, suggestion) =>
			`Unknown option ${option}${suggestion ? `: did you mean ${suggestion}?` : '.'} Run "acs-tokens ${command} --help".`,
		missingValue: (option, command) => `${option} needs a value. Run "acs-tokens ${command} --help".`,
		dashedValue: (option, value, command) =>
			`${option} needs a value, and ${value} reads as an option: write ${option}=${value} for a value that starts with "-". Run "acs-tokens ${command} --help".`,
		// command '' is the wizard's own flags: a word there is most often a command put after a flag.
		unexpectedArgument: (argument, command) =>
			command === ''
				? `Unexpected argument "${argument}": a command comes first and its options after it (acs-tokens users --emulator). Run "acs-tokens --help" for the commands.`
				: `Unexpected argument "${argument}". Run "acs-tokens ${command} --help".`,
		other: (detail, command) => `${detail}. Run "acs-tokens ${command} --help".`,
	},
	notACommand: (words: string, group: readonly string[], suggestion?: string) =>
		suggestion
			? `"${words}" is not a command. Did you mean "acs-tokens ${suggestion}"? The others: ${group.filter(name => name !== suggestion).map(name => `acs-tokens ${name}`).join(', ')}.`
			: `"${words}" is not a command. Try: ${group.map(name => `acs-tokens ${name}`).join(', ')}.`,
	unknownCommand: (word: string, suggestion?: string) =>
		`Unknown command "${word}".${suggestion ? ` Did you mean "acs-tokens ${suggestion}"?` : ''} Run "acs-tokens --help" to see the commands.`,
	bug: (detail: string) => `unexpected error (a bug; please report it):\n${detail}`,
	/** After a usage error: where the right usage is. */
	seeHelp: (message: string, command: string) => `${message}. Run "acs-tokens ${command} --help".`,
	warning: (message: string) => `warning: ${message}`,
	/** A [y/N] question, and the answers that mean yes. */
	ask: (question: string) => `${question} [y/N] `,
	yes: /^y(es)?$/i,
	userRequired: '--user is required: an identity id (8:acs:…) or a label from "acs-tokens users".',
	scopesRequired: (scopes: readonly string[]) => `--scopes is required: a comma-separated list of ${scopes.join(', ')}.`,
	noScopes: (scopes: readonly string[]) => `--scopes needs at least one scope: ${scopes.join(', ')}.`,
	notAScope: (scope: string, scopes: readonly string[]) => `"${scope}" is not a scope. Choose from: ${scopes.join(', ')}.`,
	badLifetime: (value: string, minimum: number, maximum: number) =>
		`--expires-in must be a whole number of minutes from ${minimum} to ${maximum} (24 hours), not "${value}".`,
	notConfirmed: (action: string) => `Refusing to ${action} without confirmation: there is no terminal to ask on. Pass --yes to confirm.`,
	tokenMasked: 'The token is masked: add --reveal to print it, or --json for scripts.',
	expires: (when: string) => `Expires ${when}`,
	/** `2026-11-26 12:34:56 UTC (in 23h 59m)`. */
	expiry: (localTime: string, duration: string, expired: boolean) => `${localTime} (${expired ? `expired ${duration} ago` : `in ${duration}`})`,
	noSuchLabel: (value: string, profile: string) =>
		`No identity labelled "${value}" in profile "${profile}", and it is not an id (ids start with 8:acs:). Run "acs-tokens users" to see them.`,
	stdinTaken:
		'This command reads the token from stdin, so --connection-string - cannot read it too. Put the connection string in COMMUNICATION_SERVICES_CONNECTION_STRING (the environment or a .env file here), or use a saved profile with --profile.',
	stdinEmpty:
		'--connection-string - read nothing from stdin. Pipe the connection string in (< connection.txt), or put it in COMMUNICATION_SERVICES_CONNECTION_STRING (the environment or a .env file here).',
	stdinTooLarge: (maxBytes: number) =>
		`What came on stdin is larger than ${maxBytes} bytes, more than a connection string, a key or a token ever is: check what is piped in.`,
	secretPrompt: 'Paste it and press Enter (nothing is shown as you paste; Ctrl+C cancels):',
	signedIn: who =>
		`Signed in with Microsoft Entra ID as ${who.principal ?? 'an unnamed principal'}${who.tenantId ? ` (tenant ${who.tenantId})` : ''}, through ${who.credential ? enCredential(who.credential) : 'DefaultAzureCredential'}.`,
	standInAz: {
		noResource: 'The stand-in az answers "account get-access-token --resource URL" (as the Azure CLI credential asks); give --resource.',
		nothingToDo: (user: string) =>
			`This is acs-tokens' stand-in az, offline: it is always signed in as ${user}, for the local emulator with --allow-entra only.`,
		unknown: (command: string) =>
			`The stand-in az does not do "az ${command}": it answers only "account get-access-token", for the emulator. For Azure itself, install the Azure CLI.`,
		help: (user: string) =>
			[
				`acs-tokens' stand-in az, offline: always signed in as ${user}, for the local emulator with --allow-entra only.`,
				'',
				'  az account get-access-token --resource URL [--tenant ID] [--output json]',
				"                     a locally made Entra ID token, as the Azure CLI credential asks",
				'  acs-tokens emulator stand-in-az --path',
				'                     writes this az and prints its directory, to put first on PATH',
				'',
				'For Azure itself, install the Azure CLI.',
			].join('\n'),
		unknownOption: (option: string) =>
			`The stand-in az does not take ${option} for "account get-access-token": it takes --resource (or --scope), --tenant, --subscription and --output json.`,
		noValue: (option: string) => `${option} needs a value, e.g. --resource https://communication.azure.com/.`,
		jsonOnly: (output: string) => `The stand-in az prints JSON only, not "${output}": give --output json, or leave it out.`,
		notBuilt: 'The stand-in az runs from the built program: run "npm run build" and then "node dist/cli.js emulator stand-in-az --path".',
	},
	emulator: {
		warning: warningMessage,
		refusal: stateProblemMessage,
		badPort: (value: string | undefined) => `--port must be a whole number from 0 to 65535, not "${value}".`,
		dataDirOrMemory: '--data-dir and --in-memory exclude each other: choose one.',
		badAccessKey: '--access-key must be base64 of at least 16 bytes, e.g. the output of: openssl rand -base64 64',
		httpOffLoopback: (host: string | undefined) =>
			`--http with --host ${host} would send the access key's signatures and every token in clear text over the network. Plain HTTP is for loopback only: drop --http to serve HTTPS on ${host}.`,
		offLoopback: (host, port, developmentKey) =>
			`warning: listening on ${host === '0.0.0.0' || host === '::' ? 'every network interface' : host} (port ${port}), not on this machine only: other machines on the network can reach it${
				developmentKey
					? ', and its access key is the published development key, so anyone can sign requests to it. Give it a key of its own (--access-key -, e.g. from openssl rand -base64 64), or leave --host out.'
					: '. Leave --host out to serve this machine only.'
			}`,
		internalError: (detail: string) => `internal error (a bug; please report it): ${detail}`,
		certificate: (file: string) => `certificate: ${file}`,
		portInUse: (port: number) =>
			`Port ${port} is already in use, perhaps by another emulator. Stop it, or pass --port <another port> (--port 0 picks a free one).`,
		notAnAddress: (host: string | undefined) =>
			`--host ${host} is not an address of this machine. Pass one of its addresses, such as 127.0.0.1 (the default, loopback only) or ::1.`,
		portNotAllowed: (port: number) =>
			`This user may not listen on port ${port} (ports below 1024 need privileges). Pass --port with a port above 1023, or --port 0 to pick a free one.`,
		listenFailed: (host: string, port: number, code: string) =>
			`The emulator could not listen on ${host} port ${port} (${code}). Pass another --host or --port (--port 0 picks a free one).`,
		listening: (url: string, dataDirectory: string | undefined) =>
			`ACS Identity emulator listening on ${url} (${dataDirectory === undefined ? 'in memory' : `data in ${dataDirectory}`}); Ctrl+C stops it.`,
		keyGiven: '<the key given with --access-key>',
		stopped: 'Emulator stopped.',
	},
	profiles: {
		headings: ['', 'NAME', 'ENDPOINT', 'ACCESS KEY'],
		emulatorEndpoint: 'local emulator',
		keyFromEnvironment: (variable: string) => `key from $${variable}`,
		keyFromDotenv: (variable: string, file: string) => `key from ${variable} in ${file}`,
		keyOfEmulator: "the emulator's development key",
		keyEachTime: 'given each time with --connection-string',
		keySaved: 'key saved in the store',
		keyEntra: (tenantId: string | undefined) => `no key: Microsoft Entra ID${tenantId ? ` (tenant ${tenantId})` : ''}`,
		none: 'No profiles yet. One is saved when you first connect: acs-tokens user create --emulator',
		nameRequired: 'Name the profile to remove: acs-tokens profiles remove NAME (see acs-tokens profiles).',
		removeQuestion: (name, identities) =>
			`Remove profile ${name}${identities > 0 ? ` and the local record of its ${identities} ${identitiesWord(identities)} (they stay on the resource)` : ''}?`,
		removeAction: 'remove the profile',
		removed: (name, identities) =>
			`Removed profile ${name}${identities > 0 ? `, with the local record of ${identities} ${identitiesWord(identities)}; they stay on the resource` : ''}.`,
		notRemoved: 'Nothing removed.',
	},
	users: {
		none: (profile: string | undefined) =>
			`No identities${profile === undefined ? '' : ` in profile ${profile}`} yet. Create one: acs-tokens user create --emulator --label alice`,
		headings: ['PROFILE', 'LABEL', 'ID', 'STATE'],
		deleted: (at: string) => `deleted ${at}`,
		revoked: (at: string) => `tokens revoked ${at}`,
		noToken: 'no token issued',
		token: (scopes: readonly string[], expired: boolean, when: string) => `token ${scopes.join(',')}, ${expired ? 'expired' : 'expires'} ${when}`,
	},
	settings: {
		badStoreTokens: (value: string) => `--store-tokens takes on or off, not "${value}".`,
		storeTokens: (on: boolean) => `store-tokens: ${on ? 'on' : 'off'}`,
		badLanguage: (value, allowed) =>
		value === '' ? `--lang needs a value: ${allowed.join(', ')}.` : `--lang takes ${allowed.join(', ')}, not "${value}".`,
		badSymbols: value => `--symbols takes unicode or plain, not "${value}".`,
		// Said when the run's language is not simply the setting: auto, or --lang given before the command.
		language: (setting, language, from) =>
			`lang: ${setting}${setting === 'auto' || from === 'flag' ? ` (now ${language}, from ${from === 'flag' ? '--lang' : from})` : ''}`,
		symbols: style => `symbols: ${style}`,
	},
	userCreate: {
		lifetimeWithoutScopes: '--expires-in needs --scopes: without scopes no token is issued.',
		badLabel: '--label must be a non-empty name that does not start with "8:" (that is how ids start).',
		created: (id: string, label: string | undefined, profile: string) =>
			`Created ${id}${label === undefined ? '' : ` (${label})`} in profile ${profile}.`,
		token: (scopes: readonly string[], shown: string) => `Token (${scopes.join(', ')}): ${shown}`,
	},
	userDelete: {
		question: (name: string) => `Delete ${name} and invalidate all its tokens?`,
		action: 'delete the identity',
		nothingDone: 'Nothing deleted.',
		done: (name: string) => `Deleted ${name}.`,
	},
	userLocal: {
		labelRequired: '--label is required: the new label, or "" to remove it.',
		labelLikeId: '--label must not start with "8:" (that is how ids start).',
		renamed: (id: string, label: string | undefined) => (label ? `${id} is now "${label}".` : `${id} has no label now.`),
		notStored: (user: string | undefined, profile: string | undefined) =>
			`No identity "${user}" in the local store${profile ? ` for profile ${profile}` : ''}. Run "acs-tokens users" to see them.`,
		inSeveralProfiles: (user: string | undefined, profiles: readonly string[]) =>
			`"${user}" names identities in several profiles (${profiles.join(', ')}): add --profile.`,
		forgetQuestion: (id: string) => `Forget ${id} locally? It stays on the resource.`,
		forgetAction: 'forget the identity',
		nothingForgotten: 'Nothing forgotten.',
		forgot: (id: string, profile: string) => `Forgot ${id} (profile ${profile}).`,
	},
	tokenExchange: {
		badScope: (scope: string, prefix: string) =>
			scope === '' ? `--scopes is empty: give scopes starting with ${prefix}.` : `The scope "${scope}" does not start with ${prefix}, which this exchange needs (--teams-extension switches between the two kinds).`,
		pasteToken: "Paste the user's Entra ID token and press Enter (nothing is shown as you paste; it is read from stdin, never from the command line).",
		noToken:
			'No Entra ID token on stdin. Pipe it in: acs-tokens token exchange --endpoint URL < token.txt (on the emulator: acs-tokens emulator stand-in-entra-token | …).',
		issued: (identity: string, shown: string) => `ACS token for ${identity}: ${shown}`,
	},
	access: {
		badGuid: (name: string, value: string | undefined) =>
			value === undefined ? `${name} is required: a GUID (Entra ID object id, tenant id or client id).` : `${name} "${value}" is not a GUID (like 1b2c3d4e-0000-4000-8000-123456789abc).`,
		badType: (type: string | undefined, allowed: readonly string[]) =>
			`${type === undefined ? '--type is required' : `--type "${type}" is not one of these`}: use ${allowed.join(', ')}.`,
		noTeamsExtensionList:
			'The service lists no Teams Extension assignments: show one with acs-tokens access show OBJECT_ID --teams-extension --tenant-id TENANT.',
		none: 'No assignments: no Entra ID user may exchange a token yet. Add one with acs-tokens access assign.',
		headings: ['OBJECT ID', 'TYPE', 'TENANT', 'CLIENT APPS'],
		anyClient: 'any',
		notAssigned: (objectId: string) => `No assignment for ${objectId}. Run acs-tokens access list to see them.`,
		assigned: (created: boolean, objectId: string, type: string) =>
			`${created ? 'Assigned' : 'Updated the assignment of'} ${objectId} (${type}): it may now exchange its Entra ID token for an ACS token.`,
		question: (objectId: string) => `Remove the assignment of ${objectId}? It can no longer exchange tokens.`,
		action: 'remove the assignment',
		nothingDone: 'Nothing removed.',
		removed: (objectId: string) => `Removed the assignment of ${objectId}.`,
	},
	tokenTeams: {
		badGuid: (option: string, value: string | undefined) =>
			value === undefined
				? `${option} is required: the GUID of the Entra ID ${option === '--app-id' ? 'app registration the Teams user signed in to' : 'object id of the Teams user'}.`
				: `${option} "${value}" is not a GUID (like 1b2c3d4e-0000-4000-8000-123456789abc). Give the Entra ID ${option === '--app-id' ? 'application (client) id' : 'object id of the Teams user'}.`,
		pasteToken: "Paste the Teams user's Entra ID token and press Enter (nothing is shown as you paste; it is read from stdin, never from the command line).",
		noToken:
			"No Teams user token on stdin. Pipe it in: acs-tokens token teams --app-id ID --user-id OID < token.txt (on the emulator: acs-tokens emulator stand-in-teams-token --app-id ID --user-id OID | …).",
		issued: (userId: string, shown: string) => `ACS token for the Teams user ${userId}: ${shown}`,
	},
	tokenIssue: {
		issued: (id: string, label: string | undefined, scopes: readonly string[], shown: string) =>
			`Token for ${label ? `${label} (${id})` : id}, scopes ${scopes.join(', ')}: ${shown}`,
	},
	tokenRevoke: {
		question: (name: string) => `Revoke every token of ${name}?`,
		action: 'revoke tokens',
		nothingDone: 'Nothing revoked.',
		done: (name: string, at: string) => `Revoked every token of ${name} issued before ${at}.`,
	},
	tokenDecode: {
		notAJwt: 'That is not a JWT: an access token has three base64url parts separated by dots (eyJ….eyJ….…).',
		oneToken: 'Give exactly one TOKEN, or "-" to read it from stdin.',
		emptyStdin: '"-" read nothing from stdin: pipe the token in (< token.txt, or echo "$TOKEN" |).',
		header: 'Header',
		claims: 'Claims',
		issued: (time: string) => `Issued   ${time}`,
		expires: (when: string) => `Expires  ${when}`,
		scopes: (scopes: readonly string[]) => `Scopes   ${scopes.join(', ')}`,
	},
	tokenVerify: {
		result: {
			valid: 'Token is valid: signed by this emulator, not expired, not revoked.',
			expired: 'Token is expired.',
			revoked: "Token is revoked: its identity's tokens were revoked after it was issued.",
			deleted: 'Token is invalid: its identity was deleted.',
			'bad-signature': 'Token is invalid: not signed by this emulator (or altered).',
			malformed: 'Token is invalid: not an access token.',
		},
		/** A reason this version does not know (an emulator of another version answered). */
		unknown: (reason: string) => `Token is ${reason}.`,
	},
	sign: {
		usage: 'sign takes a method and a URL: acs-tokens sign POST "/identities?api-version=2023-10-01" (see: acs-tokens sign --help).',
		badMethod: (method, allowed) => `"${method}" is not an HTTP method acs-tokens signs: use one of ${allowed.join(', ')}.`,
		badUrl: (url, endpoint) =>
			`"${url}" is not a URL: give a full one on ${endpoint}, or a path and query starting with / (e.g. /identities?api-version=2023-10-01).`,
		otherOrigin: (url, origin) =>
			`"${url}" is not on the connection's endpoint ${origin}: the signature would be refused there. Give a URL on ${origin}, or just its path and query.`,
		unreadableBody: (file, code) => `Could not read the body file "${file}" (${code}): check the path and that you may read it, or give --body - for stdin.`,
		bodyTooLarge: (file, maxBytes) => `The body "${file}" is larger than ${maxBytes} bytes: ACS takes no request body that large.`,
		twoStdins: 'Only one of --body and --connection-string can read stdin (-): give the other one as a file or a value.',
		keyless: (endpoint: string) =>
			`This connection to ${endpoint} signs in with Microsoft Entra ID and has no access key to sign with. Send "Authorization: Bearer <token>" instead (az account get-access-token --resource https://communication.azure.com), or name a connection string.`,
		noEmulator:
			'No emulator is running on this config directory, so headers for one would be for a port that is gone when this command ends. Start "acs-tokens emulator" (or the wizard) first, in another terminal.',
	},
};
