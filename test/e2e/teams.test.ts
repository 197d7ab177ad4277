import {describe, expect, test} from 'vitest';
import {cliPath, createSandbox, temporaryDirectory} from '../_helpers/cli.js';
import {keys, TerminalSession} from '../_helpers/pty-terminal.js';

/**
 * The built binary in a pty (80×24) on the embedded emulator: the Teams user token flow with a
 * simulated Teams user, from the menu to the token view, checked live, with the exchange shown.
 */

const appId = '5b8f6a3e-2c1d-4e7f-9a0b-1c2d3e4f5a6b';

describe('the Teams user token flow in the binary', () => {
	test('a simulated Teams user on the emulator ends in the token view, valid', async () => {
		const sandbox = await createSandbox();
		const cache = await temporaryDirectory('acs-tokens-e2e-cache-');
		const session = TerminalSession.spawn(process.execPath, {
			args: [cliPath, '--emulator'],
			cwd: sandbox.cwd,
			env: {
				ACS_TOKENS_CONFIG_DIR: sandbox.configDirectory,
				ACS_TOKENS_CACHE_DIR: cache,
				ACS_TOKENS_EMULATOR_PORT: '0',
				HOME: sandbox.cwd,
				XDG_CONFIG_HOME: `${sandbox.cwd}/.config`,
			},
		});
		await session.waitFor('What next?');
		await session.press('j', '❯ Manage identities');
		await session.press('j', '❯ Teams user token (Custom Teams Endpoint)');
		let screen = await session.press(keys.enter, 'Your Entra ID app (client) id:');
		expect(screen).toContain('getTokenForTeamsUser');
		session.process.write(appId);
		await session.waitFor('Enter goes on.');
		screen = await session.press(keys.enter, '❯ Simulated Teams user');
		screen = await session.press(keys.enter, /Access token: eyJ\w+•••/);
		screen = await session.waitFor('Status: valid');
		const joined = screen.split('\n').map(line => line.trim()).join(' ');
		expect(joined).toMatch(/The ACS token of the Teams user [0-9a-f-]{36} \(simulated\)/);
		expect(screen).toContain('/teamsUser/:exchangeAccessToken');
		screen = await session.press('i', 'Claims of the access token');
		expect(screen.split('\n').map(line => line.trim()).join('')).toContain('orgid:');
		await session.press(keys.escape, 'Access token:');
		await session.press(keys.escape, 'What next?');
		session.process.write('q');
		expect((await session.exit()).exitCode).toBe(0);
	}, 90_000);
});
