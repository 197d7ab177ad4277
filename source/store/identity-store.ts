import path from 'node:path';
import type Conf from 'conf';
import {text} from '../text/index.js';
import {configName, ensureDirectory, loadConfig, readSnapshot} from './config-file.js';
import {asStoreFileError, StoreError} from './errors.js';
import {type Warn, withFileLock} from './file-lock.js';
import {
	changeIdentity,
	changeProfile,
	dropAllTokens,
	dropIdentity,
	dropProfile,
	findIdentityIn,
	identitiesOf,
	findProfile,
	newestFirst,
	putProfile,
	requireLabelFree,
	requireProfile,
	toProfile,
	withoutLabel,
	withoutToken,
} from './records.js';
import type {IdentityInput, IssuedToken, Profile, ProfileInput, Settings, StoreData, StoredIdentity} from './types.js';
import {storeViolations} from './store-validator.js';
import {checkEndpoint, checkSettings, checkIdentityId, checkName, checkScopes, checkTimestamp, cleanKeySource} from './validate.js';

export type IdentityStoreOptions = {
	/** From `resolveConfigDirectory()`; tests pass a temporary directory. */
	readonly configDirectory: string;
	/** Told when a broken config file is moved aside; defaults to stderr. */
	readonly onWarning?: (message: string) => void;
};

function now(): string {
	return new Date().toISOString();
}

/**
 * Profiles, the identities made with each, and settings, in `<configDirectory>/config.json`.
 * Reads see the file as it is now (conf re-reads it on every access). Every write takes an
 * inter-process lock, re-reads, changes only what it is about and writes atomically, so
 * processes writing at the same time lose nothing.
 */
export class IdentityStore {
	/**
	 * Opening may create the file, migrate it or move a broken one aside, so it takes the
	 * lock too. Waiting for another process's lock leaves the event loop free: Ctrl+C, a signal
	 * or the wizard's keys are heard meanwhile.
	 */
	static async open(options: IdentityStoreOptions): Promise<IdentityStore> {
		const directory = path.resolve(options.configDirectory);
		const warn = options.onWarning ?? ((message: string) => process.stderr.write(`acs-tokens: ${message}\n`));
		ensureDirectory(directory);
		const filePath = path.join(directory, `${configName}.json`);
		try {
			const {conf} = await withFileLock(filePath, warn, () => loadConfig(directory, undefined, warn));
			return new IdentityStore(directory, conf, warn);
		} catch (error) {
			throw asStoreFileError(filePath, error);
		}
	}

	/** The config file. */
	readonly path: string;
	readonly configDirectory: string;
	readonly #warn: Warn;
	#conf: Conf<StoreData>;
	/** Writes from this process run one at a time, so they do not wait on each other's lock. */
	#queue: Promise<unknown> = Promise.resolve();

	private constructor(directory: string, conf: Conf<StoreData>, warn: Warn) {
		this.configDirectory = directory;
		this.#conf = conf;
		this.#warn = warn;
		this.path = conf.path;
	}

	profiles(): Profile[] {
		return this.#read().profiles.map(toProfile);
	}

	profile(name: string): Profile | undefined {
		const profile = findProfile(this.#read(), name);
		return profile && toProfile(profile);
	}

	/** The profile chosen last, while it still exists. */
	defaultProfileName(): string | undefined {
		const data = this.#read();
		return findProfile(data, data.defaultProfile ?? '')?.name;
	}

	/**
	 * Adds the profile, or replaces an existing one's endpoint and key source, keeping its
	 * identities. It becomes the default with `makeDefault`, or when there is no default yet.
	 */
	async saveProfile(profile: ProfileInput, options: {readonly makeDefault?: boolean} = {}): Promise<void> {
		const name = checkName('profile name', profile.name);
		const endpoint = checkEndpoint(profile.endpoint);
		const keySource = cleanKeySource(profile.keySource);
		const createdAt = profile.createdAt === undefined ? undefined : checkTimestamp('createdAt', profile.createdAt);
		await this.#write(data => {
			const saved = createdAt ?? findProfile(data, name)?.createdAt ?? now();
			return putProfile(data, {name, endpoint, keySource, createdAt: saved}, options.makeDefault);
		});
	}

	/** Removes the profile and the record of its identities (not the identities in ACS). */
	async removeProfile(name: string): Promise<void> {
		await this.#write(data => dropProfile(data, name));
	}

	/**
	 * Removes the profile if it records no identity, deciding on the file as it is under the lock:
	 * another process's identity recorded meanwhile keeps it.
	 */
	async removeProfileIfEmpty(name: string): Promise<void> {
		await this.#write(data => {
			const profile = findProfile(data, name);
			return profile === undefined || profile.identities.length > 0 ? data : dropProfile(data, name);
		});
	}

	async setDefaultProfile(name: string): Promise<void> {
		await this.#write(data => ({...data, defaultProfile: requireProfile(data, name).name}));
	}

	/** The profiles that have at least one recorded identity, in the order they were saved. */
	profileNamesWithIdentities(): string[] {
		return this.#read()
			.profiles.filter(profile => profile.identities.length > 0)
			.map(profile => profile.name);
	}

	/** Newest first; none for the emulator's profile before it is saved; a profile not saved is refused (UnknownProfileError). */
	identities(profileName: string): StoredIdentity[] {
		return newestFirst(identitiesOf(this.#read(), profileName));
	}

	/** By exact id, else by label. */
	findIdentity(profileName: string, idOrLabel: string): StoredIdentity | undefined {
		return findIdentityIn(identitiesOf(this.#read(), profileName), idOrLabel);
	}

	/**
	 * Throws what `recordIdentity` would for this label (invalid, or used by another
	 * identity), so a command can refuse before it creates the identity in ACS.
	 */
	assertLabelFree(profileName: string, label: string, forId = ''): void {
		requireLabelFree(profileName, identitiesOf(this.#read(), profileName), checkName('label', label), forId);
	}

	/** Records an identity just created; recording the same id again updates its label. */
	async recordIdentity(profileName: string, input: IdentityInput): Promise<StoredIdentity> {
		const id = checkIdentityId(input.id);
		const label = input.label === undefined ? undefined : checkName('label', input.label);
		const createdAt = input.createdAt === undefined ? now() : checkTimestamp('createdAt', input.createdAt);
		let recorded: StoredIdentity | undefined;
		await this.#write(data =>
			changeProfile(data, profileName, profile => {
				requireLabelFree(profile.name, profile.identities, label, id);
				return changeIdentity(
					profile,
					id,
					identity => {
						recorded = label === undefined ? identity : {...identity, label};
						return recorded;
					},
					() => ({id, createdAt}),
				);
			}),
		);
		return recorded as StoredIdentity;
	}

	/**
	 * The last token issued for the identity, recorded even for an identity made elsewhere.
	 * The token itself is kept only while the `storeTokens` setting is on.
	 */
	async recordToken(profileName: string, id: string, token: IssuedToken): Promise<void> {
		checkIdentityId(id);
		const lastToken: IssuedToken = {
			scopes: checkScopes(token.scopes),
			issuedAt: checkTimestamp('issuedAt', token.issuedAt),
			expiresOn: checkTimestamp('expiresOn', token.expiresOn),
			...(token.token === undefined || token.token === '' ? {} : {token: token.token}),
		};
		await this.#write(data =>
			changeProfile(data, profileName, profile =>
				changeIdentity(
					profile,
					id,
					identity => {
						const recorded = {...identity, lastToken};
						return data.settings.storeTokens ? recorded : withoutToken(recorded);
					},
					() => ({id, createdAt: now()}),
				),
			),
		);
	}

	/** Revoking makes the identity's tokens worthless: a saved one is dropped. */
	async recordRevoke(profileName: string, id: string, at?: string): Promise<void> {
		await this.#recordEvent(profileName, id, 'revokedAt', at);
	}

	async recordDelete(profileName: string, id: string, at?: string): Promise<void> {
		await this.#recordEvent(profileName, id, 'deletedAt', at);
	}

	/** Sets the label, or removes it with `undefined`. */
	async rename(profileName: string, id: string, label: string | undefined): Promise<void> {
		const checked = label === undefined ? undefined : checkName('label', label);
		await this.#write(data =>
			changeProfile(data, profileName, profile => {
				requireLabelFree(profile.name, profile.identities, checked, id);
				return changeIdentity(profile, id, identity =>
					checked === undefined ? withoutLabel(identity) : {...identity, label: checked},
				);
			}),
		);
	}

	/** Drops the local record only; the identity stays in ACS. */
	async forget(profileName: string, id: string): Promise<void> {
		await this.#write(data =>
			changeProfile(data, profileName, profile => dropIdentity(profile, id)),
		);
	}

	settings(): Settings {
		return this.#read().settings;
	}

	/** Turning `storeTokens` off also drops every token saved so far. */
	async updateSettings(patch: Partial<Settings>): Promise<void> {
		const checked = checkSettings(patch);
		await this.#write(data => {
			const settings: Settings = {...data.settings, ...checked};
			const next = {...data, settings};
			return settings.storeTokens ? next : dropAllTokens(next);
		});
	}

	async #recordEvent(profileName: string, id: string, field: 'revokedAt' | 'deletedAt', at?: string): Promise<void> {
		checkIdentityId(id);
		const when = at === undefined ? now() : checkTimestamp(field, at);
		await this.#write(data =>
			changeProfile(data, profileName, profile =>
				changeIdentity(
					profile,
					id,
					identity => ({...withoutToken(identity), [field]: when}),
					() => ({id, createdAt: when}),
				),
			),
		);
	}

	#read(): StoreData {
		return readSnapshot(this.#conf);
	}

	/** Lock, re-read the file, apply `change` to what is there now, write it back. */
	#write(change: (data: StoreData) => StoreData): Promise<void> {
		const task = () =>
			withFileLock(this.path, this.#warn, () => {
				const {conf, data} = loadConfig(this.configDirectory, this.#conf, this.#warn);
				this.#conf = conf;
				const next = change(data);
				// The checks in validate.ts come first: reaching this is a bug, not a user's mistake.
				const refused = storeViolations(next);
				if (refused !== undefined) {
					throw new StoreError(
						text.store.refusedOwnWrite(refused),
					);
				}

				conf.store = next;
			}).catch((error: unknown) => {
				throw asStoreFileError(this.path, error);
			});
		const result = this.#queue.then(task, task);
		this.#queue = result.catch(() => undefined);
		return result;
	}
}
