import {type IdentityClient, createIdentityClient} from '../identity/client.js';
import {type ResolvedConnection, resolveConnection} from '../identity/connection.js';
import {isTokenScope, maximumLifetimeMinutes, minimumLifetimeMinutes, type TokenScope, tokenScopes} from '../protocol/scopes.js';
import type {IdentityStore} from '../store/identity-store.js';
import type {StoredIdentity} from '../store/types.js';
import {rememberProfile} from './remember-profile.js';
import {type CommandIo, openStore, traceTo} from './context.js';
import {UsageError} from './usage-error.js';
import {text} from '../text/index.js';

export type Session = {
	readonly store: IdentityStore;
	readonly resolved: ResolvedConnection;
	readonly client: IdentityClient;
	close(): Promise<void>;
};

export type SessionFlags = {
	readonly 'connection-string'?: string | undefined;
	readonly emulator?: boolean | undefined;
	readonly profile?: string | undefined;
	readonly 'config-dir'?: string | undefined;
	readonly verbose?: boolean | undefined;
	readonly 'save-key'?: boolean | undefined;
};

/** Store, connection and client for one command; remembers the profile the connection came from. */
export async function openSession(io: CommandIo, flags: SessionFlags): Promise<Session> {
	const store = openStore(io, flags['config-dir']);
	const resolved = await resolveConnection({
		connectionString: flags['connection-string'],
		emulator: flags.emulator,
		profile: flags.profile,
		env: io.env,
		cwd: io.cwd,
		configDirectory: store.configDirectory,
		profiles: store,
	});
	try {
		await rememberProfile(store, resolved, {saveKey: flags['save-key'] ?? false});
		const onExchange = traceTo(io, flags.verbose);
		const client = await createIdentityClient(resolved.connection, onExchange ? {onExchange} : {});
		return {store, resolved, client, close: () => resolved.close()};
	} catch (error) {
		await resolved.close();
		throw error;
	}
}

/** `--user` takes an id or a label from the store. */
export function resolveUser(store: IdentityStore, profileName: string, value: string | undefined): {id: string; stored?: StoredIdentity} {
	if (value === undefined || value === '') {
		throw new UsageError(text.commands.userRequired);
	}

	const stored = store.findIdentity(profileName, value);
	if (stored) {
		return {id: stored.id, stored};
	}

	if (!value.startsWith('8:')) {
		throw new UsageError(text.commands.noSuchLabel(value, profileName));
	}

	return {id: value};
}

export function validateScopes(scopes: readonly string[]): TokenScope[] {
	if (scopes.length === 0) {
		throw new UsageError(text.commands.noScopes(tokenScopes));
	}

	for (const scope of scopes) {
		if (!isTokenScope(scope)) {
			throw new UsageError(text.commands.notAScope(scope, tokenScopes));
		}
	}

	return scopes as TokenScope[];
}

export function validateLifetime(value: string | undefined): number | undefined {
	if (value === undefined) {
		return undefined;
	}

	const minutes = Number(value);
	if (!Number.isInteger(minutes) || minutes < minimumLifetimeMinutes || minutes > maximumLifetimeMinutes) {
		throw new UsageError(text.commands.badLifetime(value, minimumLifetimeMinutes, maximumLifetimeMinutes));
	}

	return minutes;
}
