import {existsSync} from 'node:fs';
import {readFile} from 'node:fs/promises';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {createSandbox, type EmulatorProcess, parseJson, type Sandbox, stackTraceLine, startEmulatorProcess} from '../_helpers/cli.js';

const scopeList = 'chat, voip, chat.join, chat.join.limited, voip.join';
const lifetime = (value: string) => `--expires-in must be a whole number of minutes from 60 to 1440 (24 hours), not "${value}".`;

describe('input refused before anything is sent or stored', () => {
	it.each([
		[['user', 'create', '--scopes', 'chat,email'], `"email" is not a scope. Choose from: ${scopeList}.`],
		[['user', 'create', '--scopes', 'Chat'], `"Chat" is not a scope. Choose from: ${scopeList}.`],
		[['user', 'create', '--scopes', ' , '], `--scopes needs at least one scope: ${scopeList}.`],
		[['user', 'create', '--scopes', 'chat', '--expires-in', '59'], lifetime('59')],
		[['user', 'create', '--scopes', 'chat', '--expires-in', '1441'], lifetime('1441')],
		[['user', 'create', '--scopes', 'chat', '--expires-in', 'soon'], lifetime('soon')],
		[['user', 'create', '--scopes', 'chat', '--expires-in', '90.5'], lifetime('90.5')],
		[['user', 'create', '--scopes', 'chat', '--expires-in', ''], lifetime('')],
		// What Number() would read as a number, the message says is not one: digits only.
		...['0x3c', '0b1111000', '1e3', '6e1', '+90', '90.0', '90 minutes'].map(value => [['user', 'create', '--scopes', 'chat', '--expires-in', value], lifetime(value)] as [string[], string]),
		[['user', 'create', '--expires-in', '60'], '--expires-in needs --scopes: without scopes no token is issued.'],
		[['user', 'create', '--label', '8:acs:x'], '--label must be a non-empty name that does not start with "8:" (that is how ids start).'],
		[['user', 'create', '--label', '  '], '--label must be a non-empty name that does not start with "8:" (that is how ids start).'],
		[['token', 'issue', '--user', 'alice'], `--scopes is required: a comma-separated list of ${scopeList}.`],
		[['token', 'issue', '--user', 'alice', '--scopes', 'voip,video'], `"video" is not a scope. Choose from: ${scopeList}.`],
		[['token', 'issue', '--user', 'alice', '--scopes', 'voip', '--expires-in', '0'], lifetime('0')],
		[['token', 'issue', '--user', 'alice', '--scopes', 'voip', '--expires-in=-60'], lifetime('-60')],
		[
			['token', 'issue', '--user', 'alice', '--scopes', 'voip', '--expires-in', '-60'],
			'--expires-in needs a value, and -60 reads as an option: write --expires-in=-60 for a value that starts with "-". Run "acs-tokens token issue --help".',
		],
		[['token', 'decode'], 'Give exactly one TOKEN, or "-" to read it from stdin.'],
		[['token', 'decode', 'a.b.c', 'd.e.f'], 'Give exactly one TOKEN, or "-" to read it from stdin.'],
		[['token', 'decode', 'not-a-token'], 'That is not a JWT: an access token has three base64url parts separated by dots (eyJ….eyJ….…).'],
		[['token', 'verify', '--emulator'], 'Give exactly one TOKEN, or "-" to read it from stdin.'],
		[['user', 'rename', '--user', 'alice'], '--label is required: the new label, or "" to remove it.'],
		[['user', 'rename', '--user', 'alice', '--label', '8:acs:y'], '--label must not start with "8:" (that is how ids start).'],
	])('%j: exit 2, the message, no stack trace, nothing stored', async (args, message) => {
		const sandbox = await createSandbox();
		const [human, json] = await Promise.all([sandbox.run(args), sandbox.run([...args, '--json'])]);
		expect(human).toEqual({code: 2, stdout: '', stderr: `acs-tokens: ${message}\n`});
		expect(human.stderr).not.toMatch(stackTraceLine);
		expect(json.code).toBe(2);
		expect(parseJson(json)).toEqual({error: {kind: 'usage', message}});
		expect(json.stderr).toBe(`acs-tokens: ${message}\n`);
		expect(existsSync(sandbox.configFile)).toBe(false);
	});
});

describe('input refused once the store is read', () => {
	let emulator: EmulatorProcess;
	let sandbox: Sandbox;
	let connection: string[];

	beforeAll(async () => {
		emulator = await startEmulatorProcess();
		sandbox = await createSandbox();
		connection = ['--connection-string', emulator.connectionString];
		const created = await sandbox.run(['user', 'create', ...connection, '--label', 'alice']);
		expect(created.code).toBe(0);
	});

	afterAll(async () => {
		await emulator.stop();
	});

	const profile = () => new URL(emulator.endpoint).port;
	const userRequired = '--user is required: an identity id (8:acs:…) or a label from "acs-tokens users".';

	it.each([
		[['token', 'issue', '--scopes', 'chat'], () => userRequired],
		[['token', 'revoke', '--yes'], () => userRequired],
		[['user', 'delete', '--yes'], () => userRequired],
		[['user', 'forget', '--yes'], () => userRequired],
		[['user', 'rename', '--label', 'x'], () => userRequired],
		[
			['token', 'issue', '--user', 'bob', '--scopes', 'chat'],
			() =>
				`No identity labelled "bob" in profile "127.0.0.1-${profile()}", and it is not an id (ids start with 8:acs:). Run "acs-tokens users" to see them.`,
		],
		[
			['token', 'revoke', '--user', 'bob', '--yes'],
			() =>
				`No identity labelled "bob" in profile "127.0.0.1-${profile()}", and it is not an id (ids start with 8:acs:). Run "acs-tokens users" to see them.`,
		],
		[
			['user', 'delete', '--user', 'bob', '--yes'],
			() =>
				`No identity labelled "bob" in profile "127.0.0.1-${profile()}", and it is not an id (ids start with 8:acs:). Run "acs-tokens users" to see them.`,
		],
		[['user', 'forget', '--user', 'bob', '--yes'], () => 'No identity "bob" in the local store. Run "acs-tokens users" to see them.'],
		[
			['user', 'create', '--label', 'alice'],
			() => expect.stringMatching(/^The label "alice" is already used by 8:acs:\S+ in profile "127\.0\.0\.1-\d+"\. Choose another label, or rename or forget that identity first\.$/),
		],
	])('%j: exit 2 and a message that says what to do, no stack trace', async (args, message) => {
		const before = await readFile(sandbox.configFile, 'utf8');
		const takesConnection = !['user forget', 'user rename'].includes(args.slice(0, 2).join(' '));
		const result = await sandbox.run([...args, ...(takesConnection ? connection : []), '--json']);
		expect(result.code).toBe(2);
		const expected = message();
		expect(parseJson(result)).toEqual({error: {kind: 'usage', message: expected}});
		expect(result.stderr).toMatch(/^acs-tokens: .+\n$/);
		expect(result.stderr).not.toMatch(stackTraceLine);
		expect(await readFile(sandbox.configFile, 'utf8')).toBe(before);
	});

	it('a profile that does not exist: says which ones do', async () => {
		const result = await sandbox.run(['token', 'issue', '--profile', 'nope', '--user', 'alice', '--scopes', 'chat']);
		expect(result.code).toBe(2);
		expect(result.stderr).toBe(
			`acs-tokens: There is no profile "nope". Saved profiles: 127.0.0.1-${profile()}. Run "acs-tokens profiles" to see them.\n`,
		);
	});

	it('--user with a label from another profile is not found in this one; user forget --profile for a profile that does not exist', async () => {
		const forget = await sandbox.run(['user', 'forget', '--user', 'alice', '--profile', 'elsewhere', '--yes']);
		expect(forget.code).toBe(2);
		expect(forget.stderr).toBe(
			`acs-tokens: There is no profile "elsewhere". Saved profiles: 127.0.0.1-${profile()}. Run "acs-tokens profiles" to see them.\n`,
		);
		// The emulator's profile exists before it is saved: alice is simply not stored there.
		const emulatorProfile = await sandbox.run(['user', 'rename', '--emulator', '--user', 'alice', '--label', 'x']);
		expect(emulatorProfile.code).toBe(2);
		expect(emulatorProfile.stderr).toBe('acs-tokens: No identity "alice" in the local store for profile emulator. Run "acs-tokens users" to see them.\n');
		expect(emulatorProfile.stderr).not.toMatch(stackTraceLine);
	});

	it('an empty --config-dir: a usage error, exit 2, as a bad --lang is', async () => {
		const result = await sandbox.run(['users', '--config-dir', '']);
		expect(result.code).toBe(2);
		expect(result.stderr).toBe(
			'acs-tokens: --config-dir was given an empty path. Pass a directory, e.g. --config-dir ~/.config/acs-tokens, or leave the flag out.\n',
		);
	});
});
