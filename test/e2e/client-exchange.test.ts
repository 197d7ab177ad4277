import {afterAll, beforeAll, describe, expect, test} from 'vitest';
import {cliPath, createSandbox, type EmulatorProcess, type Sandbox, stackTraceLine, startEmulatorProcess} from '../_helpers/cli.js';
import {keys, TerminalSession} from '../_helpers/pty-terminal.js';

/**
 * The built binary in a pty (80×24): `acs-tokens emulator --allow-entra` on the sandbox's config
 * directory, and the wizard's --emulator on the same directory, which shares it through its
 * lock (https, its CA trusted). The menu's client app exchange: assign the simulated Entra ID
 * user, exchange its token with the real credential, and the token view, valid, with the exchange.
 */

const standInOid = '00000000-0000-4000-8000-0000000c1e47';
let sandbox: Sandbox;
let emulator: EmulatorProcess;

beforeAll(async () => {
	sandbox = await createSandbox();
	emulator = await startEmulatorProcess(['--allow-entra', '--port', '0'], {ACS_TOKENS_CONFIG_DIR: sandbox.configDirectory});
}, 60_000);

afterAll(async () => {
	await emulator?.stop();
});

const joined = (screen: string) => screen.split('\n').map(line => line.trim()).join(' ');

describe('the client app exchange in the binary', () => {
	test('assigns the simulated Entra ID user, exchanges, and ends in the token view, valid', async () => {
		const session = TerminalSession.spawn(process.execPath, {
			args: [cliPath, '--emulator'],
			cwd: sandbox.cwd,
			env: {ACS_TOKENS_CONFIG_DIR: sandbox.configDirectory, HOME: sandbox.cwd, XDG_CONFIG_HOME: `${sandbox.cwd}/.config`},
		});
		try {
			let screen = await session.waitFor('What next?');
			expect(screen).toContain(emulator.endpoint);
			await session.press('j', '❯ Manage identities');
			await session.press('j', '❯ Teams user token');
			await session.press('j', '❯ Entra ID user token (client app exchange)');
			screen = await session.press(keys.enter, 'AzureCommunicationTokenCredential');
			expect(screen).not.toContain('plain http://');
			await session.press('j', '❯ Assignments: who may exchange');
			await session.press(keys.enter, 'No assignments yet');
			screen = await session.press(keys.enter, 'Filled in for the simulated user');
			expect(screen).toContain(standInOid);
			await session.press(keys.enter, /❯ Type:/);
			await session.press(keys.enter, /❯ Tenant id:/);
			screen = await session.press(keys.enter, `user ${standInOid}`);
			await session.press('j', '❯ + Assign');
			await session.press('j', '❯ Exchange a token now');
			await session.press(keys.enter, '❯ Simulated Entra ID user');
			screen = await session.press(keys.enter, /Access token: eyJ\w+•••/, 20_000);
			screen = await session.waitFor('Status: valid');
			expect(joined(screen)).toMatch(/The ACS token of 8:acs:/);
			expect(joined(screen)).toContain('(the simulated Entra ID user)');
			expect(screen).toContain('/access/entra/:exchangeAccessToken');
			expect(screen.split('\n').length).toBeLessThanOrEqual(24);
			// The whole frame fits: the header is still on the first row (a frame too tall scrolls it away).
			expect(screen.split('\n')[0]).toMatch(/^acs-tokens /);
			expect(screen).not.toMatch(stackTraceLine);
			screen = await session.press('i', 'Claims of the access token');
			expect(joined(screen)).toMatch(/Validity +valid/);
			await session.press(keys.escape, 'Access token:');
			session.process.write('q');
			expect((await session.exit()).exitCode).toBe(0);
		} finally {
			session.kill();
		}
	}, 90_000);
});
