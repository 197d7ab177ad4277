import {readFile} from 'node:fs/promises';
import path from 'node:path';
import {builtin} from '../platform/builtins.js';
import {text} from '../text/index.js';
import type {Connection} from './client.js';
import {ConnectionStringError, isLoopbackHost, parseConnectionString} from '../protocol/connection-string.js';
import type {EmulatorConnectionOptions} from './embedded-emulator.js';
import {UnknownProfileError} from '../store/errors.js';
import {connectionStringVariables, emulatorProfileName} from '../store/types.js';
import {IdentityError} from './errors.js';
import {UserError} from '../errors/user-error.js';

const {parseEnv} = builtin('node:util');


export type ConnectionSource =
	| {readonly kind: 'flag'}
	| {readonly kind: 'emulator'}
	| {readonly kind: 'profile'; readonly name: string}
	| {readonly kind: 'environment'; readonly variable: string}
	| {readonly kind: 'dotenv'; readonly path: string; readonly variable: string}
	/** Keyless: an endpoint (--endpoint, AZURE_COMMUNICATION_ENDPOINT) and Microsoft Entra ID. */
	| {readonly kind: 'entra'; readonly variable?: string};

/** The variable that names an endpoint for a keyless (Microsoft Entra ID) connection. */
export const endpointVariable = 'AZURE_COMMUNICATION_ENDPOINT';

/** The endpoint of a keyless connection the environment names (AZURE_COMMUNICATION_ENDPOINT), if any. */
export function keylessEndpointOf(env: NodeJS.ProcessEnv): string | undefined {
	return env[endpointVariable]?.trim() || undefined;
}

/** Where a saved profile finds its key (the store's KeySource, as far as connecting needs it). */
export type ProfileKeySource =
	| {readonly kind: 'environment'; readonly variable: string}
	| {readonly kind: 'dotenv'; readonly path: string; readonly variable: string}
	| {readonly kind: 'emulator'}
	| {readonly kind: 'command-line'}
	| {readonly kind: 'saved'; readonly accessKey: string}
	| {readonly kind: 'entra'; readonly tenantId?: string};

export type SavedProfile = {readonly name: string; readonly endpoint: string; readonly keySource: ProfileKeySource};

export type ProfileLookup = {
	profile(name: string): SavedProfile | undefined;
	profiles(): readonly SavedProfile[];
	defaultProfileName(): string | undefined;
};

export type ResolvedConnection = {
	readonly connection: Connection;
	readonly source: ConnectionSource;
	/** The store keeps identities per profile; connections not from a profile get a name from their endpoint. */
	readonly profileName: string;
	readonly isEmulator: boolean;
	close(): Promise<void>;
};

/** What to connect to: named by a flag or a choice on the connect screen. */
export type ConnectionRequest =
	| {readonly kind: 'connection-string'; readonly value: string}
	| {readonly kind: 'emulator'; readonly options?: EmulatorConnectionOptions}
	| {readonly kind: 'profile'; readonly name: string}
	| {readonly kind: 'environment'; readonly variable: string}
	| {readonly kind: 'dotenv'; readonly path: string; readonly variable: string}
	| {readonly kind: 'endpoint'; readonly endpoint: string; readonly tenantId?: string};

/** A connection string found without being named: the environment first, then `.env` in the working directory. */
export type DiscoveredConnectionString = {
	readonly source: Extract<ConnectionSource, {kind: 'environment' | 'dotenv'}>;
	readonly value: string;
};

/**
 * Where acs-tokens looks for a connection string nobody named, in the order it tries them.
 * The one place that knows: commands take the first, the wizard's connect screen offers all.
 */
export async function discoverConnectionStrings(env: NodeJS.ProcessEnv, cwd: string): Promise<DiscoveredConnectionString[]> {
	const found: DiscoveredConnectionString[] = [];
	for (const variable of connectionStringVariables) {
		const value = env[variable];
		if (value) {
			found.push({source: {kind: 'environment', variable}, value});
		}
	}

	const dotenvPath = path.join(cwd, '.env');
	const dotenv = await readDotenv(dotenvPath);
	for (const variable of connectionStringVariables) {
		const value = dotenv[variable];
		if (value) {
			found.push({source: {kind: 'dotenv', path: dotenvPath, variable}, value});
		}
	}

	return found;
}

export type ResolveOptions = {
	readonly env: NodeJS.ProcessEnv;
	readonly cwd: string;
	readonly configDirectory: string;
	readonly profiles: ProfileLookup;
};

/**
 * Finds the connection. A request (a flag, a choice) is followed as it is; without one the
 * first match wins: the environment, a .env file in the working directory, the default saved profile.
 */
export async function resolveConnection(request: ConnectionRequest | undefined, options: ResolveOptions): Promise<ResolvedConnection> {
	if (request) {
		return resolveRequest(request, options);
	}

	const [first] = await discoverConnectionStrings(options.env, options.cwd);
	if (first) {
		return connectionFromString(first.value, first.source);
	}

	// The default profile before AZURE_COMMUNICATION_ENDPOINT: a variable set by some sample must
	// not turn a profile the user chose into a keyless sign-in (and its managed-identity probe).
	const defaultProfile = options.profiles.defaultProfileName();
	if (defaultProfile !== undefined && options.profiles.profile(defaultProfile)) {
		return fromProfile(defaultProfile, options);
	}

	const endpoint = keylessEndpointOf(options.env);
	if (endpoint) {
		return fromEndpoint(endpoint, {kind: 'entra', variable: endpointVariable}, options);
	}

	throw new IdentityError('no-connection', text.errors.noConnection());
}

async function resolveRequest(request: ConnectionRequest, options: ResolveOptions): Promise<ResolvedConnection> {
	switch (request.kind) {
		case 'connection-string': {
			return connectionFromString(request.value, {kind: 'flag'});
		}

		case 'emulator': {
			return fromEmulator(options.configDirectory, request.options);
		}

		case 'profile': {
			return fromProfile(request.name, options);
		}

		case 'environment':
		case 'dotenv': {
			const source = {...request};
			return connectionFromString(await variableValue(source, options.env), source);
		}

		case 'endpoint': {
			return fromEndpoint(request.endpoint, {kind: 'entra'}, options, request.tenantId);
		}
	}
}

/**
 * A keyless connection: the endpoint, checked as a connection string's would be, signed into
 * with Microsoft Entra ID. The local emulator's own endpoint (with --allow-entra) gets its CA trusted.
 */
async function fromEndpoint(
	value: string,
	source: ConnectionSource,
	options: {readonly configDirectory: string},
	tenantId?: string,
): Promise<ResolvedConnection> {
	const endpoint = checkEndpoint(value);
	const trustedCertificate = await localEmulatorCertificate(endpoint, options.configDirectory);
	return {
		connection: {
			endpoint,
			credential: {kind: 'entra', ...(tenantId ? {tenantId} : {})},
			...(trustedCertificate ? {trustedCertificate} : {}),
		},
		source,
		profileName: profileNameForEndpoint(endpoint),
		// The config directory's own emulator (acs-tokens emulator --allow-entra), signed into with Entra ID: still the emulator.
		isEmulator: trustedCertificate !== undefined,
		close: async () => {},
	};
}

/** An endpoint on its own is checked with the rules of a connection string's (scheme, no path). */
function checkEndpoint(value: string): string {
	return parseInLanguage(`endpoint=${value.trim()};accesskey=AA==`).endpoint;
}

/** The CA of the emulator that serves this endpoint for the config directory, if one does. */
async function localEmulatorCertificate(endpoint: string, configDirectory: string): Promise<string | undefined> {
	const {hostname} = new URL(endpoint);
	if (!isLoopbackHost(hostname)) {
		return undefined;
	}

	const {readLockOwner} = await import('../emulator/data-directory.js');
	const owner = await readLockOwner(path.join(configDirectory, 'emulator')).catch(() => undefined);
	return owner?.url && owner.certificatePath && new URL(owner.url).origin === new URL(endpoint).origin
		? readFile(owner.certificatePath, 'utf8')
		: undefined;
}

/** `contoso` for https://contoso.communication.azure.com/, `127.0.0.1-10430` for a local endpoint. */
export function profileNameForEndpoint(endpoint: string): string {
	const url = new URL(endpoint);
	if (url.hostname.endsWith('.communication.azure.com')) {
		return url.hostname.split('.')[0] as string;
	}

	return `${url.hostname.replaceAll(/[[\]:]/g, '')}${url.port ? `-${url.port}` : ''}`;
}

/** A variable's value, from the environment or a .env file; empty when it is not set. */
async function variableValue(
	source: {readonly kind: 'environment'; readonly variable: string} | {readonly kind: 'dotenv'; readonly path: string; readonly variable: string},
	env: NodeJS.ProcessEnv,
): Promise<string> {
	const values = source.kind === 'environment' ? env : await readDotenv(source.path);
	return values[source.variable] ?? '';
}

/** Where a connection string was read, said in a refusal of it: nothing for one the user gave just now (a flag, a paste). */
function whereRead(source: ConnectionSource, variable?: {readonly kind: 'environment' | 'dotenv'; readonly variable: string; readonly path?: string}): string | undefined {
	const said = text.errors;
	const ofVariable = (of: {readonly kind: 'environment' | 'dotenv'; readonly variable: string; readonly path?: string}) =>
		of.kind === 'dotenv' ? said.keyInDotenv(of.variable, of.path ?? '.env') : said.inEnvironment(of.variable);
	switch (source.kind) {
		case 'environment':
		case 'dotenv': {
			return ofVariable(source);
		}

		case 'profile': {
			return variable ? said.profileKey(source.name, ofVariable(variable)) : undefined;
		}

		default: {
			return undefined;
		}
	}
}

/**
 * A resolved connection from a connection string whose origin is known; a refusal of it says
 * where it was read (a variable, a .env file, a profile's key) when the user did not just type it.
 */
function connectionFromString(
	value: string,
	source: ConnectionSource,
	variable?: {readonly kind: 'environment' | 'dotenv'; readonly variable: string; readonly path?: string},
): ResolvedConnection {
	const where = whereRead(source, variable);
	const {endpoint, accessKey} = parseInLanguage(value, where);
	return {
		connection: {endpoint, credential: {kind: 'access-key', accessKey}},
		source,
		profileName: profileNameForEndpoint(endpoint),
		isEmulator: false,
		close: async () => {},
	};
}

async function fromEmulator(
	configDirectory: string,
	options: EmulatorConnectionOptions = {},
): Promise<ResolvedConnection> {
	// Loaded when used: the emulator's data directory code brings node:crypto and more, which
	// neither the wizard's first frame nor a command with a connection string needs.
	const {openEmulatorConnection} = await import('./embedded-emulator.js');
	const {connection, close} = await openEmulatorConnection(configDirectory, options);
	return {connection, source: {kind: 'emulator'}, profileName: emulatorProfileName, isEmulator: true, close};
}

async function fromProfile(
	name: string,
	options: {readonly env: NodeJS.ProcessEnv; readonly configDirectory: string; readonly profiles: ProfileLookup},
): Promise<ResolvedConnection> {
	const profile = options.profiles.profile(name);
	if (!profile && name === emulatorProfileName) {
		// The emulator's profile is there before it is saved: --profile emulator is --emulator.
		return fromEmulator(options.configDirectory);
	}

	if (!profile) {
		// The same mistake as naming it to any other command: a usage error (exit 2).
		throw new UnknownProfileError(
			name,
			options.profiles.profiles().map(known => known.name),
		);
	}

	const {keySource} = profile;
	const source = {kind: 'profile', name} as const;
	switch (keySource.kind) {
		case 'emulator': {
			return {...(await fromEmulator(options.configDirectory)), source, profileName: name};
		}

		case 'command-line': {
			throw new IdentityError('no-connection', text.errors.profileKeyNotStored(name));
		}

		case 'saved': {
			return {...connectionFromString(`endpoint=${profile.endpoint};accesskey=${keySource.accessKey}`, source), profileName: name};
		}

		case 'entra': {
			return {...(await fromEndpoint(profile.endpoint, source, options, keySource.tenantId)), profileName: name};
		}

		case 'environment':
		case 'dotenv': {
			const values = keySource.kind === 'environment' ? options.env : await readDotenv(keySource.path);
			const value = values[keySource.variable];
			if (!value) {
				const where = keySource.kind === 'environment' ? keySource.variable : text.errors.keyInDotenv(keySource.variable, keySource.path);
				throw new IdentityError('no-connection', text.errors.profileKeyMissing(name, where));
			}

			return {...connectionFromString(value, source, keySource), profileName: name};
		}
	}
}

/** Node's own .env parser (the one behind process.loadEnvFile), without touching process.env. */
export async function readDotenv(filePath: string): Promise<Record<string, string>> {
	try {
		return parseEnv(await readFile(filePath, 'utf8')) as Record<string, string>;
	} catch (error) {
		const code = (error as NodeJS.ErrnoException).code;
		if (code === 'ENOENT') {
			return {};
		}

		// A directory by that name, or a file this user may not read: said as such, not a bug.
		throw typeof code === 'string' ? new UserError('local', text.errors.dotenvUnreadable(filePath, code), {cause: error}) : error;
	}
}

/**
 * parseConnectionString, its refusal said in the user's language, with where the string was
 * read if that is not obvious: a usage error, like a bad flag.
 */
function parseInLanguage(value: string, where?: string): ReturnType<typeof parseConnectionString> {
	try {
		return parseConnectionString(value);
	} catch (error) {
		if (error instanceof ConnectionStringError) {
			const problem = text.errors.connectionString(error.problem);
			throw new UserError('usage', where === undefined ? problem : text.errors.connectionStringIn(where, problem), {cause: error});
		}

		throw error;
	}
}
