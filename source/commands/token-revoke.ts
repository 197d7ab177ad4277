import type {Command} from './context.js';
import {runDestructive} from './destructive-command.js';
import {text} from '../text/index.js';

export const tokenRevoke: Command = {
	name: 'token revoke',
	get help() {
		return text.help.tokenRevoke;
	},
	run: (argv, io) =>
		runDestructive('token revoke', argv, io, {
			question: text.commands.tokenRevoke.question,
			action: text.commands.tokenRevoke.action,
			nothingDone: text.commands.tokenRevoke.nothingDone,
			async apply({client, store, resolved}, id, at) {
				await client.revokeTokens(id);
				await store.recordRevoke(resolved.profileName, id, at);
			},
			json: (id, at) => ({id, revokedAt: at}),
			done: text.commands.tokenRevoke.done,
		}),
};
