import {afterEach, describe, expect, it} from 'vitest';
import {emulatorChoice, fakeSignature, footerOf, frameWidth, keys, renderApp, renderConnected, tourToToken, unmountAll, userId} from '../_helpers/ink.js';

afterEach(unmountAll);

const hint = `${fakeSignature.slice(0, 4)}•••${fakeSignature.slice(-4)}`;

function expectFits(frame: string) {
	expect(frameWidth(frame)).toBeLessThanOrEqual(80);
	expect(frame.split('\n').length).toBeLessThanOrEqual(24);
}

describe('the signing panel (s)', () => {
	it('shows the string to sign part by part and the Authorization form, the signature masked, at 80×24', async () => {
		const app = await renderConnected();
		await app.press(keys.enter, 'Step 1 of 6');
		const step1 = await app.press(keys.enter, 'Step 2 of 6');
		expect(footerOf(step1)).toContain('s sign');
		const none = await app.press('s', 'How the request was signed (HMAC-SHA256) · s hides');
		expect(none).toContain('No request yet in this step.');
		await app.press('s', 'SDK code');
		await app.press(keys.enter, 'Created');

		const created = await app.press('s', 'How the request was signed');
		// The code and HTTP panels make room for it; on 24 rows the step's text too.
		expect(created).not.toContain('SDK code');
		expect(created).not.toContain('HTTP exchange');
		expect(created.replaceAll(/(\s*│\s*)+/g, ' ')).toContain('String to sign: method, path and query, then x-ms-date;host;x-ms-content-sha256 (\\n between lines):');
		expect(created).toMatch(/^│ method {15}POST +│$/m);
		expect(created).toMatch(/^│ path and query {7}\/identities\?api-version=2023-10-01 +│$/m);
		expect(created).toMatch(/^│ x-ms-date {12}[A-Z][a-z]{2}, \d{2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}:\d{2} GMT +│$/m);
		expect(created).toMatch(/^│ host {17}127\.0\.0\.1:41234 +│$/m);
		// The hash of the body that was sent ('{}' in the fake exchange).
		expect(created).toMatch(/^│ x-ms-content-sha256 {2}RBNvo1WzZ4oRRq0W9\+hknpT7T8If536DEMBg9hyq\/4o= +│$/m);
		const flat = created.replaceAll(/(\s*│\s*)+/g, ' ');
		expect(flat).toContain(`Authorization: HMAC-SHA256 SignedHeaders=x-ms-date;host;x-ms-content-sha256&Signature=${hint}`);
		expect(flat).not.toContain(fakeSignature.slice(0, 12));
		expect(created).toContain('acs-tokens sign METHOD URL prints these headers for curl.');
		expectFits(created);

		// It stays on as the tour goes on, each step showing its own request.
		await app.press(keys.enter, 'Step 3 of 6');
		// The step's screen is hidden under the panel on 24 rows, but its keys still work.
		await app.press(keys.enter, frame => footerOf(frame).includes('Enter choose'));
		const joined = (frame: string) => frame.replaceAll(/\s*│\s*/g, '');
		const token = await app.press(keys.enter, frame => frame.includes('Step 4 of 6') && joined(frame).includes(':issueAccessToken'));
		expect(token.replaceAll(/\s*│\s*/g, '')).toContain(`/identities/${encodeURIComponent(userId)}/:issueAccessToken?api-version=2023-10-01`);
		expectFits(token);
		await app.press(keys.enter, 'Step 5 of 6');
		// The revoke step: its first request, the revoke, not the token checks after it.
		const revoked = await app.press(keys.enter, frame => joined(frame).includes(':revokeAccessTokens'));
		expect(revoked).not.toContain('/emulator/tokens/:verify');
		expectFits(revoked);

		const hidden = await app.press('s', 'SDK code');
		expect(hidden).toContain('HTTP exchange');
		expect(hidden).not.toContain('How the request was signed');
		for (const frame of app.frames()) {
			expectFits(frame);
		}
	});

	it('closes when a field of the step opens: the name typed and what the step then says are seen; s shows it again', async () => {
		const app = await renderConnected();
		await tourToToken(app);
		const panel = await app.press('s', 'How the request was signed');
		expect(panel).not.toContain('Access token:');
		const prompt = await app.press('f', 'Save the token to this file: access-token.txt');
		expect(prompt).not.toContain('How the request was signed');
		expectFits(prompt);
		await app.type('.bak');
		await app.waitForText('access-token.txt.bak');
		await app.press(keys.enter, 'Saved to access-token.txt.bak (mode 600).');
		expect(app.effects.saveTokenToFile).toHaveBeenCalledWith(expect.any(String), 'access-token.txt.bak', false);
		await app.press('s', 'How the request was signed');
		for (const frame of app.frames()) {
			expectFits(frame);
		}
	});

	it('closes when the label is typed, before the user is created and after', async () => {
		const app = await renderConnected();
		await app.press(keys.enter, 'Step 1 of 6');
		await app.press(keys.enter, 'Step 2 of 6');
		await app.press('s', 'How the request was signed');
		await app.press('l', 'Label for the new identity');
		await app.type('learner');
		await app.press(keys.enter, 'Label: learner (kept only on this machine)');
		await app.press(keys.enter, 'Created');
		await app.press('s', 'How the request was signed');
		await app.press('l', 'New label (empty removes it): learner');
		expect(app.lastFrame()).not.toContain('How the request was signed');
	});

	it('keeps the step on screen beside the panel where there is room', async () => {
		const app = await renderConnected({columns: 100, rows: 40});
		await app.press(keys.enter, 'Step 1 of 6');
		await app.press(keys.enter, 'Step 2 of 6');
		await app.press(keys.enter, 'Created');
		const tall = await app.press('s', 'How the request was signed');
		expect(tall.replaceAll('\n', ' ')).toContain('Next, choose what its token may do.');
	});

	it('in presenter mode shows nothing of the signature, and no full identity id', async () => {
		const app = renderApp({input: {autoConnect: emulatorChoice, presenter: true}});
		await app.waitForText('What next?');
		await tourToToken(app);
		const panel = await app.press('s', 'How the request was signed');
		const flat = panel.replaceAll(/\s*│\s*/g, '');
		expect(flat).toContain('&Signature=•••');
		expect(flat).not.toContain(hint);
		expect(flat).not.toContain(encodeURIComponent(userId));
		expect(flat).toContain('/identities/8%3Aacs%3A2dee53b4…_00000020…89ab/:issueAccessToken');
	});

	it('in presenter mode keeps the path encoded as it was signed, only the id shortened, here and in the HTTP panel', async () => {
		const app = renderApp({input: {autoConnect: emulatorChoice, presenter: true}});
		await app.waitForText('What next?');
		const step4 = await tourToToken(app);
		// The request line of the HTTP panel: the id as sent, 8%3Aacs%3A…, never decoded (and at 80 columns shortened further).
		expect(step4).toContain('POST /identities/8%3Aacs%3A2dee53b…/:issueAccessToken');
		expect(step4).not.toContain('/identities/8:acs:');
		const panel = await app.press('s', 'How the request was signed');
		const flat = panel.replaceAll(/\s*│\s*/g, '');
		expect(flat).toMatch(/path and query +\/identities\/8%3Aacs%3A2dee53b4…_00000020…89ab\/:issueAccessToken\?api-version=2023-10-01x-ms-date/);
		expect(flat).not.toContain('8:acs:');
	});

	it('says a request with a bearer token carries no HMAC signature', async () => {
		const app = await renderConnected({
			configure(fakes) {
				fakes.createUser.mockImplementationOnce(async () => ({
					id: userId,
					exchanges: [
						{
							method: 'POST',
							path: '/identities?api-version=2023-10-01',
							apiVersion: '2023-10-01',
							status: 201,
							milliseconds: 3,
							requestHeaders: {authorization: 'Bearer •••'},
							requestBody: undefined,
							responseBody: undefined,
							signing: {scheme: 'bearer'},
						},
					],
				}));
			},
		});
		await app.press(keys.enter, 'Step 1 of 6');
		await app.press(keys.enter, 'Step 2 of 6');
		await app.press(keys.enter, 'Created');
		const panel = await app.press('s', 'How the request was signed');
		expect(panel.replaceAll(/(\s*│\s*)+/g, ' ')).toContain('This request carries a bearer token (Authorization: Bearer <token>, Entra ID) instead of an HMAC signature.');
		expect(panel).not.toContain('String to sign');
	});

	it('is in the help overlay, and s does nothing outside the tour', async () => {
		const app = await renderConnected();
		const help = await app.press('?', 'Keys');
		expect(help).toMatch(/│ s {2,}how the request was signed \(HMAC-SHA256\), for curl or Postman/);
		const menu = await app.press('x', 'What next?');
		expect(footerOf(menu)).not.toContain('s sign');
		app.write('s');
		await app.press(keys.enter, 'Step 1 of 6');
		expect(app.lastFrame()).not.toContain('How the request was signed');
	});
});
