import {createServer, type Server} from 'node:net';
import {afterEach, describe, expect, test} from 'vitest';
import {cliPath, createSandbox, parseJson, type Sandbox, startEmulatorProcess} from '../_helpers/cli.js';
import {keys, TerminalSession} from '../_helpers/pty-terminal.js';

/**
 * One embedded emulator however many wizards and commands use it: the built binary in real
 * pseudo-terminals, two wizards on one config directory, the one that started the emulator
 * quitting while the other goes on.
 *
 * The suite runs with ACS_TOKENS_EMULATOR_PORT=0 (vitest.config.ts), so that wizards of other
 * files never contend for 10430; these tests name the port they mean.
 */

const exitMarker = /\[exited (\d+)\]/;
const opened: TerminalSession[] = [];
const servers: Server[] = [];

afterEach(async () => {
	await Promise.all(opened.splice(0).map(session => session.exit().catch(() => undefined)));
	await Promise.all(servers.splice(0).map(server => new Promise(resolve => server.close(resolve))));
});

function openWizard(sandbox: Sandbox, env: Record<string, string | undefined>): TerminalSession {
	const session = TerminalSession.spawn('bash', {
		args: ['-c', 'node "$0" "$@"; echo "[exited $?]"', cliPath, '--emulator'],
		cwd: sandbox.cwd,
		env: {ACS_TOKENS_CONFIG_DIR: sandbox.configDirectory, HOME: sandbox.cwd, XDG_CONFIG_HOME: `${sandbox.cwd}/.config`, ...env},
	});
	opened.push(session);
	return session;
}

/** A loopback port free at this moment (taken and given back). */
async function freePort(): Promise<number> {
	const server = createServer();
	await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
	const {port} = server.address() as {port: number};
	await new Promise(resolve => server.close(resolve));
	return port;
}

async function holdPort(port: number): Promise<boolean> {
	const server = createServer();
	const held = await new Promise<boolean>(resolve => {
		server.once('error', () => resolve(false));
		server.listen(port, '127.0.0.1', () => resolve(true));
	});
	if (held) {
		servers.push(server);
	}

	return held;
}

const oneLine = (screen: string) => screen.replaceAll('\n', ' ').replaceAll(/\s+/g, ' ');

describe('one embedded emulator for every wizard and command on a config directory', () => {
	test('the second wizard goes on when the first, which started the emulator, quits: same port, same data', async () => {
		const sandbox = await createSandbox();
		const port = await freePort();
		const endpoint = `http://127.0.0.1:${port}/`;
		const first = openWizard(sandbox, {ACS_TOKENS_EMULATOR_PORT: String(port)});
		await first.waitFor('What next?');
		expect(first.screen().split('\n')[0]).toContain(endpoint);

		const second = openWizard(sandbox, {ACS_TOKENS_EMULATOR_PORT: String(port)});
		await second.waitFor('What next?');
		expect(second.screen().split('\n')[0]).toContain(endpoint);

		// The first makes an identity on the emulator it runs, then quits: its emulator stops.
		await first.press(keys.enter, 'Step 1 of 6');
		await first.press(keys.enter, 'Step 2 of 6');
		await first.press(keys.enter, /Created\s+8:acs:/);
		await first.press('q', exitMarker);
		expect(Number(exitMarker.exec(first.raw)?.[1])).toBe(0);

		// The second's next request finds nothing on the port, starts the emulator there itself and succeeds.
		await second.press(keys.enter, 'Step 1 of 6');
		await second.press(keys.enter, 'Step 2 of 6');
		const screen = await second.press(keys.enter, /Created\s+8:acs:/);
		expect(oneLine(screen)).toContain(`this one runs it now, at ${endpoint}`);
		expect(screen.split('\n')[0]).toContain(endpoint);

		// A command meanwhile uses the emulator the second wizard now runs, and sees both identities.
		const listed = await sandbox.run(['users', '--emulator', '--json']);
		expect(listed.code, listed.stderr).toBe(0);
		expect(parseJson<{identities: unknown[]}>(listed).identities).toHaveLength(2);

		await second.press('q', exitMarker);
		expect(Number(exitMarker.exec(second.raw)?.[1])).toBe(0);
	}, 90_000);

	test('acs-tokens emulator over https, shared by a wizard and then stopped: the wizard runs it now, over https, on the same port and data', async () => {
		const sandbox = await createSandbox();
		const port = await freePort();
		const standalone = await startEmulatorProcess(['--port', String(port)], {ACS_TOKENS_CONFIG_DIR: sandbox.configDirectory, HOME: sandbox.cwd});
		const endpoint = `https://127.0.0.1:${port}/`;
		expect(standalone.connectionString).toContain(`endpoint=https://127.0.0.1:${port}`);
		const wizard = openWizard(sandbox, {ACS_TOKENS_EMULATOR_PORT: String(port)});
		await wizard.waitFor('What next?');
		expect(wizard.screen().split('\n')[0]).toContain(endpoint);
		await standalone.stop();

		// The next request finds nothing on the port: the wizard starts the emulator there, over
		// https with the data directory's CA (which it trusts already), and the request succeeds.
		await wizard.press(keys.enter, 'Step 1 of 6');
		await wizard.press(keys.enter, 'Step 2 of 6');
		const created = await wizard.press(keys.enter, /Created\s+8:acs:/);
		expect(oneLine(created)).toContain(`this one runs it now, at ${endpoint}`);
		expect(created.split('\n')[0]).toContain(endpoint);
		// And the requests after it too: a token, and its status, asked of the emulator.
		await wizard.press(keys.enter, 'Step 3 of 6');
		await wizard.press(keys.enter, 'How long the token lives');
		await wizard.press(keys.enter, 'Status: valid');

		// A command meanwhile uses the emulator the wizard now runs, over https.
		const listed = await sandbox.run(['users', '--emulator', '--json']);
		expect(listed.code, listed.stderr).toBe(0);
		expect(parseJson<{identities: unknown[]}>(listed).identities).toHaveLength(1);
		await wizard.press('q', exitMarker);
		expect(Number(exitMarker.exec(wizard.raw)?.[1])).toBe(0);
	}, 90_000);

	test('a port held by another program: the emulator listens on another and says which', async () => {
		const sandbox = await createSandbox();
		const port = await freePort();
		expect(await holdPort(port)).toBe(true);
		const session = openWizard(sandbox, {ACS_TOKENS_EMULATOR_PORT: String(port)});
		const screen = oneLine(await session.waitFor('What next?'));
		const url = /listens at (http:\/\/127\.0\.0\.1:(\d+)\/)/.exec(screen);
		expect(screen).toContain(`Port ${port} is taken by another program`);
		expect(Number(url?.[2])).not.toBe(port);
		expect(session.screen().split('\n')[0]).toContain(url?.[1]);
		await session.press('q', exitMarker);
	}, 60_000);

	test('without ACS_TOKENS_EMULATOR_PORT it takes the documented port 10430, or says which it took', async () => {
		const sandbox = await createSandbox();
		const free = await holdPort(10_430);
		await Promise.all(servers.splice(0).map(server => new Promise(resolve => server.close(resolve))));
		const session = openWizard(sandbox, {ACS_TOKENS_EMULATOR_PORT: undefined});
		const screen = await session.waitFor('What next?');
		if (free) {
			expect(screen.split('\n')[0]).toContain('http://127.0.0.1:10430/');
		} else {
			expect(oneLine(screen)).toContain('Port 10430 is taken by another program');
		}

		await session.press('q', exitMarker);
	}, 60_000);

	test('an ACS_TOKENS_EMULATOR_PORT that is not a port is refused by name', async () => {
		const sandbox = await createSandbox();
		const session = openWizard(sandbox, {ACS_TOKENS_EMULATOR_PORT: 'ten'});
		const screen = oneLine(await session.waitFor(/not a port/));
		expect(screen).toContain('ACS_TOKENS_EMULATOR_PORT is "ten", which is not a port');
		await session.press('q', exitMarker);
	}, 60_000);
});
