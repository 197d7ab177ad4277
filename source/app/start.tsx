import {withoutFetch} from '../platform/without-fetch.js';
import {parseConnectionString} from '../protocol/connection-string.js';
import {discoverConnectionStrings, endpointVariable, keylessEndpointOf} from '../identity/connection.js';
import {resolveConfigDirectory} from '../store/config-directory.js';
import {readSavedProfiles, type SavedProfileSummary} from '../store/saved-profiles.js';
import {text} from '../text/index.js';
import type {ConnectionChoice, ProfileKey} from '../wizard/types.js';
import type {CommandIo} from '../commands/context.js';
import {exitCodes} from '../errors/user-error.js';
import {parseCommand} from '../commands/parse-command.js';
import {type ConnectionFlags, requestFromFlags} from '../session/connection-flags.js';



/** An endpoint as a profile keeps it (with its /), or as it was given when it is not one. */
function endpointOf(value: string): string {
	try {
		return parseConnectionString(`endpoint=${value};accesskey=AA==`).endpoint;
	} catch {
		return value;
	}
}

/** Where a saved profile's key is, for the connect screen; undefined for the emulator's. */
function profileKey(keySource: SavedProfileSummary['keySource']): ProfileKey | undefined {
	switch (keySource.kind) {
		case 'saved': {
			return {kind: 'saved'};
		}

		case 'environment': {
			return {kind: 'environment', variable: keySource.variable ?? ''};
		}

		case 'dotenv': {
			return {kind: 'dotenv', path: keySource.path ?? '', variable: keySource.variable ?? ''};
		}

		case 'emulator': {
			return undefined;
		}

		case 'entra': {
			return {kind: 'entra'};
		}

		default: {
			return {kind: 'none'};
		}
	}
}

/**
 * What the first screen offers: every saved profile (the remembered one first) with where its
 * key comes from, then connection strings found in the environment and .env that no profile
 * already reads; the emulator first when it is the one remembered or nothing is configured.
 */
export async function connectionChoices(
	saved: {readonly profiles: readonly SavedProfileSummary[]; readonly defaultProfile: string | undefined},
	env: NodeJS.ProcessEnv,
	cwd: string,
): Promise<ConnectionChoice[]> {
	const configured: ConnectionChoice[] = [];
	// An unreadable .env offers nothing here; connecting through it says what is wrong.
	const found = await discoverConnectionStrings(env, cwd).catch(() => []);
	for (const {source, value} of found) {
		let endpoint: string;
		try {
			endpoint = parseConnectionString(value).endpoint;
		} catch {
			continue;
		}

		configured.push({...source, endpoint});
	}

	// An endpoint alone: keyless, with Microsoft Entra ID (connecting checks it and says what is wrong).
	const keylessEndpoint = keylessEndpointOf(env);
	if (keylessEndpoint) {
		configured.push({kind: 'entra', endpoint: endpointOf(keylessEndpoint), variable: endpointVariable});
	}

	const defaultName = saved.defaultProfile;
	const profiles: ConnectionChoice[] = [];
	for (const profile of saved.profiles.toSorted((a, b) => Number(b.name === defaultName) - Number(a.name === defaultName))) {
		const key = profileKey(profile.keySource);
		if (key) {
			profiles.push({kind: 'profile', name: profile.name, endpoint: profile.endpoint, key});
		}
	}

	// A profile that reads the same variable for the same endpoint already offers that string.
	const unsaved = configured.filter(
		choice =>
			!profiles.some(
				profile =>
					profile.kind === 'profile' &&
					profile.endpoint === (choice as {endpoint?: string}).endpoint &&
					((profile.key?.kind === 'entra' && choice.kind === 'entra') ||
						(profile.key?.kind === choice.kind &&
							(profile.key as {variable?: string}).variable === (choice as {variable?: string}).variable)),
			),
	);
	const emulator = {kind: 'emulator'} as const;
	const emulatorRemembered = saved.profiles.find(profile => profile.name === defaultName)?.keySource.kind === 'emulator';
	if (unsaved.length === 0 && profiles.length === 0) {
		return [emulator];
	}

	return emulatorRemembered ? [emulator, ...profiles, ...unsaved] : [...profiles, ...unsaved, emulator];
}

/** What the flags ask to connect to at once, read as the commands read them (requestFromFlags). */
function autoConnectChoice(flags: ConnectionFlags, saved: ReturnType<typeof readSavedProfiles>): ConnectionChoice | undefined {
	const request = requestFromFlags(flags);
	switch (request?.kind) {
		case 'emulator': {
			return {kind: 'emulator'};
		}

		case 'endpoint': {
			return {kind: 'entra', endpoint: request.endpoint, ...(request.tenantId ? {tenantId: request.tenantId} : {})};
		}

		case 'profile': {
			const endpoint = saved.profiles.find(candidate => candidate.name === request.name)?.endpoint ?? '';
			return {kind: 'profile', name: request.name, endpoint};
		}

		default: {
			// The wizard takes no --connection-string (a key on the command line); nothing else names one.
			return undefined;
		}
	}
}

export async function runWizard(argv: readonly string[], io: CommandIo): Promise<number> {
	const {values} = parseCommand('', argv, {
		emulator: {type: 'boolean'},
		profile: {type: 'string'},
		endpoint: {type: 'string'},
		tenant: {type: 'string'},
		present: {type: 'boolean'},
		'plain-symbols': {type: 'boolean'},
		'screen-reader': {type: 'boolean'},
		'no-color': {type: 'boolean'},
		'config-dir': {type: 'string'},
		'save-key': {type: 'boolean'},
	});
	const stdin = process.stdin;
	const stdout = process.stdout;
	if (!stdin.isTTY || !stdout.isTTY) {
		io.stderr.write(`acs-tokens: ${text.wizard.notATerminal}\n`);
		return exitCodes.usage;
	}

	if (values['no-color'] || io.env['NO_COLOR'] !== undefined || io.env['TERM'] === 'dumb') {
		// Read by chalk when Ink is first loaded, just below.
		process.env['FORCE_COLOR'] = '0';
	}

	// Keys pressed while the wizard loads would otherwise be echoed over the first frame, and
	// Enter would arrive cooked ("\n"), which Ink does not take for Enter: in raw mode they
	// wait, unechoed, until Ink reads them.
	stdin.setRawMode(true);
	try {
		// The first frame needs only the saved profiles: read them directly, and open the store
		// itself (conf, its schema, its lock) once the frame is on screen.
		const configDirectory = resolveConfigDirectory({flag: values['config-dir'], env: io.env});
		const saved = readSavedProfiles(configDirectory);
		const choices = await connectionChoices(saved, io.env, io.cwd);
		const autoConnect = autoConnectChoice(values, saved);
		// Store warnings (a damaged file moved aside): shown in the wizard, with the choices its
		// saved profiles gave redone, and printed again after it, where they stay in the scrollback.
		const warnings: string[] = [];
		const storeWarned = (message: string) => {
			warnings.push(message);
			connectionChoices(readSavedProfiles(configDirectory), io.env, io.cwd).then(
				fresh => actor.send({type: 'STORE_WARNING', message, choices: fresh}),
				() => actor.send({type: 'STORE_WARNING', message, choices}),
			);
		};

		const [{createActor}, {createWizardServices}, ui] = await Promise.all([
			import('xstate'),
			import('./services.js'),
			withoutFetch(() => import('./render.js')),
		]);
		// Needed only when a token is copied or saved: loaded after the first frame.
		let tokenExport: Promise<typeof import('./token-export.js')> | undefined;
		const exporter = () => {
			tokenExport ??= import('./token-export.js');
			return tokenExport;
		};
		let clipboardModule: Promise<typeof import('./clipboard.js')> | undefined;
		const clipboard = () => {
			clipboardModule ??= import('./clipboard.js');
			return clipboardModule;
		};
		const services = createWizardServices({
			openStore: async () => {
				const {IdentityStore} = await import('../store/identity-store.js');
				return IdentityStore.open({configDirectory, onWarning: storeWarned});
			},
			env: io.env,
			cwd: io.cwd,
			saveKey: values['save-key'] === true,
			notify: event => actor.send(event),
		});
		const input = {choices, presenter: values.present ?? false, ...(autoConnect ? {autoConnect} : {})};
		const actor = createActor(services.machine, {input});
		actor.start();
		try {
			await ui.renderWizard({
				actor,
				effects: {
					async copyToClipboard(value: string) {
						const {copyThroughTerminal} = await clipboard();
						const copy = await copyThroughTerminal(value, io.env);
						if (copy.sequence !== undefined) {
							stdout.write(copy.sequence);
						}

						return {message: copy.message, sent: copy.sequence !== undefined};
					},
					saveTokenToFile: async (token: string, file: string, replace?: boolean) =>
						(await exporter()).saveTokenToFile(token, file, io.cwd, replace),
					saveTokenToDotenv: async (token: string, variable: string) => (await exporter()).saveTokenToDotenv(token, variable, io.cwd),
				},
				plainSymbols: values['plain-symbols'] === true || saved.settings.symbols === 'plain',
				// A terminal that cannot move its cursor gets each screen printed as lines.
				lines: io.env['TERM'] === 'dumb',
				// Ink's own switch for its linear screen-reader output, honoured as Ink documents it.
				screenReader: values['screen-reader'] === true || io.env['INK_SCREEN_READER'] === 'true',
				afterFirstFrame() {
					// Open the store in the background rather than on the first key.
					services.preload().catch(() => undefined);
					void exporter();
					void clipboard();
				},
			});
		} finally {
			actor.stop();
			await services.close();
			for (const warning of warnings) {
				io.stderr.write(`${text.commands.warning(warning)}\n`);
			}
		}
	} finally {
		stdin.setRawMode(false);
	}

	return exitCodes.ok;
}
