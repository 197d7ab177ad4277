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
});
