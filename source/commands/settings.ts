import {type Command, openStore, outputOptions, parseCommand, printJson} from './context.js';
import {UsageError} from './usage-error.js';
import {text} from '../text/index.js';
import {chooseLanguage, isLanguageSetting, languageSettings} from '../text/locale.js';
import type {Settings} from '../store/types.js';

export const settings: Command = {
	name: 'settings',
	get help() {
		return text.help.settings;
	},
	async run(argv, io) {
		const {values} = parseCommand('settings', argv, {
			...outputOptions,
			'store-tokens': {type: 'string'},
			// Read by cli.tsx too: the run that saves a language is already in it.
			lang: {type: 'string'},
			symbols: {type: 'string'},
		});
		const patch: {-readonly [Key in keyof Settings]?: Settings[Key]} = {};
		const storeTokens = values['store-tokens'];
		if (storeTokens !== undefined) {
			if (storeTokens !== 'on' && storeTokens !== 'off') {
				throw new UsageError(text.commands.settings.badStoreTokens(storeTokens));
			}

			patch.storeTokens = storeTokens === 'on';
		}

		const language = values.lang;
		if (language !== undefined) {
			if (!isLanguageSetting(language)) {
				throw new UsageError(text.commands.settings.badLanguage(language, languageSettings));
			}

			patch.language = language;
		}

		const symbols = values.symbols;
		if (symbols !== undefined) {
			if (symbols !== 'unicode' && symbols !== 'plain') {
				throw new UsageError(text.commands.settings.badSymbols(symbols));
			}

			patch.symbols = symbols;
		}

		const store = await openStore(io, values['config-dir']);
		if (Object.keys(patch).length > 0) {
			await store.updateSettings(patch);
		}

		const current = store.settings();
		// The language this very run is in: --lang before the command chose it, else the setting.
		const now = chooseLanguage({flag: io.languageFlag, setting: current.language, env: io.env});
		if (values.json) {
			printJson(io, {...current, languageInUse: now.language, languageFrom: now.from});
		} else {
			io.stdout.write(
				`${[
					text.commands.settings.storeTokens(current.storeTokens),
					text.commands.settings.language(current.language, now.language, now.from),
					text.commands.settings.symbols(current.symbols),
				].join('\n')}\n`,
			);
		}

		return 0;
	},
};
