import {describe, expect, test} from 'vitest';
import {createSandbox, type Sandbox, stackTraceLine, temporaryDirectory} from '../_helpers/cli.js';
import {keys, type TerminalSession} from '../_helpers/pty-terminal.js';
import {exitMarker, openWizardTerminal, type WizardTerminalOptions} from '../_helpers/wizard-terminal.js';

/**
 * The built binary in a pty in the terminals people have: one that cannot move its cursor
 * (TERM=dumb), a screen reader's (--screen-reader, INK_SCREEN_READER), and one too small.
 */

const esc = '\u001B';
const sharedCacheDirectory = await temporaryDirectory('acs-tokens-e2e-cache-');

function openWizard(sandbox: Sandbox, options: Omit<WizardTerminalOptions, 'cacheDirectory'> = {}) {
	return openWizardTerminal(sandbox, {...options, cacheDirectory: sharedCacheDirectory});
}

async function exitCode(session: TerminalSession): Promise<number> {
	const screen = await session.waitFor(exitMarker, 20_000);
	await session.exit();
	expect(screen).not.toMatch(stackTraceLine);
	return Number(exitMarker.exec(screen)?.[1]);
}

/** What the wizard wrote before it exited. */
const wizardOutput = (session: TerminalSession) => session.raw.slice(0, session.raw.search(exitMarker));

/** Every CSI sequence that moves the cursor or erases (CUU…CUP, ED, EL, scrolling, save/restore). */
function cursorMovements(raw: string): string[] {
	return [...raw.matchAll(new RegExp(`${esc}\\[[\\d;?]*[ABCDEFGHJKSTfsu]`, 'g'))].map(match => JSON.stringify(match[0]));
}

function escapes(raw: string): string[] {
	return [...raw.matchAll(new RegExp(`${esc}[^a-zA-Z]*[a-zA-Z]`, 'g'))].map(match => JSON.stringify(match[0]));
}

/** How many times a text was printed (screens are printed, never redrawn). */
const printedTimes = (raw: string, what: string) => raw.split(what).length - 1;

describe('TERM=dumb', () => {
	test('each screen printed once as lines, no escape sequence at all, keys still read', async () => {
		const sandbox = await createSandbox();
		const session = openWizard(sandbox, {args: ['--emulator'], env: {TERM: 'dumb'}});
		await session.waitFor('What next?');
		await session.press(keys.down, /❯ Manage identities/);
		// Printed below the first menu, which showed ❯ there too.
		await session.press(keys.up, () => printedTimes(session.raw, '❯ Guided tour') === 2);
		await session.press(keys.enter, 'Step 1 of 6');
		await session.press(keys.enter, 'Step 2 of 6');
		await session.press(keys.enter, /Created\s+8:acs:/);
		await session.press(keys.enter, 'Step 3 of 6');
		await session.press(keys.enter, 'How long the token lives');
		await session.press(keys.enter, /Access token: eyJ\w+•••/);
		await session.waitFor('Status: valid');
		await session.press('q', exitMarker);
		expect(await exitCode(session)).toBe(0);

		const output = wizardOutput(session);
		expect(cursorMovements(output)).toEqual([]);
		expect(escapes(output)).toEqual([]);
		// The menu three times (the cursor moved twice), each step's heading once per screen of it.
		expect(printedTimes(output, 'What next?')).toBe(3);
		expect(printedTimes(output, 'Step 1 of 6')).toBe(1);
		// Screens one after the other, as lines, a blank line between them; nothing erased.
		expect(output).toMatch(/What next\?[\s\S]*\r\n\r\nacs-tokens emulator[^\r\n]*\r\nStep 1 of 6/);
		// The wait is said in words, printed once: no spinner turns.
		expect(printedTimes(output, 'Connecting… (working)')).toBe(1);
	}, 60_000);
});

describe('a screen reader', () => {
	test.each([
		['--screen-reader', ['--screen-reader'], {}],
		['INK_SCREEN_READER=true', [], {INK_SCREEN_READER: 'true'}],
	])('with %s: linear text, no boxes, no spinner, selections and checkboxes said', async (_case, args, env) => {
		const sandbox = await createSandbox();
		const session = openWizard(sandbox, {args: [...args, '--emulator'], env});
		await session.waitFor('selected: Guided tour: the quickstart, step by step');
		await session.press(keys.down, 'selected: Manage identities (0 stored)');
		await session.press(keys.up, 'selected: Guided tour');
		await session.press(keys.enter, 'Step 1 of 6: Connect');
		await session.press(keys.enter, 'Step 2 of 6');
		await session.press(keys.enter, /Created\s+8:acs:/);
		// A printed frame has no end mark: the footer after the heading says the whole frame is in.
		let screen = await session.press(keys.enter, /Step 3 of 6[\s\S]*q quit/);
		expect(screen).toContain('selected: [x] chat: create, join and manage chat threads, checked');
		expect(screen).toContain('[ ] chat.join: join chat threads');
		screen = await session.press(keys.down, /selected: \[x\] voip: start and join calls, checked/);
		screen = await session.press(keys.space, /selected: \[ \] voip: start and join calls, not checked/);
		await session.press(keys.space, /selected: \[x\] voip/);
		await session.press(keys.enter, 'How long the token lives');
		screen = await session.press(keys.enter, /Access token: eyJ\w+•••/);
		await session.press('q', exitMarker);
		expect(await exitCode(session)).toBe(0);

		const output = wizardOutput(session);
		expect(printedTimes(output, 'Connecting… (working)')).toBe(1);
		// No box, no step dots, no colours, nothing drawn over.
		expect(output).not.toMatch(/[┌┐└┘╭╮╰╯│─●○❯]/);
		expect(cursorMovements(output)).toEqual([]);
		expect(escapes(output)).toEqual([]);
		for (const line of output.split(/\r?\n/)) {
			expect(line).not.toMatch(/^ \S/);
		}
	}, 60_000);

	test('in Traditional Chinese', async () => {
		const sandbox = await createSandbox();
		const session = openWizard(sandbox, {args: ['--screen-reader', '--emulator'], env: {LANG: 'zh_TW.UTF-8'}});
		await session.waitFor('已選取：');
		await session.press(keys.enter, '步驟 1/6');
		await session.press('q', exitMarker);
		expect(await exitCode(session)).toBe(0);
	}, 60_000);
});

describe('a terminal smaller than 80×24', () => {
	test('shows only the notice with its size, follows resizes, resumes where it was, quits with q', async () => {
		const sandbox = await createSandbox();
		const session = openWizard(sandbox, {args: ['--emulator'], columns: 60, rows: 20});
		let screen = await session.waitFor(screen => screen.replaceAll('\n', ' ').includes('This terminal is 60×20; acs-tokens needs at least 80×24.'));
		expect(screen).not.toContain('What next?');
		for (const line of screen.split('\n')) {
			expect(line).not.toMatch(/^ /);
		}

		session.resize(80, 24);
		await session.waitFor('What next?');
		await session.press(keys.enter, 'Step 1 of 6');
		session.resize(79, 30);
		screen = await session.waitFor(screen => screen.replaceAll('\n', ' ').includes('This terminal is 79×30'));
		expect(screen).not.toContain('Step 1 of 6');
		// Keys do nothing meanwhile: Enter does not go on to step 2 (read before the next
		// resize is seen: the notice changes after it).
		session.process.write(keys.enter);
		session.resize(79, 31);
		await session.waitFor(screen => screen.replaceAll('\n', ' ').includes('This terminal is 79×31'));
		session.resize(100, 30);
		screen = await session.waitFor('Step 1 of 6');
		expect(screen).not.toContain('Step 2 of 6');
		expect(screen).not.toContain('This terminal is');
		session.resize(70, 24);
		await session.waitFor(screen => screen.replaceAll('\n', ' ').includes('This terminal is 70×24'));
		await session.press('q', exitMarker);
		expect(await exitCode(session)).toBe(0);
	}, 60_000);
});
