import {execFile} from 'node:child_process';
import {promisify} from 'node:util';
import {afterAll, describe, expect, test} from 'vitest';
import {cliPath, createSandbox, temporaryDirectory} from '../_helpers/cli.js';
import {keys, TerminalSession} from '../_helpers/pty-terminal.js';

/**
 * The built wizard inside a real tmux (a server of the test's own: private socket, no
 * configuration), in a pseudo-terminal: `c` on the token puts the token where tmux says it goes.
 */

const run = promisify(execFile);
const fullToken = /eyJ[\w-]{20,}\.eyJ[\w-]{20,}\.[\w-]{20,}/;
const servers: string[] = [];
const esc = '\u001B';
const bel = '\u0007';

afterAll(async () => {
	await Promise.all(servers.map(name => run('tmux', ['-L', name, 'kill-server']).catch(() => undefined)));
});

async function wizardInTmux(options: readonly string[]) {
	const sandbox = await createSandbox();
	const cache = await temporaryDirectory('acs-tokens-e2e-cache-');
	const name = `acs-tokens-e2e-${process.pid}-${servers.length}`;
	servers.push(name);
	const settings = options.map(option => `tmux set -g ${option};`).join(' ');
	const session = TerminalSession.spawn('tmux', {
		args: ['-L', name, '-f', '/dev/null', 'new-session', `${settings} '${process.execPath}' '${cliPath}' --emulator`],
		cwd: sandbox.cwd,
		// tmux's status line takes a row: the pane is the wizard's 80×24.
		rows: 25,
		env: {
			ACS_TOKENS_CONFIG_DIR: sandbox.configDirectory,
			ACS_TOKENS_CACHE_DIR: cache,
			HOME: sandbox.cwd,
			XDG_CONFIG_HOME: `${sandbox.cwd}/.config`,
			TMUX: undefined,
			TMUX_PANE: undefined,
		},
	});
	const buffer = async () =>
		(await run('tmux', ['-L', name, 'show-buffer'], {encoding: 'utf8'}).catch(() => ({stdout: ''}))).stdout;
	/** q quits the wizard; its pane, the session and the server go with it, before the directories are removed. */
	const quit = async () => {
		session.process.write('q');
		await session.exit();
	};
	return {session, buffer, quit};
}

async function toToken(session: TerminalSession): Promise<void> {
	await session.waitFor('What next?');
	await session.press(keys.enter, 'Step 1 of 6');
	await session.press(keys.enter, 'Step 2 of 6');
	await session.press(keys.enter, /Created\s+8:acs:/);
	await session.press(keys.enter, 'Step 3 of 6');
	await session.press(keys.enter, 'How long the token lives');
	await session.press(keys.enter, /Access token: eyJ\w+•••/);
}

describe('copy inside tmux', () => {
	test("with set-clipboard on, c puts the token in tmux's buffer and says so", async () => {
		const {session, buffer, quit} = await wizardInTmux(['set-clipboard on']);
		await toToken(session);
		expect(await buffer()).toBe('');
		const screen = await session.press('c', /set-clipboard is\s+on/);
		expect(screen.replaceAll('\n', ' ')).toMatch(/tmux's buffer and the\s+outer terminal/);
		let copied = '';
		for (let tries = 0; tries < 100 && copied === ''; tries++) {
			copied = await buffer();
			await new Promise(resolve => setTimeout(resolve, 20));
		}

		expect(copied).toMatch(fullToken);
		// The same token as the one on screen: revealed, it reads the same.
		const revealed = await session.press('v', next => fullToken.test(next.split('\n').map(line => line.trimEnd()).join('')));
		expect(revealed.split('\n').map(line => line.trimEnd()).join('')).toContain(copied);
		await quit();
	});

	test("with set-clipboard off and allow-passthrough on, c goes through tmux's passthrough to the outer terminal", async () => {
		const {session, buffer, quit} = await wizardInTmux(['set-clipboard off', 'allow-passthrough on']);
		await toToken(session);
		const screen = await session.press('c', /allow-passthrough is on/);
		expect(screen.replaceAll('\n', ' ')).toMatch(/not tmux's\s+buffer/);
		// tmux unwraps it and writes plain OSC 52 to the terminal it runs in: the pty's own output.
		const osc52 = new RegExp(`${esc}\\]52;c;([A-Za-z0-9+/=]+)${bel}`);
		await session.waitForOutput(osc52);
		const sent = osc52.exec(session.raw)?.[1] ?? '';
		const copied = Buffer.from(sent, 'base64').toString('utf8');
		expect(copied).toMatch(fullToken);
		expect(await buffer()).toBe('');
		const revealed = await session.press('v', next => fullToken.test(next.split('\n').map(line => line.trimEnd()).join('')));
		expect(revealed.split('\n').map(line => line.trimEnd()).join('')).toContain(copied);
		await quit();
	});

	test('with the defaults (set-clipboard external, no passthrough), c says nothing can reach the clipboard and offers the file', async () => {
		const {session, buffer, quit} = await wizardInTmux([]);
		await toToken(session);
		const screen = await session.press('c', /Press f to save it to a\s+file instead\./);
		expect(screen.replaceAll('\n', ' ')).toMatch(/Not copied: tmux's set-clipboard is\s+external and allow-passthrough is\s+off/);
		expect(await buffer()).toBe('');
		await session.press('f', 'Save the token to this file: access-token.txt');
		// The token view's own footer again, not just the prompt's line gone. tmux 3.3 passes on no
		// synchronized-output marks, so a screen read in the middle of a redraw (the countdown
		// redraws the frame every second) can lack the prompt's line while the prompt is open, and
		// q then goes into the file name: the likely cause of a run where the wizard did not quit.
		await session.press(keys.escape, screen => screen.includes('f file') && !screen.includes('Save the token to this file'));
		await quit();
	});
});
