import {readFile, stat, writeFile} from 'node:fs/promises';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {
	ConfigDirectoryError,
	DuplicateLabelError,
	InvalidStoreValueError,
	UnknownIdentityError,
	UnknownProfileError,
} from '../../source/store/errors.js';
import {IdentityStore} from '../../source/store/identity-store.js';
import type {ProfileInput} from '../../source/store/types.js';
import {temporaryDirectory} from './temporary-directory.js';

const endpoint = 'https://contoso.communication.azure.com/';
const devProfile: ProfileInput = {
	name: 'dev',
	endpoint,
	keySource: {kind: 'environment', variable: 'COMMUNICATION_SERVICES_CONNECTION_STRING'},
	createdAt: '2025-01-01T10:00:00.000Z',
};
const emulatorProfile: ProfileInput = {name: 'emulator', endpoint: 'http://127.0.0.1:10430/', keySource: {kind: 'emulator'}};

async function openWithProfile(): Promise<IdentityStore> {
	const store = await IdentityStore.open({configDirectory: await temporaryDirectory()});
	await store.saveProfile(devProfile);
	return store;
}

async function fileText(store: IdentityStore): Promise<string> {
	return readFile(store.path, 'utf8');
}

describe('IdentityStore files', () => {
	it('keeps config.json in the directory given, readable by its owner only', async () => {
		const directory = path.join(await temporaryDirectory(), 'nested', 'acs-tokens');
		const store = await IdentityStore.open({configDirectory: directory});
		expect(store.path).toBe(path.join(directory, 'config.json'));
		expect(store.configDirectory).toBe(directory);
		expect((await stat(directory)).mode & 0o777).toBe(0o700);
		expect((await stat(store.path)).mode & 0o777).toBe(0o600);

		await store.saveProfile(devProfile);
		expect((await stat(store.path)).mode & 0o777).toBe(0o600);
	});

	it('says which directory it cannot use', async () => {
		const file = path.join(await temporaryDirectory(), 'not-a-directory');
		await writeFile(file, '');
		await expect(IdentityStore.open({configDirectory: file})).rejects.toThrow(
			new ConfigDirectoryError(
				`Cannot use ${file} as the config directory (ENOTDIR). Choose a writable directory with --config-dir or ACS_TOKENS_CONFIG_DIR.`,
			),
		);
	});

	it('starts empty, at data format 1.2.0', async () => {
		const store = await IdentityStore.open({configDirectory: await temporaryDirectory()});
		expect(store.profiles()).toEqual([]);
		expect(store.defaultProfileName()).toBeUndefined();
		expect(store.settings()).toEqual({storeTokens: false, language: 'auto', symbols: 'unicode'});
		expect(JSON.parse(await fileText(store))).toEqual({
			__internal__: {migrations: {version: '1.2.0'}},
			profiles: [],
			settings: {storeTokens: false, language: 'auto', symbols: 'unicode'},
		});
	});

	it('keeps everything for the next process that opens the directory', async () => {
		const store = await openWithProfile();
		await store.recordIdentity('dev', {id: '8:acs:r_1', label: 'alice'});
		const reopened = await IdentityStore.open({configDirectory: store.configDirectory});
		expect(reopened.profile('dev')).toEqual(devProfile);
		expect(reopened.findIdentity('dev', 'alice')?.id).toBe('8:acs:r_1');
	});
});

describe('profiles', () => {
	it('makes the first profile the default, and a later one only when asked', async () => {
		const store = await openWithProfile();
		await store.saveProfile(emulatorProfile);
		expect(store.defaultProfileName()).toBe('dev');
		await store.saveProfile({...emulatorProfile, endpoint: 'http://127.0.0.1:10431/'}, {makeDefault: true});
		expect(store.defaultProfileName()).toBe('emulator');
		await store.setDefaultProfile('dev');
		expect(store.defaultProfileName()).toBe('dev');
		expect(store.profiles().map(profile => profile.name)).toEqual(['dev', 'emulator']);
	});

	it('replaces a profile, keeping its identities and when it was created', async () => {
		const store = await openWithProfile();
		await store.recordIdentity('dev', {id: '8:acs:r_1'});
		const {createdAt: _createdAt, ...withoutDate} = devProfile;
		await store.saveProfile({...withoutDate, endpoint: 'https://fabrikam.communication.azure.com/'});
		expect(store.profile('dev')).toEqual({
			...devProfile,
			endpoint: 'https://fabrikam.communication.azure.com/',
		});
		expect(store.identities('dev').map(identity => identity.id)).toEqual(['8:acs:r_1']);
	});

	it('stores every kind of key source, and the key only for the saved kind', async () => {
		const store = await IdentityStore.open({configDirectory: await temporaryDirectory()});
		await store.saveProfile({name: 'env', endpoint, keySource: {kind: 'environment', variable: 'AZURE_COMMUNICATION_CONNECTION_STRING'}});
		await store.saveProfile({name: 'file', endpoint, keySource: {kind: 'dotenv', path: '/work/app/.env', variable: 'ACS'}});
		await store.saveProfile(emulatorProfile);
		await store.saveProfile({name: 'kept', endpoint, keySource: {kind: 'saved', accessKey: 'c2F2ZWQta2V5'}});
		expect(store.profiles().map(profile => profile.keySource)).toEqual([
			{kind: 'environment', variable: 'AZURE_COMMUNICATION_CONNECTION_STRING'},
			{kind: 'dotenv', path: '/work/app/.env', variable: 'ACS'},
			{kind: 'emulator'},
			{kind: 'saved', accessKey: 'c2F2ZWQta2V5'},
		]);
		expect(await fileText(store)).toContain('c2F2ZWQta2V5');
	});

	it('never writes an access key that rides along on another kind of key source', async () => {
		const store = await IdentityStore.open({configDirectory: await temporaryDirectory()});
		const keySource = {kind: 'environment', variable: 'COMMUNICATION_SERVICES_CONNECTION_STRING', accessKey: 'bGVha2Vk'};
		await store.saveProfile({...devProfile, keySource: keySource as ProfileInput['keySource']});
		expect(store.profile('dev')?.keySource).toEqual({kind: 'environment', variable: 'COMMUNICATION_SERVICES_CONNECTION_STRING'});
		expect(await fileText(store)).not.toContain('bGVha2Vk');
	});

	it("keeps the emulator's loopback endpoints, IPv4 and IPv6, and reads them back after a restart", async () => {
		const directory = await temporaryDirectory();
		const store = await IdentityStore.open({configDirectory: directory});
		await store.saveProfile({...devProfile, name: 'v4', endpoint: 'http://127.0.0.1:10430/'});
		await store.saveProfile({...devProfile, name: 'v6', endpoint: 'http://[::1]:10430/'});
		const warnings: string[] = [];
		const again = await IdentityStore.open({configDirectory: directory, onWarning: warning => warnings.push(warning)});
		expect(again.profiles().map(profile => profile.endpoint)).toEqual(['http://127.0.0.1:10430/', 'http://[::1]:10430/']);
		expect(warnings).toEqual([]);
	});

	it('refuses bad values with errors that name them, without repeating a key', async () => {
		const store = await IdentityStore.open({configDirectory: await temporaryDirectory()});
		await expect(store.saveProfile({...devProfile, name: ' dev'})).rejects.toThrow(
			new InvalidStoreValueError('profile name', 'The profile name " dev" is not valid: use 1 to 64 characters, without control characters or spaces at either end.'),
		);
		const pasted = store.saveProfile({...devProfile, endpoint: `endpoint=${endpoint};accesskey=c2VjcmV0`});
		await expect(pasted).rejects.toThrow(InvalidStoreValueError);
		await expect(pasted).rejects.toThrow(/The endpoint "endpoint=https:\/\/contoso.*accesskey=<hidden>" is not an http\(s\) URL/);
		await expect(pasted).rejects.not.toThrow(/c2VjcmV0/);
		// What the file's format would refuse is refused here, before anything is written.
		for (const refused of ['https://contoso.communication.azure.com/a path', `https://contoso.communication.azure.com/${'a'.repeat(2048)}`]) {
			await expect(store.saveProfile({...devProfile, endpoint: refused})).rejects.toThrow(/has whitespace in it or is longer than 2048 characters/);
		}

		await expect(
			store.saveProfile({...devProfile, keySource: {kind: 'environment', variable: 'PATH' as 'AZURE_COMMUNICATION_CONNECTION_STRING'}}),
		).rejects.toThrow('The environment variable "PATH" is not one acs-tokens reads.');
		await expect(store.saveProfile({...devProfile, keySource: {kind: 'certificate'} as unknown as ProfileInput['keySource']})).rejects.toThrow(
			'The key source kind "certificate" is unknown. Use one of: environment, dotenv, emulator, command-line, saved, entra.',
		);
		expect(store.profiles()).toEqual([]);
	});

	it('removes a profile with its identities, and clears it as the default', async () => {
		const store = await openWithProfile();
		await store.saveProfile(emulatorProfile);
		await store.recordIdentity('dev', {id: '8:acs:r_1'});
		await store.removeProfile('dev');
		expect(store.profiles().map(profile => profile.name)).toEqual(['emulator']);
		expect(store.defaultProfileName()).toBeUndefined();
		expect(() => store.identities('dev')).toThrow(UnknownProfileError);
	});

	it('names the profiles there are when one is unknown', async () => {
		const store = await openWithProfile();
		await expect(store.setDefaultProfile('prod')).rejects.toThrow(
			'There is no profile "prod". Saved profiles: dev. Run "acs-tokens profiles" to see them.',
		);
		await expect(store.recordIdentity('prod', {id: '8:acs:r_1'})).rejects.toThrow(UnknownProfileError);
		await expect(store.removeProfile('prod')).rejects.toThrow(UnknownProfileError);
		expect(store.profile('prod')).toBeUndefined();
	});

	it('removes a profile only while it records no identity, deciding under the lock', async () => {
		const store = await openWithProfile();
		await store.recordIdentity('dev', {id: '8:acs:r_1'});
		await store.removeProfileIfEmpty('dev');
		expect(store.profile('dev')).toBeDefined();
		await store.saveProfile({...devProfile, name: 'empty'});
		await store.removeProfileIfEmpty('empty');
		expect(store.profile('empty')).toBeUndefined();
		// A profile that is not there is no error.
		await store.removeProfileIfEmpty('gone');
	});

	it("holds the emulator's profile before it is saved: empty, and any label is free in it", async () => {
		const store = await IdentityStore.open({configDirectory: await temporaryDirectory()});
		expect(store.profile('emulator')).toBeUndefined();
		expect(store.identities('emulator')).toEqual([]);
		expect(store.findIdentity('emulator', 'alice')).toBeUndefined();
		expect(() => store.assertLabelFree('emulator', 'alice')).not.toThrow();
		// Any other name not saved is refused, by name.
		expect(() => store.identities('prod')).toThrow('There is no profile "prod". No profile is saved yet.');
		expect(() => store.findIdentity('prod', 'alice')).toThrow(UnknownProfileError);
	});
});

describe('identities', () => {
	it('lists newest first and finds by id, then by label', async () => {
		const store = await openWithProfile();
		await store.recordIdentity('dev', {id: '8:acs:r_old', label: 'alice', createdAt: '2025-01-01T10:00:00.000Z'});
		await store.recordIdentity('dev', {id: '8:acs:r_new', label: '8:acs:r_old', createdAt: '2025-03-01T10:00:00.000Z'});
		await store.recordIdentity('dev', {id: '8:acs:r_mid', createdAt: '2025-02-01T10:00:00.000+01:00'});
		expect(store.identities('dev').map(identity => identity.id)).toEqual(['8:acs:r_new', '8:acs:r_mid', '8:acs:r_old']);
		expect(store.findIdentity('dev', '8:acs:r_old')?.label).toBe('alice');
		expect(store.findIdentity('dev', 'alice')?.id).toBe('8:acs:r_old');
		expect(store.findIdentity('dev', 'bob')).toBeUndefined();
		expect(store.profileNamesWithIdentities()).toEqual(['dev']);
	});

	it('refuses a label another identity of the profile has', async () => {
		const store = await openWithProfile();
		await store.saveProfile(emulatorProfile);
		await store.recordIdentity('dev', {id: '8:acs:r_1', label: 'alice'});
		const duplicate = store.recordIdentity('dev', {id: '8:acs:r_2', label: 'alice'});
		await expect(duplicate).rejects.toThrow(DuplicateLabelError);
		await expect(duplicate).rejects.toThrow(
			'The label "alice" is already used by 8:acs:r_1 in profile "dev". Choose another label, or rename or forget that identity first.',
		);
		expect(() => store.assertLabelFree('dev', 'alice')).toThrow(DuplicateLabelError);
		expect(() => store.assertLabelFree('dev', 'bob')).not.toThrow();
		await store.recordIdentity('emulator', {id: '8:acs:r_3', label: 'alice'});
		await expect(store.rename('dev', '8:acs:r_1', 'alice')).resolves.toBeUndefined();
		expect(store.identities('dev').map(identity => identity.id)).toEqual(['8:acs:r_1']);
	});

	it('renames, removes a label, and forgets', async () => {
		const store = await openWithProfile();
		await store.recordIdentity('dev', {id: '8:acs:r_1', label: 'alice'});
		await store.rename('dev', '8:acs:r_1', 'bob');
		expect(store.findIdentity('dev', 'bob')?.id).toBe('8:acs:r_1');
		await store.rename('dev', '8:acs:r_1', undefined);
		expect(store.findIdentity('dev', '8:acs:r_1')).not.toHaveProperty('label');
		await expect(store.rename('dev', '8:acs:r_9', 'carol')).rejects.toThrow(
			new UnknownIdentityError('dev', '8:acs:r_9'),
		);
		await store.forget('dev', '8:acs:r_1');
		expect(store.identities('dev')).toEqual([]);
		await expect(store.forget('dev', '8:acs:r_1')).rejects.toThrow(UnknownIdentityError);
	});

	it('records revocation and deletion, for identities made elsewhere too', async () => {
		const store = await openWithProfile();
		await store.recordIdentity('dev', {id: '8:acs:r_1', createdAt: '2025-01-01T10:00:00.000Z'});
		await store.recordRevoke('dev', '8:acs:r_1', '2025-01-02T10:00:00.000Z');
		await store.recordDelete('dev', '8:acs:r_1', '2025-01-03T10:00:00.000Z');
		await store.recordRevoke('dev', '8:acs:r_elsewhere', '2025-01-04T10:00:00.000Z');
		expect(store.identities('dev')).toEqual([
			{id: '8:acs:r_elsewhere', createdAt: '2025-01-04T10:00:00.000Z', revokedAt: '2025-01-04T10:00:00.000Z'},
			{
				id: '8:acs:r_1',
				createdAt: '2025-01-01T10:00:00.000Z',
				revokedAt: '2025-01-02T10:00:00.000Z',
				deletedAt: '2025-01-03T10:00:00.000Z',
			},
		]);
		await expect(store.recordDelete('dev', '8:acs:r_1', 'yesterday')).rejects.toThrow(
			'deletedAt "yesterday" is not an ISO 8601 date and time. Pass e.g. new Date().toISOString().',
		);
	});
});

describe('tokens', () => {
	const issued = {
		scopes: ['chat', 'voip'],
		issuedAt: '2025-01-01T10:00:00.000Z',
		expiresOn: '2025-01-02T10:00:00.000Z',
		token: 'eyJhbGciOiJSUzI1NiJ9.e30.c2ln',
	};

	it('keeps what was issued but not the token while storeTokens is off', async () => {
		const store = await openWithProfile();
		await store.recordToken('dev', '8:acs:r_1', issued);
		const {token: _token, ...withoutToken} = issued;
		expect(store.findIdentity('dev', '8:acs:r_1')?.lastToken).toEqual(withoutToken);
		expect(await fileText(store)).not.toContain(issued.token);
	});

	it('keeps the token while storeTokens is on, and drops them all when it is turned off', async () => {
		const store = await openWithProfile();
		await store.updateSettings({storeTokens: true});
		await store.recordIdentity('dev', {id: '8:acs:r_1'});
		await store.recordToken('dev', '8:acs:r_1', issued);
		await store.recordToken('dev', '8:acs:r_2', issued);
		expect(store.findIdentity('dev', '8:acs:r_1')?.lastToken).toEqual(issued);
		await store.recordRevoke('dev', '8:acs:r_2');
		expect(store.findIdentity('dev', '8:acs:r_2')?.lastToken).not.toHaveProperty('token');

		await expect(store.updateSettings({storeTokens: 'no' as unknown as boolean})).rejects.toThrow(
			'The setting storeTokens must be true or false, not "no".',
		);
		await store.updateSettings({storeTokens: false});
		expect(store.settings()).toEqual({storeTokens: false, language: 'auto', symbols: 'unicode'});
		expect(await fileText(store)).not.toContain(issued.token);
		expect(store.findIdentity('dev', '8:acs:r_1')?.lastToken?.scopes).toEqual(['chat', 'voip']);
	});

	it('refuses a token record without scopes', async () => {
		const store = await openWithProfile();
		await expect(store.recordToken('dev', '8:acs:r_1', {...issued, scopes: []})).rejects.toThrow(InvalidStoreValueError);
		expect(store.identities('dev')).toEqual([]);
	});
});

describe('changes from several places', () => {
	it('loses nothing when two stores on one directory write at once', async () => {
		const directory = await temporaryDirectory();
		const first = await IdentityStore.open({configDirectory: directory});
		await first.saveProfile(devProfile);
		await first.saveProfile(emulatorProfile);
		const second = await IdentityStore.open({configDirectory: directory});
		await Promise.all(
			Array.from({length: 20}, (_, index) =>
				(index % 2 === 0 ? first : second).recordIdentity(index % 4 < 2 ? 'dev' : 'emulator', {id: `8:acs:r_${index}`}),
			),
		);
		expect(first.identities('dev')).toHaveLength(10);
		expect(second.identities('emulator')).toHaveLength(10);
		expect(first.profile('emulator')).toEqual(second.profile('emulator'));
	});

	it('sees what another store wrote, without reopening', async () => {
		const store = await openWithProfile();
		const other = await IdentityStore.open({configDirectory: store.configDirectory});
		await other.recordIdentity('dev', {id: '8:acs:r_1', label: 'alice'});
		expect(store.findIdentity('dev', 'alice')?.id).toBe('8:acs:r_1');
		await expect(store.recordIdentity('dev', {id: '8:acs:r_2', label: 'alice'})).rejects.toThrow(DuplicateLabelError);
	});
});
