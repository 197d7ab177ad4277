import {UserError} from '../../source/errors/user-error.js';
import {afterEach, beforeAll, describe, expect, it} from 'vitest';
import {printedLines} from '../../source/app/frame-printer.js';
import {en} from '../../source/text/en.js';
import {switchLanguage, text, useCatalogue} from '../../source/text/index.js';
import {emulatorChoice, frameWidth, keys, renderApp, unmountAll, type AppHarness} from '../_helpers/ink.js';
import {englishIn, pseudoCatalogue} from '../_helpers/pseudo-locale.js';

afterEach(unmountAll);

/**
 * Every screen of the wizard, walked by keys, waiting on the words of the catalogue in use: the
 * connect screen, help, the paste form and its refusal, the menu, the whole tour (with the
 * Python code and the save prompt), presenter mode, the manager's list, an identity, its token,
 * its rename form, a confirmation and a failure.
 */
async function walkEveryScreen(
	app: AppHarness,
	highlighted: (label: string) => string | ((frame: string) => boolean) = label => `❯ ${label}`,
): Promise<void> {
	const w = () => text.wizard;
	await app.press('?', w().help.heading);
	await app.press(keys.escape, w().connect.heading);
	await app.press(keys.up, highlighted(w().connect.paste));
	await app.press(keys.enter, w().paste.heading);
	await app.press('endpoint=https://contoso.communication.azure.com/a/path;accesskey=a2V5', text.errors.connectionString({kind: 'endpoint-not-an-origin', endpoint: 'https://contoso.communication.azure.com/a/path', origin: 'https://contoso.communication.azure.com/'}).slice(0, 12));
	await app.press(keys.escape, w().connect.heading);
	await app.press(keys.down);
	await app.press(keys.down, highlighted(w().connect.emulator));
	await app.press(keys.enter, w().menu.heading);

	const step = (n: number) => w().stepOf(n, 6, w().steps[n - 1] as string);
	await app.press(keys.enter, step(1));
	await app.press('t', w().code.heading('Python'));
	await app.press('t', w().code.heading('TypeScript'));
	await app.press(keys.enter, step(2));
	await app.press(keys.enter, w().run(w().actions.next));
	await app.press(keys.enter, step(3));
	await app.press(keys.down);
	await app.press(keys.space);
	await app.press(keys.enter, w().explain.lifetime.slice(0, 10));
	// The minutes typed beside the presets: out of range said as typed, then a valid value.
	await app.press(keys.end, highlighted(w().lifetime.custom));
	await app.press(keys.enter, w().lifetime.prompt(60, 1440));
	await app.press('59', w().lifetime.tooShort('59', 60).slice(0, 6));
	await app.press('\u007f\u007f90', w().lifetime.valid(w().lifetime.minutes(90)).slice(0, 6));
	await app.press(keys.enter, step(4));
	await app.press('f', w().token.filePrompt);
	await app.press(keys.enter, w().token.savedFile('access-token.txt'));
	await app.press('i', w().token.claimsView.heading);
	await app.press(keys.escape, w().token.heading);
	await app.press('p', w().presenterBadge);
	await app.press(keys.enter, step(5));
	await app.press(keys.enter, w().run(w().actions.next));
	await app.press(keys.enter, step(6));
	// The delete fails once (the fake's network error): the error screen, then r retries.
	await app.press(keys.enter, w().error.heading);
	await app.press('r', w().run(w().actions.next));
	await app.press(keys.enter, w().explain.finished.slice(0, 10));
	await app.press(keys.enter, w().menu.heading);
	await app.press('p', frame => !frame.includes(w().presenterBadge));

	await app.press(keys.down, highlighted(w().menu.manage(3).slice(0, 8)));
	await app.press(keys.enter, w().manage.heading('emulator'));
	// The filter after /, a filter that matches nothing, Esc clears it; the new identity's label prompt.
	await app.press('/', w().list.filterPrompt.trim());
	await app.press('zz', w().list.noMatch('zz').slice(0, 8));
	// Esc clears the filter and starts the cursor over, on the create choice.
	await app.press(keys.escape, highlighted(w().manage.create));
	await app.press(keys.enter, w().manage.newLabelPrompt.slice(0, 8));
	await app.press(keys.escape, w().manage.heading('emulator'));
	app.write(keys.home);
	await app.press(keys.down);
	await app.press(keys.enter, w().manage.actions.rename);
	await app.press(keys.enter, w().scopes.chat.slice(0, 6));
	await app.press(keys.enter, w().lifetime.minutes(1440));
	// The minutes typed in the tour are offered again; ↑ goes to the presets.
	await app.press(keys.up, highlighted(w().lifetime.minutes(1440)));
	await app.press(keys.enter, w().token.heading);
	await app.press(keys.enter, w().manage.actions.issue);
	for (let index = 0; index < 3; index++) {
		await app.press(keys.down);
	}

	await app.press(keys.enter, w().manage.renamePrompt);
	await app.press(keys.escape, w().manage.actions.issue);
	await app.press(keys.down);
	await app.press(keys.down, highlighted(w().manage.actions.delete));
	await app.press(keys.enter, w().manage.confirm.delete('alice').slice(-8));
	await app.press(keys.enter, highlighted(w().manage.actions.issue));
}

function renderForWalk(printed = false): AppHarness {
	return renderApp({
		printed,
		input: {
			choices: [
				{kind: 'profile', name: 'production-west-europe', endpoint: 'https://contoso-production-westeurope-01.communication.azure.com/'},
				{kind: 'dotenv', path: '/work/project/.env', variable: 'COMMUNICATION_SERVICES_CONNECTION_STRING', endpoint: 'https://contoso.communication.azure.com/'},
				emulatorChoice,
			],
		},
		configure(fakes, effects) {
			fakes.deleteUser.mockRejectedValueOnce(new UserError('network', text.errors.network('https://127.0.0.1:41234/', 'ECONNREFUSED')));
			effects.saveTokenToFile.mockImplementation(async (_token, file) => ({kind: 'saved', message: text.wizard.token.savedFile(file)}));
			effects.saveTokenToDotenv.mockImplementation(async (_token, variable) => text.wizard.token.savedDotenv(variable, '.env'));
		},
	});
}

/** Prose in a round box (an error, a confirmation) wraps without a stray space at a line's start. */
function expectNoStraySpaces(frames: readonly string[]): void {
	for (const frame of frames) {
		let inBox = false;
		for (const line of frame.split('\n')) {
			inBox = line.startsWith('╭') ? true : line.startsWith('╰') ? false : inBox;
			if (inBox && line.startsWith('│')) {
				expect(line, `a wrapped line of:\n${frame}`).not.toMatch(/^│ {2}\S/);
			}
		}
	}
}

/**
 * A screen reader's frames as the printer prints them at 80 columns: no box, no line wider, and
 * none starting with a stray space (one space, then text: a wrap's leftover; code keeps its
 * two-space indent).
 */
function expectLinear(frames: readonly string[]): void {
	for (const frame of frames) {
		const printed = printedLines(frame, 80);
		expect(printed, 'no box in linear text').not.toMatch(/[┌┐└┘╭╮╰╯│─●○❯]/);
		for (const line of printed.split('\n')) {
			expect(line, `a line of:\n${printed}`).not.toMatch(/^ (?! )/);
			expect(frameWidth(line), `a line of:\n${printed}`).toBeLessThanOrEqual(80);
		}
	}
}

/** The walk under a screen reader: the highlight is said, not drawn. */
const spokenWalk = (app: AppHarness) =>
	walkEveryScreen(app, label => {
		const said = text.wizard.spoken.selected('\u0000').split('\u0000')[0] as string;
		return frame => frame.split('\n').some(line => line.startsWith(said) && line.includes(label));
	});

function expectFitting(frames: readonly string[]): void {
	// The last frame of each screen: a paragraph's first frame wraps as Ink does, until its width is known.
	const head = (frame: string) => frame.split('\n').slice(0, 3).join('\n');
	expectNoStraySpaces(frames.filter((frame, index) => index === frames.length - 1 || head(frames[index + 1] as string) !== head(frame)));
	for (const frame of frames) {
		const width = frameWidth(frame);
		const height = frame.split('\n').length;
		if (width > 80 || height > 24) {
			throw new Error(`A frame is ${width}×${height}, larger than 80×24:\n${frame}`);
		}
	}
}

describe('the pseudo-locale (every message accented and 40 % wider)', () => {
	beforeAll(() => {
		useCatalogue(pseudoCatalogue(en));
		return () => useCatalogue(en);
	});

	it('leaves no English on any screen of the wizard, and every screen still fits 80×24', async () => {
		const app = renderForWalk();
		await walkEveryScreen(app);
		const frames = app.frames();
		expect(frames.length).toBeGreaterThan(40);
		const english = [...new Set(frames.flatMap(frame => englishIn(frame)))];
		expect(english, 'English that did not come from the catalogue').toEqual([]);
		expectFitting(frames);
	});
});

describe('Traditional Chinese (zh-TW)', () => {
	beforeAll(async () => {
		await switchLanguage('zh-TW');
		return () => switchLanguage('en');
	});

	it('walks every screen in zh-TW, each fitting 80×24, none without Chinese', async () => {
		const app = renderForWalk();
		await walkEveryScreen(app);
		const frames = app.frames();
		expectFitting(frames);
		for (const frame of frames.filter(drawn => drawn.trim() !== '')) {
			expect(frame, 'every screen speaks zh-TW').toMatch(/\p{Script=Han}/u);
		}

		expect(app.lastFrame()).toContain('建立時間');
	});

	it('calls the token\'s lifetime 存留期 on the lifetime screen, in its errors and in the manager, as the zh-TW quickstart does', async () => {
		const w = () => text.wizard;
		const app = renderApp({input: {autoConnect: emulatorChoice}});
		await app.waitForText(w().menu.heading);
		await app.press(keys.enter, w().stepOf(1, 6, w().steps[0] as string));
		await app.press(keys.enter, w().stepOf(2, 6, w().steps[1] as string));
		await app.press(keys.enter, w().run(w().actions.next));
		await app.press(keys.enter, w().stepOf(3, 6, w().steps[2] as string));
		await app.press(keys.enter, '權杖的存留期：60 到 1440 分鐘');
		await app.press(keys.end, `❯ ${w().lifetime.custom}`);
		await app.press(keys.enter, w().lifetime.prompt(60, 1440));
		const typed = await app.press('59', '59 分鐘短於權杖可有的存留期：至少 60 分鐘。');
		// A full-width colon carries its own room: what is typed follows it with no space.
		expect(typed).toContain('分鐘數（60–1440）：59');
		await app.press('\u007f\u007f2000', '2000 分鐘長於權杖可有的存留期：最多 1440 分鐘（24 小時）。');

		const manager = renderApp({input: {autoConnect: emulatorChoice}});
		await manager.waitForText(w().menu.heading);
		await manager.press(keys.down, `❯ ${w().menu.manage(3).slice(0, 8)}`);
		await manager.press(keys.enter, w().manage.heading('emulator'));
		await manager.press(keys.down);
		await manager.press(keys.enter, w().manage.actions.rename);
		await manager.press(keys.enter, w().scopes.chat.slice(0, 6));
		await manager.press(keys.enter, frame => /^為 \S+ 發出新權杖：它的存留期。$/m.test(frame));

		for (const frame of [...app.frames(), ...manager.frames()]) {
			expect(frame, 'one word for the lifetime').not.toMatch(/效期|有效期限/);
		}
	});
});

describe('frames printed as lines (TERM=dumb)', () => {
	beforeAll(() => {
		useCatalogue(pseudoCatalogue(en));
		return () => useCatalogue(en);
	});

	it('walks every screen in the pseudo-locale, each fitting 80×24, no stray space in a box', async () => {
		const app = renderForWalk(true);
		await walkEveryScreen(app);
		expectFitting(app.frames());
	});
});

describe('a screen reader (INK_SCREEN_READER=true)', () => {
	beforeAll(() => {
		process.env['INK_SCREEN_READER'] = 'true';
		return () => {
			delete process.env['INK_SCREEN_READER'];
		};
	});

	it('walks every screen in the pseudo-locale as linear text, no English left, no stray space', async () => {
		useCatalogue(pseudoCatalogue(en));
		try {
			const app = renderForWalk(true);
			await spokenWalk(app);
			const frames = app.frames();
			expect(frames.length).toBeGreaterThan(40);
			expect([...new Set(frames.flatMap(frame => englishIn(frame)))]).toEqual([]);
			expectLinear(frames);
		} finally {
			useCatalogue(en);
		}
	});

	it('walks every screen in zh-TW as linear text, no stray space', async () => {
		await switchLanguage('zh-TW');
		try {
			const app = renderForWalk(true);
			await spokenWalk(app);
			expectLinear(app.frames());
			expect(app.lastFrame()).toContain('已選取：');
		} finally {
			await switchLanguage('en');
		}
	});
});
