import {afterEach, describe, expect, it} from 'vitest';
import {
	emulatorChoice,
	emulatorEndpoint,
	footerOf,
	keys,
	renderApp,
	renderConnected,
	unmountAll,
	untilAborted,
	workEndpoint,
	workProfile,
} from '../_helpers/ink.js';

afterEach(unmountAll);

const accessKey = 'c2VjcmV0LWtleS1vZi10aGUtY29udG9zby1yZXNvdXJjZQ==';
const validString = `endpoint=${workEndpoint};accesskey=${accessKey}`;

/** From the first screen (emulator, Entra ID, paste), opens the paste screen. */
async function openPaste(app: ReturnType<typeof renderApp>) {
	await app.press(keys.down, '❯ Sign in with Microsoft Entra ID…');
	await app.press(keys.down, '❯ Paste a connection string…');
	return app.press(keys.enter, 'It stays masked.');
}

describe('the connect screen', () => {
	it('wraps a choice too long for its line under itself, the ❯ and its space kept, in presenter mode too', async () => {
		const endpoint = 'https://my-very-long-resource-name-for-the-workshop-demo.communication.azure.com/';
		const app = renderApp({input: {choices: [{kind: 'environment', variable: 'COMMUNICATION_SERVICES_CONNECTION_STRING', endpoint}, emulatorChoice]}});
		const rows = (frame: string) => frame.split('\n').filter(line => /COMMUNICATION_SERVICES|communication\.azure\.com|Local emulator/.test(line));
		expect(rows(app.lastFrame())).toEqual([
			'❯ $COMMUNICATION_SERVICES_CONNECTION_STRING — https://my-very-long-resource-name',
			'  -for-the-workshop-demo.communication.azure.com/',
			'  Local emulator (offline, no Azure account)',
		]);
		expect(rows(await app.press('p', 'PRESENTER'))).toEqual([
			'❯ $COMMUNICATION_SERVICES_CONNECTION_STRING —',
			'  https://•••.communication.azure.com/',
			'  Local emulator (offline, no Azure account)',
		]);
		expect(rows(await app.press(keys.down, '❯ Local emulator'))).toEqual([
			'  $COMMUNICATION_SERVICES_CONNECTION_STRING —',
			'  https://•••.communication.azure.com/',
			'❯ Local emulator (offline, no Azure account)',
		]);
	});

	it('offers the local emulator first, highlighted, when nothing is configured', () => {
		const app = renderApp({input: {choices: [emulatorChoice]}});
		const frame = app.lastFrame();
		expect(frame).toContain('acs-tokens not connected');
		expect(frame).toContain('Connect to Azure Communication Services');
		const lines = frame.split('\n');
		const emulator = lines.findIndex(line => line.startsWith('❯ Local emulator (offline, no Azure account)'));
		const entra = lines.findIndex(line => line.includes('Sign in with Microsoft Entra ID…'));
		const paste = lines.findIndex(line => line.includes('Paste a connection string…'));
		expect(emulator).toBeGreaterThan(0);
		expect(entra).toBe(emulator + 1);
		expect(paste).toBe(emulator + 2);
		// The first screen has nowhere to go back to.
		expect(footerOf(frame)).toEqual(['↑↓/jk move', 'Enter choose', 'p presenter', '? help', 'q quit']);
	});

	it('lists a remembered profile, moves with arrows and j/k, and connects with the chosen one', async () => {
		const app = renderApp({input: {choices: [workProfile, emulatorChoice]}});
		expect(app.lastFrame()).toContain(`❯ Profile work — ${workEndpoint}`);
		expect(app.lastFrame()).toContain('  Local emulator (offline, no Azure account)');

		await app.press(keys.down, '❯ Local emulator');
		await app.press('j', '❯ Sign in with Microsoft Entra ID…');
		await app.press('j', '❯ Paste a connection string…');
		await app.press('k', '❯ Sign in with Microsoft Entra ID…');
		await app.press('k', '❯ Local emulator');
		await app.press(keys.up, '❯ Profile work');
		await app.press(keys.enter, 'What next?');

		expect(app.fakes.connect).toHaveBeenCalledTimes(1);
		expect(app.fakes.connect.mock.calls[0]?.[0]).toEqual({choice: workProfile});
		expect(app.lastFrame()).toContain(`acs-tokens work · ${workEndpoint}`);
		expect(app.lastFrame()).toContain('Manage identities (3 stored)');
	});

	it('connects to the emulator and shows where in the header', async () => {
		const app = renderApp({input: {choices: [emulatorChoice]}});
		const frame = await app.press(keys.enter, 'What next?');
		expect(frame).toContain(`acs-tokens emulator · ${emulatorEndpoint}`);
		expect(app.fakes.connect.mock.calls[0]?.[0]).toEqual({choice: emulatorChoice});
	});

	it('shows the connecting screen, and Esc cancels the connection through its AbortSignal', async () => {
		let signal: AbortSignal | undefined;
		const app = renderApp({
			input: {choices: [emulatorChoice]},
			configure(fakes) {
				fakes.connect.mockImplementation((_input, aborted) => {
					signal = aborted;
					return untilAborted(aborted);
				});
			},
		});
		const busy = await app.press(keys.enter, 'Connecting…');
		expect(busy).toContain('Esc cancels');
		expect(footerOf(busy)).toEqual(['Esc cancel', 'q quit']);
		expect(signal?.aborted).toBe(false);

		await app.press(keys.escape, 'Connect to Azure Communication Services');
		expect(signal?.aborted).toBe(true);
		expect(app.lastFrame()).toContain('❯ Local emulator');
	});

	it('says why a connection failed, retries with r, and goes back with Esc', async () => {
		const refused = `Could not reach ${workEndpoint} (ECONNREFUSED). Check the endpoint in the connection string, your network.`;
		const app = renderApp({
			input: {choices: [workProfile, emulatorChoice]},
			configure(fakes) {
				fakes.connect.mockRejectedValueOnce(new Error(refused)).mockRejectedValueOnce(new Error(refused));
			},
		});
		const failed = await app.press(keys.enter, 'Could not connect');
		expect(failed).toContain('(ECONNREFUSED)');
		expect(failed).toContain('r retries · Esc goes back · nothing was lost');
		expect(footerOf(failed)).toEqual(['r retry', 'Esc back', 'q quit', '? help']);

		await app.press(keys.escape, 'Connect to Azure Communication Services');
		await app.press(keys.enter, 'Could not connect');
		await app.press('r', 'What next?');
		expect(app.fakes.connect).toHaveBeenCalledTimes(3);
		expect(app.fakes.connect.mock.calls.map(([input]) => input.choice)).toEqual([workProfile, workProfile, workProfile]);
	});
});

describe('the paste screen', () => {
	it('masks the connection string: the key never appears in any frame', async () => {
		const app = renderApp({input: {choices: [emulatorChoice]}});
		await openPaste(app);
		expect(app.lastFrame()).toContain('endpoint=https://<resource>.communication.azure.com/;accesskey=<key>');

		// A paste arrives as one chunk; then a few keys typed by hand.
		await app.press(validString.slice(0, 40));
		await app.type(validString.slice(40));
		const frame = await app.waitForText(`Looks right: ${workEndpoint}`);
		expect(frame).toContain('•'.repeat(40));
		for (const seen of app.frames()) {
			expect(seen).not.toContain(accessKey.slice(0, 8));
			expect(seen).not.toContain('accesskey=c2');
		}
	});

	it('validates as you type: a missing accesskey, a bad endpoint, then a valid string', async () => {
		const app = renderApp({input: {choices: [emulatorChoice]}});
		await openPaste(app);
		await app.press(`endpoint=${workEndpoint}`, 'has no "accesskey="');
		await app.press(`;accesskey=${accessKey}`, `Looks right: ${workEndpoint}`);
		expect(app.lastFrame()).not.toContain('has no "accesskey="');

		const other = renderApp({input: {choices: [emulatorChoice]}});
		await openPaste(other);
		const notUrl = await other.press(`endpoint=contoso;accesskey=${accessKey}`, 'The endpoint "contoso" is not a URL');
		expect(notUrl).toContain('https://<resource>.communication.azure.com/');

		const third = renderApp({input: {choices: [emulatorChoice]}});
		await openPaste(third);
		await third.press(`accesskey=${accessKey}`, 'has no "endpoint="');
	});

	it('submits with Enter only when the string is valid', async () => {
		const app = renderApp({input: {choices: [emulatorChoice]}});
		await openPaste(app);
		await app.press(`endpoint=${workEndpoint}`, 'has no "accesskey="');

		// Enter on an invalid string changes nothing; the next key proves it was read.
		app.write(keys.enter);
		await app.press(';');
		expect(app.lastFrame()).toContain('Paste a connection string');
		expect(app.fakes.connect).not.toHaveBeenCalled();

		await app.press(`accesskey=${accessKey}`, 'Looks right');
		await app.press(keys.enter, 'What next?');
		expect(app.fakes.connect.mock.calls[0]?.[0]).toEqual({choice: {kind: 'pasted', connectionString: validString}});
	});

	it('types q and ? into the input instead of quitting or opening help, and Esc goes back', async () => {
		const app = renderApp({input: {choices: [emulatorChoice]}});
		const frame = await openPaste(app);
		expect(footerOf(frame)).toEqual(['Enter continue', 'Esc back']);

		await app.press('q', '•');
		await app.press('?', '••');
		expect(app.effects.quit).not.toHaveBeenCalled();
		expect(app.lastFrame()).not.toContain('move in a list');

		await app.press(keys.escape, 'Connect to Azure Communication Services');
		expect(app.fakes.connect).not.toHaveBeenCalled();
	});
});

describe('the menu', () => {
	it('offers the tour, the manager with the stored count, the Teams user token, the client app exchange, and switching connection', async () => {
		const app = await renderConnected();
		const frame = app.lastFrame();
		expect(frame).toContain('❯ Guided tour: the quickstart, step by step');
		expect(frame).toContain('  Manage identities (3 stored)');
		expect(frame).toContain('  Teams user token (Custom Teams Endpoint)');
		expect(frame).toContain('  Entra ID user token (client app exchange)');
		expect(frame).toContain('  Switch connection');
		// Esc does nothing on the menu, so the footer does not offer it.
		expect(footerOf(frame)).toEqual(['↑↓/jk move', 'Enter choose', 'p presenter', '? help', 'q quit']);

		await app.press('j', '❯ Manage identities');
		await app.press('j', '❯ Teams user token');
		await app.press('j', '❯ Entra ID user token');
		await app.press('j', '❯ Switch connection');
		await app.press(keys.enter, 'Connect to Azure Communication Services');
		await app.press(keys.enter, 'What next?');
		expect(app.fakes.connect).toHaveBeenCalledTimes(2);
	});
});
