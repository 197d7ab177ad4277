import {refuseTwoConnections} from '../session/connection-flags.js';
import {emulatorProfileName} from '../store/types.js';
import {stateOf} from '../store/identity-status.js';
import type {StoredIdentity} from '../store/types.js';
import {type Command, openStore, outputOptions, parseCommand, printJson} from './context.js';
import {formatExpiry} from './format.js';
import {formatDateTime} from '../text/format.js';
import {text} from '../text/index.js';

export const users: Command = {
	name: 'users',
	get help() {
		return text.help.users;
	},
	async run(argv, io) {
		const {values} = parseCommand('users', argv, {...outputOptions, profile: {type: 'string'}, emulator: {type: 'boolean'}, reveal: {type: 'boolean'}});
		refuseTwoConnections(values);
		const store = await openStore(io, values['config-dir']);
		const only = values.emulator ? emulatorProfileName : values.profile;
		// A profile not saved is refused by the store; the emulator's, unsaved, lists no one.
		const profileNames = only === undefined ? store.profileNamesWithIdentities() : [only];
		const groups = profileNames.map(profile => ({profile, identities: store.identities(profile)}));
		if (values.json) {
			printJson(io, {
				identities: groups.flatMap(({profile, identities}) =>
					identities.map(identity => ({profile, state: stateOf(identity), ...(values.reveal ? identity : withoutTokenValue(identity))})),
				),
			});
			return 0;
		}

		const rows = groups.flatMap(({profile, identities}) =>
			identities.map(identity => [profile, identity.label ?? '', identity.id, describe(identity)]),
		);
		if (rows.length === 0) {
			io.stdout.write(`${text.commands.users.none(only)}\n`);
			return 0;
		}

		const {table} = await import('./table.js');
		io.stdout.write(`${table([text.commands.users.headings, ...rows])}\n`);
		return 0;
	},
};

/** A listing does not print a secret it was not asked for: the stored token stays out unless --reveal. */
function withoutTokenValue(identity: StoredIdentity): StoredIdentity {
	if (identity.lastToken?.token === undefined) {
		return identity;
	}

	const {token: _token, ...lastToken} = identity.lastToken;
	return {...identity, lastToken};
}

function describe(identity: StoredIdentity): string {
	const state = stateOf(identity);
	const token = identity.lastToken;
	switch (state) {
		case 'deleted': {
			return text.commands.users.deleted(formatDateTime(new Date(identity.deletedAt ?? 0)));
		}

		case 'revoked': {
			return text.commands.users.revoked(formatDateTime(new Date(identity.revokedAt ?? 0)));
		}

		case 'no-token': {
			return text.commands.users.noToken;
		}

		default: {
			return text.commands.users.token(token?.scopes ?? [], state !== 'token-valid', formatExpiry(token?.expiresOn ?? new Date(0)));
		}
	}
}
