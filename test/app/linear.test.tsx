import {setTimeout as delay} from 'node:timers/promises';
import {afterAll, afterEach, beforeAll, describe, expect, it} from 'vitest';
import {keys, renderApp, renderConnected, unmountAll, untilAborted} from '../_helpers/ink.js';

afterEach(unmountAll);

/** To the busy screen of step 2, with the create call held until the test ends. */
async function toCreating(printed: boolean) {
	const app = await renderConnected({
		printed,
		configure(fakes) {
			fakes.createUser.mockImplementation((_input, signal) => untilAborted(signal));
		},
	});
	await app.press(keys.enter, 'Step 1 of 6');
	await app.press(keys.enter, 'Step 2 of 6');
	return {app, busy: await app.press(keys.enter, 'Creating the user…')};
}

describe('frames printed as lines (TERM=dumb)', () => {
	it('says the wait in words, and nothing changes on its own: the frame after it is the result', async () => {
		// The service answers after longer than a spinner's turn (250 ms) and a countdown's second.
		const app = await renderConnected({
			printed: true,
			configure(fakes) {
				const answer = fakes.createUser.getMockImplementation();
				if (!answer) {
					throw new Error('createFakes gives createUser an answer.');
				}

				fakes.createUser.mockImplementation(async (input, signal) => {
					await delay(1200, undefined, {signal});
					return answer(input, signal);
				});
			},
		});
		await app.press(keys.enter, 'Step 1 of 6');
		await app.press(keys.enter, 'Step 2 of 6');
		const busy = await app.press(keys.enter, 'Creating the user…');
		expect(busy).toContain('Creating the user… (working)');
		const count = app.frames().length;
		await app.waitForText('Created');
		// Each change would have been printed as a frame of its own, between the two.
		expect(app.frames()[count]).toContain('Created');
	});

	it('spins in a terminal that redraws', async () => {
		const {app, busy} = await toCreating(false);
		expect(busy).toMatch(/Creating the user… [|/\\-]/);
		await app.waitForFrame(frame => frame !== busy && frame.includes('Creating the user…'));
	});

	it('keeps no minimum size: the screen is printed at any width', async () => {
		const app = renderApp({printed: true, columns: 60, rows: 20, input: {autoConnect: {kind: 'emulator'}}});
		const frame = await app.waitForText('What next?');
		expect(frame).not.toContain('This terminal is');
	});
});

describe('a screen reader (INK_SCREEN_READER=true)', () => {
	beforeAll(() => {
		process.env['INK_SCREEN_READER'] = 'true';
	});
	afterAll(() => {
		delete process.env['INK_SCREEN_READER'];
	});

	it('says the highlighted item of a list, and no ❯ is drawn', async () => {
		const app = await renderConnected();
		let frame = app.lastFrame();
		expect(frame).toContain('selected: Guided tour: the quickstart, step by step');
		expect(frame).toContain('\nManage identities (3 stored)');
		expect(frame).not.toContain('❯');
		frame = await app.press(keys.down, 'selected: Manage identities (3 stored)');
		expect(frame).toContain('\nGuided tour: the quickstart, step by step');
	});

	it('says each scope as a checkbox, checked or not, and which one the cursor is on', async () => {
		const app = await renderConnected();
		await app.press(keys.enter, 'Step 1 of 6');
		await app.press(keys.enter, 'Step 2 of 6');
		await app.press(keys.enter, 'Created');
		let frame = await app.press(keys.enter, 'Step 3 of 6');
		expect(frame).toContain('selected: [x] chat: create, join and manage chat threads, checked');
		expect(frame).toMatch(/\n\[ \] voip\.join: .+, not checked\n/);
		frame = await app.press(keys.down, 'selected: [x] voip');
		frame = await app.press(keys.space, 'selected: [ ] voip: start and join calls, not checked');
		// No step dots, no boxes: linear text.
		expect(frame).not.toMatch(/[●○┌│└╭╰]/);
	});

	it('says the wait in words instead of a spinner', async () => {
		const {busy} = await toCreating(false);
		expect(busy).toContain('Creating the user… (working)');
		expect(busy).not.toMatch(/Creating the user… [|/\\-]/);
	});

	it("says where a text field's cursor is when it is not at the end, masked as the field is", async () => {
		const app = renderApp();
		await app.waitForText('Local emulator');
		await app.press(keys.up);
		await app.press(keys.enter, 'Paste a connection string');
		await app.type('abc');
		const frame = await app.press(keys.left, '••• (cursor after "••")');
		expect(frame).not.toContain('ab');
	});
});
