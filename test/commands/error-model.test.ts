import {describe, expect, it} from 'vitest';
import {createSandbox, parseJson, stackTraceLine} from '../_helpers/cli.js';

/** The same mistake gets the same answer in every command: the kind decides the exit code and the --json kind. */
const commandsTakingAProfile = [
	['user', 'create'],
	['user', 'delete', '--user', 'x', '--yes'],
	['user', 'rename', '--user', 'x', '--label', 'y'],
	['user', 'forget', '--user', 'x', '--yes'],
	['users'],
	['token', 'issue', '--user', 'x', '--scopes', 'chat'],
	['token', 'revoke', '--user', 'x', '--yes'],
];

describe('one error model', () => {
	it.each(commandsTakingAProfile)('a profile that does not exist: exit 2, kind usage, one message (%s %s)', async (...command) => {
		const sandbox = await createSandbox();
		const result = await sandbox.run([...command, '--profile', 'nope', '--json']);
		expect(result.code).toBe(2);
		expect(parseJson<{error: {kind: string; message: string}}>(result).error).toEqual({
			kind: 'usage',
			message: 'There is no profile "nope". No profile is saved yet. Run "acs-tokens profiles" to see them.',
		});
		expect(result.stderr).toBe('acs-tokens: There is no profile "nope". No profile is saved yet. Run "acs-tokens profiles" to see them.\n');
		expect(result.stderr).not.toMatch(stackTraceLine);
	});

	const commandsNeedingAConnection = [
		['user', 'create'],
		['user', 'delete', '--user', '8:acs:x', '--yes'],
		['token', 'issue', '--user', '8:acs:x', '--scopes', 'chat'],
		['token', 'revoke', '--user', '8:acs:x', '--yes'],
	];

	it.each(commandsNeedingAConnection)('nothing to connect with: exit 2, kind no-connection, the same message (%s %s)', async (...command) => {
		const sandbox = await createSandbox();
		const result = await sandbox.run([...command, '--json']);
		expect(result.code).toBe(2);
		const {error} = parseJson<{error: {kind: string; message: string}}>(result);
		expect(error.kind).toBe('no-connection');
		expect(error.message).toMatch(/--connection-string|--emulator/);
		expect(result.stderr).not.toMatch(stackTraceLine);
	});

	const longLabel = 'a'.repeat(65);
	it.each([
		[['user', 'create', '--emulator', '--label', longLabel]],
		[['user', 'rename', '--emulator', '--user', 'alice', '--label', longLabel]],
	])('a label the store refuses is a usage error, exit 2, like a label in use (%j)', async command => {
		const sandbox = await createSandbox();
		await sandbox.run(['user', 'create', '--emulator', '--label', 'alice', '--json']);
		const result = await sandbox.run([...command, '--json']);
		expect(result.code).toBe(2);
		const {error} = parseJson<{error: {kind: string; message: string}}>(result);
		expect(error.kind).toBe('usage');
		expect(error.message).toContain('use 1 to 64 characters');
		// Refused before the service was asked: no identity was created for it.
		const {identities} = parseJson<{identities: {label?: string}[]}>(await sandbox.run(['users', '--emulator', '--json']));
		expect(identities.map(identity => identity.label)).toEqual(['alice']);
	});

	it.each([[['users']], [['user', 'create', '--emulator']], [['profiles']]])('an empty --config-dir is a usage error, exit 2 (%j)', async command => {
		const sandbox = await createSandbox();
		const result = await sandbox.run([...command, '--config-dir', '', '--json']);
		expect(result.code).toBe(2);
		expect(parseJson<{error: {kind: string}}>(result).error.kind).toBe('usage');
		expect(result.stderr).not.toMatch(stackTraceLine);
	});

	it('a config file of a newer acs-tokens is kind local, exit 1, in every command that reads it, and is left as it is', async () => {
		const sandbox = await createSandbox();
		await sandbox.run(['user', 'create', '--emulator', '--json']);
		const {readFile, writeFile} = await import('node:fs/promises');
		const data = JSON.parse(await readFile(sandbox.configFile, 'utf8')) as {__internal__: {migrations: {version: string}}};
		data.__internal__.migrations.version = '99.0.0';
		const newer = JSON.stringify(data);
		await writeFile(sandbox.configFile, newer);
		for (const command of [['users'], ['user', 'rename', '--emulator', '--user', 'x', '--label', 'y'], ['token', 'issue', '--emulator', '--user', 'x', '--scopes', 'chat']]) {
			const result = await sandbox.run([...command, '--json']);
			expect([command, result.code]).toEqual([command, 1]);
			const {error} = parseJson<{error: {kind: string; message: string}}>(result);
			expect(error.kind).toBe('local');
			expect(error.message).toContain('newer than');
		}

		expect(await readFile(sandbox.configFile, 'utf8')).toBe(newer);
	});

	const commandsReadingTheStore = [['users'], ['user', 'rename', '--emulator', '--user', 'x', '--label', 'y'], ['token', 'issue', '--emulator', '--user', 'x', '--scopes', 'chat']];

	it.each(commandsReadingTheStore.map(command => [command]))('a config file the system will not read (a directory by its name) is kind local, exit 1, named with its path (%j)', async command => {
		const sandbox = await createSandbox();
		const {mkdir} = await import('node:fs/promises');
		await mkdir(sandbox.configFile);
		const result = await sandbox.run([...command, '--json']);
		expect(result.code).toBe(1);
		const {error} = parseJson<{error: {kind: string; message: string}}>(result);
		expect(error).toEqual({kind: 'local', message: expect.stringContaining(`Cannot read or write ${sandbox.configFile} (EISDIR).`)});
		expect(error.message).toContain('--config-dir');
		expect(result.stderr).not.toMatch(stackTraceLine);
	});

	it.runIf(process.platform === 'linux')('a config directory where the lock cannot be made is kind local, exit 1, naming the lock', async () => {
		const sandbox = await createSandbox();
		// /proc/self exists, and nothing can be made in it, even by root.
		const result = await sandbox.run(['users', '--config-dir', '/proc/self', '--json']);
		expect(result.code).toBe(1);
		const {error} = parseJson<{error: {kind: string; message: string}}>(result);
		expect(error).toEqual({kind: 'local', message: expect.stringContaining('Cannot read or write /proc/self/config.json.lock (ENOENT).')});
		expect(result.stderr).not.toMatch(stackTraceLine);
	});

	it('a .env the system will not read is kind local, exit 1, named with its path, in English and in Traditional Chinese', async () => {
		const sandbox = await createSandbox();
		const {mkdir} = await import('node:fs/promises');
		const path = await import('node:path');
		await mkdir(path.join(sandbox.cwd, '.env'));
		const english = await sandbox.run(['token', 'issue', '--user', '8:acs:x', '--scopes', 'chat', '--json']);
		expect(english.code).toBe(1);
		const {error} = parseJson<{error: {kind: string; message: string}}>(english);
		expect(error.kind).toBe('local');
		expect(error.message).toMatch(/^Could not read .*\.env \(EISDIR\), where acs-tokens looks for a connection string\. .*--connection-string -/);
		expect(english.stderr).not.toMatch(stackTraceLine);
		const chinese = await sandbox.run(['token', 'issue', '--user', '8:acs:x', '--scopes', 'chat'], {env: {LANG: 'zh_TW.UTF-8'}});
		expect(chinese.code).toBe(1);
		expect(chinese.stderr).toMatch(/無法讀取 .*\.env（EISDIR），acs-tokens 會在其中尋找連接字串。/);
		expect(chinese.stderr).not.toMatch(stackTraceLine);
	});

	it('an emulator --host that is not an address of this machine is a usage error, exit 2, saying what to pass', async () => {
		const sandbox = await createSandbox();
		// 192.0.2.1 is TEST-NET-1 (RFC 5737): never an address of this machine; binding to it sends nothing.
		const result = await sandbox.run(['emulator', '--in-memory', '--host', '192.0.2.1', '--port', '0']);
		expect(result.code).toBe(2);
		expect(result.stderr).toContain('--host 192.0.2.1 is not an address of this machine. Pass one of its addresses, such as 127.0.0.1');
		expect(result.stderr).not.toMatch(stackTraceLine);
	});

	it('the emulator\'s profile exists before it is saved, in every command: --profile emulator is --emulator', async () => {
		const sandbox = await createSandbox();
		const listed = await sandbox.run(['users', '--profile', 'emulator', '--json']);
		expect([listed.code, parseJson(listed)]).toEqual([0, {identities: []}]);
		for (const command of [
			['user', 'rename', '--profile', 'emulator', '--user', 'x', '--label', 'y'],
			['user', 'forget', '--emulator', '--user', 'x', '--yes'],
		]) {
			const result = await sandbox.run([...command, '--json']);
			expect([command, result.code, parseJson<{error: unknown}>(result).error]).toEqual([
				command,
				2,
				{kind: 'usage', message: 'No identity "x" in the local store for profile emulator. Run "acs-tokens users" to see them.'},
			]);
		}

		const created = await sandbox.run(['user', 'create', '--profile', 'emulator', '--label', 'dana', '--json']);
		expect(created.code, created.stderr).toBe(0);
		const {identities} = parseJson<{identities: {profile: string; label?: string}[]}>(await sandbox.run(['users', '--emulator', '--json']));
		expect(identities.map(identity => [identity.profile, identity.label])).toEqual([['emulator', 'dana']]);
	});

	const guid = '00000000-0000-4000-8000-000000000001';
	const commandsReadingATokenFromStdin = [
		['token', 'exchange'],
		['token', 'teams', '--app-id', guid, '--user-id', guid],
		['token', 'verify', '-'],
	];

	it.each(commandsReadingATokenFromStdin.map(command => [command]))('a token on stdin and --connection-string - as well is refused before either is read (%j)', async command => {
		const sandbox = await createSandbox();
		const result = await sandbox.run([...command, '--connection-string', '-', '--json'], {input: 'eyJtoken\nendpoint=https://x.communication.azure.com/;accesskey=AA==\n'});
		expect(result.code).toBe(2);
		expect(parseJson<{error: {kind: string; message: string}}>(result).error).toEqual({
			kind: 'usage',
			message: expect.stringMatching(/^This command reads the token from stdin, so --connection-string - cannot read it too\./),
		});
	});

	it.each(commandsReadingATokenFromStdin.map(command => [command]))('a profile that does not exist is said before a token is read from stdin (%j)', async command => {
		const sandbox = await createSandbox();
		const result = await sandbox.run([...command, '--profile', 'nope', '--json'], {input: ''});
		expect(result.code).toBe(2);
		expect(parseJson<{error: {kind: string; message: string}}>(result).error.message).toMatch(/^There is no profile "nope"\./);
	});

	const lateBug = new URL('../_helpers/late-bug.mjs', import.meta.url).pathname;
	it.each([['exception'], ['rejection']])('a bug that surfaces outside the command (a late %s) is exit 70, said as a bug, with its trace', async late => {
		const sandbox = await createSandbox();
		// A command that would run until stopped: the bug, not the command, ends it.
		const result = await sandbox.run(['emulator', '--in-memory', '--http', '--port', '0'], {env: {NODE_OPTIONS: `--import=${lateBug}`, LATE_BUG: late}});
		expect(result.code).toBe(70);
		expect(result.stderr).toMatch(new RegExp(`acs-tokens: unexpected error \\(a bug; please report it\\):\\nError: a late ${late}\\n +at `));
	});

	it.runIf(process.platform === 'linux')('a config or cache directory that cannot be made under /proc is refused at once (Node\'s recursive mkdir loops for ever there)', async () => {
		const sandbox = await createSandbox();
		const refused = await sandbox.run(['users', '--config-dir', '/proc/nope', '--json'], {timeoutMs: 10_000});
		expect([refused.code, parseJson<{error: unknown}>(refused).error]).toEqual([
			1,
			{kind: 'local', message: 'Cannot use /proc/nope as the config directory (ENOENT). Choose a writable directory with --config-dir or ACS_TOKENS_CONFIG_DIR.'},
		]);
		// The compile cache is only an aid: with no directory for it, the command runs uncached.
		const uncached = await sandbox.run(['users', '--json'], {env: {ACS_TOKENS_CACHE_DIR: '/proc/nope'}, timeoutMs: 10_000});
		expect([uncached.code, parseJson(uncached)]).toEqual([0, {identities: []}]);
	});

	it.each([
		[['user', 'create', '--emulator', '--profile', 'nope']],
		[['users', '--emulator', '--profile', 'nope']],
		[['user', 'rename', '--emulator', '--profile', 'nope', '--user', 'x', '--label', 'y']],
		[['token', 'issue', '--profile', 'nope', '--connection-string', '-', '--user', 'x', '--scopes', 'chat']],
	])('two flags that name a connection are a usage error, not a silent choice (%j)', async command => {
		const sandbox = await createSandbox();
		const result = await sandbox.run([...command, '--json'], {input: ''});
		expect(result.code).toBe(2);
		expect(parseJson<{error: {kind: string; message: string}}>(result).error).toEqual({
			kind: 'usage',
			message: expect.stringMatching(/^--[\w-]+ and --[\w-]+ each name a connection: give only one of them\.$/),
		});
		// Nothing was created under the flag that would have won.
		expect(parseJson(await sandbox.run(['users', '--json']))).toEqual({identities: []});
	});
});
