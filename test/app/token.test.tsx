import {afterEach, describe, expect, it} from 'vitest';
import {type AppHarness, footerOf, frameWidth, keys, renderConnected, tourToCustomMinutes, tourToToken, unmountAll} from '../_helpers/ink.js';
import {UserError} from '../../source/errors/user-error.js';

afterEach(unmountAll);

function tokenOf(app: AppHarness): string {
	const token = app.actor.getSnapshot().context.token?.token;
	if (!token) {
		throw new Error('No token in the machine.');
	}

	return token;
}

/** The frame's lines glued back together, so a wrapped token reads as one string. */
const unwrapped = (frame: string) =>
	frame
		.split('\n')
		.map(line => line.trimEnd())
		.join('');

/** The frame's lines as one line of prose: wrapped sentences read whole. */
const prose = (frame: string) =>
	frame
		.split('\n')
		.map(line => line.trim())
		.join(' ');

const countdown = (frame: string) => /Expires: in (\d+h \d+m \d+s)/.exec(frame)?.[1];

describe('the token view', () => {
	it('masks the token by default, reveals it with v, and masks it again', async () => {
		const app = await renderConnected();
		const masked = await tourToToken(app);
		const token = tokenOf(app);
		expect(masked).toContain(`Access token: ${token.slice(0, 12)}•••`);
		expect(unwrapped(masked)).not.toContain(token);
		expect(footerOf(masked)).toEqual([
			'Enter continue',
			'v reveal',
			'c copy',
			'f file',
			'e .env',
			'i claims',
			't TS/Python',
			's sign',
			'Esc back',
			'p presenter',
			'? help',
			'q quit',
		]);

		const revealed = await app.press('v', frame => unwrapped(frame).includes(token));
		expect(revealed).not.toContain('•••"');
		// v now masks it, and the footer says so.
		expect(footerOf(revealed)).toContain('v mask');
		expect(footerOf(revealed)).not.toContain('v reveal');
		// On a 24-row terminal the revealed token takes the panels' room and everything still fits.
		expect(revealed.split('\n').length).toBeLessThanOrEqual(24);
		expect(frameWidth(revealed)).toBeLessThanOrEqual(80);

		const again = await app.press('v', `Access token: ${token.slice(0, 12)}•••`);
		expect(unwrapped(again)).not.toContain(token);
		expect(again).toContain('SDK code (TypeScript)');
	});

	it('shows the scopes and the decoded claims', async () => {
		const app = await renderConnected();
		const frame = await tourToToken(app);
		expect(frame).toContain('Scopes: chat, voip · Expires: in 23h 59m');
		expect(frame).toContain('Claims: skypeid acs:2dee53b4-368b-45b4-ab52-8493fb117652_00000020-1a2b');
	});

	it('counts down to the expiry, live', async () => {
		const app = await renderConnected();
		const frame = await tourToToken(app);
		const first = countdown(frame);
		expect(first).toMatch(/^23h 59m \d+s$/);
		const later = await app.waitForFrame(next => countdown(next) !== undefined && countdown(next) !== first);
		expect(countdown(later)).toMatch(/^23h 59m \d+s$/);
	});

	it('shows the minutes of an hour-long countdown even when they are 0: in 1h 0m 59s, not in 1h 59s', async () => {
		const app = await renderConnected();
		await tourToCustomMinutes(app);
		await app.type('61');
		const frame = await app.press(keys.enter, 'Step 4 of 6');
		expect(frame).toMatch(/Scopes: chat, voip · Expires: in 1h 0m \d+s\n/);
	});

	it('updates the status line as the watchToken actor reports: checking → valid → revoked', async () => {
		const app = await renderConnected();
		const frame = await tourToToken(app);
		expect(frame).toContain('Status: checking…');
		expect(app.watchers.at(-1)?.token).toBe(tokenOf(app));

		app.reportStatus('valid');
		await app.waitForText('Status: valid');
		app.reportStatus('revoked');
		await app.waitForText('Status: REVOKED');

		// The revoke step watches the same token, so a learner sees the revoke take effect.
		app.reportStatus('valid');
		await app.waitForText('Status: valid');
		await app.press(keys.enter, 'Step 5 of 6');
		expect(app.lastFrame()).toContain('Status: valid');
		await app.press(keys.enter, 'Revoked.');
		app.reportStatus('revoked');
		await app.waitForText('Status: REVOKED');
		await app.press(keys.enter, 'Step 6 of 6');
		await app.press(keys.enter, 'Deleted.');
		app.reportStatus('deleted');
		await app.waitForText('Status: INVALID: identity deleted');
	});

	it('copies the token with c through the clipboard effect, and says what was done and the file', async () => {
		const app = await renderConnected();
		await tourToToken(app);
		const frame = await app.press('c', next => prose(next).includes('If it does not arrive, press f to save it to a file.'));
		expect(prose(frame)).toContain(
			'Sent to the terminal with OSC 52: it reaches the clipboard if your terminal allows clipboard writes (some ask first, some need it turned on).',
		);
		expect(app.effects.copyToClipboard).toHaveBeenCalledTimes(1);
		expect(app.effects.copyToClipboard).toHaveBeenCalledWith(tokenOf(app));
	});

	it('says so when nothing can reach the clipboard, and offers the file on the same screen', async () => {
		const app = await renderConnected({
			configure(_fakes, effects) {
				effects.copyToClipboard.mockResolvedValueOnce({message: 'Not copied: tmux says no.', sent: false});
			},
		});
		await tourToToken(app);
		const frame = await app.press('c', next => prose(next).includes('Not copied: tmux says no. Press f to save it to a file instead.'));
		expect(frame).not.toContain('If it does not arrive');
		const prompt = await app.press('f', 'Save the token to this file: access-token.txt');
		// The field is about a file now: what the copy said goes.
		expect(prose(prompt)).not.toContain('Not copied');
	});

	it('keeps the f prompt on its line when the path typed does not fit beside it: the path goes on below', async () => {
		const app = await renderConnected();
		await tourToToken(app);
		await app.press('f', 'Save the token to this file: access-token.txt');
		await app.press('\u0015', frame => !frame.includes('access-token.txt'));
		const file = 'tokens/workshop-2026-12-03/attendee-tokens/access-token-for-the-demo.txt';
		app.write(file);
		const frame = await app.waitForText('demo.txt');
		const lines = frame.split('\n');
		const at = lines.findIndex(line => line.trimEnd().endsWith('Save the token to this file:'));
		expect(at).not.toBe(-1);
		expect(lines[at + 1]?.trim()).toBe(file);
	});

	it('saves the token to a file named at the f prompt', async () => {
		const app = await renderConnected();
		await tourToToken(app);
		const prompt = await app.press('f', 'Save the token to this file: access-token.txt');
		expect(footerOf(prompt)).toEqual(['Enter continue', 'Esc back']);

		// While the prompt is open, letters are typed, not shortcuts.
		await app.type('.bak');
		await app.press('q', 'access-token.txt.bakq');
		expect(app.effects.quit).not.toHaveBeenCalled();
		expect(app.effects.copyToClipboard).not.toHaveBeenCalled();

		await app.press(keys.enter, 'Saved to access-token.txt.bakq (mode 600).');
		expect(app.effects.saveTokenToFile).toHaveBeenCalledWith(tokenOf(app), 'access-token.txt.bakq', false);
		expect(app.lastFrame()).not.toContain('Save the token to this file');
	});

	it('asks before replacing a file that exists: Enter on the same name replaces it, another name keeps it', async () => {
		const app = await renderConnected({
			configure(_fakes, effects) {
				effects.saveTokenToFile
					.mockResolvedValueOnce({kind: 'exists', file: '/work/project/access-token.txt'})
					.mockResolvedValueOnce({kind: 'exists', file: '/work/project/access-token.txt'});
			},
		});
		await tourToToken(app);
		await app.press('f', 'Save the token to this file: access-token.txt');
		let frame = await app.press(keys.enter, next => prose(next).includes('/work/project/access-token.txt already exists.'));
		expect(prose(frame)).toContain('Enter replaces it; type another name to keep it, or Esc.');
		// The field is open again on the same name.
		expect(frame).toContain('Save the token to this file: access-token.txt');
		expect(footerOf(frame)).toEqual(['Enter continue', 'Esc back']);
		expect(app.effects.saveTokenToFile).toHaveBeenLastCalledWith(tokenOf(app), 'access-token.txt', false);

		// Esc keeps it; f asks afresh.
		frame = await app.press(keys.escape, next => !next.includes('Save the token to this file'));
		expect(prose(frame)).not.toContain('already exists');
		await app.press('f', 'Save the token to this file: access-token.txt');
		await app.press(keys.enter, next => prose(next).includes('already exists'));
		frame = await app.press(keys.enter, 'Saved to access-token.txt (mode 600).');
		expect(app.effects.saveTokenToFile).toHaveBeenLastCalledWith(tokenOf(app), 'access-token.txt', true);
		expect(prose(frame)).not.toContain('already exists');
	});

	it('asks again, on the name given, when the name is refused: the field stays open with the reason', async () => {
		const refusal = '"1BAD" is not a variable name: use letters, digits and _, not starting with a digit.';
		const app = await renderConnected({
			configure(_fakes, effects) {
				effects.saveTokenToDotenv.mockRejectedValueOnce(new UserError('usage', refusal));
			},
		});
		await tourToToken(app);
		await app.press('e', 'Save as this variable in ./.env: ACS_USER_ACCESS_TOKEN');
		await app.press('\u0015', frame => !frame.includes('./.env: ACS_USER_ACCESS_TOKEN'));
		await app.type('1BAD');
		let frame = await app.press(keys.enter, next => prose(next).includes(refusal));
		expect(frame).toContain('Save as this variable in ./.env: 1BAD');
		expect(footerOf(frame)).toEqual(['Enter continue', 'Esc back']);
		await app.press('\u0015', next => !next.includes('./.env: 1BAD'));
		await app.type('GOOD');
		frame = await app.press(keys.enter, 'Saved as GOOD in .env.');
		expect(prose(frame)).not.toContain(refusal);
		expect(app.effects.saveTokenToDotenv.mock.calls.map(([, variable]) => variable)).toEqual(['1BAD', 'GOOD']);
	});

	it('saves the token as a .env entry named at the e prompt, and shows a failure', async () => {
		const app = await renderConnected({
			configure(_fakes, effects) {
				effects.saveTokenToDotenv.mockRejectedValueOnce(new Error('EACCES: permission denied, open /work/project/.env'));
			},
		});
		await tourToToken(app);
		await app.press('e', 'Save as this variable in ./.env: ACS_USER_ACCESS_TOKEN');
		await app.press(keys.enter, 'EACCES: permission denied, open /work/project/.env');

		await app.press('e', 'Save as this variable in ./.env: ACS_USER_ACCESS_TOKEN');
		await app.type('_2');
		await app.press(keys.enter, 'Saved as ACS_USER_ACCESS_TOKEN_2 in .env.');
		expect(app.effects.saveTokenToDotenv.mock.calls.map(([token, variable]) => [token === tokenOf(app), variable])).toEqual([
			[true, 'ACS_USER_ACCESS_TOKEN'],
			[true, 'ACS_USER_ACCESS_TOKEN_2'],
		]);
	});

	it('closes a save prompt with Esc without leaving the token view', async () => {
		const app = await renderConnected();
		await tourToToken(app);
		await app.press('f', 'Save the token to this file');
		const closed = await app.press(keys.escape, frame => !frame.includes('Save the token to this file'));
		expect(closed).toContain('Step 4 of 6: Issue token');
		expect(closed).toContain('Access token:');
		expect(app.effects.saveTokenToFile).not.toHaveBeenCalled();
		// Esc again is back to the lifetime.
		await app.press(keys.escape, 'How long the token lives');
	});

	it('types a letter that comes the moment the prompt is drawn into the file name, not as a shortcut', async () => {
		const app = await renderConnected();
		await tourToToken(app);
		// Written the moment the prompt's frame is out, as a key typed at once reaches the program.
		app.whenDrawn(
			frame => frame.includes('Save the token to this file'),
			() => queueMicrotask(() => app.write('q')),
		);
		app.write('f');
		await app.waitForText('Save the token to this file: access-token.txtq');
		expect(app.effects.quit).not.toHaveBeenCalled();
	});

	it('closes the prompt, and stays on the token, with an Esc that comes the moment the prompt is drawn', async () => {
		const app = await renderConnected();
		await tourToToken(app);
		// Written the moment the prompt's frame is out, as a key typed at once reaches the program.
		app.whenDrawn(
			frame => frame.includes('Save the token to this file'),
			() => queueMicrotask(() => app.write(keys.escape)),
		);
		const prompted = (frame: string) => frame.includes('Save the token to this file');
		const before = app.frames().length;
		app.write('f');
		// A frame with the prompt, then one without it.
		const closed = await app.waitForFrame(frame => app.frames().slice(before).some(prompted) && !prompted(frame));
		expect(closed).toContain('Step 4 of 6: Issue token');
		expect(app.actor.getSnapshot().hasTag('typing')).toBe(false);
		// Letters are shortcuts again, and Esc is back to the lifetime.
		await app.press('i', 'Step 4 of 6');
		await app.press('i', 'Access token:');
		await app.press(keys.escape, 'How long the token lives');
	});
});

describe('presenter mode', () => {
	it('never reveals the token and shortens ids once p is pressed', async () => {
		const app = await renderConnected();
		await tourToToken(app);
		const token = tokenOf(app);
		await app.press('v', frame => unwrapped(frame).includes(token));

		// Turning presenter mode on hides a revealed token at once.
		const presenting = await app.press('p', 'PRESENTER');
		expect(unwrapped(presenting)).not.toContain(token);
		expect(presenting).toContain(`Access token: ${token.slice(0, 12)}•••`);
		expect(presenting).toContain('Claims: skypeid acs:2dee53b4…_00000020…89ab');

		const refused = await app.press('v', 'Presenter mode: tokens cannot be revealed.');
		expect(unwrapped(refused)).not.toContain(token);
		expect(app.actor.getSnapshot().context.revealed).toBe(false);

		const off = await app.press('p', frame => !frame.includes('PRESENTER'));
		expect(off).toContain('Claims: skypeid acs:2dee53b4-368b-45b4-ab52-8493fb117652_');
		// What presenter mode said is gone with it.
		expect(off).not.toContain('Presenter mode: tokens cannot be revealed.');
	});

	it('starts on with --present: short ids from the first step, no token ever shown', async () => {
		const app = await renderConnected({input: {presenter: true}});
		expect(app.lastFrame()).toContain('PRESENTER');
		await app.press(keys.enter, 'Step 1 of 6');
		await app.press(keys.enter, 'Step 2 of 6');
		const created = await app.press(keys.enter, 'Created');
		expect(created).toContain('Created 8:acs:2dee53b4…_00000020…89ab. Next, choose what its token may do.');
		await app.press(keys.enter, 'Step 3 of 6');
		await app.press(keys.enter, 'How long');
		await app.press(keys.enter, 'Step 4 of 6');
		await app.press('v', 'Presenter mode: tokens cannot be revealed.');
		const token = tokenOf(app);
		for (const frame of app.frames()) {
			expect(unwrapped(frame)).not.toContain(token.slice(0, 40));
		}
	});
});
