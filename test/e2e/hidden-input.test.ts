import {afterAll, beforeAll, describe, expect, test} from 'vitest';
import {cliPath, createSandbox, type EmulatorProcess, type Sandbox, startEmulatorProcess} from '../_helpers/cli.js';
import {keys, TerminalSession} from '../_helpers/pty-terminal.js';

/**
 * A secret read from stdin when stdin is a terminal (`--connection-string -`, `--access-key -`,
 * the Teams and Entra ID tokens) is typed or pasted with echo off: it never shows on the screen,
 * which may be a projector. The built binary in a real pseudo-terminal.
 */

const exitMarker = /\[exited (\d+)\]/;
let emulator: EmulatorProcess;
let sandbox: Sandbox;

beforeAll(async () => {
	emulator = await startEmulatorProcess();
	sandbox = await createSandbox();
}, 60_000);

afterAll(async () => {
	await emulator?.stop();
});

function run(args: readonly string[]): TerminalSession {
	return TerminalSession.spawn('bash', {
		args: ['-c', 'node "$0" "$@"; echo "[exited $?]"', cliPath, ...args],
		cwd: sandbox.cwd,
		env: {ACS_TOKENS_CONFIG_DIR: sandbox.configDirectory, HOME: sandbox.cwd},
	});
}

describe('secrets from a terminal', () => {
	test('--connection-string - asks, reads the pasted string without echo, and connects', async () => {
		const session = run(['user', 'create', '--connection-string', '-', '--label', 'hidden']);
		await session.waitFor('nothing is shown as you paste');
		// Pasted as a terminal pastes it: in one write, bracketed.
		session.write(`\u001B[200~${emulator.connectionString}\u001B[201~`);
		session.write(keys.enter);
		const screen = await session.waitFor(exitMarker);
		expect(Number(exitMarker.exec(screen)?.[1])).toBe(0);
		expect(screen).toMatch(/8:acs:/);
		// Nothing the terminal was ever sent, from the paste to the exit, holds the key.
		expect(session.raw).not.toContain(emulator.accessKey.slice(0, 12));
		await session.exit();
	}, 30_000);

	test('Ctrl+C at the prompt cancels (exit 130) and gives the terminal back', async () => {
		const session = run(['user', 'create', '--connection-string', '-']);
		await session.waitFor('nothing is shown as you paste');
		session.write('endpoint=');
		session.write(keys.ctrlC);
		const screen = await session.waitFor(exitMarker);
		expect(Number(exitMarker.exec(screen)?.[1])).toBe(130);
		expect(screen).toContain('Cancelled.');
		await session.exit();
	}, 30_000);
});
