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
});
