import {DuplicateLabelError, UnknownIdentityError, UnknownProfileError} from './errors.js';
import {emulatorProfileName, type Profile, type StoreData, type StoredIdentity, type StoredProfile} from './types.js';

/** Pure changes to the file's content; identity-store.ts reads, applies one and writes under the lock. */

export function findProfile(data: StoreData, name: string): StoredProfile | undefined {
	return data.profiles.find(profile => profile.name === name);
}

/**
 * The identities recorded under a profile: none for the emulator's before it is saved (it
 * exists all the same); any other profile not saved is refused by name.
 */
export function identitiesOf(data: StoreData, name: string): readonly StoredIdentity[] {
	return findProfile(data, name) === undefined && name === emulatorProfileName ? [] : requireProfile(data, name).identities;
}

export function requireProfile(data: StoreData, name: string): StoredProfile {
	const profile = findProfile(data, name);
	if (!profile) {
		throw new UnknownProfileError(
			name,
			data.profiles.map(known => known.name),
		);
	}

	return profile;
}

export function toProfile({name, endpoint, keySource, createdAt}: StoredProfile): Profile {
	return {name, endpoint, keySource, createdAt};
}

/** Replaces the profile's settings and keeps its identities; a new one goes last. */
export function putProfile(data: StoreData, profile: Profile, makeDefault: boolean | undefined): StoreData {
	const existing = findProfile(data, profile.name);
	const stored: StoredProfile = {...profile, identities: existing?.identities ?? []};
	const profiles = existing
		? data.profiles.map(candidate => (candidate === existing ? stored : candidate))
		: [...data.profiles, stored];
	// With no default yet, the first profile saved becomes it unless the caller says not to.
	const becomesDefault = makeDefault ?? findProfile(data, data.defaultProfile ?? '') === undefined;
	return {...data, profiles, ...(becomesDefault ? {defaultProfile: profile.name} : {})};
}

export function dropProfile(data: StoreData, name: string): StoreData {
	const target = requireProfile(data, name);
	const {defaultProfile, ...rest} = data;
	return {
		...rest,
		profiles: data.profiles.filter(profile => profile !== target),
		...(defaultProfile === undefined || defaultProfile === name ? {} : {defaultProfile}),
	};
}

export function changeProfile(
	data: StoreData,
	name: string,
	change: (profile: StoredProfile) => StoredProfile,
): StoreData {
	const target = requireProfile(data, name);
	return {...data, profiles: data.profiles.map(profile => (profile === target ? change(profile) : profile))};
}

/** Newest first; of two created at the same instant, the one recorded later. */
export function newestFirst(identities: readonly StoredIdentity[]): StoredIdentity[] {
	return identities
		.map((identity, index) => ({identity, index, time: Date.parse(identity.createdAt)}))
		.sort((a, b) => b.time - a.time || b.index - a.index)
		.map(({identity}) => identity);
}

/** By exact id first, then by label. */
export function findIdentityIn(identities: readonly StoredIdentity[], idOrLabel: string): StoredIdentity | undefined {
	return identities.find(identity => identity.id === idOrLabel) ?? identities.find(identity => identity.label === idOrLabel);
}

export function requireLabelFree(profileName: string, identities: readonly StoredIdentity[], label: string | undefined, forId: string): void {
	if (label === undefined) {
		return;
	}

	const holder = identities.find(identity => identity.label === label);
	if (holder && holder.id !== forId) {
		throw new DuplicateLabelError(profileName, label, holder.id);
	}
}

/** Changes the identity with this id; `create` makes the entry when there is none, else it is an error. */
export function changeIdentity(
	profile: StoredProfile,
	id: string,
	change: (identity: StoredIdentity) => StoredIdentity,
	create?: () => StoredIdentity,
): StoredProfile {
	const existing = profile.identities.find(identity => identity.id === id);
	if (existing) {
		return {
			...profile,
			identities: profile.identities.map(identity => (identity === existing ? change(identity) : identity)),
		};
	}

	if (!create) {
		throw new UnknownIdentityError(profile.name, id);
	}

	return {...profile, identities: [...profile.identities, change(create())]};
}

export function dropIdentity(profile: StoredProfile, id: string): StoredProfile {
	if (!profile.identities.some(identity => identity.id === id)) {
		throw new UnknownIdentityError(profile.name, id);
	}

	return {...profile, identities: profile.identities.filter(identity => identity.id !== id)};
}

export function withoutToken(identity: StoredIdentity): StoredIdentity {
	if (identity.lastToken?.token === undefined) {
		return identity;
	}

	const {token: _token, ...lastToken} = identity.lastToken;
	return {...identity, lastToken};
}

export function withoutLabel(identity: StoredIdentity): StoredIdentity {
	const {label: _label, ...rest} = identity;
	return rest;
}

/** Every saved token dropped, in every profile. */
export function dropAllTokens(data: StoreData): StoreData {
	return {
		...data,
		profiles: data.profiles.map(profile => ({...profile, identities: profile.identities.map(withoutToken)})),
	};
}
