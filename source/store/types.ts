import type {LanguageSetting} from '../text/locale.js';
/** The two variables the Azure SDK samples read a connection string from. */
/**
 * The profile of the embedded emulator (--emulator). It exists before it is saved, which the
 * first connection to the emulator does: until then every command and the wizard see it, empty.
 */
export const emulatorProfileName = 'emulator';

export const connectionStringVariables = [
	'COMMUNICATION_SERVICES_CONNECTION_STRING',
	'AZURE_COMMUNICATION_CONNECTION_STRING',
] as const;

export type ConnectionStringVariable = (typeof connectionStringVariables)[number];

export type EnvironmentKeySource = {readonly kind: 'environment'; readonly variable: ConnectionStringVariable};
export type DotenvKeySource = {readonly kind: 'dotenv'; readonly path: string; readonly variable: string};
export type EmulatorKeySource = {readonly kind: 'emulator'};
/** The key is given each time (--connection-string) and never stored. */
export type CommandLineKeySource = {readonly kind: 'command-line'};
/** Only when the user asked to keep the key in the config file. */
export type SavedKeySource = {readonly kind: 'saved'; readonly accessKey: string};
/** No key at all: Microsoft Entra ID sign-in (DefaultAzureCredential), in this tenant if one is named. */
export type EntraKeySource = {readonly kind: 'entra'; readonly tenantId?: string};

/**
 * Where a profile's access key comes from. A new kind (Entra ID sign-in is next) is a new
 * member here plus an entry in `keySourceFields` below and in `keySourceSchemas`
 * (schema.ts); the compiler points at both. Files holding it cannot be read by older
 * versions, so it also needs a new format version (migrations.ts).
 */
export type KeySource =
	| EnvironmentKeySource
	| DotenvKeySource
	| EmulatorKeySource
	| CommandLineKeySource
	| SavedKeySource
	| EntraKeySource;

export type KeySourceKind = KeySource['kind'];

/** The fields each kind keeps: anything else on the object is dropped, never written. */
export const keySourceFields: {
	readonly [Kind in KeySourceKind]: ReadonlyArray<Exclude<keyof Extract<KeySource, {kind: Kind}>, 'kind'>>;
} = {
	environment: ['variable'],
	dotenv: ['path', 'variable'],
	emulator: [],
	'command-line': [],
	saved: ['accessKey'],
	entra: ['tenantId'],
};

export type Profile = {
	readonly name: string;
	readonly endpoint: string;
	readonly keySource: KeySource;
	/** ISO 8601. */
	readonly createdAt: string;
};

/** `createdAt` defaults to the saved profile's, or now for a new one. */
export type ProfileInput = Omit<Profile, 'createdAt'> & {readonly createdAt?: string};

export type IssuedToken = {
	readonly scopes: readonly string[];
	readonly issuedAt: string;
	readonly expiresOn: string;
	/** Kept only while the `storeTokens` setting is on. */
	readonly token?: string;
};

export type StoredIdentity = {
	/** The ACS identifier, e.g. `8:acs:<resource>_<guid>`. */
	readonly id: string;
	readonly label?: string;
	readonly createdAt: string;
	readonly lastToken?: IssuedToken;
	readonly revokedAt?: string;
	readonly deletedAt?: string;
};

export type IdentityInput = {readonly id: string; readonly label?: string; readonly createdAt?: string};

/** How the wizard draws its symbols: ● ○ ❯ and box lines, or plain ASCII where a terminal draws those two columns wide. */
export type SymbolStyle = 'unicode' | 'plain';

export type Settings = {
	readonly storeTokens: boolean;
	/** `auto`: the locale decides (LC_ALL, LC_MESSAGES, LANG, the platform's). */
	readonly language: LanguageSetting;
	readonly symbols: SymbolStyle;
};

export const defaultSettings: Settings = {storeTokens: false, language: 'auto', symbols: 'unicode'};

/** The config file, less conf's own `__internal__` key. */
export type StoredProfile = Profile & {readonly identities: readonly StoredIdentity[]};

export type StoreData = {
	readonly profiles: readonly StoredProfile[];
	readonly defaultProfile?: string;
	readonly settings: Settings;
};
