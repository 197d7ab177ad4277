import type {Command} from './context.js';
import {runDestructive} from './destructive-command.js';
import {text} from '../text/index.js';

export const tokenRevoke: Command = {
	name: 'token revoke',
	help: text.help.tokenRevoke,
	run: (argv, io) =>
		runDestructive('token revoke', argv, io, {
			question: name => `Revoke every token of ${name}?`,
			action: 'revoke tokens',
			nothingDone: 'Nothing revoked.',
			async apply({client, store, resolved}, id, at) {
				await client.revokeTokens(id);
				await store.recordRevoke(resolved.profileName, id, at);
			},
			json: (id, at) => ({id, revokedAt: at}),
			done: (name, at) => `Revoked every token of ${name} issued before ${at}.`,
		}),
};
