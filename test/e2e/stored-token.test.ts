import {describe, expect, test} from 'vitest';
import {cliPath, createSandbox, parseJson, type Sandbox, temporaryDirectory} from '../_helpers/cli.js';
import {keys, TerminalSession} from '../_helpers/pty-terminal.js';

/**
 * The built binary in a pty: with `settings --store-tokens on` the store keeps an issued token,
 * and the manager opens it again in the token view, checked live against the emulator.
 */

function openWizard(sandbox: Sandbox, cache: string) {
	return TerminalSession.spawn(process.execPath, {
		args: [cliPath, '--emulator'],
		cwd: sandbox.cwd,
		env: {
			ACS_TOKENS_CONFIG_DIR: sandbox.configDirectory,
			ACS_TOKENS_CACHE_DIR: cache,
			HOME: sandbox.cwd,
			XDG_CONFIG_HOME: `${sandbox.cwd}/.config`,
		},
	});
}

const joined = (screen: string) =>
	screen
		.split('\n')
		.map(line => line.trimEnd())
		.join('');

describe('a stored token in the manager', () => {
	test('is offered, shown masked, revealed, its claims shown, and checked live; an identity without one is not offered it', async () => {
		const sandbox = await createSandbox();
		const cache = await temporaryDirectory('acs-tokens-e2e-cache-');
		const on = await sandbox.run(['settings', '--store-tokens', 'on']);
		expect(on.code, on.stderr).toBe(0);
		const created = await sandbox.run(['user', 'create', '--emulator', '--label', 'alice', '--scopes', 'chat', '--json']);
		expect(created.code, created.stderr).toBe(0);
		const alice = parseJson<{id: string; token: string}>(created);
		const bare = await sandbox.run(['user', 'create', '--emulator', '--label', 'carol']);
		expect(bare.code, bare.stderr).toBe(0);

		const session = openWizard(sandbox, cache);
		await session.waitFor('What next?');
		await session.press('j', '❯ Manage identities (2 stored)');
		await session.press(keys.enter, 'Identities of emulator');
		let screen = await session.press(keys.enter, 'Rename (local label)');
		expect(screen).toMatch(/^carol/m);
		expect(screen).not.toContain('View the stored token');
		await session.press(keys.escape, 'Identities of emulator');
		await session.press('j', /❯ alice/);
		screen = await session.press(keys.enter, '❯ View the stored token');

		screen = await session.press(keys.enter, /Access token: eyJ\w+•••/);
		expect(joined(screen)).not.toContain(alice.token);
		await session.waitFor('Status: valid');
		screen = await session.press('v', next => joined(next).includes(alice.token));
		screen = await session.press('i', 'Claims of the access token');
		expect(screen).toMatch(/^Validity +valid$/m);
		// The id wraps under its column: read without the indentation.
		expect(screen.split('\n').map(line => line.trim()).join('')).toContain(alice.id);
		await session.press(keys.escape, 'Access token:');
		await session.press(keys.escape, '❯ View the stored token');

		// Revoked from elsewhere: the live check says so, and the store drops the token it kept.
		const revoked = await sandbox.run(['token', 'revoke', '--emulator', '--user', 'alice', '--yes']);
		expect(revoked.code, revoked.stderr).toBe(0);
		await session.press(keys.enter, /Access token: eyJ\w+•••/);
		await session.waitFor('Status: REVOKED');
		screen = await session.press(keys.escape, '❯ Issue a new token');
		expect(screen).not.toContain('View the stored token');
		// Quit, and wait, before the file's directories are removed.
		session.process.write('q');
		expect((await session.exit()).exitCode).toBe(0);
	}, 90_000);
});
