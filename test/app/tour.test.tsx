import {afterEach, describe, expect, it} from 'vitest';
import {emulatorChoice, footerOf, frameWidth, keys, renderApp, renderConnected, tourToCustomMinutes, tourToToken, unmountAll, userId} from '../_helpers/ink.js';

afterEach(unmountAll);

const stepLine = /Step \d of 6: [A-Za-z ]+[a-z]/;

describe('the guided tour', () => {
	it('shows the six steps in order, each with its indicator, explanation and prompt', async () => {
		const app = await renderConnected();

		const step1 = await app.press(keys.enter, 'Step 1 of 6: Connect ● ○ ○ ○ ○ ○');
		// Nothing has been sent yet: it does not say connected.
		expect(step1).toContain('The client is set up for https://127.0.0.1:41234/; nothing is sent until step 2.');
		expect(step1).toContain('Press Enter to continue.');
		// Connecting made no request of its own in this step: no HTTP panel yet.
		expect(step1).not.toContain('HTTP exchange');

		const step2 = await app.press(keys.enter, 'Step 2 of 6: Create user ● ● ○ ○ ○ ○');
		expect(step2).toContain('An identity is a user of your app in ACS');
		expect(step2).toContain('Press Enter to create the user.');
		expect(step2).toContain('No request yet in this step.');

		const created = await app.press(keys.enter, `Created`);
		expect(created.replaceAll('\n', '')).toContain(userId);
		expect(app.fakes.createUser).toHaveBeenCalledTimes(1);

		const step3 = await app.press(keys.enter, 'Step 3 of 6: Choose scopes ● ● ● ○ ○ ○');
		expect(step3).toContain('A token carries scopes');
		const lifetime = await app.press(keys.enter, 'How long the token lives');
		expect(lifetime).toContain('Step 3 of 6: Choose scopes');

		const step4 = await app.press(keys.enter, 'Step 4 of 6: Issue token ● ● ● ● ○ ○');
		expect(step4).toContain("Your app's server hands this token to the client app");

		const step5 = await app.press(keys.enter, 'Step 5 of 6: Revoke tokens ● ● ● ● ● ○');
		expect(step5).toContain('Press Enter to revoke its tokens.');
		const revoked = await app.press(keys.enter, 'Revoked. Tokens issued before now stop working');
		expect(revoked).toContain('Step 5 of 6');
		expect(app.fakes.revokeAndReissue.mock.calls[0]?.[0]).toMatchObject({userId, scopes: ['chat', 'voip'], lifetimeMinutes: 1440});

		const step6 = await app.press(keys.enter, 'Step 6 of 6: Delete user ● ● ● ● ● ●');
		expect(step6).toContain('Press Enter to delete the user.');
		await app.press(keys.enter, 'Deleted. Both tokens, the revoked one and the new one, are now invalid for good.');
		expect(app.fakes.deleteUser.mock.calls[0]?.[0]).toEqual({userId});

		await app.press(keys.enter, 'That is the whole flow.');
		await app.press(keys.enter, 'What next?');

		const steps = app.frames().map(frame => stepLine.exec(frame)?.[0]);
		const order = steps.filter((step, index) => step !== undefined && step !== steps[index - 1]);
		expect(order).toEqual([
			'Step 1 of 6: Connect',
			'Step 2 of 6: Create user',
			'Step 3 of 6: Choose scopes',
			'Step 4 of 6: Issue token',
			'Step 5 of 6: Revoke tokens',
			'Step 6 of 6: Delete user',
		]);
	});

	it('goes back a step with Esc, and back to the menu from the first step', async () => {
		const app = await renderConnected();
		await app.press(keys.enter, 'Step 1 of 6');
		await app.press(keys.enter, 'Step 2 of 6');
		await app.press(keys.escape, 'Step 1 of 6');
		await app.press(keys.escape, 'What next?');
		expect(app.fakes.createUser).not.toHaveBeenCalled();
	});

	it('switches the SDK code panel between TypeScript and Python with t, across steps', async () => {
		const app = await renderConnected();
		const typescript = await app.press(keys.enter, 'Step 1 of 6');
		expect(typescript).toContain('SDK code (TypeScript) · t switches');
		expect(typescript).toContain("import {CommunicationIdentityClient} from '@azure/communication-identity';");

		const python = await app.press('t', 'SDK code (Python)');
		expect(python).toContain('from azure.communication.identity import (');
		expect(python).toContain('CommunicationIdentityClient, CommunicationTokenScope)');
		expect(python).toContain('from datetime import timedelta');
		expect(python).toContain('import os');
		expect(python).toContain('CommunicationIdentityClient.from_connection_string(');
		expect(python).not.toContain('@azure/communication-identity');

		// The language stays chosen on the next steps.
		const step2 = await app.press(keys.enter, 'Step 2 of 6');
		expect(step2).toContain('user = client.create_user()');
		await app.press(keys.enter, 'Created');
		const scopes = await app.press(keys.enter, 'Step 3 of 6');
		expect(scopes).toContain('token_result = client.get_token(');
		expect(scopes).toContain('user, [CommunicationTokenScope.CHAT, CommunicationTokenScope.VOIP],');
		expect(scopes).toContain('token_expires_in=timedelta(minutes=1440))');

		const back = await app.press('t', 'SDK code (TypeScript)');
		expect(back).toContain("user, ['chat', 'voip'], {tokenExpiresInMinutes: 1440});");
	});

	it('shows the HTTP request and response of each step, with the token masked', async () => {
		const app = await renderConnected();
		await app.press(keys.enter, 'Step 1 of 6');
		await app.press(keys.enter, 'Step 2 of 6');
		const created = await app.press(keys.enter, 'Created');
		expect(created).toContain('HTTP exchange (secrets masked)');
		expect(created).toContain('POST /identities?api-version=2023-10-01');
		expect(created).toContain('← 201 {"identity":{"id":"8:acs:');

		await app.press(keys.enter, 'Step 3 of 6');
		await app.press(keys.enter, 'How long');
		const issued = await app.press(keys.enter, 'Step 4 of 6');
		const token = app.actor.getSnapshot().context.token?.token ?? '';
		expect(token).toMatch(/^eyJ[\w-]+\.[\w-]+\.[\w-]+$/);
		expect(issued).toContain(`POST /identities/${encodeURIComponent(userId).slice(0, 17)}…/:issueAccessToken?api-version=2023-10-01`);
		expect(issued).toContain('→ {"scopes":["chat","voip"],"expiresInMinutes":1440}');
		expect(issued).toContain('← 200 {"token":"eyJhbG•••","expiresOn":"');

		await app.press(keys.enter, 'Step 5 of 6');
		const revoked = await app.press(keys.enter, 'Revoked.');
		// The step's four exchanges, a line each at 80×24: the revoke, the new token, and both checked.
		const lines = revoked.split('\n');
		const http = lines.findIndex(line => line.includes('HTTP exchange'));
		expect(lines.slice(http + 1, http + 5).map(line => /│ (\S+ \S+ ← \d+)/.exec(line)?.[1])).toEqual([
			'POST /identities/8%3Aacs%3A2dee53b4…/:revokeAccessTokens ← 204',
			'POST /identities/8%3Aacs%3A2dee53b4…/:issueAccessToken ← 200',
			'POST /emulator/tokens/:verify ← 200',
			'POST /emulator/tokens/:verify ← 200',
		]);
		expect(revoked).toContain('← 204');
		expect(revoked).toContain('← 200');

		for (const frame of app.frames()) {
			expect(frame.replaceAll('\n', '')).not.toContain(token.slice(0, 40));
		}
	});

	it.each([
		[80, '8%3Aacs%3A2dee53b…', '8%3Aacs%3A2dee53b4-368b-45b4-ab52…'],
		[100, '8%3Aacs%3A2dee53b4-368b-45b4-ab52-849…', '8%3Aacs%3A2dee53b4-368b-45b4-ab52-8493fb117652_000000…'],
	])('at %i columns shows the operation, the api-version and the status of steps 4 and 6, the id shortened in the middle', async (columns, issuedId, deletedId) => {
		const app = await renderConnected({columns});
		/** The lines inside the panels' borders, whole: a line cut at its end would not match. */
		const panelLines = (frame: string) => frame.split('\n').map(line => line.replace(/^│ (.*?) *│$/, '$1'));

		const step4 = panelLines(await tourToToken(app));
		expect(step4).toContain(`POST /identities/${issuedId}/:issueAccessToken?api-version=2023-10-01`);
		expect(step4).toContainEqual(expect.stringMatching(/^← 200 \{"token":"eyJhbG•••","expiresOn":"[^"]+"\} \(12 ms\)$/));

		await app.press(keys.enter, 'Step 5 of 6');
		await app.press(keys.enter, 'Revoked.');
		await app.press(keys.enter, 'Step 6 of 6');
		const step6 = panelLines(await app.press(keys.enter, 'Deleted.'));
		expect(step6).toContain(`DELETE /identities/${deletedId}?api-version=2023-10-01`);
		expect(step6).toContain('← 204 (12 ms)');
	});

	it('shows the masked authorization header when the terminal has room for it', async () => {
		const app = await renderConnected({columns: 120, rows: 40});
		await app.press(keys.enter, 'Step 1 of 6');
		await app.press(keys.enter, 'Step 2 of 6');
		const created = await app.press(keys.enter, 'Created');
		expect(created).toContain(
			'authorization: HMAC-SHA256 SignedHeaders=x-ms-date;host;x-ms-content-sha256&Signature=•••',
		);
		expect(created).not.toContain('c2lnbmF0dXJl');
		expect(created).toContain('(12 ms)');
	});
});

describe('the revoke step', () => {
	it('revokes, issues a new token for the same identity, and shows both checked live: revoked beside valid', async () => {
		const app = await renderConnected();
		await tourToToken(app);
		const step5 = await app.press(keys.enter, 'Step 5 of 6');
		expect(step5).toContain('Revoking invalidates every token issued to this identity so far');
		const revoked = await app.press(keys.enter, 'New token');
		const revokedToken = app.fakes.revokeAndReissue.mock.calls[0]?.[0].revokedToken ?? '';
		const fresh = app.actor.getSnapshot().context.freshToken;
		expect(fresh?.token).toBeDefined();
		expect(fresh?.token).not.toBe(revokedToken);
		expect(revoked.replaceAll('\n', ' ')).toContain('Tokens issued before now stop working, however long they had left; new ones work');
		// Both masked, told apart by when each was issued, each with its status as the emulator answered.
		expect(revoked).toMatch(/Revoked token: eyJhbGciOiJS••• · issued \d{1,2}:\d\d:\d\d [AP]M · Status: REVOKED/);
		expect(revoked).toMatch(/New token: eyJhbGciOiJS••• · issued \d{1,2}:\d\d:\d\d [AP]M · Status: valid/);
		const issued = [...revoked.matchAll(/issued (\S+ [AP]M)/g)].map(match => match[1]);
		expect(issued).toHaveLength(2);
		expect(issued[0]).not.toBe(issued[1]);
		// Revoke, then the new getToken, in the SDK code too.
		expect(revoked).toContain('await client.revokeTokens(user);');
		expect(revoked).toContain('const fresh = await client.getToken(');
		expect(revoked).toContain("user, ['chat', 'voip'], {tokenExpiresInMinutes: 1440});");

		// Live: each line follows its own watcher.
		app.reportStatus('expired', 'fresh');
		const later = await app.waitForText('Status: EXPIRED');
		expect(later).toMatch(/Revoked token: .*Status: REVOKED/);
		expect(later).toMatch(/New token: .*Status: EXPIRED/);
		app.reportStatus('deleted');
		await app.waitForFrame(frame => /Revoked token: .*Status: INVALID: identity/.test(frame));

		const python = await app.press('t', 'SDK code (Python)');
		expect(python).toContain('client.revoke_tokens(user)');
		expect(python).toContain('fresh = client.get_token(');
		for (const frame of app.frames()) {
			expect(frame.replaceAll('\n', '')).not.toContain((fresh?.token ?? '').slice(0, 40));
		}
	});

	it('in Traditional Chinese, says why and shows both tokens', async () => {
		const {switchLanguage} = await import('../../source/text/index.js');
		await switchLanguage('zh-TW');
		try {
			const app = renderApp({input: {autoConnect: emulatorChoice}});
			await app.waitForText('接下來要做什麼？');
			await app.press(keys.enter, '步驟 1/6');
			await app.press(keys.enter, '步驟 2/6');
			await app.press(keys.enter, '已建立');
			await app.press(keys.enter, '步驟 3/6');
			await app.press(keys.enter, '1440');
			await app.press(keys.enter, '步驟 4/6');
			await app.press(keys.enter, '步驟 5/6');
			const revoked = await app.press(keys.enter, '新的權杖');
			expect(revoked.replaceAll('\n', '')).toContain('已撤銷。在此之前發行的權杖都會失效');
			expect(revoked).toMatch(/已撤銷的權杖：eyJhbGciOiJS••• · 發行於 .+ · 狀態：已撤銷/);
			expect(revoked).toMatch(/新的權杖：eyJhbGciOiJS••• · 發行於 .+ · 狀態：有效/);
		} finally {
			await switchLanguage('en');
		}
	});
});

describe('choosing scopes', () => {
	it('toggles with Space, requires at least one, and continues with Enter', async () => {
		const app = await renderConnected();
		await app.press(keys.enter, 'Step 1 of 6');
		await app.press(keys.enter, 'Step 2 of 6');
		await app.press(keys.enter, 'Created');
		const start = await app.press(keys.enter, 'Step 3 of 6');
		expect(start).toContain('❯ [x] chat: create, join and manage chat threads');
		expect(start).toContain('  [x] voip: start and join calls');
		expect(start).toContain('  [ ] chat.join: join chat threads, but not create, update or delete them');
		expect(start).toContain('  [ ] chat.join.limited:');
		expect(start).toContain('  [ ] voip.join:');
		expect(start).not.toContain('Choose at least one scope.');
		expect(footerOf(start)).toEqual([
			'↑↓/jk move',
			'Space toggle',
			'Enter continue',
			't TS/Python',
			's sign',
			'Esc back',
			'p presenter',
			'? help',
			'q quit',
		]);

		await app.press(keys.space, '❯ [ ] chat:');
		await app.press(keys.down, '❯ [x] voip');
		const none = await app.press(keys.space, '❯ [ ] voip');
		expect(none).toContain('Choose at least one scope.');

		// Enter with nothing chosen stays here; the next key proves it was read.
		app.write(keys.enter);
		await app.press(keys.down, '❯ [ ] chat.join:');
		expect(app.lastFrame()).toContain('Choose at least one scope.');
		expect(app.lastFrame()).not.toContain('How long the token lives');

		const chosen = await app.press(keys.space, '❯ [x] chat.join:');
		expect(chosen).not.toContain('Choose at least one scope.');
		expect(chosen).toContain("user, ['chat.join'], {tokenExpiresInMinutes: 1440});");

		await app.press(keys.enter, 'How long the token lives');
		await app.press(keys.enter, 'Step 4 of 6');
		expect(app.fakes.issueToken.mock.calls[0]?.[0]).toEqual({userId, scopes: ['chat.join'], lifetimeMinutes: 1440});
		expect(app.lastFrame()).toContain('Scopes: chat.join ·');
	});
});

describe('choosing the lifetime', () => {
	it('lists the presets with the default, 1440 minutes, highlighted', async () => {
		const app = await renderConnected();
		await app.press(keys.enter, 'Step 1 of 6');
		await app.press(keys.enter, 'Step 2 of 6');
		await app.press(keys.enter, 'Created');
		await app.press(keys.enter, 'Step 3 of 6');
		const frame = await app.press(keys.enter, 'How long the token lives');
		const presets = frame.split('\n').filter(line => /\(\d+ minutes\)/.test(line));
		expect(presets).toEqual([
			'  1 hour (60 minutes)',
			'  2 hours (120 minutes)',
			'  4 hours (240 minutes)',
			'  8 hours (480 minutes)',
			'  12 hours (720 minutes)',
			'❯ 24 hours (1440 minutes) — default',
		]);
		expect(footerOf(frame)).toEqual(['↑↓/jk move', 'Enter choose', 't TS/Python', 's sign', 'Esc back', 'p presenter', '? help', 'q quit']);

		const shorter = await app.press(keys.up, '❯ 12 hours (720 minutes)');
		expect(shorter).toContain('{tokenExpiresInMinutes: 720}');
		const token = await app.press(keys.enter, 'Step 4 of 6');
		expect(app.fakes.issueToken.mock.calls[0]?.[0]).toMatchObject({lifetimeMinutes: 720});
		expect(token).toMatch(/Expires: in 11h 59m \d+s/);
	});

	it('takes minutes typed in the custom entry, checked as they are typed (60–1440, whole)', async () => {
		const app = await renderConnected();
		let frame = await tourToCustomMinutes(app);
		expect(frame).toContain('Type whole minutes from 60 to 1440; Enter takes them once they are in range.');
		expect(footerOf(frame)).toEqual(['Enter continue', 'Esc back']);
		// With the code and HTTP panels, still within 80×24.
		expect(frame.split('\n').length).toBeLessThanOrEqual(24);
		expect(frameWidth(frame)).toBeLessThanOrEqual(80);

		// Letters are typed (q does not quit), and refused, saying why.
		frame = await app.type('q5');
		expect(app.effects.quit).not.toHaveBeenCalled();
		expect(frame).toContain('Minutes (60–1440): q5');
		expect(frame).toContain('"q5" is not a whole number of minutes: type digits only, e.g. 90.');
		await app.press('\u0015', frame => frame.includes('Minutes (60–1440):') && !frame.includes('q5'));
		frame = await app.type('59');
		expect(frame).toContain('59 minutes is shorter than a token may live: 60 at least.');
		// Enter is refused until the number is in range.
		app.write(keys.enter);
		frame = await app.press('0', '✓ 590 minutes · Enter issues the token');
		expect(frame).toContain('Step 3 of 6');
		expect(app.fakes.issueToken).not.toHaveBeenCalled();
		frame = await app.type('0');
		expect(frame).toContain('5900 minutes is longer than a token may live: 1440 (24 hours) at most.');
		await app.press('\u007f', '✓ 590 minutes');
		await app.press('\u007f', frame => frame.includes('Minutes (60–1440): 59') && frame.includes('shorter'));
		await app.type('.5');
		frame = app.lastFrame();
		expect(frame).toContain('"59.5" is not a whole number of minutes');
		await app.press('\u0015', frame => !frame.includes('59.5'));
		// What JavaScript would read as a number is not typed digits.
		await app.type('1e2');
		expect(app.lastFrame()).toContain('"1e2" is not a whole number of minutes');
		await app.press('\u0015', frame => !frame.includes('1e2'));
		// Full-width digits, as a Chinese or Japanese IME types them, are digits.
		await app.type('１２０');
		await app.waitForText('✓ 2 hours (120 minutes)');
		await app.press('\u0015', frame => !frame.includes('１２０'));
		// Leading zeros are still the number: 000090 is 90, taken as such.
		await app.type('000090');
		await app.waitForText('✓ 90 minutes');
		await app.press('\u0015', frame => !frame.includes('000090'));
		await app.type('90');
		const token = await app.press(keys.enter, 'Step 4 of 6');
		expect(app.fakes.issueToken.mock.calls[0]?.[0]).toMatchObject({lifetimeMinutes: 90});
		expect(token).toContain('{tokenExpiresInMinutes: 90}');
		expect(token).toMatch(/Expires: in 1h 29m \d+s/);

		// Back on the lifetime, the custom entry is chosen and says the minutes; Esc leaves the typing, not the screen.
		frame = await app.press(keys.escape, 'How long the token lives');
		expect(frame).toContain('❯ Custom: 90 minutes');
		frame = await app.press(keys.enter, 'Minutes (60–1440): 90');
		frame = await app.press(keys.escape, frame => !frame.includes('Minutes (60–1440)'));
		expect(frame).toContain('❯ Custom: 90 minutes');
		expect(frame).toContain('How long the token lives');
	});

	it("shows the minutes in the step's code as they are typed, and puts the lifetime back on Esc", async () => {
		const app = await renderConnected();
		let frame = await tourToCustomMinutes(app);
		expect(frame).toContain('{tokenExpiresInMinutes: 1440}');
		await app.type('9');
		// Not a lifetime yet: the code keeps the one there was.
		expect(app.lastFrame()).toContain('{tokenExpiresInMinutes: 1440}');
		frame = await app.press('0', '{tokenExpiresInMinutes: 90}');
		expect(frame).toContain('✓ 90 minutes');
		frame = await app.press('0', '{tokenExpiresInMinutes: 900}');
		frame = await app.press(keys.escape, frame => !frame.includes('Minutes (60–1440)'));
		expect(frame).toContain('{tokenExpiresInMinutes: 1440}');
		expect(frame).not.toContain('Custom: 900 minutes');
		// Enter on a typed lifetime keeps it.
		await app.press(keys.enter, 'Minutes (60–1440)');
		await app.type('120');
		const token = await app.press(keys.enter, 'Step 4 of 6');
		expect(app.fakes.issueToken.mock.calls[0]?.[0]).toMatchObject({lifetimeMinutes: 120});
		expect(token).toContain('{tokenExpiresInMinutes: 120}');
	});

	it('keeps the chosen lifetime when coming back to it', async () => {
		const app = await renderConnected();
		await tourToToken(app);
		const back = await app.press(keys.escape, 'How long the token lives');
		expect(back).toContain('❯ 24 hours (1440 minutes) — default');
		await app.press('k', '❯ 12 hours');
		await app.press(keys.escape, 'A token carries scopes');
		await app.press(keys.enter, '❯ 12 hours (720 minutes)');
	});
});
