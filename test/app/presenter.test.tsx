import {UserError} from '../../source/errors/user-error.js';
import {afterEach, describe, expect, it} from 'vitest';
import {text} from '../../source/text/index.js';
import {presentText} from '../../source/app/present.js';
import {footerOf, keys, renderApp, unmountAll, userId} from '../_helpers/ink.js';

afterEach(unmountAll);

const work = {kind: 'profile', name: 'contoso', endpoint: 'https://contoso.communication.azure.com/'} as const;

describe('presenter mode started with --present', () => {
	it('holds for the whole session: p does not turn it off, and the footer does not offer it', async () => {
		const app = renderApp({input: {presenter: true, choices: [work]}});
		await app.waitForText(text.wizard.presenterBadge);
		expect(footerOf(app.lastFrame())).not.toContain(text.wizard.keys.presenter);
		await app.press(keys.enter, text.wizard.menu.heading);
		app.write('p');
		await app.press(keys.enter, 'Step 1 of 6');
		expect(app.lastFrame()).toContain(text.wizard.presenterBadge);
		app.actor.send({type: 'TOGGLE_PRESENTER'});
		expect(app.actor.getSnapshot().context.presenter).toBe(true);

		// The help says why p does nothing here; in a session not started so, it says what p does.
		const help = await app.press('?', text.wizard.help.heading);
		expect(help).toContain(text.wizard.help.presenterHeld);
		expect(help).not.toContain('secrets never shown, short ids');
	});

	it('the help in a session not started with --present says what p does', async () => {
		const app = renderApp({input: {choices: [work]}});
		await app.waitForText(text.wizard.connect.heading);
		const help = await app.press('?', text.wizard.help.heading);
		expect(help).toContain('p             presenter mode: secrets never shown, short ids');
		expect(help).not.toContain(text.wizard.help.presenterHeld);
	});

	it('shows no full identity id and no resource name in any panel, the HTTP exchange included', async () => {
		const app = renderApp({input: {presenter: true, choices: [work]}});
		await app.waitForText(text.wizard.connect.heading);
		await app.press(keys.enter, text.wizard.menu.heading);
		await app.press(keys.enter, 'Step 1 of 6');
		await app.press(keys.enter, 'Step 2 of 6');
		await app.press(keys.enter, frame => /POST \/identities/.test(frame));
		await app.press(keys.enter, 'Step 3 of 6');
		await app.press(keys.enter, '24 hours');
		await app.press(keys.enter, 'Access token');
		await app.press('v');
		await app.press(keys.enter, 'Step 5 of 6');
		await app.press(keys.enter, 'Revoked');
		const frames = app.frames();
		expect(frames.length).toBeGreaterThan(10);
		for (const frame of frames) {
			expect(frame).not.toContain(userId);
			expect(frame).not.toContain(encodeURIComponent(userId));
			expect(frame).not.toMatch(/contoso/i);
		}

		// The exchange is still there, with the short id, encoded as it was sent (at 80 columns cut back to its first part).
		expect(app.lastFrame()).toMatch(/POST \/identities\/8%3Aacs%3A2dee53b4…\/:revokeAccessTokens ← 204/);
	});
});

describe('presenter mode on the Entra ID sign-in', () => {
	it('masks the endpoint as it is typed, as the line that checks it does', async () => {
		const app = renderApp({input: {presenter: true, choices: [{kind: 'emulator'}]}});
		await app.waitForText(text.wizard.connect.heading);
		await app.press(keys.down, '❯ Sign in with Microsoft Entra ID…');
		await app.press(keys.enter, text.wizard.entra.endpointHeading);
		const frame = await app.type('https://contoso-prod.communication.azure.com');
		expect(frame).toContain('Looks right');
		expect(frame).not.toMatch(/contoso/i);
	});
});

describe('presenter mode in the manager and on errors', () => {
	it('masks the resource in the list heading, and endpoints and ids in error messages', async () => {
		const app = renderApp({
			input: {presenter: true, choices: [work]},
			configure(fakes) {
				fakes.createUser.mockRejectedValueOnce(
					new UserError('network', text.errors.network('https://contoso.communication.azure.com/', 'ECONNREFUSED')),
				);
				fakes.deleteUser.mockRejectedValueOnce(
					new UserError('not-owned', text.errors.notOwned('https://contoso.communication.azure.com/', userId)),
				);
			},
		});
		await app.press(keys.enter, text.wizard.menu.heading);
		await app.press(keys.enter, 'Step 1 of 6');
		await app.press(keys.enter, 'Step 2 of 6');
		await app.press(keys.enter, text.wizard.error.heading);
		await app.press(keys.escape, 'Step 2 of 6');
		await app.press(keys.escape, 'Step 1 of 6');
		await app.press(keys.escape, text.wizard.menu.heading);
		await app.press(keys.down, `❯ ${text.wizard.menu.manage(3).slice(0, 8)}`);
		await app.press(keys.enter, text.wizard.manage.heading('•••'));
		await app.press(keys.enter, text.wizard.manage.actions.rename);
		await app.press(keys.down);
		await app.press(keys.down, `❯ ${text.wizard.manage.actions.delete}`);
		await app.press(keys.enter, 'Enter confirms');
		await app.press(keys.enter, text.wizard.error.heading);
		for (const frame of app.frames()) {
			expect(frame).not.toMatch(/contoso/i);
			expect(frame).not.toContain(userId);
		}
	});
});

describe('presenter mode turned on with p', () => {
	it('turns off with p again', async () => {
		const app = renderApp({input: {choices: [work]}});
		await app.press('p', text.wizard.presenterBadge);
		expect(app.lastFrame()).not.toMatch(/contoso/i);
		await app.press('p', frame => !frame.includes(text.wizard.presenterBadge));
		expect(app.lastFrame()).toContain('contoso');
	});
});

describe('what presenter mode cuts from any text on screen', () => {
	it('an Entra object, tenant or app id (a bare GUID) and a user principal name, however wide the terminal', () => {
		const body = '{"token":"…","appId":"1b2c3d4e-0000-4000-8000-123456789abc","userId":"9f8e7d6c-1111-4222-8333-abcdefabcdef"}';
		const shown = presentText(`${body} refused the Entra ID token of learner@contoso.example`, true);
		expect(shown).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}/);
		expect(shown).toContain('"appId":"1b2c3d4e…"');
		expect(shown).toContain('•••@contoso.example');
		expect(shown).not.toContain('learner');
		expect(presentText(body, false)).toBe(body);
	});
});
