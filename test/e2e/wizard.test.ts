import {execFile} from 'node:child_process';
import {readdir, readFile, stat, writeFile} from 'node:fs/promises';
import {createServer, type IncomingMessage, type Server} from 'node:http';
import type {AddressInfo} from 'node:net';
import {promisify} from 'node:util';
import {afterAll, describe, expect, test} from 'vitest';
import {cliPath, createSandbox, parseJson, type Sandbox, stackTraceLine, temporaryDirectory} from '../_helpers/cli.js';
import {keys, TerminalSession} from '../_helpers/pty-terminal.js';
import {exitMarker, openWizardTerminal, type WizardTerminalOptions} from '../_helpers/wizard-terminal.js';

/**
 * The built binary in a real pseudo-terminal (80×24, xterm-256color) against the embedded
 * emulator, driven by keys as a person would, reading the emulated screen after each.
 */

type Users = {identities: {id: string; label?: string; state: string; lastToken?: {scopes: string[]}; revokedAt?: string; deletedAt?: string}[]};

const sttyDone = '[stty done]';
/** A complete JWT, as only a revealed token shows it; masked ones end in •••. */
const fullToken = /eyJ[\w-]{20,}\.eyJ[\w-]{20,}\.[\w-]{20,}/;
const connectFooter = /q quit/;
const esc = '\u001B';

/**
 * One code cache for the file's wizards, as on a person's machine: the first start writes it,
 * the others run the UI from it (the code cache test uses a directory of its own).
 */
const sharedCacheDirectory = await temporaryDirectory('acs-tokens-e2e-cache-');

/**
 * `acs-tokens ARGS` under bash in the pty, so that after it exits the same terminal reports
 * its exit code and its modes (`stty -a`): proof that raw mode and echo were given back.
 */
function openWizard(sandbox: Sandbox, options: Omit<WizardTerminalOptions, 'cacheDirectory' | 'after'> = {}) {
	return openWizardTerminal(sandbox, {...options, cacheDirectory: sharedCacheDirectory, after: `stty -a; echo "${sttyDone}"`});
}

/** Waits for the wizard to end and the shell to report; returns its exit code and checks the terminal. */
async function expectCleanExit(session: TerminalSession, {bug = false} = {}): Promise<number> {
	await session.waitForOutput(sttyDone, 20_000);
	await session.exit();
	const code = Number(exitMarker.exec(session.raw)?.[1]);
	const afterExit = session.raw.slice(session.raw.search(exitMarker));
	// The tty's line discipline is back: canonical input and echo (Ink had turned both off).
	expect(afterExit).toMatch(/(?:^|\s)icanon(?:\s|$)/m);
	expect(afterExit).toMatch(/(?:^|\s)echo(?:\s|$)/m);
	expect(afterExit).not.toMatch(/(?:^|\s)-(?:icanon|echo)(?:\s|$)/m);
	// The cursor was shown again after the last time it was hidden (TERM=dumb: never hidden).
	const wizardOutput = session.raw.slice(0, session.raw.search(exitMarker));
	const hidden = wizardOutput.lastIndexOf('\u001B[?25l');
	if (hidden !== -1) {
		expect(wizardOutput.lastIndexOf('\u001B[?25h')).toBeGreaterThan(hidden);
	}
	expect(session.terminal.modes.bracketedPasteMode).toBe(false);
	expect(session.terminal.modes.mouseTrackingMode).toBe('none');
	// No stack trace reached the screen, but a bug's, which asks to be reported with it.
	if (!bug) {
		expect(session.screen()).not.toMatch(stackTraceLine);
	}

	return code;
}

async function users(sandbox: Sandbox): Promise<Users> {
	const result = await sandbox.run(['users', '--json']);
	expect(result.code, result.stderr).toBe(0);
	return parseJson<Users>(result);
}

/** From the connect screen to the menu, on the embedded emulator. */
async function connectToEmulator(session: TerminalSession): Promise<void> {
	await session.waitFor('❯ Local emulator (offline, no Azure account)');
	await session.press(keys.enter, 'What next?');
}

/** From the menu, the tour's first three steps with the defaults, to the token on screen. */
async function tourToToken(session: TerminalSession): Promise<string> {
	await session.press(keys.enter, 'Step 1 of 6');
	await session.press(keys.enter, 'Step 2 of 6');
	await session.press(keys.enter, /Created\s+8:acs:/);
	await session.press(keys.enter, 'Step 3 of 6');
	await session.press(keys.enter, 'How long the token lives');
	await session.press(keys.enter, /Access token: eyJ\w+•••/);
	return session.waitFor('Status: valid');
}

/** Every SGR sequence that sets a colour (foreground, background, bright, 256 or true colour). */
function colourSequences(raw: string): string[] {
	const found: string[] = [];
	for (const match of raw.matchAll(new RegExp(`${esc}\\[([\\d;]*)m`, 'g'))) {
		const parameters = (match[1] ?? '').split(';').map(Number);
		if (parameters.some(value => (value >= 30 && value <= 49) || (value >= 90 && value <= 107))) {
			found.push(JSON.stringify(match[0]));
		}
	}

	return found;
}

function countLines(screen: string, pattern: RegExp): number {
	return screen.split('\n').filter(line => pattern.test(line)).length;
}

describe('keys that arrive together, in one write', () => {
	test('a burst of ↓ and Enter chooses the item the ↓ moved to, not the one before it', async () => {
		const sandbox = await createSandbox();
		const session = openWizard(sandbox);
		await session.waitFor('❯ Local emulator (offline, no Azure account)');
		// Both keys in one write, as a fast typist, key repeat or a paste sends them.
		// The second choice is Entra ID sign-in, which asks for the endpoint.
		const screen = await session.press(`${keys.down}${keys.enter}`, 'No key: each request carries a token');
		expect(screen).not.toContain('What next?');
		await session.press(keys.ctrlC, exitMarker);
		expect(await expectCleanExit(session)).toBe(0);
	}, 30_000);

	test('a burst of ↓ ↓ ↑ Enter in the menu opens what the last key pointed at', async () => {
		const sandbox = await createSandbox();
		const session = openWizard(sandbox);
		await connectToEmulator(session);
		const screen = await session.press(`${keys.down}${keys.down}${keys.up}${keys.enter}`, /No identities yet for this connection|Step 1 of 6|Connect to Azure/);
		expect(screen).toContain('No identities yet for this connection');
		await session.press(keys.ctrlC, exitMarker);
		expect(await expectCleanExit(session)).toBe(0);
	}, 30_000);

	test('plain keys of one write, j then Enter, and Enter twice, each act on the screen the key before left', async () => {
		const sandbox = await createSandbox();
		const session = openWizard(sandbox);
		await connectToEmulator(session);
		// Ink gives these over as one string ("j\r"): j moves to Manage identities, Enter opens it.
		let screen = await session.press(`j${keys.enter}`, /No identities yet for this connection|Step 1 of 6/);
		expect(screen).toContain('No identities yet for this connection');
		await session.press(keys.escape, 'What next?');
		// Enter opens the tour's first step; the second Enter is that step's, and goes on to the next.
		screen = await session.press(`${keys.enter}${keys.enter}`, 'Step 2 of 6');
		expect(screen).toContain('Press Enter to create the user.');
		await session.press(keys.ctrlC, exitMarker);
		expect(await expectCleanExit(session)).toBe(0);
	}, 30_000);
});

describe('the embedded emulator runs in a thread of its own', () => {
	test('when that thread dies, the wizard lives on, says so, and goes on with it started again on the same port and data', async () => {
		const sandbox = await createSandbox();
		// The first emulator thread ends, as a crash would, once it has answered one request.
		const session = openWizard(sandbox, {env: {ACS_TOKENS_FAULT_EMULATOR_EXIT_AFTER: '1'}});
		await connectToEmulator(session);
		const endpoint = /http:\/\/127\.0\.0\.1:\d+\//.exec(session.screen())?.[0] ?? '';
		await session.press(keys.enter, 'Step 1 of 6');
		await session.press(keys.enter, 'Step 2 of 6');
		let screen = await session.press(keys.enter, /started\s+again at/);
		expect(screen.replaceAll('\n', ' ')).toMatch(/The embedded emulator stopped \(its thread exited with code 3\) and was started\s+again at/);
		expect(screen.replaceAll('\n', '')).toContain(endpoint);
		// The identity made before the crash gets its token from the emulator started again.
		await session.press(keys.enter, 'Step 3 of 6');
		await session.press(keys.enter, 'How long the token lives');
		screen = await session.press(keys.enter, 'Status: valid');
		expect(screen.split('\n')[0]).toContain(endpoint);
		await session.press('q', exitMarker);
		expect(await expectCleanExit(session)).toBe(0);
		const [identity] = (await users(sandbox)).identities;
		expect(identity?.lastToken?.scopes).toEqual(['chat', 'voip']);
	}, 60_000);
});

describe('the guided tour, in a real terminal', () => {
	test('connects to the emulator, walks the six steps, quits cleanly and leaves the identity in the store', async () => {
		const sandbox = await createSandbox();
		const session = openWizard(sandbox);
		let screen = await session.waitFor(connectFooter);
		expect(screen).toContain('Connect to Azure Communication Services');
		expect(screen.split('\n')[0]).toMatch(/^acs-tokens not connected/);

		await connectToEmulator(session);
		screen = session.screen();
		expect(screen).toMatch(/^acs-tokens emulator · http:\/\/127\.0\.0\.1:\d+\//);
		expect(screen).toContain('❯ Guided tour');

		screen = await session.press(keys.enter, 'Step 1 of 6: Connect');
		expect(screen).toContain('● ○ ○ ○ ○ ○');
		expect(screen).toContain('new CommunicationIdentityClient(');
		// The embedded emulator is plain http://: the code shown says what the SDK needs for it.
		expect(screen).toContain('{allowInsecureConnection: true}); // http:// on this machine only');
		// t switches the SDK code to Python, and back.
		screen = await session.press('t', 'SDK code (Python)');
		expect(screen).toContain('CommunicationIdentityClient.from_connection_string(');
		await session.press('t', 'SDK code (TypeScript)');

		screen = await session.press(keys.enter, 'Step 2 of 6: Create user');
		expect(screen).toContain('● ● ○ ○ ○ ○');
		expect(screen).toContain('Press Enter to create the user.');
		expect(screen).toContain('No request yet in this step.');
		screen = await session.press(keys.enter, /Created\s+8:acs:/);
		expect(screen).toMatch(/POST \/identities\?api-version=/);
		expect(screen).toMatch(/← 201/);

		screen = await session.press(keys.enter, 'Step 3 of 6: Choose scopes');
		expect(screen).toContain('❯ [x] chat');
		expect(screen).toContain('[x] voip');
		// Space toggles; with none chosen the step says so.
		await session.press(keys.space, '❯ [ ] chat');
		await session.press('j', '❯ [x] voip');
		screen = await session.press(keys.space, '❯ [ ] voip');
		expect(screen).toContain('Choose at least one scope.');
		await session.press('k', '❯ [ ] chat');
		screen = await session.press(keys.space, '❯ [x] chat');
		expect(screen).toContain("['chat']");

		// The lifetime, with presets: one hour.
		screen = await session.press(keys.enter, 'How long the token lives');
		expect(screen).toContain('❯ 24 hours (1440 minutes)');
		while (!session.screen().includes('❯ 1 hour (60 minutes)')) {
			await session.press('k');
		}

		expect(session.screen()).toContain('tokenExpiresInMinutes: 60');

		screen = await session.press(keys.enter, /Access token: eyJ\w+•••/);
		expect(screen).toContain('Step 4 of 6: Issue token');
		expect(screen).toContain('● ● ● ● ○ ○');
		expect(screen).toMatch(/Scopes: chat · Expires: in (59m|1h 0m)/);
		expect(screen).not.toMatch(fullToken);
		screen = await session.waitFor('Status: valid');
		// v reveals the whole token; v again masks it.
		await session.press('v', screen => fullToken.test(screen.replaceAll('\n', '')));
		screen = await session.press('v', /Access token: eyJ\w+•••/);
		expect(screen.replaceAll('\n', '')).not.toMatch(fullToken);

		screen = await session.press(keys.enter, 'Step 5 of 6: Revoke tokens');
		expect(screen).toContain('Status: valid');
		// Revoked, and a new token issued just after: the emulator says the one revoked, the other valid.
		screen = await session.press(keys.enter, screen => /Revoked token: .*Status: REVOKED/.test(screen) && /New token: .*Status: valid/.test(screen));
		expect(screen).toContain('Revoked.');
		expect(screen).toMatch(/:revokeAccessTokens ← 204/);
		expect(screen).toMatch(/:issueAccessToken ← 200/);
		expect(screen).toMatch(/POST \/emulator\/tokens\/:verify ← 200/);
		expect(screen.replaceAll('\n', '')).not.toMatch(fullToken);

		// Step 6 shows both tokens, as step 5 left them; the delete ends the new one too.
		screen = await session.press(keys.enter, screen => screen.includes('Step 6 of 6: Delete user') && /New token: .*Status: valid/.test(screen));
		expect(screen).toContain('● ● ● ● ● ●');
		expect(screen).toMatch(/Revoked token: .*Status: REVOKED/);
		screen = await session.press(
			keys.enter,
			screen => /Revoked token: .*Status: INVALID: identity deleted/.test(screen) && /New token: .*Status: INVALID: identity deleted/.test(screen),
		);
		expect(screen).toContain('Deleted. Both tokens, the revoked one and the new one, are now invalid for good.');
		// The 204 has no body: its line is the status and the time.
		expect(screen).toMatch(/^│ ← 204 \(\d+ ms\) +│$/m);

		await session.press(keys.enter, 'That is the whole flow.');
		await session.press(keys.enter, 'What next?');
		await session.press('q', exitMarker);
		expect(await expectCleanExit(session)).toBe(0);

		const {identities} = await users(sandbox);
		expect(identities).toHaveLength(1);
		expect(identities[0]).toMatchObject({state: 'deleted', lastToken: {scopes: ['chat']}});
		expect(identities[0]?.revokedAt).toBeDefined();
		expect(identities[0]?.deletedAt).toBeDefined();
	}, 90_000);
});

describe('managing identities made in an earlier session', () => {
	test('issues, revokes, renames and forgets; the store shows it afterwards', async () => {
		const sandbox = await createSandbox();
		for (const args of [
			['user', 'create', '--emulator', '--label', 'alice', '--scopes', 'chat'],
			['user', 'create', '--emulator', '--label', 'carol'],
		]) {
			const created = await sandbox.run(args);
			expect(created.code, created.stderr).toBe(0);
		}

		const session = openWizard(sandbox);
		await connectToEmulator(session);
		await session.press('j', '❯ Manage identities (2 stored)');
		let screen = await session.press(keys.enter, 'Identities of emulator');
		expect(screen).toMatch(/❯ carol .* no token/);
		expect(screen).toMatch(/ {2}alice .* token valid/);

		screen = await session.press('j', /❯ alice/);
		screen = await session.press(keys.enter, '❯ Issue a new token');
		expect(screen).toMatch(/^alice \(8:acs:/m);
		expect(screen).toContain('Last token chat ·');

		// A new token, for voip only, for 2 hours.
		// Each of its screens says whose token it is.
		screen = await session.press(keys.enter, '❯ [x] chat');
		expect(screen).toContain('A new token for alice: what it may do.');
		await session.press(keys.space, '❯ [ ] chat');
		screen = await session.press(keys.enter, '❯ 24 hours');
		expect(screen).toContain('A new token for alice: how long it lives.');
		while (!session.screen().includes('❯ 2 hours')) {
			await session.press('k');
		}

		screen = await session.press(keys.enter, /Access token: eyJ\w+•••/);
		expect(screen).toContain('Issued to alice.');
		expect(screen).toMatch(/Scopes: voip · Expires: in 1h 59m/);
		await session.waitFor('Status: valid');
		screen = await session.press(keys.enter, '❯ Issue a new token');
		expect(screen).toContain('Last token voip ·');

		// Revoke, confirmed.
		await session.press('j', '❯ Revoke its tokens');
		screen = await session.press(keys.enter, 'Revoke every token of alice');
		expect(screen).toContain('Enter confirms, Esc cancels.');
		screen = await session.press(keys.enter, /^revoked$/m);
		expect(screen).toMatch(/^Revoked +[A-Z][a-z]{2} \d{1,2}, \d{4}, .+ \((?:now|\d+ seconds? ago)\)$/m);

		// Rename to bob: clear the label, type the new one.
		while (!session.screen().includes('❯ Rename')) {
			await session.press('j');
		}

		screen = await session.press(keys.enter, 'New label (empty removes it): alice');
		for (let count = 0; count < 'alice'.length; count++) {
			await session.press(keys.backspace);
		}

		await session.type('bob');
		await session.waitFor('New label (empty removes it): bob');
		await session.press(keys.enter, /^bob \(8:acs:/m);
		screen = await session.press(keys.escape, 'Identities of emulator');
		expect(screen).toMatch(/bob .* revoked/);
		expect(screen).not.toContain('alice');

		// Forget carol, confirmed.
		while (!session.screen().includes('❯ carol')) {
			await session.press('j');
		}

		await session.press(keys.enter, /^carol \(8:acs:/m);
		while (!session.screen().includes('❯ Forget locally')) {
			await session.press('j');
		}

		await session.press(keys.enter, 'Forget carol');
		screen = await session.press(keys.enter, 'Identities of emulator');
		expect(screen).not.toContain('carol');
		expect(screen).toMatch(/❯ bob/);

		await session.press('q', exitMarker);
		expect(await expectCleanExit(session)).toBe(0);

		const {identities} = await users(sandbox);
		expect(identities).toHaveLength(1);
		expect(identities[0]).toMatchObject({label: 'bob', state: 'revoked', lastToken: {scopes: ['voip']}});

		// The next session sees the same.
		const again = openWizard(sandbox);
		await connectToEmulator(again);
		await again.waitFor('Manage identities (1 stored)');
		await again.press('q', exitMarker);
		expect(await expectCleanExit(again)).toBe(0);
	}, 90_000);
});

describe('a config file found damaged when the wizard starts', () => {
	test('is moved aside, the wizard says where on screen, and stops offering the profiles read from it', async () => {
		const sandbox = await createSandbox();
		// A profile the first frame reads, in a file the store then refuses (identities is not a list).
		const damaged = JSON.stringify({
			profiles: [{name: 'prod', endpoint: 'https://prod.communication.azure.com/', keySource: {kind: 'keychain'}}],
			identities: 'oops',
		});
		await writeFile(sandbox.configFile, damaged);
		const session = openWizard(sandbox);
		const screen = await session.waitFor(shown => /warning:/.test(shown) && !shown.includes('Profile prod'));
		const [aside] = (await readdir(sandbox.configDirectory)).filter(name => name.startsWith('config.json.corrupt-'));
		expect(aside).toBeDefined();
		expect(await readFile(`${sandbox.configDirectory}/${aside}`, 'utf8')).toBe(damaged);
		// The path may be wrapped anywhere: read the screen's lines as one.
		expect(screen.replaceAll('\n', '')).toContain(aside);
		expect(screen).toContain('Local emulator (offline, no Azure account)');
		// The store works on the new file: the emulator connects, and q quits.
		await connectToEmulator(session);
		await session.press('q', exitMarker);
		expect(await expectCleanExit(session)).toBe(0);
		// Said again below the wizard's last frame, where the scrollback keeps it.
		const afterLastFrame = session.raw.slice(session.raw.lastIndexOf('\u001B[?2026l'));
		expect(afterLastFrame).toContain(`could not be read`);
		expect(afterLastFrame).toContain(aside);
	}, 60_000);
});

describe('wide characters in the built UI', () => {
	test('a CJK label takes two columns a character: the list columns stay aligned', async () => {
		const sandbox = await createSandbox();
		for (const label of ['測試使用者', 'carol']) {
			const created = await sandbox.run(['user', 'create', '--emulator', '--label', label]);
			expect(created.code, created.stderr).toBe(0);
		}

		const session = openWizard(sandbox);
		await connectToEmulator(session);
		await session.press('j', '❯ Manage identities (2 stored)');
		const screen = await session.press(keys.enter, 'Identities of emulator');
		const ids = screen.split('\n').filter(line => line.includes('8:acs:'));
		expect(ids).toHaveLength(2);
		// Each row: the label, padded to the widest (測試使用者, 10 columns), then the id.
		expect(session.cellColumnOf('測試使用者')).toBe(2);
		expect(session.cellColumnOf('carol')).toBe(2);
		const idColumns = ids.map(line => session.cellColumnOf(line.slice(line.indexOf('8:acs:'), line.indexOf('8:acs:') + 20)));
		expect(idColumns[0]).toBeDefined();
		expect(idColumns[0]).toBe(idColumns[1]);
		expect(idColumns[0]).toBeGreaterThanOrEqual(2 + 10 + 1);
		await session.press('q', exitMarker);
		expect(await expectCleanExit(session)).toBe(0);
	}, 60_000);
});

describe('keys right after a frame', () => {
	// Ink subscribes a new key handler only after the frame is drawn: Enter just after j used to
	// open the identity highlighted before. Our handlers read the current screen when the key
	// comes (source/app/hooks/use-keys.ts).
	test('act on what the frame shows: Enter opens the identity just moved to', async () => {
		const sandbox = await createSandbox();
		for (const label of ['alice', 'carol']) {
			const created = await sandbox.run(['user', 'create', '--emulator', '--label', label]);
			expect(created.code, created.stderr).toBe(0);
		}

		const session = openWizard(sandbox, {args: ['--emulator']});
		await session.waitFor('What next?');
		await session.press('j', '❯ Manage identities (2 stored)');
		await session.press(keys.enter, 'Identities of emulator');
		const opened: string[] = [];
		for (let round = 0; round < 12; round++) {
			await session.press('j', /❯ alice/);
			const screen = await session.press(keys.enter, /^(alice|carol) \(8:acs:/m);
			opened.push(/^(alice|carol) \(/m.exec(screen)?.[1] ?? '');
			// The list comes back on the identity it opened.
			await session.press(keys.escape, /❯ alice/);
			await session.press('k', /❯ carol/);
		}

		expect(opened).toEqual(Array.from({length: 12}, () => 'alice'));
		await session.press('q', exitMarker);
		expect(await expectCleanExit(session)).toBe(0);
	}, 60_000);
});

describe('Ctrl+C and quitting', () => {
	/** An ACS endpoint that takes requests and never answers them. */
	let server: Server;
	let requests: IncomingMessage[] = [];
	const serverStarted = new Promise<string>(resolve => {
		server = createServer(request => {
			requests.push(request);
		});
		server.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`));
	});

	afterAll(async () => {
		server.closeAllConnections();
		await new Promise(resolve => server.close(resolve));
	});

	async function openOnSilentService(sandbox: Sandbox): Promise<TerminalSession> {
		const endpoint = await serverStarted;
		const session = openWizard(sandbox, {env: {COMMUNICATION_SERVICES_CONNECTION_STRING: `endpoint=${endpoint};accesskey=c2VjcmV0LWtleQ==`}});
		await session.waitFor(`❯ $COMMUNICATION_SERVICES_CONNECTION_STRING — ${endpoint}`);
		await session.press(keys.enter, 'What next?');
		await session.press(keys.enter, 'Step 1 of 6');
		await session.press(keys.enter, 'Press Enter to create the user.');
		return session;
	}

	async function requestInFlight(session: TerminalSession): Promise<IncomingMessage> {
		requests = [];
		const screen = await session.press(keys.enter, 'Creating the user…');
		expect(screen).toMatch(/Esc cancel/);
		await expect.poll(() => requests.length, {timeout: 10_000}).toBe(1);
		return requests[0] as IncomingMessage;
	}

	test('Ctrl+C on a screen exits at once and gives the terminal back', async () => {
		const sandbox = await createSandbox();
		const session = openWizard(sandbox);
		await connectToEmulator(session);
		await session.press(keys.enter, 'Step 1 of 6');
		await session.press(keys.enter, 'Step 2 of 6');
		await session.press(keys.enter, /Created\s+8:acs:/);
		await session.press(keys.enter, 'Step 3 of 6');
		await session.press(keys.ctrlC, exitMarker);
		expect(await expectCleanExit(session)).toBe(0);
		// What was done before Ctrl+C is kept.
		const {identities} = await users(sandbox);
		expect(identities).toHaveLength(1);
		expect(identities[0]?.state).toBe('no-token');
	}, 60_000);

	test('a bug that surfaces outside React and the machine (a timer) ends the wizard with exit 70, says so, and gives the terminal back', async () => {
		const sandbox = await createSandbox();
		const pidFile = `${sandbox.cwd}/wizard.pid`;
		const session = openWizard(sandbox, {
			env: {NODE_OPTIONS: `--import=${new URL('../_helpers/late-bug.mjs', import.meta.url).pathname}`, LATE_BUG_SIGNAL: '1', LATE_BUG_PID_FILE: pidFile},
		});
		await connectToEmulator(session);
		process.kill(Number(await readFile(pidFile, 'utf8')), 'SIGUSR2');
		await session.waitFor(exitMarker, 20_000);
		expect(await expectCleanExit(session, {bug: true})).toBe(70);
		expect(session.raw).toContain('unexpected error (a bug; please report it):');
		expect(session.raw).toContain('Error: a late exception');
	}, 60_000);

	test('Esc cancels a request in flight: the request is aborted, and the step can run again', async () => {
		const sandbox = await createSandbox();
		const session = await openOnSilentService(sandbox);
		const request = await requestInFlight(session);
		const aborted = new Promise(resolve => request.once('close', resolve));
		await session.press(keys.escape, 'Press Enter to create the user.');
		await aborted;
		await requestInFlight(session);
		await session.press(keys.ctrlC, exitMarker);
		expect(await expectCleanExit(session)).toBe(0);
	}, 60_000);

	test('Ctrl+C while a request is in flight exits at once and gives the terminal back', async () => {
		const sandbox = await createSandbox();
		const session = await openOnSilentService(sandbox);
		await requestInFlight(session);
		await session.press(keys.ctrlC, exitMarker);
		expect(await expectCleanExit(session)).toBe(0);
	}, 60_000);

	test('q while a request is in flight asks first; y quits', async () => {
		const sandbox = await createSandbox();
		const session = await openOnSilentService(sandbox);
		await requestInFlight(session);
		await session.press('q', 'An operation is in flight. Quit anyway?');
		// Any other key stays.
		let screen = await session.press('n', screen => !screen.includes('Quit anyway?'));
		expect(screen).toContain('Creating the user…');
		await session.press('q', 'Quit anyway?');
		screen = await session.press('y', exitMarker);
		expect(await expectCleanExit(session)).toBe(0);
	}, 60_000);
});

describe('--profile naming no profile, in the wizard', () => {
	test.each([
		['en_US.UTF-8', 'There is no profile "nope". No profile is saved yet. Esc goes to the connection screen', 'Local emulator (offline, no Azure account)'],
		['zh_TW.UTF-8', '沒有名為「nope」的設定檔。尚未儲存任何設定檔。按 Esc 前往連線畫面', '本機模擬器（離線，不需要 Azure 帳戶）'],
	])('under LANG=%s it says so and where the saved ones are, not a command to run, and Esc goes there', async (lang, said, connectChoice) => {
		const sandbox = await createSandbox();
		const session = openWizard(sandbox, {args: ['--profile', 'nope'], env: {LANG: lang}});
		const failed = await session.waitFor('nope');
		const squeezed = (value: string) => value.replaceAll(/[\s│]/g, '');
		expect(squeezed(failed)).toContain(squeezed(said));
		expect(failed).not.toContain('acs-tokens profiles');
		await session.press(keys.escape, connectChoice);
		await session.press('q', exitMarker);
		expect(await expectCleanExit(session)).toBe(0);
	}, 60_000);
});

describe('a service that cannot be reached, in the wizard', () => {
	/** A loopback port that nothing listens on: connections to it are refused. */
	async function closedPort(): Promise<number> {
		const server = createServer();
		await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
		const {port} = server.address() as AddressInfo;
		await new Promise(resolve => server.close(resolve));
		return port;
	}

	test.each([
		[
			'en_US.UTF-8',
			'Press Enter to create the user.',
			(port: number) =>
				`Start the emulator there (acs-tokens emulator --http --port ${port}), or choose Switch connection in the menu, then Local emulator, which starts one itself.`,
			'Switch connection',
		],
		[
			'zh_TW.UTF-8',
			'按 Enter 以建立使用者。',
			(port: number) => `請在該處啟動模擬器（acs-tokens emulator --http --port ${port}），或在功能表中選擇「切換連線」，再選擇本機模擬器，它會自行啟動一個。`,
			'切換連線',
		],
	])('under LANG=%s the advice names the menu, not the command line, and Esc leads there', async (lang, createPrompt, adviceFor, switchChoice) => {
		const sandbox = await createSandbox();
		const port = await closedPort();
		const endpoint = `http://127.0.0.1:${port}/`;
		const advice = adviceFor(port);
		const session = openWizard(sandbox, {env: {LANG: lang, COMMUNICATION_SERVICES_CONNECTION_STRING: `endpoint=${endpoint};accesskey=c2VjcmV0LWtleQ==`}});
		await session.waitFor(`❯ $COMMUNICATION_SERVICES_CONNECTION_STRING — ${endpoint}`);
		await session.press(keys.enter, switchChoice);
		await session.press(keys.enter, /步驟 1\/6|Step 1 of 6/);
		await session.press(keys.enter, createPrompt);
		const failed = await session.press(keys.enter, 'ECONNREFUSED');
		// The message wraps in its box: compared without the box's borders and line breaks.
		const squeezed = (value: string) => value.replaceAll(/[\s│]/g, '');
		expect(squeezed(failed)).toContain(squeezed(`${endpoint}`));
		expect(squeezed(failed)).toContain(squeezed(advice));
		expect(failed).not.toContain('--emulator');
		// Esc goes back, step by step, to the menu the advice names.
		let screen = failed;
		for (let step = 0; step < 4 && !screen.includes(switchChoice); step++) {
			const before = screen;
			screen = await session.press(keys.escape, shown => shown !== before);
		}
		expect(screen).toContain(switchChoice);
		await session.press('q', exitMarker);
		expect(await expectCleanExit(session)).toBe(0);
	}, 60_000);
});

describe('killed by a signal', () => {
	/** The node process the session's bash started. */
	async function wizardPid(session: TerminalSession): Promise<number> {
		let pid: number | undefined;
		await expect
			.poll(
				async () => {
					const result = await promisify(execFile)('pgrep', ['-P', String(session.process.pid), 'node']).catch(() => ({stdout: ''}));
					pid = Number(result.stdout.trim().split('\n')[0]) || undefined;
					return pid;
				},
				{timeout: 10_000, interval: 5},
			)
			.toBeDefined();
		return pid as number;
	}

	// From before raw mode is on, through Ink's start, to a screen: at each moment the terminal
	// comes back (Node resets the tty on SIGTERM; Ink shows the cursor again).
	test.each([
		['at once', 0],
		['60 ms after start', 60],
		['120 ms after start', 120],
		['180 ms after start', 180],
		['240 ms after start', 240],
		['on the first screen', 'first frame'],
	] as const)('SIGTERM %s gives the terminal back and exits 143', async (_when, delay) => {
		const sandbox = await createSandbox();
		const session = openWizard(sandbox);
		const pid = await wizardPid(session);
		if (delay === 'first frame') {
			await session.waitFor(connectFooter);
		} else {
			await new Promise(resolve => setTimeout(resolve, delay));
		}

		process.kill(pid, 'SIGTERM');
		await session.waitForOutput(sttyDone, 20_000);
		await session.exit();
		expect(Number(exitMarker.exec(session.raw)?.[1])).toBe(143);
		const afterExit = session.raw.slice(session.raw.search(exitMarker));
		expect(afterExit).toMatch(/(?:^|\s)icanon(?:\s|$)/m);
		expect(afterExit).not.toMatch(/(?:^|\s)-(?:icanon|echo)(?:\s|$)/m);
		const wizardOutput = session.raw.slice(0, session.raw.search(exitMarker));
		expect(wizardOutput.lastIndexOf('\u001B[?25h')).toBeGreaterThanOrEqual(wizardOutput.lastIndexOf('\u001B[?25l'));
		expect(session.screen()).not.toMatch(stackTraceLine);
	}, 60_000);
});

describe('without a terminal', () => {
	test('with pipes for stdin and stdout it points to the commands and exits non-zero', async () => {
		const sandbox = await createSandbox();
		const result = await sandbox.run([]);
		expect(result.code).not.toBe(0);
		expect(result.stderr).toContain('needs an interactive terminal');
		expect(result.stderr).toContain('acs-tokens --help');
		expect(result.stderr).not.toMatch(stackTraceLine);
		expect(result.stdout).toBe('');
	});

	test.each([
		// biome-ignore lint/suspicious/noTemplateCurlyInString: a bash script, not a template.
		['stdout is a pipe', 'node "$0" | cat; echo "[exited ${PIPESTATUS[0]}]"'],
		['stdin is not a terminal', 'node "$0" < /dev/null; echo "[exited $?]"'],
	])('in a terminal where %s, the same', async (_case, script) => {
		const sandbox = await createSandbox();
		const session = TerminalSession.spawn('bash', {
			args: ['-c', script, cliPath],
			cwd: sandbox.cwd,
			env: {ACS_TOKENS_CONFIG_DIR: sandbox.configDirectory},
		});
		const screen = await session.waitFor(exitMarker);
		expect(Number(exitMarker.exec(screen)?.[1])).not.toBe(0);
		expect(screen).toContain('needs an interactive terminal');
		expect(screen).not.toMatch(stackTraceLine);
		await session.exit();
	});
});

describe("Node's compile cache", () => {
	test('the first start fills it in the cache directory (private to the user); the next start uses it as it is', async () => {
		const sandbox = await createSandbox();
		const cacheDirectory = `${sandbox.cwd}/cache`;
		const start = async () => {
			const session = openWizard(sandbox, {env: {ACS_TOKENS_CACHE_DIR: cacheDirectory}});
			await session.waitFor(connectFooter);
			await session.press('q', exitMarker);
			expect(await expectCleanExit(session)).toBe(0);
		};

		const listing = async () => {
			const files = await readdir(`${cacheDirectory}/compile-cache`, {recursive: true, withFileTypes: true});
			return Promise.all(
				files
					.filter(file => file.isFile())
					.map(async file => {
						const where = `${file.parentPath}/${file.name}`;
						return {where, mtimeMs: (await stat(where)).mtimeMs};
					}),
			);
		};

		await start();
		expect((await stat(`${cacheDirectory}/compile-cache`)).mode & 0o777).toBe(0o700);
		const first = await listing();
		// The program's modules, the wizard's UI among them, compiled once.
		expect(first.length).toBeGreaterThan(5);

		await start();
		expect(await listing()).toEqual(first);
	}, 60_000);
});

describe('presenter mode and colour', () => {
	test('--present never shows the whole token, even after v', async () => {
		const sandbox = await createSandbox();
		const session = openWizard(sandbox, {args: ['--present', '--emulator']});
		let screen = await session.waitFor('What next?');
		expect(screen.split('\n')[0]).toContain('PRESENTER');
		screen = await tourToToken(session);
		expect(screen).toMatch(/Access token: eyJ\w+•••/);
		screen = await session.press('v', 'Presenter mode: tokens cannot be revealed.');
		expect(screen).toMatch(/Access token: eyJ\w+•••/);
		await session.press(keys.enter, 'Step 5 of 6');
		await session.press('q', exitMarker);
		expect(await expectCleanExit(session)).toBe(0);
		const visible = session.raw.replaceAll(new RegExp(`${esc}\\[[\\d;?]*[A-Za-z]`, 'g'), '').replaceAll(/[\r\n]/g, '');
		expect(visible).not.toMatch(fullToken);
	}, 60_000);

	/** The screens with the most colour: connect, the token with its status, help. */
	async function colourfulTour(session: TerminalSession): Promise<void> {
		await connectToEmulator(session);
		await tourToToken(session);
		await session.press('?', 'Keys');
		await session.press('x', 'Step 4 of 6');
		await session.press('q', exitMarker);
		expect(await expectCleanExit(session)).toBe(0);
	}

	test('colours by default in a colour terminal', async () => {
		const sandbox = await createSandbox();
		const session = openWizard(sandbox);
		await colourfulTour(session);
		expect(colourSequences(session.raw).length).toBeGreaterThan(0);
	}, 60_000);

	test.each([
		['NO_COLOR=1', [], {NO_COLOR: '1'}],
		['--no-color', ['--no-color'], {}],
		['TERM=dumb', [], {TERM: 'dumb'}],
	])('no colour codes with %s', async (_case, args, env) => {
		const sandbox = await createSandbox();
		const session = openWizard(sandbox, {args, env});
		await colourfulTour(session);
		expect(colourSequences(session.raw)).toEqual([]);
	}, 60_000);
});

describe('resizing', () => {
	// The frame fills a 24-row terminal; in a 40-row one, whatever the old frame leaves stays visible.
	test.each([
		[80, 24, 100, 30],
		[80, 40, 120, 40],
	])('at %i×%i, made %i×%i and back: the screen is drawn again at each size, with nothing left over', async (columns, rows, wider, taller) => {
		const sandbox = await createSandbox();
		const session = openWizard(sandbox, {args: ['--emulator'], columns, rows});
		await session.waitFor('What next?');
		await session.press(keys.enter, 'Step 1 of 6');
		await session.press(keys.enter, 'Step 2 of 6');
		await session.press(keys.enter, /← 201/);

		const expectOneFrame = (screen: string, columns: number) => {
			expect(countLines(screen, /^acs-tokens emulator/)).toBe(1);
			expect(screen.split('\n')[0]).toMatch(/^acs-tokens emulator/);
			expect(countLines(screen, /Step 2 of 6/)).toBe(1);
			expect(countLines(screen, /q quit/)).toBe(1);
			// The code and HTTP panels: two boxes, each as wide as the terminal.
			expect(countLines(screen, /^┌/)).toBe(2);
			expect(countLines(screen, new RegExp(`^┌─{${columns - 2}}┐$`))).toBe(2);
			expect(countLines(screen, new RegExp(`^└─{${columns - 2}}┘$`))).toBe(2);
			// The footer is the last line drawn.
			expect(screen.split('\n').at(-1)).toMatch(/q quit/);
		};

		expectOneFrame(session.screen(), columns);
		session.resize(wider, taller);
		expectOneFrame(await session.waitFor(screen => countLines(screen, new RegExp(`^┌─{${wider - 2}}┐$`)) === 2), wider);
		session.resize(columns, rows);
		expectOneFrame(await session.waitFor(screen => countLines(screen, new RegExp(`^┌─{${columns - 2}}┐$`)) === 2), columns);

		// Still answering keys at the new size.
		await session.press(keys.enter, 'Step 3 of 6');
		await session.press('q', exitMarker);
		expect(await expectCleanExit(session)).toBe(0);
	}, 60_000);
});
