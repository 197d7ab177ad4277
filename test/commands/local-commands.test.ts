import {readFile} from 'node:fs/promises';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {createSandbox, type EmulatorProcess, parseJson, type Sandbox, stackTraceLine, startEmulatorProcess} from '../_helpers/cli.js';

/**
 * The commands that only read or change the local store: users, profiles, user rename, user
 * forget. The identities come from one emulator process and from the embedded emulator, so
 * the store holds two profiles.
 */

type Listed = {identities: Array<{profile: string; state: string; id: string; label?: string}>};

let emulator: EmulatorProcess;
let sandbox: Sandbox;
let profileName: string;
let remoteAlice: string;
let localAlice: string;
let remoteBob: string;

beforeAll(async () => {
	emulator = await startEmulatorProcess();
	profileName = `127.0.0.1-${new URL(emulator.endpoint).port}`;
	sandbox = await createSandbox();
	const connection = ['--connection-string', emulator.connectionString];
	const results = await Promise.all([
		sandbox.run(['user', 'create', ...connection, '--label', 'alice', '--json']),
		sandbox.run(['user', 'create', ...connection, '--label', 'bob', '--json']),
		sandbox.run(['user', 'create', '--emulator', '--label', 'alice', '--json']),
	]);
	[remoteAlice, remoteBob, localAlice] = results.map(result => parseJson<{id: string}>(result).id) as [string, string, string];
});

afterAll(async () => {
	await emulator.stop();
});

const labels = async () =>
	parseJson<Listed>(await sandbox.run(['users', '--json']))
		.identities.map(identity => `${identity.profile}/${identity.label ?? identity.id}`)
		.sort();

describe('profiles', () => {
	it('lists both profiles, marks the default, and never prints a key', async () => {
		const result = await sandbox.run(['profiles']);
		expect(result.code).toBe(0);
		const lines = result.stdout.trimEnd().split('\n');
		expect(lines).toHaveLength(3);
		expect(lines[0]).toMatch(/^ {3}NAME +ENDPOINT +ACCESS KEY$/);
		expect(lines).toContainEqual(expect.stringMatching(/^[* ] {2}emulator +local emulator +the emulator's development key$/));
		expect(lines).toContainEqual(expect.stringMatching(new RegExp(`^[* ]  ${profileName} +${emulator.endpoint} +given each time with --connection-string$`)));
		expect(lines.filter(line => line.startsWith('*'))).toHaveLength(1);
		expect(result.stdout).not.toContain(emulator.accessKey);

		const json = parseJson<{defaultProfile: string; profiles: Array<{name: string; keySource: {kind: string}}>}>(await sandbox.run(['profiles', '--json']));
		expect(json.profiles.map(profile => [profile.name, profile.keySource]).sort()).toEqual([
			[profileName, {kind: 'command-line'}],
			['emulator', {kind: 'emulator'}],
		]);
		expect(JSON.stringify(json)).not.toContain(emulator.accessKey);
		expect(await readFile(sandbox.configFile, 'utf8')).not.toContain(emulator.accessKey);
	});

	it('with none saved, says how one gets saved', async () => {
		const empty = await createSandbox();
		expect(await empty.run(['profiles'])).toEqual({
			code: 0,
			stdout: 'No profiles yet. One is saved when you first connect: acs-tokens user create --emulator\n',
			stderr: '',
		});
		expect(parseJson(await empty.run(['profiles', '--json']))).toEqual({defaultProfile: null, profiles: []});
	});
});

describe('user rename', () => {
	it('a label in two profiles needs --profile (or --emulator)', async () => {
		const ambiguous = await sandbox.run(['user', 'rename', '--user', 'alice', '--label', 'alicia']);
		expect(ambiguous.code).toBe(2);
		expect(ambiguous.stderr).toMatch(/^acs-tokens: "alice" names identities in several profiles \((?:emulator, \S+|\S+, emulator)\): add --profile\.\n$/);
		expect(ambiguous.stderr).toContain(profileName);

		const renamed = await sandbox.run(['user', 'rename', '--emulator', '--user', 'alice', '--label', 'alicia']);
		expect(renamed).toEqual({code: 0, stdout: `${localAlice} is now "alicia".\n`, stderr: ''});
		expect(await labels()).toEqual([`${profileName}/alice`, `${profileName}/bob`, 'emulator/alicia'].sort());
	});

	it('--json, by id, in whichever profile has it', async () => {
		const result = await sandbox.run(['user', 'rename', '--user', remoteBob, '--label', 'robert', '--json']);
		expect(result.code).toBe(0);
		expect(parseJson(result)).toEqual({id: remoteBob, profile: profileName, label: 'robert'});
	});

	it('a label another identity has: exit 2, nothing changed', async () => {
		const before = await readFile(sandbox.configFile, 'utf8');
		const result = await sandbox.run(['user', 'rename', '--profile', profileName, '--user', 'robert', '--label', 'alice']);
		expect(result).toEqual({
			code: 2,
			stdout: '',
			stderr: `acs-tokens: The label "alice" is already used by ${remoteAlice} in profile "${profileName}". Choose another label, or rename or forget that identity first.\n`,
		});
		expect(await readFile(sandbox.configFile, 'utf8')).toBe(before);
	});

	it('--label "" removes the label; the new label works with --user in other commands', async () => {
		const removed = await sandbox.run(['user', 'rename', '--user', 'robert', '--label', '']);
		expect(removed).toEqual({code: 0, stdout: `${remoteBob} has no label now.\n`, stderr: ''});
		const issued = await sandbox.run(['token', 'issue', '--emulator', '--user', 'alicia', '--scopes', 'chat', '--json']);
		expect(issued.code).toBe(0);
		expect(parseJson(issued)).toMatchObject({id: localAlice, label: 'alicia'});
	});

	it('an identity the store does not have', async () => {
		const result = await sandbox.run(['user', 'rename', '--user', 'nobody', '--label', 'x']);
		expect(result).toEqual({code: 2, stdout: '', stderr: 'acs-tokens: No identity "nobody" in the local store. Run "acs-tokens users" to see them.\n'});
	});
});

describe('user forget', () => {
	it('without a terminal and without --yes: refuses with exit 2, and changes nothing', async () => {
		const before = await readFile(sandbox.configFile, 'utf8');
		const result = await sandbox.run(['user', 'forget', '--user', remoteBob]);
		expect(result).toEqual({
			code: 2,
			stdout: '',
			stderr: 'acs-tokens: Refusing to forget the identity without confirmation: there is no terminal to ask on. Pass --yes to confirm.\n',
		});
		expect(result.stderr).not.toMatch(stackTraceLine);
		expect(await readFile(sandbox.configFile, 'utf8')).toBe(before);
	});

	it('with --yes: drops the local record only; the identity still works on the emulator', async () => {
		const result = await sandbox.run(['user', 'forget', '--user', remoteBob, '--yes']);
		expect(result).toEqual({code: 0, stdout: `Forgot ${remoteBob} (profile ${profileName}).\n`, stderr: ''});
		expect(await labels()).toEqual([`${profileName}/alice`, 'emulator/alicia'].sort());
		const stillThere = await sandbox.run(['token', 'issue', '--connection-string', emulator.connectionString, '--user', remoteBob, '--scopes', 'chat', '--json']);
		expect(stillThere.code).toBe(0);
	});

	it('--json, with --profile', async () => {
		const result = await sandbox.run(['user', 'forget', '--profile', profileName, '--user', 'alice', '-y', '--json']);
		expect(result.code).toBe(0);
		expect(parseJson(result)).toEqual({id: remoteAlice, profile: profileName, forgotten: true});
	});
});

describe('users --json and a stored token', () => {
	it('leaves the token itself out unless --reveal asks for it; its scopes and expiry stay', async () => {
		const own = await createSandbox();
		expect((await own.run(['settings', '--store-tokens', 'on'])).code).toBe(0);
		const created = parseJson<{id: string; token: string}>(await own.run(['user', 'create', '--emulator', '--label', 'carol', '--scopes', 'chat', '--json']));
		expect(await readFile(own.configFile, 'utf8')).toContain(created.token);

		type Stored = {identities: Array<{lastToken?: {scopes: string[]; expiresOn: string; token?: string}}>};
		const listed = await own.run(['users', '--json']);
		expect(listed.code).toBe(0);
		expect(listed.stdout).not.toContain(created.token);
		const [hidden] = parseJson<Stored>(listed).identities;
		expect(hidden?.lastToken).toEqual({scopes: ['chat'], issuedAt: expect.any(String), expiresOn: expect.any(String)});

		const revealed = parseJson<Stored>(await own.run(['users', '--json', '--reveal']));
		expect(revealed.identities[0]?.lastToken?.token).toBe(created.token);
	});
});

describe('settings and the language of the run', () => {
	type Shown = {language: string; languageInUse: string; languageFrom: string};
	it('says the language in use as this run chose it: --lang before the command is the run\'s, after settings it is saved', async () => {
		const sandbox = await createSandbox();
		const env = {LANG: 'en_US.UTF-8'};
		const before = parseJson<Shown>(await sandbox.run(['--lang', 'zh-TW', 'settings', '--json'], {env}));
		expect(before).toMatchObject({language: 'auto', languageInUse: 'zh-TW', languageFrom: 'flag'});

		const saved = parseJson<Shown>(await sandbox.run(['settings', '--lang', 'zh-TW', '--json'], {env}));
		expect(saved).toMatchObject({language: 'zh-TW', languageInUse: 'zh-TW', languageFrom: 'setting'});

		const overridden = await sandbox.run(['--lang', 'en', 'settings'], {env});
		expect(overridden.code).toBe(0);
		expect(overridden.stdout).toContain('lang: zh-TW (now en, from --lang)');
		expect(parseJson<Shown>(await sandbox.run(['settings', '--json'], {env}))).toMatchObject({languageInUse: 'zh-TW', languageFrom: 'setting'});
	});
});
