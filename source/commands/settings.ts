import {type Command, openStore, outputHelp, outputOptions, parseCommand, printJson} from './context.js';
import {UsageError} from './usage-error.js';

export const settings: Command = {
	name: 'settings',
	help: `Usage: acs-tokens settings [--store-tokens on|off]

Shows or changes acs-tokens' settings.

Options
  --store-tokens on|off  keep token values in the store (config.json, mode 600).
                         Off by default; turning it off removes every token kept so far.

${outputHelp}

Examples
  acs-tokens settings
  acs-tokens settings --store-tokens on
`,
	async run(argv, io) {
		const {values} = parseCommand('settings', argv, {...outputOptions, 'store-tokens': {type: 'string'}});
		const store = openStore(io, values['config-dir']);
		const flag = values['store-tokens'];
		if (flag !== undefined) {
			if (flag !== 'on' && flag !== 'off') {
				throw new UsageError(`--store-tokens takes on or off, not "${flag}".`);
			}

			await store.updateSettings({storeTokens: flag === 'on'});
		}

		const current = store.settings();
		if (values.json) {
			printJson(io, current);
		} else {
			io.stdout.write(`store-tokens: ${current.storeTokens ? 'on' : 'off'}\n`);
		}

		return 0;
	},
};
