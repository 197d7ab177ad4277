import path from 'node:path';
import {afterAll, beforeAll, describe, expect, test} from 'vitest';
import {cliPath, createSandbox, type EmulatorProcess, parseJson, type Sandbox, stackTraceLine, startEmulatorProcess, temporaryDirectory} from '../_helpers/cli.js';
import {keys, TerminalSession} from '../_helpers/pty-terminal.js';

/**
 * The built binary in a real pseudo-terminal (80×24), keyless: `acs-tokens emulator --allow-entra`
 * on the sandbox's config directory (its lock names it, so its CA is trusted), the stand-in az on
 * PATH and AZURE_TOKEN_CREDENTIALS=AzureCliCredential, as the README's offline recipe has it.
 */

let sandbox: Sandbox;
let emulator: EmulatorProcess;
let entraEnv: Record<string, string>;

beforeAll(async () => {
	sandbox = await createSandbox();
	emulator = await startEmulatorProcess(['--allow-entra', '--port', '0'], {ACS_TOKENS_CONFIG_DIR: sandbox.configDirectory});
	const cacheDirectory = await temporaryDirectory('acs-tokens-cache-');
	const written = await sandbox.run(['emulator', 'stand-in-az', '--path'], {env: {ACS_TOKENS_CACHE_DIR: cacheDirectory}});
	expect(written.code, written.stderr).toBe(0);
	entraEnv = {
		PATH: `${written.stdout.trim()}${path.delimiter}${process.env['PATH'] ?? ''}`,
		AZURE_TOKEN_CREDENTIALS: 'AzureCliCredential',
		ACS_TOKENS_CACHE_DIR: cacheDirectory,
	};
}, 60_000);

afterAll(async () => {
	await emulator?.stop();
});

/** The screen's rows as drawn: nothing pushed off the top of 24 rows (the header first, the footer last). */
function expectWholeScreen(screen: string) {
	const rows = screen.split('\n');
	expect(rows[0]).toContain(`acs-tokens 127.0.0.1-`);
	expect(screen).toMatch(/q quit/);
	expect(screen).not.toMatch(stackTraceLine);
}

describe('Microsoft Entra ID in the wizard, in a real terminal', () => {
	test('signs in through the stand-in az, creates a user and issues a token in the tour, saying who signed in', async () => {
		const session = TerminalSession.spawn('node', {
			args: [cliPath],
			cwd: sandbox.cwd,
			env: {ACS_TOKENS_CONFIG_DIR: sandbox.configDirectory, HOME: sandbox.cwd, XDG_CONFIG_HOME: `${sandbox.cwd}/.config`, ...entraEnv},
		});
		try {
			await session.waitFor('Sign in with Microsoft Entra ID…');
			await session.press(keys.down, '❯ Sign in with Microsoft Entra ID…');
			await session.press(keys.enter, 'https://<resource>.communication.azure.com/');
			await session.type(emulator.endpoint);
			await session.waitFor(`Looks right: ${emulator.endpoint}`);
			await session.press(keys.enter, 'The tenant to sign in to');
			let screen = await session.press(keys.enter, 'What next?');
			expect(screen).toContain('Microsoft Entra ID (sign-in on the first request)');

			screen = await session.press(keys.enter, 'Step 1 of 6');
			expect(screen).toContain('new DefaultAzureCredential()');
			expectWholeScreen(screen);
			await session.press(keys.enter, 'Step 2 of 6');
			screen = await session.press(keys.enter, shown => shown.includes('Created') && shown.includes('Signed in as learner@contoso.example'), 20_000);
			expect(screen.split('\n')[1]).toBe('Signed in as learner@contoso.example (tenant 00000000…) through the Azure CLI');
			expect(screen).toContain('Created');
			expectWholeScreen(screen);

			await session.press(keys.enter, 'Step 3 of 6');
			await session.press(keys.enter, 'How long the token lives');
			screen = await session.press(keys.enter, 'Access token', 20_000);
			expect(screen).toContain('Step 4 of 6');
			expect(screen).toContain('Signed in as learner@contoso.example');
			expect(screen).not.toMatch(/eyJ[\w-]{20,}\.eyJ[\w-]{20,}\.[\w-]{20,}/);
			expectWholeScreen(screen);
			session.process.write('q');
			expect((await session.exit()).exitCode).toBe(0);
		} finally {
			session.kill();
		}

		// The store has the identity and its token under the keyless profile, and no key.
		const listed = await sandbox.run(['users', '--json'], {env: entraEnv});
		expect(listed.code, listed.stderr).toBe(0);
		const [identity] = parseJson<{identities: {id: string; lastToken?: {scopes: string[]}}[]}>(listed).identities;
		expect(identity?.id).toMatch(/^8:acs:/);
		expect(identity?.lastToken?.scopes).toEqual(['chat', 'voip']);
		const profiles = parseJson<{profiles: {keySource: {kind: string}}[]}>(await sandbox.run(['profiles', '--json']));
		expect(profiles.profiles.map(profile => profile.keySource.kind)).toEqual(['entra']);
	}, 90_000);
});
