import {afterEach, describe, expect, it} from 'vitest';
import {switchLanguage} from '../../source/text/index.js';
import {
	type AppHarness,
	emulatorChoice,
	frameWidth,
	keys,
	openIdentity,
	renderApp,
	renderConnected,
	tourToToken,
	unmountAll,
} from '../_helpers/ink.js';

afterEach(unmountAll);

/** Every frame the app wrote fits the terminal: no line wider, no more lines than it has. */
function expectAllFramesFit(app: AppHarness, columns: number, rows: number) {
	const frames = app.frames();
	expect(frames.length).toBeGreaterThan(10);
	for (const frame of frames) {
		const width = frameWidth(frame);
		const height = frame.split('\n').length;
		if (width > columns || height > rows) {
			throw new Error(`A frame is ${width}×${height}, larger than ${columns}×${rows}:\n${frame}`);
		}
	}
}

describe('an 80×24 terminal', () => {
	it('fits every frame of connect, paste, menu, the whole tour, help and presenter mode', async () => {
		const app = renderApp({
			input: {
				choices: [
					{kind: 'profile', name: 'production-west-europe', endpoint: 'https://contoso-production-westeurope-01.communication.azure.com/'},
					{kind: 'dotenv', path: '/work/project/.env', variable: 'COMMUNICATION_SERVICES_CONNECTION_STRING', endpoint: 'https://contoso.communication.azure.com/'},
					emulatorChoice,
				],
			},
		});
		await app.press('?', 'move in a list');
		await app.press(keys.enter, 'Connect to');
		await app.press(keys.up, '❯ Paste');
		await app.press(keys.enter, 'It stays masked.');
		await app.press('endpoint=https://contoso.communication.azure.com/some/long/path/that/is/wrong;accesskey=a2V5', 'credentials.');
		await app.press(keys.escape, 'Connect to');
		await app.press(keys.down);
		await app.press(keys.down, '❯ Local emulator');
		await app.press(keys.enter, 'What next?');

		await app.press(keys.enter, 'Step 1 of 6');
		await app.press('t', 'Python');
		await app.press(keys.enter, 'Step 2 of 6');
		await app.press(keys.enter, 'Created');
		await app.press(keys.enter, 'Step 3 of 6');
		// All five scopes: the longest SDK line.
		for (let index = 0; index < 4; index += 1) {
			await app.press(keys.down);
			if (index >= 1) {
				await app.press(keys.space);
			}
		}

		await app.press(keys.enter, 'How long');
		await app.press(keys.enter, 'Step 4 of 6');
		await app.press('v', 'Scopes: chat, voip, chat.join');
		await app.press('?', 'move in a list');
		await app.press(keys.escape, 'Access token');
		await app.press('v', '•••');
		await app.press('p', 'PRESENTER');
		await app.press('f', 'Save the token to this file');
		await app.press(keys.enter, 'Saved to');
		await app.press(keys.enter, 'Step 5 of 6');
		await app.press(keys.enter, 'Revoked.');
		await app.press(keys.enter, 'Step 6 of 6');
		await app.press(keys.enter, 'Deleted.');
		await app.press(keys.enter, 'whole flow');
		await app.press(keys.enter, 'What next?');

		expectAllFramesFit(app, 80, 24);
	});

	it('fits every frame of the manager, with a CJK label, its confirmations and errors', async () => {
		const app = await renderConnected({
			configure(fakes) {
				fakes.deleteUser.mockRejectedValueOnce(
					new Error(
						'8:acs:2dee53b4-368b-45b4-ab52-8493fb117652_00000020-aaaa-4bbb-8ccc-000000000002 does not exist on this resource (404): Identity not found. If it was deleted, forget it locally with "acs-tokens user forget".',
					),
				);
			},
		});
		await openIdentity(app, 1);
		expect(app.lastFrame()).toContain('測試使用者 (8:acs:');
		await app.press(keys.down);
		await app.press(keys.down, '❯ Delete');
		await app.press(keys.enter, 'Enter confirms');
		await app.press(keys.enter, 'Something went wrong');
		await app.press(keys.escape, '❯ Issue a new token');
		await app.press(keys.down);
		await app.press(keys.down);
		await app.press(keys.down, '❯ Rename');
		await app.press(keys.enter, 'New label');
		await app.type('測試');
		await app.press(keys.enter, '測試使用者測試 (');
		await app.press(keys.escape, 'Identities of emulator');
		await app.press('p', 'PRESENTER');
		await app.press(keys.up, '❯ alice');
		await app.press(keys.enter, 'alice (8:acs:2dee53b4…');
		await app.press(keys.enter, '[x] chat');
		await app.press(keys.enter, '24 hours');
		await app.press(keys.enter, 'Access token');
		await app.press(keys.enter, 'Issue a new token');

		expectAllFramesFit(app, 80, 24);
	});
});

describe('a 100×30 terminal', () => {
	it('keeps "when a" apart in the revoke step, whose first line of explanation ends exactly at column 100', async () => {
		const app = await renderConnected({columns: 100, rows: 30});
		await tourToToken(app);
		const frame = await app.press(keys.enter, 'Step 5 of 6: Revoke tokens');
		const lines = frame.split('\n');
		const first = lines.findIndex(line => line.startsWith('Revoking invalidates'));
		expect(lines[first]).toBe('Revoking invalidates every token issued to this identity so far; new tokens still work. Use it when');
		expect(lines[first + 1]).toBe('a device is lost or a user signs out everywhere.');
		expect(frame).not.toContain('whena');
	});
});

describe('an ACS id longer than the line, in step 2', () => {
	// An id the emulator made, as reported: `8:acs:<guid>_<guid>`, 79 columns.
	const reportedId = '8:acs:2dee53b4-368b-45b4-ab52-8493fb117652_c4562f69-227b-4eac-a9ef-fd4727df90d2';
	const created = () =>
		renderApp({
			input: {autoConnect: emulatorChoice},
			configure(fakes) {
				fakes.createUser.mockResolvedValue({id: reportedId, exchanges: []});
			},
		});

	it('breaks after a hyphen, not inside a group of the GUID, at 80 columns', async () => {
		const app = created();
		await app.waitForText('What next?');
		await app.press(keys.enter, 'Step 1 of 6');
		await app.press(keys.enter, 'Step 2 of 6');
		await app.press('l', 'Label for the new identity');
		await app.type('alice');
		await app.press(keys.enter, 'Label: alice');
		const frame = await app.press(keys.enter, 'Press Enter to continue');
		expect(frame).toContain(
			'Created alice (8:acs:2dee53b4-368b-45b4-ab52-8493fb117652_c4562f69-227b-4eac-\na9ef-fd4727df90d2). Next, choose what its token may do.',
		);
		expect(frame).not.toContain('a9e\nf');
	});

	it('in zh-TW, takes the last group along with the full stop that may not start a line', async () => {
		await switchLanguage('zh-TW');
		try {
			const app = created();
			await app.waitForText('接下來要做什麼？');
			await app.press(keys.enter, '步驟 1/6');
			await app.press(keys.enter, '步驟 2/6');
			const frame = await app.press(keys.enter, '接下來，選擇它的權杖可以做什麼。');
			expect(frame).toContain(`已建立\n${reportedId.slice(0, -12)}\nfd4727df90d2。接下來，選擇它的權杖可以做什麼。`);
		} finally {
			await switchLanguage('en');
		}
	});
});

describe('resizing', () => {
	it('lays the screen out again for the new width', async () => {
		const app = await renderConnected({columns: 120});
		await app.press(keys.enter, 'Step 1 of 6');
		const wide = app.lastFrame();
		expect(wide).toContain(
			'The client is set up for https://127.0.0.1:41234/; nothing is sent until step 2. It signs each request with the access',
		);
		expect(frameWidth(wide)).toBeGreaterThan(80);

		const narrow = await app.resize(80);
		expect(frameWidth(narrow)).toBeLessThanOrEqual(80);
		expect(narrow).toContain('The client is set up for https://127.0.0.1:41234/; nothing is sent until step 2.\n');

		// Below 80 columns only the size notice is drawn; back at 80 the step is there again.
		const narrower = await app.resize(60);
		expect(frameWidth(narrower)).toBeLessThanOrEqual(60);
		expect(narrower).toContain('This terminal is 60×24');
		expect(narrower).not.toContain('Step 1 of 6: Connect');
		const again = await app.resize(80);
		expect(again).toContain('Step 1 of 6: Connect');
		// The footer wraps between keys, so quit and help stay on screen.
		expect(again).toContain('q quit');
		expect(again).toContain('? help');

		// And it still answers keys after the resize.
		await app.press(keys.enter, 'Step 2 of 6');
		expect(frameWidth(app.lastFrame())).toBeLessThanOrEqual(80);
	});
});
