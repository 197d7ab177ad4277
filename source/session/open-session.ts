import {type IdentityClient, createIdentityClient} from '../identity/client.js';
import {type ConnectionRequest, type ResolvedConnection, resolveConnection} from '../identity/connection.js';
import type {Exchange} from '../identity/trace.js';
import type {IdentityStore} from '../store/identity-store.js';
import {type ErrorKind, UserError} from '../errors/user-error.js';
import {rememberProfile} from './remember-profile.js';
import {requestTimeoutOf} from '../identity/request-timeout.js';

export type Session = {
	readonly store: IdentityStore;
	readonly resolved: ResolvedConnection;
	readonly client: IdentityClient;
	/**
	 * The session's bookkeeping around a call to the service made with another client of the
	 * same connection (the access commands' own): the key saved once it succeeds, the profile
	 * counted as reached. `client`'s calls have it already.
	 */
	around<T>(call: Promise<T>): Promise<T>;
	/** ACS_TOKENS_REQUEST_TIMEOUT as read when the session opened: for the other clients of its connection. */
	readonly timeoutSeconds: number;
	close(): Promise<void>;
	/**
	 * The command failed: with `forgetUnreachedProfile`, a profile this session saved is removed
	 * unless one of its calls reached the service (a label looked up in a brand-new profile, a
	 * question answered no: nothing of that connection was ever tried).
	 */
	forgetIfUnreached(): Promise<void>;
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
	/**
	 * A profile this session saves is removed again if its first request never reached a
	 * service that took the key (unreachable, untrusted TLS, key refused): a command run once
	 * with a wrong endpoint leaves no profile, and no default, behind it. `'on-close'` (the wizard,
	 * where a failed step can be retried): removed when the session closes, if no request of it
	 * ever reached the service; the default it replaced is the default again.
	 */
	readonly forgetUnreachedProfile?: boolean | 'on-close' | undefined;
	readonly onExchange?: ((exchange: Exchange) => void) | undefined;
	/** Esc in the wizard: a session opened after it is closed again, not handed back. */
	readonly signal?: AbortSignal | undefined;
	/**
	 * Called as soon as the profile is remembered, with what takes a new one back if no request
	 * reaches the service (forgetUnreachedProfile); the session's `forgetIfUnreached` is the same.
	 */
	readonly onRemembered?: ((forgetIfUnreached: () => Promise<void>) => void) | undefined;
};

/**
 * Opening a session, the one step that commands and the wizard share: resolve the connection,
 * remember the profile it came from in the store, and make the client. Whatever fails after
 * the connection resolved closes it again (the embedded emulator included).
 */
export async function openSession(options: SessionOptions): Promise<Session> {
	const {store} = options;
	// Checked before anything is resolved or remembered: a bad value changes nothing.
	const timeoutSeconds = requestTimeoutOf(options.env);
	const resolved = await resolveConnection(options.request, {
		env: options.env,
		cwd: options.cwd,
		configDirectory: store.configDirectory,
		profiles: store,
	});
	const saved = resolved.source.kind !== 'profile' && resolved.source.kind !== 'emulator' && !store.profile(resolved.profileName);
	const forgets = saved && (options.forgetUnreachedProfile === true || options.forgetUnreachedProfile === 'on-close');
	const progress = {reached: false};
	const previousDefault = store.defaultProfileName();
	const forget = async () => {
		await forgetEmptyProfile(store, resolved.profileName);
		if (options.makeDefault && previousDefault !== undefined && previousDefault !== resolved.profileName && store.profile(previousDefault)) {
			await store.setDefaultProfile(previousDefault);
		}
	};
	const forgetIfUnreached = async () => {
		if (forgets && !progress.reached) {
			progress.reached = true;
			await forget();
		}
	};
	try {
		options.signal?.throwIfAborted();
		await rememberProfile(store, resolved);
		// From here on a new profile is in the store: told at once, so that a command stopped
		// before this returns (a signal while the SDK loads) can still take it back.
		options.onRemembered?.(forgetIfUnreached);
		if (options.makeDefault) {
			await store.setDefaultProfile(resolved.profileName);
		}

		const made = await createIdentityClient(resolved.connection, {
			timeoutSeconds,
			...(options.onExchange ? {onExchange: options.onExchange} : {}),
		});
		const savingKey = options.saveKey ? keySavedOnSuccess(() => rememberProfile(store, resolved, {saveKey: true})) : undefined;
		const watching = forgets ? forgottenIfUnreached(forget, progress, options.forgetUnreachedProfile === 'on-close') : undefined;
		const around = <T>(call: Promise<T>): Promise<T> => {
			const keeping = savingKey ? savingKey(call) : call;
			return watching ? watching(keeping) : keeping;
		};
		options.signal?.throwIfAborted();
		return {
			store,
			resolved,
			client: savingKey || watching ? aroundEachCall(made, around) : made,
			around,
			timeoutSeconds,
			close: () => resolved.close(),
			forgetIfUnreached,
		};
	} catch (error) {
		// The first failure is the one to report: a failing clean-up must not replace it. Nothing
		// was sent: a profile this session saved goes again (forgetUnreachedProfile).
		await forgetIfUnreached().catch(() => undefined);
		await resolved.close().catch(() => undefined);
		throw error;
	}
}

/** Failures that say the service was never reached, or never took the key. */
const unreached = new Set<ErrorKind>(['network', 'untrusted-certificate', 'authentication']);
/** Failures that are the service's answer to a request it took the key for. */
const answered = new Set<ErrorKind>(['not-found', 'validation', 'not-owned', 'service']);

/**
 * Around each call: `forget` when the session's first call fails as unreached (and never after
 * one succeeded or was answered); `progress.reached` says whether one was, or the forget is done.
 */
function forgottenIfUnreached(
	forget: () => Promise<void>,
	progress: {reached: boolean},
	onClose = false,
): <T>(call: Promise<T>) => Promise<T> {
	return async <T>(call: Promise<T>): Promise<T> => {
		try {
			const result = await call;
			progress.reached = true;
			return result;
		} catch (error) {
			// On close (the wizard): an unreached failure is only noted, as it can be retried.
			if (!(progress.reached || onClose) && error instanceof UserError && unreached.has(error.kind)) {
				progress.reached = true;
				// The failure is the one to report: a failing clean-up must not replace it.
				await forget().catch(() => undefined);
			} else if (error instanceof UserError && answered.has(error.kind)) {
				// The service answered (404, 400, not owned): it was reached, with the key taken.
				progress.reached = true;
			}

			throw error;
		}
	};
}

/** Removes a profile this session saved, while it records no identity (checked and removed under one lock). */
async function forgetEmptyProfile(store: IdentityStore, name: string): Promise<void> {
	await store.removeProfileIfEmpty(name);
}

/**
 * Around each call: the key saved after the first call that succeeds: only then has the
 * service accepted the key (a 401 throws before). The save is awaited, so that a command's
 * output follows it; it happens once.
 */
function keySavedOnSuccess(saveKey: () => Promise<void>): <T>(call: Promise<T>) => Promise<T> {
	let saving: Promise<void> | undefined;
	return async <T>(call: Promise<T>): Promise<T> => {
		const result = await call;
		saving ??= saveKey();
		await saving;
		return result;
	};
}

/** The client with `around` wrapped about each of its calls to the service. */
function aroundEachCall(client: IdentityClient, around: <T>(call: Promise<T>) => Promise<T>): IdentityClient {
	return {
		signedIn: () => client.signedIn(),
		exchangeTeamsToken: (teams, options) => around(client.exchangeTeamsToken(teams, options)),
		createUser: options => around(client.createUser(options)),
		createUserAndToken: (scopes, options) => around(client.createUserAndToken(scopes, options)),
		issueToken: (id, scopes, options) => around(client.issueToken(id, scopes, options)),
		revokeTokens: (id, options) => around(client.revokeTokens(id, options)),
		deleteUser: (id, options) => around(client.deleteUser(id, options)),
	};
}
