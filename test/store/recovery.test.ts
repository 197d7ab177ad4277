import {readdir, readFile, stat, writeFile} from 'node:fs/promises';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {CorruptStoreError, StoreVersionError} from '../../source/store/errors.js';
import {IdentityStore} from '../../source/store/identity-store.js';
import {temporaryDirectory} from './temporary-directory.js';

const profile = {
	name: 'dev',
	endpoint: 'https://contoso.communication.azure.com/',
	keySource: {kind: 'emulator'},
	createdAt: '2025-01-01T10:00:00.000Z',
	identities: [],
} as const;

/** Opens a directory whose config.json holds `text`, collecting the warnings. */
async function openOver(text: string) {
	const directory = await temporaryDirectory();
	const configPath = path.join(directory, 'config.json');
	await writeFile(configPath, text);
	const warnings: string[] = [];
	const open = () => IdentityStore.open({configDirectory: directory, onWarning: message => warnings.push(message)});
	return {directory, configPath, warnings, open};
}

async function asideFiles(directory: string): Promise<string[]> {
	return (await readdir(directory)).filter(name => name.startsWith('config.json.corrupt-')).sort();
}

describe('a broken config file', () => {
	const broken: ReadonlyArray<readonly [string, string, RegExp]> = [
		['invalid JSON', '{"profiles": [', /it is not valid JSON/],
		['JSON that is not an object', 'null', /it is not a JSON object/],
		[
			'a value the schema refuses',
			JSON.stringify({__internal__: {migrations: {version: '1.0.0'}}, profiles: [{...profile, keySource: {kind: 'magic'}}], settings: {storeTokens: false}}),
			// Named once, without each form's complaint about it (the kind, the variable, the path…).
			/it does not match the acs-tokens format: `profiles\/0\/keySource` matches none of the forms it may take\)\./,
		],
		[
			'an endpoint that is no URL',
			JSON.stringify({__internal__: {migrations: {version: '1.0.0'}}, profiles: [{...profile, endpoint: 'https://[::1/'}], settings: {storeTokens: false}}),
			/it does not match the acs-tokens format: `profiles\/0\/endpoint` must be a URL\)/,
		],
		[
			'an endpoint with a space',
			JSON.stringify({__internal__: {migrations: {version: '1.0.0'}}, profiles: [{...profile, endpoint: 'https://exa mple.com/'}], settings: {storeTokens: false}}),
			/it does not match the acs-tokens format: `profiles\/0\/endpoint` has a value the format does not allow\)\./,
		],
		[
			'a key the format does not have',
			JSON.stringify({profiles: [], settings: {storeTokens: false}, tokens: {}}),
			/it does not match the acs-tokens format: `tokens` is not part of the format\)\./,
		],
		[
			'a profile without its fields',
			JSON.stringify({__internal__: {migrations: {version: '1.0.0'}}, profiles: [{name: 'dev'}], settings: {storeTokens: false}}),
			/it does not match the acs-tokens format: `profiles\/0\/endpoint` is missing; `profiles\/0\/keySource` is missing; `profiles\/0\/createdAt` is missing; and 1 more\)\./,
		],
		['an unreadable format version', JSON.stringify({__internal__: {migrations: {version: 'one'}}}), /its format version "one" is not x\.y\.z/],
	];

	it.each(broken)('is moved aside, byte for byte, when it holds %s', async (_, text, reason) => {
		const {directory, configPath, warnings, open} = await openOver(text);
		const store = await open();
		const [aside, ...more] = await asideFiles(directory);
		expect(more).toEqual([]);
		expect(aside).toMatch(/^config\.json\.corrupt-\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}\.\d{3}Z$/);
		const asidePath = path.join(directory, aside as string);
		expect(await readFile(asidePath, 'utf8')).toBe(text);
		expect((await stat(asidePath)).mode & 0o777).toBe(0o600);
		expect(warnings).toHaveLength(1);
		expect(warnings[0]).toMatch(reason);
		expect(warnings[0]).toContain(`${configPath} could not be read`);
		expect(warnings[0]).toContain(`It was moved to ${asidePath} and a new, empty config was started`);
		expect(store.profiles()).toEqual([]);
		expect(JSON.parse(await readFile(configPath, 'utf8'))).toMatchObject({profiles: [], settings: {storeTokens: false}});
	});

	it('does not quote a saved key from invalid JSON in the warning', async () => {
		const {warnings, open} = await openOver('{"accessKey": c2VjcmV0LWtleQ==}');
		await open();
		expect(warnings[0]).toMatch(/it is not valid JSON/);
		expect(warnings[0]).not.toContain('c2VjcmV0');
	});

	it('is moved aside by the next write when it breaks while the store is open', async () => {
		const {directory, configPath, warnings, open} = await openOver(
			JSON.stringify({__internal__: {migrations: {version: '1.0.0'}}, profiles: [profile], settings: {storeTokens: false}}),
		);
		const store = await open();
		await writeFile(configPath, '{"profiles": [');
		expect(() => store.profiles()).toThrow(CorruptStoreError);
		expect(() => store.profiles()).toThrow(`${configPath} cannot be read: it is not valid JSON. Fix it by hand, or run acs-tokens again`);
		await store.saveProfile({...profile, name: 'prod'});
		expect(store.profiles().map(saved => saved.name)).toEqual(['prod']);
		expect(await asideFiles(directory)).toHaveLength(1);
		expect(warnings).toHaveLength(1);
	});

	it('is left alone when a newer acs-tokens wrote it', async () => {
		const text = JSON.stringify({__internal__: {migrations: {version: '2.0.0'}}, profiles: [], accounts: []});
		const {directory, configPath, warnings, open} = await openOver(text);
		await expect(open()).rejects.toThrow(StoreVersionError);
		await expect(open()).rejects.toThrow(
			`${configPath} has data format 2.0.0, newer than the 1.2.0 this acs-tokens reads. Upgrade acs-tokens, or use another directory with --config-dir.`,
		);
		expect(await readFile(configPath, 'utf8')).toBe(text);
		expect(await asideFiles(directory)).toEqual([]);
		expect(warnings).toEqual([]);
	});
});

describe('migrations', () => {
	it('brings a file emptied by hand to format 1.2.0', async () => {
		const {configPath, warnings, open} = await openOver('{}');
		const store = await open();
		expect(store.profiles()).toEqual([]);
		expect(JSON.parse(await readFile(configPath, 'utf8'))).toEqual({
			__internal__: {migrations: {version: '1.2.0'}},
			profiles: [],
			settings: {storeTokens: false, language: 'auto', symbols: 'unicode'},
		});
		expect(warnings).toEqual([]);
	});

	it('keeps the data of a file that has no format version yet', async () => {
		const {configPath, warnings, open} = await openOver(JSON.stringify({profiles: [profile], defaultProfile: 'dev'}));
		const store = await open();
		expect(store.profile('dev')?.endpoint).toBe(profile.endpoint);
		expect(store.defaultProfileName()).toBe('dev');
		expect(store.settings()).toEqual({storeTokens: false, language: 'auto', symbols: 'unicode'});
		expect(JSON.parse(await readFile(configPath, 'utf8'))).toMatchObject({__internal__: {migrations: {version: '1.2.0'}}});
		expect(warnings).toEqual([]);
	});

	it('brings a 1.0.0 file to 1.2.0, keeping its settings and adding the language and symbols', async () => {
		const {configPath, warnings, open} = await openOver(
			JSON.stringify({__internal__: {migrations: {version: '1.0.0'}}, profiles: [profile], settings: {storeTokens: true}}),
		);
		const store = await open();
		expect(store.settings()).toEqual({storeTokens: true, language: 'auto', symbols: 'unicode'});
		expect(store.profile('dev')?.endpoint).toBe(profile.endpoint);
		expect(JSON.parse(await readFile(configPath, 'utf8'))).toMatchObject({__internal__: {migrations: {version: '1.2.0'}}});
		expect(warnings).toEqual([]);
	});

	it('does not rewrite a file that is up to date', async () => {
		const text = `${JSON.stringify({__internal__: {migrations: {version: '1.2.0'}}, profiles: [profile], settings: {storeTokens: true, language: 'zh-TW', symbols: 'plain'}}, undefined, '\t')}`;
		const {configPath, open} = await openOver(text);
		const before = await stat(configPath);
		(await open()).profiles();
		expect((await stat(configPath)).mtimeMs).toBe(before.mtimeMs);
		expect(await readFile(configPath, 'utf8')).toBe(text);
	});
});
