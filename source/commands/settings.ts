import {type Command, openStore, outputOptions, parseCommand, printJson} from './context.js';
import {UsageError} from './usage-error.js';
import {text} from '../text/index.js';

export const settings: Command = {
	name: 'settings',
	help: text.help.settings,
	async run(argv, io) {
		const {values} = parseCommand('settings', argv, {...outputOptions, 'store-tokens': {type: 'string'}});
		const store = openStore(io, values['config-dir']);
		const flag = values['store-tokens'];
		if (flag !== undefined) {
			if (flag !== 'on' && flag !== 'off') {
				throw new UsageError(text.commands.settings.badStoreTokens(flag));
			}

			await store.updateSettings({storeTokens: flag === 'on'});
		}

		const current = store.settings();
		if (values.json) {
			printJson(io, current);
		} else {
			io.stdout.write(`${text.commands.settings.storeTokens(current.storeTokens)}\n`);
		}

		return 0;
	},
};
