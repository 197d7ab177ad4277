import {type IdentityClient, createIdentityClient} from '../identity/client.js';
import {type ConnectionRequest, type ResolvedConnection, resolveConnection} from '../identity/connection.js';
import type {Exchange} from '../identity/trace.js';
import type {IdentityStore} from '../store/identity-store.js';
import {rememberProfile} from './remember-profile.js';

export type Session = {
	readonly store: IdentityStore;
	readonly resolved: ResolvedConnection;
	readonly client: IdentityClient;
	close(): Promise<void>;
};

export type SessionOptions = {
	readonly store: IdentityStore;
	/** What the user named (a flag, a choice on the connect screen); without it, discovery decides. */
	readonly request?: ConnectionRequest | undefined;
	readonly env: NodeJS.ProcessEnv;
	readonly cwd: string;
	/**
	 * Keep the access key in the profile (--save-key): once the service has accepted it, after
	 * the session's first authenticated request that succeeds; a rejected key is never saved.
	 */
	readonly saveKey?: boolean | undefined;
	/** Make this profile the one used next time nothing is named (the wizard does). */
	readonly makeDefault?: boolean | undefined;
	readonly onExchange?: ((exchange: Exchange) => void) | undefined;
	/** Esc in the wizard: a session opened after it is closed again, not handed back. */
	readonly signal?: AbortSignal | undefined;
};

/**
 * Opening a session, the one step that commands and the wizard share: resolve the connection,
 * remember the profile it came from in the store, and make the client. Whatever fails after
 * the connection resolved closes it again (the embedded emulator included).
 */
export async function openSession(options: SessionOptions): Promise<Session> {
	const {store} = options;
	const resolved = await resolveConnection(options.request, {
		env: options.env,
		cwd: options.cwd,
		configDirectory: store.configDirectory,
		profiles: store,
	});
	try {
		options.signal?.throwIfAborted();
		await rememberProfile(store, resolved);
		if (options.makeDefault) {
			await store.setDefaultProfile(resolved.profileName);
		}

		const made = await createIdentityClient(resolved.connection, options.onExchange ? {onExchange: options.onExchange} : {});
		const client = options.saveKey ? savingKeyOnSuccess(made, () => rememberProfile(store, resolved, {saveKey: true})) : made;
		options.signal?.throwIfAborted();
		return {store, resolved, client, close: () => resolved.close()};
	} catch (error) {
		// The first failure is the one to report: a failing close must not replace it.
		await resolved.close().catch(() => undefined);
		throw error;
	}
}

/**
 * The client, saving the key after its first call that succeeds: only then has the service
 * accepted the key (a 401 throws before). The save is awaited, so that a command's output
 * follows it; it happens once.
 */
function savingKeyOnSuccess(client: IdentityClient, saveKey: () => Promise<void>): IdentityClient {
	let saving: Promise<void> | undefined;
	const accepted = async <T>(call: Promise<T>): Promise<T> => {
		const result = await call;
		saving ??= saveKey();
		await saving;
		return result;
	};
	return {
		signedIn: () => client.signedIn(),
		exchangeTeamsToken: (teams, options) => accepted(client.exchangeTeamsToken(teams, options)),
		createUser: options => accepted(client.createUser(options)),
		createUserAndToken: (scopes, options) => accepted(client.createUserAndToken(scopes, options)),
		issueToken: (id, scopes, options) => accepted(client.issueToken(id, scopes, options)),
		revokeTokens: (id, options) => accepted(client.revokeTokens(id, options)),
		deleteUser: (id, options) => accepted(client.deleteUser(id, options)),
	};
}
