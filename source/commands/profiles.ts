import {type Command, openStore, outputOptions, parseCommand, printJson} from './context.js';
import {table} from './format.js';
import {text} from '../text/index.js';

export const profiles: Command = {
	name: 'profiles',
	help: text.help.profiles,
	async run(argv, io) {
		const {values} = parseCommand('profiles', argv, outputOptions);
		const store = openStore(io, values['config-dir']);
		const saved = store.profiles();
		const defaultName = store.defaultProfileName();
		if (values.json) {
			printJson(io, {
				defaultProfile: defaultName ?? null,
				profiles: saved.map(profile => ({
					...profile,
					// The key itself never leaves the store through this command.
					keySource: profile.keySource.kind === 'saved' ? {kind: 'saved'} : profile.keySource,
				})),
			});
			return 0;
		}

		if (saved.length === 0) {
			io.stdout.write(`${text.commands.profiles.none}\n`);
			return 0;
		}

		const where = (profile: (typeof saved)[number]) => {
			const source = profile.keySource;
			switch (source.kind) {
				case 'environment': {
					return `key from $${source.variable}`;
				}

				case 'dotenv': {
					return `key from ${source.variable} in ${source.path}`;
				}

				case 'emulator': {
					return 'the emulator\'s development key';
				}

				case 'command-line': {
					return 'given each time with --connection-string';
				}

				case 'saved': {
					return 'key saved in the store';
				}
			}
		};

		io.stdout.write(
			`${table([
				['', 'NAME', 'ENDPOINT', 'ACCESS KEY'],
				...saved.map(profile => [profile.name === defaultName ? '*' : '', profile.name, profile.keySource.kind === 'emulator' ? 'local emulator' : profile.endpoint, where(profile)]),
			])}\n`,
		);
		return 0;
	},
};
