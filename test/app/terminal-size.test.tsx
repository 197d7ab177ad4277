import {afterEach, describe, expect, it} from 'vitest';
import {switchLanguage} from '../../source/text/index.js';
import {emulatorChoice, footerOf, frameWidth, keys, renderApp, renderConnected, unmountAll} from '../_helpers/ink.js';

afterEach(unmountAll);

const notice = (columns: number, rows: number) =>
	`This terminal is ${columns}×${rows}; acs-tokens needs at least 80×24. Enlarge the window or press q to quit.`;
/** The notice as drawn: wrapped at the terminal's width. */
const flat = (frame: string) => frame.split('\n').map(line => line.trim()).join(' ');

describe('a terminal smaller than 80×24', () => {
	it('shows only the notice, with the size it is, updated on resize', async () => {
		const app = renderApp({columns: 60, rows: 20, input: {autoConnect: emulatorChoice}});
		let frame = await app.waitForFrame(drawn => flat(drawn).includes(notice(60, 20)));
		expect(flat(frame)).toBe(notice(60, 20));
		expect(frameWidth(frame)).toBeLessThanOrEqual(60);
		expect(frame).not.toContain('What next?');
		expect(footerOf(frame)).toEqual([]);

		frame = await app.resize(100, 23);
		expect(flat(await app.waitForFrame(drawn => flat(drawn).includes(notice(100, 23))))).toBe(notice(100, 23));
		frame = await app.resize(79, 40);
		expect(flat(await app.waitForFrame(drawn => flat(drawn).includes(notice(79, 40))))).toBe(notice(79, 40));
	});

	it('fits a very small terminal, wrapped without a line starting with a space', async () => {
		const app = renderApp({columns: 30, rows: 10, input: {autoConnect: emulatorChoice}});
		const frame = await app.waitForFrame(drawn => flat(drawn).includes(notice(30, 10)));
		expect(frameWidth(frame)).toBeLessThanOrEqual(30);
		for (const line of frame.split('\n')) {
			expect(line).not.toMatch(/^ /);
		}
	});

	it('takes no key but q meanwhile, and resumes where it was once large enough', async () => {
		const app = await renderConnected();
		await app.press(keys.enter, 'Step 1 of 6');
		await app.press(keys.enter, 'Step 2 of 6');
		await app.press(keys.enter, 'Created');
		await app.press(keys.enter, 'Step 3 of 6');
		// The scopes' cursor on the second one, then the window made too small.
		const before = await app.press(keys.down);
		await app.resize(70, 24);
		await app.waitForFrame(frame => flat(frame).includes(notice(70, 24)));
		for (const key of [keys.space, keys.down, keys.enter, keys.escape, 'p', '?', 't', 'v']) {
			app.write(key);
		}

		await app.settled();

		const back = await app.resize(80, 24);
		const resumed = await app.waitForFrame(frame => frame.includes('Step 3 of 6'));
		expect(resumed).toBe(before);
		expect(back).not.toContain('This terminal is');
		expect(app.actor.getSnapshot().context.scopes).toEqual(['chat', 'voip']);
		expect(app.effects.quit).not.toHaveBeenCalled();
		// The list's cursor is where it was: Space toggles the second scope.
		await app.press(keys.space, frame => frame.includes('[ ] voip'));
	});

	it('a key that arrives the moment the notice is drawn reaches no screen behind it', async () => {
		const app = await renderConnected();
		await app.press(keys.enter, 'Step 1 of 6');
		app.whenDrawn(frame => flat(frame).includes(notice(70, 24)), () => app.write(keys.enter));
		await app.resize(70, 24);
		await app.waitForFrame(frame => flat(frame).includes(notice(70, 24)));
		await app.resize(80, 24);
		const resumed = await app.waitForFrame(frame => frame.includes('Step 1 of 6'));
		expect(resumed).not.toContain('Step 2 of 6');
		expect(app.actor.getSnapshot().hasTag('busy')).toBe(false);
		// The same Enter, once the screen is back, goes on.
		await app.press(keys.enter, 'Step 2 of 6');
	});

	it('quits with q, even with a request in flight', async () => {
		const app = renderApp({
			columns: 60,
			rows: 20,
			input: {autoConnect: {kind: 'emulator'}},
			configure(fakes) {
				fakes.connect.mockImplementation(() => new Promise(() => undefined));
			},
		});
		await app.waitForFrame(frame => flat(frame).includes(notice(60, 20)));
		app.write('x');
		app.write('q');
		await expect.poll(() => app.effects.quit.mock.calls.length).toBe(1);
	});

	it('says it in Traditional Chinese', async () => {
		await switchLanguage('zh-TW');
		try {
			const app = renderApp({columns: 60, rows: 20, input: {autoConnect: emulatorChoice}});
			const frame = await app.waitForFrame(drawn => drawn.includes('此終端機為 60×20'));
			expect(frame.split('\n').join('')).toBe('此終端機為 60×20；acs-tokens 至少需要 80×24。請放大視窗，或按 q 結束。');
		} finally {
			await switchLanguage('en');
		}
	});
});
