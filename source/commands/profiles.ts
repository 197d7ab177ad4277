import {type Command, confirm, openStore, outputOptions, parseCommand, printJson} from './context.js';
import {UnknownProfileError} from '../store/errors.js';
import {UsageError} from './usage-error.js';
import {UserError} from '../errors/user-error.js';
import {text} from '../text/index.js';

export const profiles: Command = {
	name: 'profiles',
	get help() {
		return text.help.profiles;
	},
	async run(argv, io) {
		const {values} = parseCommand('profiles', argv, outputOptions);
		const store = await openStore(io, values['config-dir']);
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
					return text.commands.profiles.keyFromEnvironment(source.variable);
				}

				case 'dotenv': {
					return text.commands.profiles.keyFromDotenv(source.variable, source.path);
				}

				case 'emulator': {
					return text.commands.profiles.keyOfEmulator;
				}

				case 'command-line': {
					return text.commands.profiles.keyEachTime;
				}

				case 'saved': {
					return text.commands.profiles.keySaved;
				}

				case 'entra': {
					return text.commands.profiles.keyEntra(source.tenantId);
				}
			}
		};

		const {table} = await import('./table.js');
		io.stdout.write(
			`${table([
				text.commands.profiles.headings,
				...saved.map(profile => [
					profile.name === defaultName ? '*' : '',
					profile.name,
					profile.keySource.kind === 'emulator' ? text.commands.profiles.emulatorEndpoint : profile.endpoint,
					where(profile),
				]),
			])}\n`,
		);
		return 0;
	},
};

export const profilesRemove: Command = {
	name: 'profiles remove',
	get help() {
		return text.help.profilesRemove;
	},
	async run(argv, io) {
		const {values, positionals} = parseCommand('profiles remove', argv, {...outputOptions, yes: {type: 'boolean', short: 'y'}}, true);
		const [name, ...extra] = positionals;
		if (name === undefined || extra.length > 0) {
			throw new UsageError(text.commands.profiles.nameRequired);
		}

		const store = await openStore(io, values['config-dir']);
		if (!store.profile(name)) {
			throw new UnknownProfileError(name, store.profiles().map(profile => profile.name));
		}

		const identities = store.identities(name).length;
		const said = text.commands.profiles;
		if (!(await confirm(io, said.removeQuestion(name, identities), values.yes, said.removeAction))) {
			// Kind `cancelled`: exit 130, and under --json an error object, as every command's.
			throw new UserError('cancelled', said.notRemoved);
		}

		await store.removeProfile(name);
		if (values.json) {
			printJson(io, {removed: name, identities});
		} else {
			io.stdout.write(`${said.removed(name, identities)}\n`);
		}

		return 0;
	},
};
