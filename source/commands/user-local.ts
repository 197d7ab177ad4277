import {emulatorProfileName} from '../store/types.js';
import {refuseTwoConnections} from '../session/connection-flags.js';
import type {IdentityStore} from '../store/identity-store.js';
import {confirm, type Command, openStore, outputOptions, parseCommand, printJson} from './context.js';
import {UserError} from '../errors/user-error.js';
import {UsageError} from './usage-error.js';
import {text} from '../text/index.js';

/** The identity named by --user in --profile, or in whichever profile has it. */
function findStored(store: IdentityStore, user: string | undefined, profile: string | undefined) {
	if (!user) {
		throw new UsageError(text.commands.userRequired);
	}

	// A profile not saved is refused by the store; the emulator's, unsaved, holds no one.
	const profiles = profile === undefined ? store.profileNamesWithIdentities() : [profile];
	const matches = profiles.flatMap(name => {
		const identity = store.findIdentity(name, user);
		return identity ? [{profile: name, identity}] : [];
	});
	if (matches.length === 0) {
		throw new UsageError(text.commands.userLocal.notStored(user, profile));
	}

	if (matches.length > 1) {
		throw new UsageError(text.commands.userLocal.inSeveralProfiles(user, matches.map(match => match.profile)));
	}

	return matches[0] as (typeof matches)[number];
}

const localOptions = {...outputOptions, user: {type: 'string'}, profile: {type: 'string'}, emulator: {type: 'boolean'}} as const;

export const userForget: Command = {
	name: 'user forget',
	get help() {
		return text.help.userForget;
	},
	async run(argv, io) {
		const {values} = parseCommand('user forget', argv, {...localOptions, yes: {type: 'boolean', short: 'y'}});
		refuseTwoConnections(values);
		const store = await openStore(io, values['config-dir']);
		const {profile, identity} = findStored(store, values.user, values.emulator ? emulatorProfileName : values.profile);
		const said = text.commands.userLocal;
		if (!(await confirm(io, said.forgetQuestion(identity.id), values.yes, said.forgetAction))) {
			// Kind `cancelled`: exit 130, and under --json an error object, as every command's.
			throw new UserError('cancelled', said.nothingForgotten);
		}

		await store.forget(profile, identity.id);
		if (values.json) {
			printJson(io, {id: identity.id, profile, forgotten: true});
		} else {
			io.stdout.write(`${said.forgot(identity.id, profile)}\n`);
		}

		return 0;
	},
};

export const userRename: Command = {
	name: 'user rename',
	get help() {
		return text.help.userRename;
	},
	async run(argv, io) {
		const {values} = parseCommand('user rename', argv, {...localOptions, label: {type: 'string'}});
		if (values.label === undefined) {
			throw new UsageError(text.commands.userLocal.labelRequired);
		}

		if (values.label.startsWith('8:')) {
			throw new UsageError(text.commands.userLocal.labelLikeId);
		}

		refuseTwoConnections(values);
		const store = await openStore(io, values['config-dir']);
		const {profile, identity} = findStored(store, values.user, values.emulator ? emulatorProfileName : values.profile);
		const label = values.label.trim() === '' ? undefined : values.label.trim();
		await store.rename(profile, identity.id, label);
		if (values.json) {
			printJson(io, {id: identity.id, profile, label: label ?? null});
		} else {
			io.stdout.write(`${text.commands.userLocal.renamed(identity.id, label)}\n`);
		}

		return 0;
	},
};
