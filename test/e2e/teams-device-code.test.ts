import {afterAll, beforeAll, describe, expect, test} from 'vitest';
import {cliPath, createSandbox, temporaryDirectory} from '../_helpers/cli.js';
import {type FakeAuthority, fakeUserCode, startFakeAuthority} from '../_helpers/fake-authority.js';
import {keys, TerminalSession} from '../_helpers/pty-terminal.js';

/**
 * The Teams user flow's real sign-in, in the built binary: MSAL's device code flow itself runs
 * against a local Entra authority on loopback (https, its CA trusted with NODE_EXTRA_CA_CERTS),
 * the wizard shows the page and the code, waits while the authority says "pending", then
 * exchanges the Teams user's token on the embedded emulator and ends in the token view.
 */

const appId = '6c9f7b4e-3d2e-4f80-8b1c-2d3e4f5a6b7c';
let authority: FakeAuthority;

beforeAll(async () => {
	authority = await startFakeAuthority(await temporaryDirectory('acs-tokens-authority-'), {kind: 'signs-in', pending: 3}, {interval: 1});
});

afterAll(async () => {
	await authority?.close();
});

describe('signing a Teams user in with a device code, in the binary', () => {
	test('shows the page and the code, waits for the sign-in, then the ACS token of that Teams user', async () => {
		const sandbox = await createSandbox();
		const session = TerminalSession.spawn(process.execPath, {
			args: [cliPath, '--emulator'],
			cwd: sandbox.cwd,
			env: {
				ACS_TOKENS_CONFIG_DIR: sandbox.configDirectory,
				ACS_TOKENS_CACHE_DIR: await temporaryDirectory('acs-tokens-e2e-cache-'),
				ACS_TOKENS_ENTRA_AUTHORITY: authority.authority,
				NODE_EXTRA_CA_CERTS: authority.caPath,
				HOME: sandbox.cwd,
			},
		});
		await session.waitFor('What next?');
		await session.press('j', '❯ Manage identities');
		await session.press('j', '❯ Teams user token (Custom Teams Endpoint)');
		await session.press(keys.enter, 'Your Entra ID app (client) id:');
		session.process.write(appId);
		await session.waitFor('Enter goes on.');
		await session.press(keys.enter, '❯ Simulated Teams user');
		await session.press(keys.down, '❯ Sign a real Teams user in with a device code');
		// The code to type at the page, while MSAL polls and the authority answers "pending".
		let screen = await session.press(keys.enter, fakeUserCode, 20_000);
		expect(screen.replaceAll('\n', '')).toContain('/devicelogin');
		screen = await session.waitFor('Status: valid', 30_000);
		const joined = screen.split('\n').map(line => line.trim()).join(' ');
		expect(joined).toContain(`The ACS token of the Teams user ${authority.userId}`);
		expect(joined).not.toContain('(simulated)');
		expect(screen).toContain('/teamsUser/:exchangeAccessToken');
		// MSAL asked for the Custom Teams Endpoint scopes, as the app whose id was typed.
		const [form] = authority.deviceCodeForms;
		expect(form?.get('client_id')).toBe(appId);
		expect(form?.get('scope')).toContain('https://auth.msft.communication.azure.com/Teams.ManageCalls');
		expect(form?.get('scope')).toContain('https://auth.msft.communication.azure.com/Teams.ManageChats');
		session.process.write('q');
		expect((await session.exit()).exitCode).toBe(0);
	}, 90_000);

	test('in presenter mode the code is shown with a warning that whoever enters it first signs in', async () => {
		const own = await startFakeAuthority(await temporaryDirectory('acs-tokens-authority-'), {kind: 'signs-in', pending: 5}, {interval: 1});
		const sandbox = await createSandbox();
		const session = TerminalSession.spawn(process.execPath, {
			args: [cliPath, '--emulator', '--present'],
			cwd: sandbox.cwd,
			env: {
				ACS_TOKENS_CONFIG_DIR: sandbox.configDirectory,
				ACS_TOKENS_ENTRA_AUTHORITY: own.authority,
				NODE_EXTRA_CA_CERTS: own.caPath,
				HOME: sandbox.cwd,
			},
		});
		try {
			await session.waitFor('What next?');
			await session.press('j', '❯ Manage identities');
			await session.press('j', '❯ Teams user token (Custom Teams Endpoint)');
			await session.press(keys.enter, 'Your Entra ID app (client) id:');
			session.process.write(appId);
			await session.waitFor('Enter goes on.');
			await session.press(keys.enter, '❯ Simulated Teams user');
			await session.press(keys.down, '❯ Sign a real Teams user in with a device code');
			const screen = await session.press(keys.enter, fakeUserCode, 20_000);
			expect(screen.replaceAll('\n', ' ')).toMatch(/whoever enters it\s+first signs in/);
			await session.waitFor('Status: valid', 30_000);
			session.process.write('q');
			expect((await session.exit()).exitCode).toBe(0);
		} finally {
			await own.close();
		}
	}, 90_000);
});
