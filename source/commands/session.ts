import {isTokenScope, maximumLifetimeMinutes, minimumLifetimeMinutes, type TokenScope, tokenScopes, typedWholeNumber} from '../protocol/scopes.js';
import {type ConnectionFlags, refuseTwoConnections, requestFromFlags} from '../session/connection-flags.js';
import {openSession, type Session} from '../session/open-session.js';
import type {IdentityStore} from '../store/identity-store.js';
import type {StoredIdentity} from '../store/types.js';
import {type CommandIo, openStore, traceTo} from './context.js';
import {UsageError} from './usage-error.js';
import {readStdin} from './stdin.js';
import {text} from '../text/index.js';

export type {Session} from '../session/open-session.js';

export type SessionFlags = ConnectionFlags & {
	readonly 'config-dir'?: string | undefined;
	readonly verbose?: boolean | undefined;
	readonly 'save-key'?: boolean | undefined;
};

/**
 * For a command that reads a token from stdin: `--connection-string -` cannot read it too
 * (it would get what is left after the token, or nothing), so it is refused before either is read.
 */
export function refuseConnectionStringOnStdin(flags: SessionFlags): void {
	if (flags['connection-string'] === '-') {
		throw new UsageError(text.commands.stdinTaken);
	}
}

/** The flags with `--connection-string -` replaced by what came on stdin; nothing there is refused as such. */
export async function withConnectionStringFromStdin<Flags extends ConnectionFlags>(io: Pick<CommandIo, 'stdin' | 'stderr'>, flags: Flags): Promise<Flags> {
	if (flags['connection-string'] !== '-') {
		return flags;
	}

	// Two connections named is the mistake to report, before anything is read for one of them.
	refuseTwoConnections(flags);
	const value = await readStdin(io.stdin, undefined, {stderr: io.stderr});
	if (value === '') {
		throw new UsageError(text.commands.stdinEmpty);
	}

	return {...flags, 'connection-string': value};
}

/**
 * A command's session: the store of --config-dir, the connection its flags name, --verbose
 * tracing. `--connection-string -` reads the string from stdin, so that the key never has to be
 * on the command line (where shell history and the process list keep it).
 */
export async function openCommandSession(io: CommandIo, flags: SessionFlags): Promise<Session> {
	const fromStdin = await withConnectionStringFromStdin(io, flags);
	const trace = traceTo(io, flags.verbose);
	let session: Session | undefined;
	let toldWho = false;
	session = await openSession({
		store: await openStore(io, flags['config-dir']),
		request: requestFromFlags(fromStdin),
		env: io.env,
		cwd: io.cwd,
		saveKey: flags['save-key'],
		forgetUnreachedProfile: true,
		// A command that fails (or is stopped) before any of its calls reached the service leaves no new profile.
		onRemembered: forgetIfUnreached => io.onFailure?.(forgetIfUnreached),
		...(trace
			? {
					onExchange(exchange) {
						// With Entra ID, --verbose says who signed in, through which credential, once it is known.
						const who = toldWho ? undefined : session?.client.signedIn();
						if (who) {
							toldWho = true;
							io.stderr.write(`${text.commands.signedIn(who)}\n`);
						}

						trace(exchange);
					},
				}
			: {}),
	});
	return session;
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

	const minutes = typedWholeNumber(value);
	if (minutes === undefined || minutes < minimumLifetimeMinutes || minutes > maximumLifetimeMinutes) {
		throw new UsageError(text.commands.badLifetime(value, minimumLifetimeMinutes, maximumLifetimeMinutes));
	}

	return minutes;
}
