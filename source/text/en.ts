import type {Catalogue} from './catalogue.js';
import {englishPlural} from './en-plural.js';
import {describeConnectionStringProblem} from '../protocol/connection-string.js';
import {emulatorCommandFor, otherSchemeOf} from './emulator-command.js';
import {enCommands} from './en-commands.js';
import {enHelp} from './en-help.js';

/**
 * Every sentence acs-tokens shows a person, in English: the catalogue the others are
 * translated from, checked against the same type (catalogue.ts).
 */
/** `hour` or `hours`. */
const hours = (count: number) => englishPlural(count, 'hour', 'hours');

/** The credential that signed in, as the line under the header says it ("through the Azure CLI"). */
const wizardCredential = (kind: string): string =>
	({
		environment: 'environment variables',
		'workload-identity': 'workload identity',
		'managed-identity': 'a managed identity',
		'azure-cli': 'the Azure CLI',
		'azure-developer-cli': 'the Azure Developer CLI',
		'azure-powershell': 'Azure PowerShell',
		'visual-studio-code': 'Visual Studio Code',
	})[kind] ?? 'DefaultAzureCredential';

export const en: Catalogue = {
	help: enHelp,
	commands: enCommands,
	store: {
		unknownIdentity: (profile, identity) =>
			`Profile ${JSON.stringify(profile)} has no identity ${JSON.stringify(identity)}. List the identities it knows, and use one of their ids or labels.`,
		duplicateLabel: (label, existingId, profile) =>
			`The label ${JSON.stringify(label)} is already used by ${existingId} in profile ${JSON.stringify(profile)}. Choose another label, or rename or forget that identity first.`,
		newerFormat: (path, fileVersion, supportedVersion) =>
			`${path} has data format ${fileVersion}, newer than the ${supportedVersion} this acs-tokens reads. Upgrade acs-tokens, or use another directory with --config-dir.`,
		corrupt: (path, reason) =>
			`${path} cannot be read: ${reason}. Fix it by hand, or run acs-tokens again: it moves a broken file aside and starts afresh.`,
		lockHeld: lockPath =>
			`Another acs-tokens has held ${lockPath} for too long. Try again; if no other acs-tokens is running, remove that directory.`,
		lockTakenOver: (lockPath, detail) =>
			`The lock ${lockPath} was taken over while held (${detail}); the last change may have raced another acs-tokens.`,
		movedAside: (path, reason, asidePath) =>
			`${path} could not be read (${reason}). It was moved to ${asidePath} and a new, empty config was started; copy back from it what you need.`,
		configDirectoryUnusable: (directory, detail) =>
			`Cannot use ${directory} as the config directory (${detail}). Choose a writable directory with --config-dir or ACS_TOKENS_CONFIG_DIR.`,
		fileUnusable: (path, code) =>
			`Cannot read or write ${path} (${code}). Check that it is a file you own and may write (one written under sudo belongs to root: give it back with sudo chown), or choose another directory with --config-dir or ACS_TOKENS_CONFIG_DIR.`,
		configDirectoryEmpty: '--config-dir was given an empty path. Pass a directory, e.g. --config-dir ~/.config/acs-tokens, or leave the flag out.',
		refusedOwnWrite: detail =>
			`acs-tokens tried to write data its own schema refuses, and wrote nothing (${detail}). Please report this with the command you ran.`,
		reasons: {
			notJson: 'it is not valid JSON',
			notAnObject: 'it is not a JSON object',
			badVersion: version => `its format version ${version} is not x.y.z`,
			notTheFormat: found => `it does not match the acs-tokens format: ${found}`,
			couldNotMigrate: 'it could not be brought up to the current format',
		},
		rules: {
			missing: key => `\`${key}\` is missing`,
			notInTheFormat: key => `\`${key}\` is not part of the format`,
			noneOfTheForms: key => `\`${key}\` matches none of the forms it may take`,
			wrongType: (key, type) => `\`${key}\` must be ${type === 'array' || type === 'object' || type === 'integer' ? 'an' : 'a'} ${type}`,
			notAllowed: key => `\`${key}\` has a value the format does not allow`,
			other: (key, said) => `\`${key}\` ${said}`,
			list: (shown, more) => `${shown.join('; ')}${more > 0 ? `; and ${more} more` : ''}`,
		},
		invalid: {
			name: (field, value, maxLength) =>
				`The ${field} ${value} is not valid: use 1 to ${maxLength} characters, without control characters or spaces at either end.`,
			endpoint: shown => `The endpoint ${shown} is not an http(s) URL. Use the resource's endpoint, e.g. https://<resource>.communication.azure.com/.`,
			endpointShape: (shown, max) =>
				`The endpoint ${shown} has whitespace in it or is longer than ${max} characters. Use the resource's endpoint, e.g. https://<resource>.communication.azure.com/.`,
			timestamp: (field, value) => `${field} ${value} is not an ISO 8601 date and time. Pass e.g. new Date().toISOString().`,
			identityId: value => `The identity id ${value} is not valid: pass the id ACS returned, e.g. 8:acs:<resource>_<guid>.`,
			scopes: value =>
				`The token scopes ${value} are not valid: pass the non-empty list of scopes the token was issued for, e.g. ["chat", "voip"].`,
			keySourceKind: (kind, kinds) => `The key source kind ${kind} is unknown. Use one of: ${kinds.join(', ')}.`,
			environmentVariable: (variable, allowed) => `The environment variable ${variable} is not one acs-tokens reads. Use ${allowed.join(' or ')}.`,
			dotenvPathEmpty: 'The .env file path is empty. Pass the path of the .env file that holds the connection string.',
			dotenvVariable: variable => `The variable name ${variable} is not valid in a .env file: use letters, digits and _, not starting with a digit.`,
			accessKeyEmpty: "The access key to save is empty. Pass the key from the resource's Keys page.",
			storeTokens: value => `The setting storeTokens must be true or false, not ${value}.`,
			language: (value, allowed) => `The setting language must be one of ${allowed.join(', ')}, not ${value}.`,
			symbols: value => `The setting symbols must be unicode or plain, not ${value}.`,
		},
	},
	errors: {
		connectionString: describeConnectionStringProblem,
		keyInDotenv: (variable, path) => `${variable} in ${path}`,
		connectionStringIn: (where, problem) => `${where}: ${problem}`,
		inEnvironment: variable => `$${variable}`,
		profileKey: (profile, where) => `Profile "${profile}" (its key from ${where})`,
		twoConnections: flags => `${flags.join(' and ')} each name a connection: give only one of them.`,
		dotenvUnreadable: (path, code) =>
			`Could not read ${path} (${code}), where acs-tokens looks for a connection string. Check that it is a file you may read, or give the connection another way: --connection-string - (stdin) or COMMUNICATION_SERVICES_CONNECTION_STRING.`,
		entraCredentialName: (kind: string) =>
			({
				environment: 'environment variables (AZURE_TENANT_ID, AZURE_CLIENT_ID with AZURE_CLIENT_SECRET or AZURE_CLIENT_CERTIFICATE_PATH)',
				'workload-identity': 'workload identity (AZURE_FEDERATED_TOKEN_FILE)',
				'managed-identity': 'managed identity',
				'azure-cli': 'Azure CLI (az login)',
				'azure-developer-cli': 'Azure Developer CLI (azd auth login)',
				'azure-powershell': 'Azure PowerShell (Connect-AzAccount)',
				'visual-studio-code': 'Visual Studio Code',
			})[kind] ?? 'another credential',
		entraNoCredential: (tried: readonly string[]) =>
			`No Microsoft Entra ID credential answered. Tried, in order: ${tried.join('; ')}. Sign in with \`az login\` (or \`azd auth login\`), or set the environment variables of a service principal, then try again. AZURE_TOKEN_CREDENTIALS narrows the list (for example AzureCliCredential).`,
		entraSignInFailed: (detail: string) =>
			`Signing in with Microsoft Entra ID failed: ${detail}. Sign in again (\`az login\`, with --tenant for another tenant) and try again.`,
		entraStandIn: (endpoint: string) =>
			`${endpoint} refused the token of acs-tokens' stand-in az, which only the local emulator takes: its directory is still first on PATH. Remove it from PATH (or open a new shell) and sign in with the real Azure CLI (az login).`,
		entraWrongAudience: (audience: string) =>
			`The Entra ID token is for ${audience || 'no audience'}, not for Communication Services (https://communication.azure.com). The credential was asked for the wrong resource: check AZURE_TOKEN_CREDENTIALS and the credential's settings.`,
		entraExpired: (expiredAt: Date) =>
			`The Entra ID token expired at ${expiredAt.toISOString()}. Sign in again (\`az login\`) and try again; check this machine's clock too.`,
		entraDenied: (endpoint: string, principal: string) =>
			`${endpoint} refused the Entra ID token of ${principal}. Give that identity a role on the Communication Services resource (Contributor, or Communication and Email Service Owner) and try again; a new role takes a few minutes.`,
		trustNeedsNewerNode: (endpoint: string, nodeVersion: string) =>
			`Node ${nodeVersion} cannot trust the local emulator's certificate for ${endpoint} from inside the program (that needs Node 22.19 or later). Start acs-tokens with NODE_EXTRA_CA_CERTS="$(acs-tokens emulator --print-certificate-path)", or use a newer Node.`,
		exchangeNotAssigned: () =>
			'The resource refused the exchange (403): no assignment lets this user (or their group, tenant or client app) exchange. Add one: acs-tokens access assign OBJECT_ID --type user --tenant-id TENANT (--teams-extension for Teams Extension users).',
		exchangeTokenRefused: () =>
			'The Entra ID token was refused (401): it is expired, malformed, or for another audience (https://communication.azure.com/clients for Entra ID users, https://auth.msft.communication.azure.com for Teams Extension users). Get a new one for the right scope.',
		exchangeFailed: (endpoint: string, status: number | undefined) =>
			status === undefined
				? `The exchange could not reach ${endpoint}. Check the endpoint and the network (the local emulator: acs-tokens emulator --allow-entra).`
				: `${endpoint} answered ${status} to the exchange. Try again; if it persists, check the resource's api-version support (2025-03-02-preview, 2025-06-30).`,
		teamsTokenRefused: () =>
			'The Teams user\'s Entra ID token was refused (401 InvalidAccessToken): it is expired, malformed, or not for https://auth.msft.communication.azure.com. Sign the Teams user in again for the Teams.ManageCalls and Teams.ManageChats scopes and pass the new token.',
		teamsSignIn: {
			expired: () => 'The sign-in code expired before the Teams user signed in (codes last about 15 minutes). Press r for a new code, and sign in sooner.',
			declined: () => 'The Teams user declined the sign-in (or the app\'s consent). Press r to try again, and accept the Teams.ManageCalls and Teams.ManageChats permissions.',
			wrongApp: (appId: string) =>
				`Entra ID does not know ${appId} as an app that can sign Teams users in with a device code. Check the app (client) id in the app registration, and that "Allow public client flows" is on.`,
			unknownTenant: (authority: string) =>
				`Entra ID does not know the authority ${authority}. Check the tenant in ACS_TOKENS_ENTRA_AUTHORITY (https://login.microsoftonline.com/TENANT), or unset it to sign in with any work account.`,
			network: (authority: string, detail: string) =>
				`Could not reach ${authority} to sign the Teams user in (${detail}). Check the network or a proxy, then press r.`,
			failed: (appId: string, detail: string) => `The Teams user's sign-in for the app ${appId} failed: ${detail}`,
			noAccessToken: (appId: string) => `The Teams user's sign-in for the app ${appId} ended without an access token. Press r to try again.`,
			noObjectId: (appId: string) =>
				`The Teams user's token for the app ${appId} has no object id (oid claim), which the exchange needs. Sign in with a work or school account of the tenant, not a personal Microsoft account.`,
			timedOut: (seconds: number) => `no answer in ${seconds} s`,
			tooLarge: (authority: string, limit: string) =>
				`${authority} answered with more than ${limit}, which no Entra ID answer is (a proxy or a captive portal?). Check the network or a proxy, then press r.`,
			notJson: (authority: string, status: number) =>
				`${authority} answered HTTP ${status} with a page that is not Entra ID's JSON (a proxy's or a captive portal's error page?). Check the network or a proxy, and ACS_TOKENS_ENTRA_AUTHORITY, then press r.`,
			authorityNotUrl: (value: string) =>
				`ACS_TOKENS_ENTRA_AUTHORITY is not a URL: "${value}". Set it to https://login.microsoftonline.com/TENANT (a tenant id or domain), or unset it to sign in with any work account.`,
			authorityNotHttps: (value: string) =>
				`ACS_TOKENS_ENTRA_AUTHORITY must be an https:// address with a host, not "${value}": sign-in codes and tokens only travel over https. Set it to https://login.microsoftonline.com/TENANT, or unset it.`,
		},
		entraPlainHttp: (endpoint: string) =>
			`${endpoint} is plain http://, and an Entra ID token is only ever sent over https:// (the SDK refuses too). Use the https:// endpoint; the local emulator serves https with --allow-entra.`,
		denied: (endpoint: string) =>
			`${endpoint} refused the access key (401 Denied): the key is wrong, or it was rotated. Copy the current connection string from the Azure portal (your Communication Services resource > Keys).`,
		notOwned: (endpoint: string, id: string) =>
			`${id} belongs to another Communication Services resource than ${endpoint} (401 IdentityNotOwned). Check that you chose the right profile (--profile) or connection string.`,
		// The service's message names the id as a rule: it is not said twice.
		notFound: (id: string, serviceMessage: string) =>
			`${serviceMessage.includes(id) ? 'Not on this resource' : `${id} is not on this resource`} (404): ${serviceMessage} If it is in your local list (acs-tokens users), drop it with: acs-tokens user forget --user ${id}`,
		validation: (serviceMessage: string) => `The service refused the request (400): ${serviceMessage}`,
		service: (status: number | undefined, code: string | undefined, serviceMessage: string) =>
			`The service answered ${status ?? 'an error'}${code ? ` ${code}` : ''}: ${serviceMessage}`,
		network: (endpoint: string, detail: string) => {
			const serve = emulatorCommandFor(endpoint);
			if (!serve) {
				return `Could not reach ${endpoint} (${detail}). Check the endpoint in the connection string and your network.`;
			}

			return detail === 'ECONNREFUSED'
				? `Could not reach ${endpoint} (${detail}): nothing serves it. Start the emulator there (${serve}), or use --emulator, which starts one itself.`
				: `Could not talk to ${endpoint} (${detail}). If the emulator there serves the other scheme, use ${otherSchemeOf(endpoint)} in the connection string, or start it as this endpoint expects (${serve}); or use --emulator, which starts one itself.`;
		},
		inWizard: {
			notOwned: (endpoint: string, id: string) =>
				`${id} belongs to another Communication Services resource than ${endpoint} (401 IdentityNotOwned). Choose Switch connection in the menu and connect to the resource it was created on.`,
			notFound: (id: string, serviceMessage: string) =>
				`${serviceMessage.includes(id) ? 'Not on this resource' : `${id} is not on this resource`} (404): ${serviceMessage} If it is in your list, Manage identities offers to forget it locally.`,
			network: (endpoint: string, detail: string) => {
				const serve = emulatorCommandFor(endpoint);
				if (!serve) {
					return `Could not reach ${endpoint} (${detail}). Check the endpoint in the connection string and your network. To work offline, choose Switch connection in the menu, then Local emulator.`;
				}

				return detail === 'ECONNREFUSED'
					? `Could not reach ${endpoint} (${detail}): nothing serves it. Start the emulator there (${serve}), or choose Switch connection in the menu, then Local emulator, which starts one itself.`
					: `Could not talk to ${endpoint} (${detail}). If the emulator there serves the other scheme, use ${otherSchemeOf(endpoint)} in the connection string, or start it as this endpoint expects (${serve}); or choose Switch connection in the menu, then Local emulator, which starts one itself.`;
			},
			unknownProfile: (name: string, known: readonly string[]) =>
				`There is no profile "${name}". ${known.length > 0 ? `Saved profiles: ${known.join(', ')}.` : 'No profile is saved yet.'} Esc goes to the connection screen: it lists the saved profiles, and a connection made there is saved as one.`,
		},
		untrustedCertificate: (endpoint: string, detail: string) =>
			`The TLS certificate of ${endpoint} is not trusted (${detail}). For the local emulator, trust its CA: export NODE_EXTRA_CA_CERTS="$(acs-tokens emulator --print-certificate-path)".`,
		cancelled: () => 'Cancelled.',
		noConnection: () =>
			'No connection to a Communication Services resource. Pass --connection-string "endpoint=…;accesskey=…", set COMMUNICATION_SERVICES_CONNECTION_STRING (in the environment or a .env file here), choose a saved profile with --profile, or work offline with --emulator.',
		unknownProfile: (name: string, known: readonly string[]) =>
			`There is no profile "${name}". ${known.length > 0 ? `Saved profiles: ${known.join(', ')}.` : 'No profile is saved yet.'} Run "acs-tokens profiles" to see them.`,
		profileKeyMissing: (profile: string, where: string) =>
			`Profile "${profile}" reads its access key from ${where}, which is not set. Set it, or pass --connection-string.`,
		notAnEmulator: (endpoint: string, status: number) =>
			`${endpoint} answered ${status} to a verification request: only the local emulator can verify tokens (the real service has no such operation). Use --emulator, or decode the token instead (acs-tokens token decode).`,
		profileKeyNotStored: (profile: string) =>
			`Profile "${profile}" was used with --connection-string, and its key is not stored. Pass --connection-string again.`,
		emulatorCustomKey: (url: string, pid: number) =>
			`The local emulator at ${url} (pid ${pid}) was started with its own --access-key, so --emulator cannot sign for it. Reach it with COMMUNICATION_SERVICES_CONNECTION_STRING="endpoint=${url};accesskey=<that key>" (or --connection-string -, reading it from stdin), or stop it and start it without --access-key.`,
		emulatorThreadExited: (code: number) => `its thread exited with code ${code}`,
		emulatorPortVariable: (value: string) =>
			`ACS_TOKENS_EMULATOR_PORT is "${value}", which is not a port. Set it to a number from 1 to 65535 (0 for any free port), or unset it for 10430.`,
		emulatorBusy: (directory: string) =>
			`The local emulator's data directory ${directory} stayed locked by another acs-tokens process. Wait for it to finish, or stop it.`,
		timedOut: (endpoint: string, seconds: number) =>
			`${endpoint} did not answer within ${seconds} s. Check the endpoint and your network; to wait longer, set ACS_TOKENS_REQUEST_TIMEOUT to a number of seconds.`,
		timeoutVariable: (value: string) =>
			`ACS_TOKENS_REQUEST_TIMEOUT is "${value}", which is not a number of seconds. Set it to a whole number from 1 to 3600, or unset it for 30.`,
	},
	wizard: {
		colon: ': ',
		scopeList: scopes => scopes.join(', '),
		moment: (dateTime, relative) => `${dateTime} (${relative})`,
		title: 'acs-tokens',
		emulatorNews: {
			restarted: (reason: string, url: string) =>
				`The embedded emulator stopped (${reason}) and was started again at ${url}, on the same data: carry on.`,
			stopped: (reason: string) =>
				`The embedded emulator stopped (${reason}) and could not be started again. Quit and start acs-tokens again, or switch connection.`,
			otherPort: (wanted: number, url: string) =>
				`Port ${wanted} is taken by another program, so the embedded emulator listens at ${url}: connection strings must name this port.`,
			tookOver: (url: string) =>
				`The emulator that another acs-tokens ran on this data has stopped; this one runs it now, at ${url}, on the same data.`,
		},
		presenterBadge: 'PRESENTER',
		connectedTo: (profile: string, endpoint: string) => `${profile} · ${endpoint}`,
		notConnected: 'not connected',
		signedIn: ({principal, tenantId, credential}) =>
			`Signed in as ${principal}${tenantId ? ` (tenant ${tenantId})` : ''} through ${credential ? wizardCredential(credential) : 'DefaultAzureCredential'}`,
		signInPending: 'Microsoft Entra ID (sign-in on the first request)',
		connect: {
			heading: 'Connect to Azure Communication Services',
			explain:
				'Every call is signed with your resource\'s access key (HMAC-SHA256), or carries a Microsoft Entra ID token (keyless). The local emulator needs no Azure account and works offline.',
			entraEnvironment: (variable: string, endpoint: string) => `Microsoft Entra ID — ${endpoint} (from $${variable})`,
			entra: 'Sign in with Microsoft Entra ID…',
			emulator: 'Local emulator (offline, no Azure account)',
			profile: (name: string, endpoint: string) => `Profile ${name} — ${endpoint}`,
			environment: (variable: string, endpoint: string) => `$${variable} — ${endpoint}`,
			dotenv: (variable: string, endpoint: string) => `${variable} from .env — ${endpoint}`,
			key: {
				saved: 'key saved in the store',
				environment: (variable: string) => `key from $${variable}`,
				dotenv: (variable: string) => `key from ${variable} in .env`,
				none: 'no key saved: asks for it',
				entra: 'Microsoft Entra ID',
			},
			paste: 'Paste a connection string…',
			connecting: 'Connecting…',
			failed: 'Could not connect',
		},
		paste: {
			heading: 'Paste a connection string',
			explain: 'Azure portal → your Communication Services resource → Keys → Connection string. It stays masked.',
			valid: (endpoint: string) => `Looks right: ${endpoint}`,
			empty: 'endpoint=https://<resource>.communication.azure.com/;accesskey=<key>',
			keyHeading: (profile: string, endpoint: string) => `The access key of profile ${profile} (${endpoint})`,
			keyExplain:
				'This profile keeps no key. Paste its access key, or the whole connection string (Azure portal → your resource → Keys). It stays masked.',
			keyEmpty: '<access key> or endpoint=…;accesskey=…',
		},
		entra: {
			endpointHeading: 'Sign in with Microsoft Entra ID',
			endpointExplain:
				'No key: each request carries a token from DefaultAzureCredential (az login, azd auth login, a managed identity, a service principal\'s variables). Type the resource\'s endpoint (Azure portal → your resource → Overview).',
			endpointEmpty: 'https://<resource>.communication.azure.com/',
			endpointValid: (endpoint: string) => `Looks right: ${endpoint}`,
			endpointProblem: problem =>
				({
					url: 'Not an endpoint yet: type https:// and the resource\'s host, e.g. https://contoso.communication.azure.com/.',
					https: 'Use https://: an Entra ID token is only ever sent over https (the local emulator serves it with --allow-entra).',
					path: 'Only the origin: https:// and the host (a port if any), no path, query or #.',
				})[problem],
			tenantHeading: (endpoint: string) => `The tenant to sign in to, for ${endpoint}`,
			tenantExplain:
				'Optional: the directory (tenant) id, when your account is in more than one tenant. Leave it empty for your credential\'s default tenant.',
			tenantEmpty: '<tenant id> or empty',
			tenantValid: (tenantId: string) => `Tenant ${tenantId}`,
			tenantNone: 'No tenant: the credential\'s default one.',
			tenantInvalid: 'A tenant id is a GUID, e.g. 72f988bf-86f1-41af-91ab-2d7cd011db47; or leave it empty.',
		},
		menu: {
			heading: 'What next?',
			tour: 'Guided tour: the quickstart, step by step',
			manage: (count: number) => `Manage identities (${count} stored)`,
			teams: 'Teams user token (Custom Teams Endpoint)',
			entra: 'Entra ID user token (client app exchange)',
			switch: 'Switch connection',
		},
		teams: {
			heading: 'Teams user token (Custom Teams Endpoint)',
			explain:
				'A Teams user calls and chats from your app with their own Teams identity: your app signs them in with Entra ID (the Teams.ManageCalls and Teams.ManageChats scopes) and exchanges their Entra ID token for an ACS token.',
			appIdPrompt: 'Your Entra ID app (client) id:',
			appIdInvalid: 'An app id is a GUID: xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx (the app registration\'s Overview).',
			appIdValid: 'Enter goes on.',
			methodHeading: 'Whose Entra ID token?',
			simulated: 'Simulated Teams user (made here, offline, no sign-in; only the emulator takes it)',
			signIn: 'Sign a real Teams user in with a device code (Microsoft Entra ID)',
			askingCode: 'Asking Entra ID for a sign-in code…',
			openAndEnter: (url: string, code: string) => `Open ${url} and enter the code ${code}`,
			codeExpires: (time: string) => `The code expires ${time}.`,
			codeInRoom: 'Presenter mode: everyone in the room can read this code, and whoever enters it first signs in. Sign in quickly, or hide the screen while you do.',
			issued: (userId: string, simulated: boolean) =>
				`The ACS token of the Teams user ${userId}${simulated ? ' (simulated)' : ''}, exchanged for their Entra ID token:`,
		},
		clientExchange: {
			heading: kind => (kind === 'entra' ? 'Entra ID user token (client app exchange)' : 'Teams Extension user token (client app exchange)'),
			explain: kind =>
				kind === 'entra'
					? 'Your client app signs its user in with Microsoft Entra ID and exchanges that token for an ACS token itself: no server of yours issues tokens. An admin decides who may, with assignments (a user, a group, a whole tenant).'
					: 'Your client app signs a Teams user in with Entra ID (TeamsExtension.ManageCalls, ManageChats) and exchanges that token for an ACS token itself: no server of yours issues tokens. An admin decides who may, with assignments per tenant.',
			plainHttp:
				'This is plain http:// (the embedded emulator), and an Entra ID token only travels over https://. To exchange offline: quit, run acs-tokens emulator --allow-entra in another terminal, start acs-tokens again and choose Local emulator.',
			exchange: 'Exchange an Entra ID token for an ACS token',
			assignments: 'Assignments: who may exchange',
			switchKind: to => (to === 'entra' ? 'Switch to Entra ID users' : 'Switch to Teams Extension users'),
			methodHeading: 'Whose Entra ID token?',
			simulated: upn => `Simulated Entra ID user ${upn} (made here, offline; only the emulator takes it)`,
			paste: 'Paste a real user\'s Entra ID token',
			pasteHeading: 'The user\'s Entra ID token (masked as it is pasted)',
			pasteHow: command => `Get one with: ${command}`,
			pasteEmpty: 'eyJ…',
			pasteLooks: (audience, expires) => `A token for ${audience}, expires ${expires}. Enter exchanges it.`,
			pasteWrongAudience: (audience, wanted) => `This token is for ${audience || 'no audience'}; the exchange takes one for ${wanted}.`,
			pasteNotJwt: 'Not a token yet: an Entra ID token is three parts joined by dots (eyJ….eyJ….…).',
			assignmentsHeading: kind => (kind === 'entra' ? 'Who may exchange (Entra ID users)' : 'Who may exchange (Teams Extension users)'),
			none: 'No assignments yet: nobody may exchange.',
			teamsNone: 'Teams Extension has no list of assignments: look one up by tenant and object id, or assign one.',
			assign: kind => (kind === 'entra' ? '+ Assign a user, group or tenant…' : '+ Assign a user or resource account…'),
			lookUp: 'Look up an assignment (tenant and object id)…',
			exchangeNow: 'Exchange a token now',
			assignment: (type, objectId, tenantId) => `${type} ${objectId} (tenant ${tenantId})`,
			removeHint: 'Enter on an assignment removes it (asked first).',
			types: {user: 'user', group: 'group', tenant: 'tenant', resourceAccount: 'resource account'},
			formHeading: kind => (kind === 'entra' ? 'Assign: who may exchange (Entra ID users)' : 'Assign: who may exchange (Teams Extension users)'),
			lookUpHeading: 'Look up a Teams Extension assignment',
			objectId: 'Object id:',
			type: 'Type:',
			tenantId: 'Tenant id:',
			formHint: '↑↓ field · ←→ type · Enter next field, on the last one assigns',
			prefilled: upn => `Filled in for the simulated user ${upn}.`,
			notGuid: field => `${field} is a GUID: xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx.`,
			removeQuestion: who => `Remove the assignment of ${who}? It may no longer exchange. Enter removes it, Esc keeps it.`,
			issued: (identity, simulated) =>
				`The ACS token of ${identity}${simulated ? ' (the simulated Entra ID user)' : ''}, from the client app's exchange:`,
			notAssigned: 'Assign this user first: a opens the assignments, then exchange again.',
		},
		steps: ['Connect', 'Create user', 'Choose scopes', 'Issue token', 'Revoke tokens', 'Delete user'],
		stepOf: (step: number, total: number, name: string) => `Step ${step} of ${total}: ${name}`,
		explain: {
			connect: (endpoint: string) =>
				`The client is set up for ${endpoint}; nothing is sent until step 2. It signs each request with the access key; the key itself never travels.`,
			connectKeyless: (endpoint: string) =>
				`The client is set up for ${endpoint}, with no key; nothing is sent until step 2. DefaultAzureCredential gets a Microsoft Entra ID token on the first request, and each request carries it (Authorization: Bearer).`,
			createUser:
				'An identity is a user of your app in ACS: an id and nothing else. ACS keeps no names; mapping ids to your users is your job.',
			createUserDone: (id: string) => `Created ${id}.`,
			// On a line of its own: a long id fills the line before, and wrapping would start this one with a space.
			createUserNext: 'Next, choose what its token may do.',
			label: (label: string) => `Label: ${label} (kept only on this machine) · l changes it`,
			scopes: 'A token carries scopes: what its holder may do. Space toggles; pick at least one.',
			lifetime: 'How long the token lives: 60 to 1440 minutes (24 hours, the default). Shorter is safer.',
			issuing: 'Asking ACS for a token…',
			token: 'Your app\'s server hands this token to the client app, which uses it for chat or calling until it expires.',
			revoke:
				'Revoking invalidates every token issued to this identity so far; new tokens still work. Use it when a device is lost or a user signs out everywhere.',
			revokeDone:
				'Revoked. Tokens issued before now stop working, however long they had left; new ones work, as this one issued just after shows (the service may take up to 15 minutes).',
			deleteUser: 'Deleting removes the identity and its data; all its tokens stop working.',
			deleteDone: 'Deleted. Both tokens, the revoked one and the new one, are now invalid for good.',
			finished: 'That is the whole flow. Press Enter to go back to the menu.',
		},
		revoked: {
			before: 'Revoked token',
			after: 'New token',
			issued: (time: string) => `issued ${time}`,
		},
		run: (what: string) => `Press Enter to ${what}.`,
		actions: {
			createUser: 'create the user',
			revoke: 'revoke its tokens',
			deleteUser: 'delete the user',
			next: 'continue',
		},
		busy: {
			createUser: 'Creating the user…',
			issueToken: 'Issuing the token…',
			revoke: 'Revoking tokens…',
			deleteUser: 'Deleting the user…',
			connecting: 'Connecting…',
			loading: 'Loading…',
			saving: 'Saving…',
			forgetting: 'Forgetting…',
			teamsSignIn: 'Waiting for the Teams user to sign in…',
			teamsExchange: 'Exchanging the Teams user\'s token…',
			entraExchange: 'Exchanging the Entra ID token (AzureCommunicationTokenCredential)…',
			assignments: 'Reading the assignments…',
			cancelHint: 'Esc cancels',
		},
		scopes: {
			chat: 'chat: create, join and manage chat threads',
			voip: 'voip: start and join calls',
			'chat.join': 'chat.join: join chat threads, but not create, update or delete them',
			'chat.join.limited': 'chat.join.limited: as chat.join, and cannot add or remove participants',
			'voip.join': 'voip.join: join calls; start them only in Rooms the user is invited to',
			none: 'Choose at least one scope.',
		},
		lifetime: {
			minutes: (minutes: number) =>
				minutes % 60 === 0 ? `${minutes / 60} ${hours(minutes / 60)} (${minutes} minutes)` : `${minutes} minutes`,
			default: 'default',
			custom: 'Custom: type the minutes…',
			customChosen: (lifetime: string) => `Custom: ${lifetime}`,
			prompt: (minimum: number, maximum: number) => `Minutes (${minimum}–${maximum}):`,
			range: (minimum: number, maximum: number) =>
				`Type whole minutes from ${minimum} to ${maximum}; Enter takes them once they are in range.`,
			notMinutes: typed => `"${typed}" is not a whole number of minutes: type digits only, e.g. 90.`,
			tooShort: (minutes, minimum) => `${minutes} minutes is shorter than a token may live: ${minimum} at least.`,
			tooLong: (minutes, maximum) => `${minutes} minutes is longer than a token may live: ${maximum} (24 hours) at most.`,
			valid: (lifetime: string) => `✓ ${lifetime} · Enter issues the token`,
		},
		token: {
			heading: 'Access token',
			masked: 'masked',
			scopes: 'Scopes',
			expires: 'Expires',
			expiresIn: (left: string) => `in ${left}`,
			expiredAgo: (ago: string) => `expired ${ago} ago`,
			lastToken: (scopes, when) =>
				'expires' in when
					? `${scopes} · expires ${when.expires}`
					: 'expired' in when
						? `${scopes} · expired ${when.expired}`
						: `${scopes} · no longer valid: ${when.ended === 'revoked' ? 'revoked' : 'the identity was deleted'}`,
			status: 'Status',
			statuses: {
				checking: 'checking…',
				valid: 'valid',
				revoked: 'REVOKED',
				expired: 'EXPIRED',
				deleted: 'INVALID: identity deleted',
				'bad-signature': 'INVALID: bad signature',
				malformed: 'INVALID: malformed',
				unknown: 'not checked (only the local emulator can verify tokens)',
			},
			claims: 'Claims',
			claimsView: {
				heading: 'Claims of the access token',
				header: 'Header',
				validity: 'Validity',
				identity: 'Identity',
				resource: 'Resource',
				expiredAt: dateTime => `EXPIRED at ${dateTime}`,
				fromNow: duration => `in ${duration}`,
				ago: duration => `${duration} ago`,
				lines: (first, last, total) => `lines ${first}–${last} of ${total}`,
				filePrompt: 'Save the claims (JSON) to this file:',
				copiedUnmasked: 'The clipboard gets the claims unmasked.',
			},
			clipboard: {
				terminal:
					'Sent to the terminal with OSC 52: it reaches the clipboard if your terminal allows clipboard writes (some ask first, some need it turned on).',
				tmux: "Sent to the terminal with OSC 52; tmux's set-clipboard is on, so it reaches tmux's buffer and the outer terminal if that allows clipboard writes.",
				tmuxUnknown:
					"Sent to the terminal with OSC 52, but tmux did not say how it treats it: it reaches the clipboard only if tmux's set-clipboard is on and the outer terminal allows clipboard writes.",
				tmuxPassthrough: setClipboard =>
					`Sent through tmux's passthrough with OSC 52 (set-clipboard is ${setClipboard}, allow-passthrough is on): it reaches the outer terminal's clipboard if that allows clipboard writes, not tmux's buffer.`,
				tmuxBlocked: setClipboard =>
					`Not copied: tmux's set-clipboard is ${setClipboard} and allow-passthrough is off, so nothing can reach the clipboard from here (tmux set -g set-clipboard on would let it).`,
				screen: "Sent through GNU screen's passthrough with OSC 52: it reaches the outer terminal's clipboard if that allows clipboard writes.",
				offerFile: (said, sent) =>
					`${said} ${sent ? 'If it does not arrive, press f to save it to a file.' : 'Press f to save it to a file instead.'}`,
			},
			noFileName: 'Give a file name.',
			notAVariable: (name: string) => `"${name}" is not a variable name: use letters, digits and _, not starting with a digit.`,
			savedFile: (file: string) => `Saved to ${file} (mode 600).`,
			saveFailed: (file, code) => `Could not write ${file} (${code}): check the directory exists and you may write there, then try again.`,
			fileExists: file => `${file} already exists. Enter replaces it; type another name to keep it, or Esc.`,
			savedDotenv: (variable: string, file: string) => `Saved as ${variable} in ${file}.`,
			filePrompt: 'Save the token to this file:',
			dotenvPrompt: 'Save as this variable in ./.env:',
			presenterHidden: 'Presenter mode: tokens cannot be revealed.',
		},
		manage: {
			heading: (profile: string) => `Identities of ${profile}`,
			empty: 'No identities yet for this connection. Take the guided tour, or run: acs-tokens user create',
			states: {
				deleted: 'deleted',
				revoked: 'revoked',
				'token-valid': 'token valid',
				'token-expired': 'token expired',
				'no-token': 'no token',
			},
			actions: {
				issue: 'Issue a new token',
				revoke: 'Revoke its tokens',
				delete: 'Delete the identity',
				rename: 'Rename (local label)',
				forget: 'Forget locally (the identity stays on the service)',
				forgetDeleted: "Forget locally (only removes it from this machine's list)",
			},
			confirm: {
				revoke: (name: string) => `Revoke every token of ${name}? Enter confirms, Esc cancels.`,
				delete: (name: string) => `Delete ${name} and invalidate all its tokens? Enter confirms, Esc cancels.`,
				forget: (name: string) =>
					`Forget ${name} locally? The identity stays on the service and its tokens keep working. Enter confirms, Esc cancels.`,
				forgetDeleted: (name: string) =>
					`Remove ${name} from this machine's list? It is already deleted on the service. Enter confirms, Esc cancels.`,
				issue: (name: string) => name,
				rename: (name: string) => name,
			},
			viewStoredToken: 'View the stored token',
			renamePrompt: 'New label (empty removes it):',
			issueFor: {
				scopes: who => `A new token for ${who}: what it may do.`,
				lifetime: who => `A new token for ${who}: how long it lives.`,
				token: who => `Issued to ${who}.`,
			},
			create: '+ Create an identity…',
			newLabelPrompt: 'Label for the new identity (optional; Enter with none):',
			labelTooLong: (count, maximum) => `${count} characters: a label has ${maximum} at most.`,
			details: {
				created: 'Created',
				lastToken: 'Last token',
				revoked: 'Revoked',
				deleted: 'Deleted',
			},
		},
		error: {
			heading: 'Something went wrong',
			hint: 'r retries · Esc goes back · nothing was lost',
		},
		quitConfirm: 'An operation is in flight. Quit anyway? y quits, any other key stays.',
		tooSmall: (size, needed) =>
			`This terminal is ${size.columns}×${size.rows}; acs-tokens needs at least ${needed.columns}×${needed.rows}. Enlarge the window or press q to quit.`,
		spoken: {
			selected: label => `selected: ${label}`,
			checkbox: (label, checked) => (checked ? `[x] ${label}, checked` : `[ ] ${label}, not checked`),
			working: ' (working)',
			cursorAt: before => `(cursor after "${before}")`,
		},
		code: {
			heading: (language: string) => `SDK code (${language}) · t switches`,
		},
		http: {
			heading: 'HTTP exchange (secrets masked)',
			none: 'No request yet in this step.',
			sending: 'Sending the request; its exchange shows here once it is answered.',
		},
		signing: {
			heading: 'How the request was signed (HMAC-SHA256) · s hides',
			stringToSign: 'String to sign: method, path and query, then x-ms-date;host;x-ms-content-sha256 (\\n between lines):',
			parts: {
				method: 'method',
				path: 'path and query',
				date: 'x-ms-date',
				host: 'host',
				hash: 'x-ms-content-sha256',
			},
			signature: 'Signature: base64 of HMAC-SHA256 of that string, keyed with the base64-decoded access key.',
			bearer: 'This request carries a bearer token (Authorization: Bearer <token>, Entra ID) instead of an HMAC signature.',
			tip: 'acs-tokens sign METHOD URL prints these headers for curl.',
		},
		list: {
			position: (at: number, count: number) => `${at} of ${count}`,
			countOnly: (count: number) => `${count} in all`,
			matching: (at: number, matches: number, total: number) => `${at} of ${matches} matching (${total} in all)`,
			filterPrompt: 'Filter: ',
			noMatch: (filter: string) => `Nothing matches “${filter}”. Esc clears the filter.`,
		},
		keys: {
			label: 'l label',
			filter: '/ filter',
			clearFilter: 'Esc clear filter',
			move: '↑↓/jk move',
			choose: 'Enter choose',
			toggle: 'Space toggle',
			submit: 'Enter continue',
			back: 'Esc back',
			cancel: 'Esc cancel',
			confirm: 'Enter confirm',
			retry: 'r retry',
			quit: 'q quit',
			help: '? help',
			reveal: 'v reveal',
			mask: 'v mask',
			token: 'i token',
			closeHelp: 'any key closes the help',
			copy: 'c copy',
			file: 'f file',
			dotenv: 'e .env',
			code: 't TS/Python',
			signing: 's sign',
			presenter: 'p presenter',
			claims: 'i claims',
			scroll: '↑↓ scroll',
			assignments: 'a assignments',
			field: '↑↓ field',
		},
		help: {
			heading: 'Keys',
			lines: [
				['↑ ↓ or j k', 'move in a list'],
				['Enter', 'choose, confirm, continue'],
				['Space', 'toggle a scope'],
				['/', 'filter a long list as you type (Esc clears it)'],
				['l', 'label the identity the tour creates (optional)'],
				['Esc', 'go back; cancel a request in flight'],
				['v', 'reveal or mask the token (not in presenter mode)'],
				['c', 'copy the token (OSC 52)'],
				['i', "the token's claims, one a line (c copies them as JSON)"],
				['f / e', 'save the token to a file / as a .env entry'],
				['t', 'switch the SDK code between TypeScript and Python'],
				['s', 'how the request was signed (HMAC-SHA256), for curl or Postman'],
				['p', 'presenter mode: secrets never shown, short ids'],
				['r', 'retry after an error'],
				['?', 'this help (any key closes it)'],
				['q / Ctrl+C', 'quit'],
			] as const,
			presenterHeld: 'presenter mode: on all session (started with --present)',
		},
		notATerminal:
			'The wizard needs an interactive terminal (stdin and stdout must be a TTY). For scripts, use the commands: acs-tokens --help',
	},
};
