/**
 * The shape of a catalogue: every sentence acs-tokens shows a person, as a key. Written out,
 * not taken from the English one, so that each language is checked against it: a key missing
 * from a catalogue or one it has extra is a type error, and a message with parameters is a
 * function whose parameters are typed. Machine-facing words (the `--json` keys, the error
 * kinds, the emulator's HTTP error bodies) are not here: they stay the same in every language.
 */
import type {StateProblem} from '../emulator/state/state-problems.js';
import type {EmulatorWarning} from '../emulator/warnings.js';
import type {ConnectionStringProblem} from '../protocol/connection-string.js';

export type Catalogue = {
	help: {
		root: string;
		wizard: string;
		emulator: (defaultPort: number, defaultDataDirectory: string) => string;
		profiles: string;
		profilesRemove: string;
		settings: string;
		users: string;
		userCreate: string;
		userDelete: string;
		userForget: string;
		userRename: string;
		tokenIssue: string;
		tokenTeams: string;
		tokenExchange: string;
		accessList: string;
		accessShow: string;
		accessAssign: string;
		accessUnassign: string;
		tokenRevoke: string;
		tokenDecode: string;
		tokenVerify: string;
		sign: string;
	};
	commands: {
		/** --lang with a value acs-tokens does not speak. */
		badLanguage: (value: string, allowed: readonly string[]) => string;
		/** node:util parseArgs refused argv, by its error code. */
		parse: {
			/** `suggestion`: the known option it most likely meant, when one is close. */
			unknownOption: (option: string, command: string, suggestion?: string) => string;
			missingValue: (option: string, command: string) => string;
			/** `--expires-in -60`: a value that starts with a dash reads as an option. */
			dashedValue: (option: string, value: string, command: string) => string;
			unexpectedArgument: (argument: string, command: string) => string;
			other: (detail: string, command: string) => string;
		};
		/** `suggestion`: the one of `group` it most likely meant, when one is close. */
		notACommand: (words: string, group: readonly string[], suggestion?: string) => string;
		/** `suggestion`: the command it most likely meant, when one is close. */
		unknownCommand: (word: string, suggestion?: string) => string;
		bug: (detail: string) => string;
		seeHelp: (message: string, command: string) => string;
		warning: (message: string) => string;
		ask: (question: string) => string;
		/** What counts as yes at a confirmation prompt (y, yes; 是, 好 in zh-TW). */
		yes: RegExp;
		userRequired: string;
		scopesRequired: (scopes: readonly string[]) => string;
		noScopes: (scopes: readonly string[]) => string;
		notAScope: (scope: string, scopes: readonly string[]) => string;
		badLifetime: (value: string, minimum: number, maximum: number) => string;
		notConfirmed: (action: string) => string;
		tokenMasked: string;
		expires: (when: string) => string;
		expiry: (localTime: string, duration: string, expired: boolean) => string;
		noSuchLabel: (value: string, profile: string) => string;
		/** Before a secret is read from a terminal (--connection-string -, --access-key -). */
		secretPrompt: string;
		/** A command that reads a token from stdin, given --connection-string - as well. */
		stdinTaken: string;
		stdinTooLarge: (maxBytes: number) => string;
		/** `--connection-string -` and nothing came on stdin. */
		stdinEmpty: string;
		/** --verbose with a Microsoft Entra ID connection. */
		signedIn: (who: {readonly principal?: string | undefined; readonly tenantId?: string | undefined; readonly credential?: string | undefined}) => string;
		standInAz: {
			noResource: string;
			nothingToDo: (user: string) => string;
			unknown: (command: string) => string;
			/** `--help`, or nothing: what it answers, and the --path that writes it. */
			help: (user: string) => string;
			unknownOption: (option: string) => string;
			noValue: (option: string) => string;
			/** --output other than json. */
			jsonOnly: (output: string) => string;
			notBuilt: string;
		};
		emulator: {
			/** A log line of the emulator (an unknown api-version, a signature mismatch, a repaired journal). */
			warning: (warning: EmulatorWarning) => string;
			/** Why the emulator refuses its data directory (a damaged or missing file, a directory in use). */
			refusal: (problem: StateProblem) => string;
			badPort: (value: string | undefined) => string;
			dataDirOrMemory: string;
			badAccessKey: string;
			httpOffLoopback: (host: string | undefined) => string;
			/** `--host` off loopback: who else can reach it, and, with the development key, that anyone may sign for it. */
			offLoopback: (host: string, port: number, developmentKey: boolean) => string;
			internalError: (detail: string) => string;
			certificate: (file: string) => string;
			portInUse: (port: number) => string;
			notAnAddress: (host: string | undefined) => string;
			/** A port below 1024 without the privilege to bind it (EACCES). */
			portNotAllowed: (port: number) => string;
			/** Any other system refusal to listen: `code` is the system's. */
			listenFailed: (host: string, port: number, code: string) => string;
			listening: (url: string, dataDirectory: string | undefined) => string;
			keyGiven: string;
			stopped: string;
		};
		profiles: {
			headings: readonly string[];
			emulatorEndpoint: string;
			keyFromEnvironment: (variable: string) => string;
			keyFromDotenv: (variable: string, file: string) => string;
			keyOfEmulator: string;
			keyEachTime: string;
			keySaved: string;
			keyEntra: (tenantId: string | undefined) => string;
			none: string;
			nameRequired: string;
			removeQuestion: (name: string, identities: number) => string;
			removeAction: string;
			removed: (name: string, identities: number) => string;
			notRemoved: string;
		};
		users: {
			none: (profile: string | undefined) => string;
			headings: readonly string[];
			deleted: (at: string) => string;
			revoked: (at: string) => string;
			noToken: string;
			token: (scopes: readonly string[], expired: boolean, when: string) => string;
		};
		settings: {
			badStoreTokens: (value: string) => string;
			storeTokens: (on: boolean) => string;
			badLanguage: (value: string, allowed: readonly string[]) => string;
			badSymbols: (value: string) => string;
			/** The saved setting, and the language it gives now (and what chose it, for auto). */
			language: (setting: string, language: string, from: string) => string;
			symbols: (style: 'unicode' | 'plain') => string;
		};
		userCreate: {
			lifetimeWithoutScopes: string;
			badLabel: string;
			created: (id: string, label: string | undefined, profile: string) => string;
			token: (scopes: readonly string[], shown: string) => string;
		};
		userDelete: {
			question: (name: string) => string;
			action: string;
			nothingDone: string;
			done: (name: string) => string;
		};
		userLocal: {
			labelRequired: string;
			labelLikeId: string;
			renamed: (id: string, label: string | undefined) => string;
			notStored: (user: string | undefined, profile: string | undefined) => string;
			inSeveralProfiles: (user: string | undefined, profiles: readonly string[]) => string;
			forgetQuestion: (id: string) => string;
			forgetAction: string;
			nothingForgotten: string;
			forgot: (id: string, profile: string) => string;
		};
		tokenIssue: {
			issued: (id: string, label: string | undefined, scopes: readonly string[], shown: string) => string;
		};
		tokenExchange: {
			badScope: (scope: string, prefix: string) => string;
			pasteToken: string;
			noToken: string;
			issued: (identity: string, shown: string) => string;
		};
		access: {
			badGuid: (name: string, value: string | undefined) => string;
			badType: (type: string | undefined, allowed: readonly string[]) => string;
			noTeamsExtensionList: string;
			none: string;
			headings: readonly string[];
			anyClient: string;
			notAssigned: (objectId: string) => string;
			assigned: (created: boolean, objectId: string, type: string) => string;
			question: (objectId: string) => string;
			action: string;
			nothingDone: string;
			removed: (objectId: string) => string;
		};
		tokenTeams: {
			badGuid: (option: string, value: string | undefined) => string;
			pasteToken: string;
			noToken: string;
			issued: (userId: string, shown: string) => string;
		};
		tokenRevoke: {
			question: (name: string) => string;
			action: string;
			nothingDone: string;
			done: (name: string, at: string) => string;
		};
		tokenDecode: {
			notAJwt: string;
			oneToken: string;
			/** `-`, and nothing came on stdin. */
			emptyStdin: string;
			header: string;
			claims: string;
			issued: (time: string) => string;
			expires: (when: string) => string;
			scopes: (scopes: readonly string[]) => string;
		};
		tokenVerify: {
			result: {
				valid: string;
				expired: string;
				revoked: string;
				deleted: string;
				'bad-signature': string;
				malformed: string;
			};
			unknown: (reason: string) => string;
		};
		sign: {
			usage: string;
			badMethod: (method: string, allowed: readonly string[]) => string;
			badUrl: (url: string, endpoint: string) => string;
			otherOrigin: (url: string, origin: string) => string;
			unreadableBody: (file: string, code: string) => string;
			bodyTooLarge: (file: string, maxBytes: number) => string;
			twoStdins: string;
			keyless: (endpoint: string) => string;
			noEmulator: string;
		};
	};
	store: {
		unknownIdentity: (profile: string, identity: string) => string;
		duplicateLabel: (label: string, existingId: string, profile: string) => string;
		newerFormat: (path: string, fileVersion: string, supportedVersion: string) => string;
		corrupt: (path: string, reason: string) => string;
		lockHeld: (lockPath: string) => string;
		lockTakenOver: (lockPath: string, detail: string) => string;
		movedAside: (path: string, reason: string, asidePath: string) => string;
		configDirectoryUnusable: (directory: string, detail: string) => string;
		/** The system refused the config file or its lock: `code` is its code (EACCES, EISDIR, …). */
		fileUnusable: (path: string, code: string) => string;
		configDirectoryEmpty: string;
		refusedOwnWrite: (detail: string) => string;
		/** Why a config file could not be read. */
		reasons: {
			notJson: string;
			notAnObject: string;
			badVersion: (version: string) => string;
			notTheFormat: (found: string) => string;
			couldNotMigrate: string;
		};
		/** One rule of the format a file breaks, naming the place in it (`profiles/0/createdAt`). */
		rules: {
			missing: (key: string) => string;
			notInTheFormat: (key: string) => string;
			noneOfTheForms: (key: string) => string;
			/** `type` is JSON's: string, number, integer, boolean, array, object, null. */
			wrongType: (key: string, type: string) => string;
			/** A value the format does not allow there (a pattern, a list of values, a range, a length). */
			notAllowed: (key: string) => string;
			/** Any other rule, in the schema checker's own (English) words. */
			other: (key: string, said: string) => string;
			/** Joins the rules named, and counts those left out. */
			list: (shown: readonly string[], more: number) => string;
		};
		/** A value handed to the store that it refuses. */
		invalid: {
			name: (field: 'profile name' | 'label', value: string, maxLength: number) => string;
			endpoint: (shown: string) => string;
			/** A URL the store's format still refuses: whitespace in it, or longer than `max` characters. */
			endpointShape: (shown: string, max: number) => string;
			timestamp: (field: string, value: string) => string;
			identityId: (value: string) => string;
			scopes: (value: string) => string;
			keySourceKind: (kind: string, kinds: readonly string[]) => string;
			environmentVariable: (variable: string, allowed: readonly string[]) => string;
			dotenvPathEmpty: string;
			dotenvVariable: (variable: string) => string;
			accessKeyEmpty: string;
			storeTokens: (value: string) => string;
			language: (value: string, allowed: readonly string[]) => string;
			symbols: (value: string) => string;
		};
	};
	errors: {
		connectionString: (problem: ConnectionStringProblem) => string;
		/** Where a profile's key comes from, inside profileKeyMissing: `VAR in /path/.env`. */
		keyInDotenv: (variable: string, path: string) => string;
		/** A connection string refused, and where it was read (`where`: a variable, `VAR in /path/.env`, a profile's key). */
		connectionStringIn: (where: string, problem: string) => string;
		/** Where, inside connectionStringIn: the environment variable, or profile NAME's key read from `where`. */
		inEnvironment: (variable: string) => string;
		profileKey: (profile: string, where: string) => string;
		/** More than one of --connection-string, --emulator, --endpoint, --profile: `flags` as given. */
		twoConnections: (flags: readonly string[]) => string;
		/** A .env that exists but cannot be read: `code` is the system's (EISDIR, EACCES, …). */
		dotenvUnreadable: (path: string, code: string) => string;
		denied: (endpoint: string) => string;
		/** One of the credentials of DefaultAzureCredential's chain, by acs-tokens' name for it. */
		entraCredentialName: (kind: string) => string;
		entraNoCredential: (tried: readonly string[]) => string;
		entraSignInFailed: (detail: string) => string;
		entraWrongAudience: (audience: string) => string;
		entraStandIn: (endpoint: string) => string;
		entraExpired: (expiredAt: Date) => string;
		entraDenied: (endpoint: string, principal: string) => string;
		entraPlainHttp: (endpoint: string) => string;
		teamsTokenRefused: () => string;
		exchangeNotAssigned: () => string;
		trustNeedsNewerNode: (endpoint: string, nodeVersion: string) => string;
		exchangeTokenRefused: () => string;
		exchangeFailed: (endpoint: string, status: number | undefined) => string;
		/** A Teams user's sign-in (MSAL's device code flow) that did not end with a token. */
		teamsSignIn: {
			expired: () => string;
			declined: () => string;
			wrongApp: (appId: string) => string;
			unknownTenant: (authority: string) => string;
			network: (authority: string, detail: string) => string;
			failed: (appId: string, detail: string) => string;
			noAccessToken: (appId: string) => string;
			noObjectId: (appId: string) => string;
			/** A detail of `network`: the authority did not answer in time. */
			timedOut: (seconds: number) => string;
			tooLarge: (authority: string, limit: string) => string;
			notJson: (authority: string, status: number) => string;
			authorityNotUrl: (value: string) => string;
			authorityNotHttps: (value: string) => string;
		};
		notOwned: (endpoint: string, id: string) => string;
		notFound: (id: string, serviceMessage: string) => string;
		validation: (serviceMessage: string) => string;
		service: (status: number | undefined, code: string | undefined, serviceMessage: string) => string;
		network: (endpoint: string, detail: string) => string;
		/** The same three, with advice that names the wizard's choices instead of flags and commands. */
		inWizard: {
			notOwned: (endpoint: string, id: string) => string;
			notFound: (id: string, serviceMessage: string) => string;
			network: (endpoint: string, detail: string) => string;
			/** `--profile NAME` naming none, said where the wizard offers the saved ones. */
			unknownProfile: (name: string, known: readonly string[]) => string;
		};
		untrustedCertificate: (endpoint: string, detail: string) => string;
		cancelled: () => string;
		noConnection: () => string;
		unknownProfile: (name: string, known: readonly string[]) => string;
		profileKeyMissing: (profile: string, where: string) => string;
		notAnEmulator: (endpoint: string, status: number) => string;
		profileKeyNotStored: (profile: string) => string;
		emulatorCustomKey: (url: string, pid: number) => string;
		emulatorThreadExited: (code: number) => string;
		emulatorBusy: (directory: string) => string;
		emulatorPortVariable: (value: string) => string;
		timedOut: (endpoint: string, seconds: number) => string;
		timeoutVariable: (value: string) => string;
	};
	wizard: {
		/** Between a label and its value: `Scopes: chat` / `範圍：chat`. */
		colon: string;
		/** Scope names, joined. */
		scopeList: (scopes: readonly string[]) => string;
		/** A moment: the date and time with its zone, then how long ago or from now. */
		moment: (dateTime: string, relative: string) => string;
		title: string;
		emulatorNews: {
			restarted: (reason: string, url: string) => string;
			stopped: (reason: string) => string;
			otherPort: (wanted: number, url: string) => string;
			tookOver: (url: string) => string;
		};
		presenterBadge: string;
		connectedTo: (profile: string, endpoint: string) => string;
		notConnected: string;
		/** A keyless connection's line under the header: who signed in, through which credential. */
		signedIn: (who: {readonly principal: string; readonly tenantId?: string | undefined; readonly credential?: string | undefined}) => string;
		/** The same before the first request, when nobody has signed in yet. */
		signInPending: string;
		connect: {
			heading: string;
			explain: string;
			emulator: string;
			profile: (name: string, endpoint: string) => string;
			environment: (variable: string, endpoint: string) => string;
			dotenv: (variable: string, endpoint: string) => string;
			/** AZURE_COMMUNICATION_ENDPOINT: an endpoint to sign into with Microsoft Entra ID. */
			entraEnvironment: (variable: string, endpoint: string) => string;
			/** Where a saved profile's key comes from. */
			key: {
				saved: string;
				environment: (variable: string) => string;
				dotenv: (variable: string) => string;
				none: string;
				/** Keyless: no key, Microsoft Entra ID. */
				entra: string;
			};
			/** The choice that asks an endpoint and signs in with Microsoft Entra ID. */
			entra: string;
			paste: string;
			connecting: string;
			failed: string;
		};
		paste: {
			heading: string;
			explain: string;
			valid: (endpoint: string) => string;
			empty: string;
			/** Asking the key of a saved profile that keeps none. */
			keyHeading: (profile: string, endpoint: string) => string;
			keyExplain: string;
			keyEmpty: string;
		};
		/** The keyless connection's two questions: the endpoint, then the tenant (optional). */
		entra: {
			endpointHeading: string;
			endpointExplain: string;
			endpointEmpty: string;
			endpointValid: (endpoint: string) => string;
			endpointProblem: (problem: 'url' | 'https' | 'path') => string;
			tenantHeading: (endpoint: string) => string;
			tenantExplain: string;
			tenantEmpty: string;
			tenantValid: (tenantId: string) => string;
			tenantNone: string;
			tenantInvalid: string;
		};
		menu: {
			heading: string;
			tour: string;
			manage: (count: number) => string;
			teams: string;
			entra: string;
			switch: string;
		};
		/** "Teams user token (Custom Teams Endpoint)". */
		teams: {
			heading: string;
			explain: string;
			appIdPrompt: string;
			/** As typed: what the app id still lacks. */
			appIdInvalid: string;
			appIdValid: string;
			methodHeading: string;
			simulated: string;
			signIn: string;
			askingCode: string;
			/** The device code: open the page, type the code. */
			openAndEnter: (url: string, code: string) => string;
			codeExpires: (time: string) => string;
			/** Presenter mode: the room can read the code, and whoever types it first signs in. */
			codeInRoom: string;
			issued: (userId: string, simulated: boolean) => string;
		};
		/** "Entra ID user token (client app exchange)", for Entra ID users or Teams Extension users. */
		clientExchange: {
			heading: (kind: 'entra' | 'teamsExtension') => string;
			/** Two sentences: what the exchange is, and who decides who may. */
			explain: (kind: 'entra' | 'teamsExtension') => string;
			/** Connected over plain http:// (the embedded emulator): what to run instead. */
			plainHttp: string;
			exchange: string;
			assignments: string;
			switchKind: (to: 'entra' | 'teamsExtension') => string;
			methodHeading: string;
			simulated: (upn: string) => string;
			paste: string;
			pasteHeading: string;
			pasteHow: (command: string) => string;
			pasteEmpty: string;
			pasteLooks: (audience: string, expires: string) => string;
			pasteWrongAudience: (audience: string, wanted: string) => string;
			pasteNotJwt: string;
			assignmentsHeading: (kind: 'entra' | 'teamsExtension') => string;
			none: string;
			teamsNone: string;
			assign: (kind: 'entra' | 'teamsExtension') => string;
			lookUp: string;
			exchangeNow: string;
			assignment: (type: string, objectId: string, tenantId: string) => string;
			removeHint: string;
			types: {user: string; group: string; tenant: string; resourceAccount: string};
			formHeading: (kind: 'entra' | 'teamsExtension') => string;
			lookUpHeading: string;
			objectId: string;
			type: string;
			tenantId: string;
			formHint: string;
			prefilled: (upn: string) => string;
			notGuid: (field: string) => string;
			removeQuestion: (who: string) => string;
			issued: (identity: string, simulated: boolean) => string;
			/** After a 403: what to do, and the key that does it. */
			notAssigned: string;
		};
		/** The tour's six steps, in order. */
		steps: readonly [string, string, string, string, string, string];
		stepOf: (step: number, total: number, name: string) => string;
		explain: {
			connect: (endpoint: string) => string;
			/** The tour's first step with a keyless connection. */
			connectKeyless: (endpoint: string) => string;
			createUser: string;
			createUserDone: (id: string) => string;
			createUserNext: string;
			/** The label the tour's identity gets (or has), and the key that changes it. */
			label: (label: string) => string;
			scopes: string;
			lifetime: string;
			issuing: string;
			token: string;
			revoke: string;
			revokeDone: string;
			deleteUser: string;
			deleteDone: string;
			finished: string;
		};
		/** The tour's revoke step: the revoked token beside the one issued just after. */
		revoked: {
			before: string;
			after: string;
			issued: (time: string) => string;
		};
		run: (what: string) => string;
		actions: {
			createUser: string;
			revoke: string;
			deleteUser: string;
			next: string;
		};
		busy: {
			createUser: string;
			issueToken: string;
			revoke: string;
			deleteUser: string;
			connecting: string;
			loading: string;
			saving: string;
			forgetting: string;
			teamsSignIn: string;
			teamsExchange: string;
			entraExchange: string;
			assignments: string;
			cancelHint: string;
		};
		scopes: {
			chat: string;
			voip: string;
			'chat.join': string;
			'chat.join.limited': string;
			'voip.join': string;
			none: string;
		};
		lifetime: {
			minutes: (minutes: number) => string;
			default: string;
			/** The entry beside the presets where the minutes are typed. */
			custom: string;
			customChosen: (lifetime: string) => string;
			prompt: (minimum: number, maximum: number) => string;
			range: (minimum: number, maximum: number) => string;
			/** What was typed, when it is no whole number of minutes, or one out of the range. */
			notMinutes: (typed: string) => string;
			tooShort: (minutes: string, minimum: number) => string;
			tooLong: (minutes: string, maximum: number) => string;
			valid: (lifetime: string) => string;
		};
		token: {
			heading: string;
			masked: string;
			scopes: string;
			expires: string;
			expiresIn: (left: string) => string;
			expiredAgo: (ago: string) => string;
			/**
			 * The last token of an identity, in the manager: its scopes and when it expires (or
			 * expired), or why it no longer works (its identity's tokens revoked, or the identity
			 * deleted, after it was issued).
			 */
			lastToken: (scopes: string, when: {readonly expires: string} | {readonly expired: string} | {readonly ended: 'revoked' | 'deleted'}) => string;
			status: string;
			statuses: {
				checking: string;
				valid: string;
				revoked: string;
				expired: string;
				deleted: string;
				'bad-signature': string;
				malformed: string;
				unknown: string;
			};
			claims: string;
			/** The claims view (i on the token): every claim on its own line, what they say first. */
			claimsView: {
				heading: string;
				header: string;
				validity: string;
				identity: string;
				resource: string;
				/** The validity of a token past its exp: when it expired. */
				expiredAt: (dateTime: string) => string;
				/** From now: `in 23h 59m`; before now: `3m ago`. */
				fromNow: (duration: string) => string;
				ago: (duration: string) => string;
				/** Which lines show, when not all fit. */
				lines: (first: number, last: number, total: number) => string;
				filePrompt: string;
				/** Presenter mode: the claims copied are the real ones; the screen masks them. */
				copiedUnmasked: string;
			};
			/** What a copy did (clipboard.ts decides by the terminal, tmux or screen), and the file offered instead. */
			clipboard: {
				terminal: string;
				tmux: string;
				tmuxUnknown: string;
				tmuxPassthrough: (setClipboard: string) => string;
				tmuxBlocked: (setClipboard: string) => string;
				screen: string;
				/** What a copy did, then the file offered: should it not arrive, or as the only way when nothing was sent. */
				offerFile: (said: string, sent: boolean) => string;
			};
			noFileName: string;
			notAVariable: (name: string) => string;
			savedFile: (file: string) => string;
			/** The file or .env could not be written: the system's code (EACCES, ENOENT, …) names why. */
			/** A file or .env that could not be written: where, and the system's code (EACCES, ENOENT, …). */
			saveFailed: (file: string, code: string) => string;
			/** The file named exists: Enter on the same name again replaces it. */
			fileExists: (file: string) => string;
			savedDotenv: (variable: string, file: string) => string;
			filePrompt: string;
			dotenvPrompt: string;
			presenterHidden: string;
		};
		manage: {
			heading: (profile: string) => string;
			empty: string;
			states: {
				deleted: string;
				revoked: string;
				'token-valid': string;
				'token-expired': string;
				'no-token': string;
			};
			actions: {
				issue: string;
				revoke: string;
				delete: string;
				rename: string;
				forget: string;
				/** Forget, on an identity already deleted on the service: only this machine's list changes. */
				forgetDeleted: string;
			};
			confirm: {
				revoke: (name: string) => string;
				delete: (name: string) => string;
				forget: (name: string) => string;
				forgetDeleted: (name: string) => string;
				issue: (name: string) => string;
				rename: (name: string) => string;
			};
			renamePrompt: string;
			/** Manage → Issue a new token: whose token it is, on each of its screens (`who`: the label, or the id cut short). */
			issueFor: {
				scopes: (who: string) => string;
				lifetime: (who: string) => string;
				token: (who: string) => string;
			};
			/** The identity's last token, kept by the store (settings --store-tokens on). */
			viewStoredToken: string;
			/** The list's first choice. */
			create: string;
			newLabelPrompt: string;
			/** Said as a label is typed past the most a label may have (Enter is refused until it is shorter). */
			labelTooLong: (count: number, maximum: number) => string;
			details: {
				created: string;
				lastToken: string;
				revoked: string;
				deleted: string;
			};
		};
		error: {
			heading: string;
			hint: string;
		};
		quitConfirm: string;
		/** Shown alone while the terminal is smaller than the layout needs. */
		tooSmall: (size: {columns: number; rows: number}, needed: {columns: number; rows: number}) => string;
		/** What a screen reader hears instead of what only the eye sees (a highlight, a spinner). */
		spoken: {
			selected: (label: string) => string;
			/** A checkbox and its state in words: `[x] chat: …, checked`. */
			checkbox: (label: string, checked: boolean) => string;
			/** After a busy label (`Creating the user…`), where a spinner would turn: its own spacing included. */
			working: string;
			/** The text field's cursor, where it is not at the end. */
			cursorAt: (before: string) => string;
		};
		code: {
			heading: (language: string) => string;
		};
		http: {
			heading: string;
			none: string;
			/** In place of `none` while the step's request is on its way. */
			sending: string;
		};
		/** How the step's request was signed, to do it again by hand (curl, Postman). */
		signing: {
			heading: string;
			stringToSign: string;
			parts: {
				method: string;
				path: string;
				date: string;
				host: string;
				hash: string;
			};
			signature: string;
			bearer: string;
			tip: string;
		};
		/** A long list: where the cursor is, and its filter (`/`). */
		list: {
			position: (at: number, count: number) => string;
			countOnly: (count: number) => string;
			matching: (at: number, matches: number, total: number) => string;
			filterPrompt: string;
			noMatch: (filter: string) => string;
		};
		keys: {
			label: string;
			filter: string;
			clearFilter: string;
			move: string;
			choose: string;
			toggle: string;
			submit: string;
			back: string;
			cancel: string;
			/** A confirmation box's Enter. */
			confirm: string;
			retry: string;
			quit: string;
			help: string;
			reveal: string;
			/** v again, once the token is revealed. */
			mask: string;
			/** i again, in the claims: back to the token. */
			token: string;
			/** With the help open: what closes it. */
			closeHelp: string;
			copy: string;
			file: string;
			dotenv: string;
			code: string;
			signing: string;
			presenter: string;
			claims: string;
			scroll: string;
			assignments: string;
			field: string;
		};
		help: {
			heading: string;
			/** Key and what it does, one row each. */
			lines: readonly (readonly [key: string, does: string])[];
			/** p's row in a session started with --present, which nothing turns off. */
			presenterHeld: string;
		};
		notATerminal: string;
	};
};
