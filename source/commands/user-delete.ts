import type {Command} from './context.js';
import {runDestructive} from './destructive-command.js';
import {text} from '../text/index.js';

export const userDelete: Command = {
	name: 'user delete',
	get help() {
		return text.help.userDelete;
	},
	run: (argv, io) =>
		runDestructive('user delete', argv, io, {
			question: text.commands.userDelete.question,
			action: text.commands.userDelete.action,
			nothingDone: text.commands.userDelete.nothingDone,
			async apply({client, store, resolved}, id, at) {
				await client.deleteUser(id);
				await store.recordDelete(resolved.profileName, id, at);
			},
			json: (id, at) => ({id, deletedAt: at}),
			done: text.commands.userDelete.done,
		}),
};
