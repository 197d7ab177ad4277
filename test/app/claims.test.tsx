import {render} from 'ink-testing-library';
import {afterEach, describe, expect, it} from 'vitest';
import {claimLines} from '../../source/app/claims.js';
import {ClaimsScreen} from '../../source/app/screens/claims-screen.js';
import {decodeJwt} from '../../source/protocol/jwt.js';
import {switchLanguage, text} from '../../source/text/index.js';
import {accessToken, type AppHarness, emulatorChoice, footerOf, renderApp, frameWidth, keys, renderConnected, tourToToken, unmountAll, userId} from '../_helpers/ink.js';

afterEach(unmountAll);

/** The JWT's payload, as the token on screen carries it. */
function payloadOf(app: AppHarness): Record<string, unknown> {
	const token = app.actor.getSnapshot().context.token?.token ?? '';
	return JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString('utf8')) as Record<string, unknown>;
}

const lineOf = (frame: string, label: string) => frame.split('\n').find(line => line.startsWith(`${label} `));

const expectFits = (frame: string, rows = 24) => {
	expect(frame.split('\n').length).toBeLessThanOrEqual(rows);
	expect(frameWidth(frame)).toBeLessThanOrEqual(80);
};

describe('the claims view (i on the token)', () => {
	it('puts every claim on a line of its own, times in the local zone with how long ago or until, and the summary first', async () => {
		const app = await renderConnected();
		await tourToToken(app);
		const frame = await app.press('i', 'Claims of the access token');
		expectFits(frame);
		const payload = payloadOf(app);
		for (const name of Object.keys(payload)) {
			expect(lineOf(frame, name), `the line of ${name}`).toBeDefined();
		}

		// TZ is the zone the run has (UTC unless set): dates say it, with the relative time.
		expect(lineOf(frame, 'exp')).toMatch(/^exp +\w{3} \d+, \d{4}, \d+:\d\d:\d\d [AP]M \S+ \(in 23h 59m\)$/);
		expect(lineOf(frame, 'iat')).toMatch(/\(\d+s ago\)$/);
		expect(lineOf(frame, 'Scopes')).toMatch(/^Scopes +chat, voip$/);
		expect(lineOf(frame, 'Header')).toMatch(/^Header +alg RS256 · kid acs-emulator-1$/);
		expect(lineOf(frame, 'Resource')).toMatch(/^Resource +2dee53b4-368b-45b4-ab52-8493fb117652$/);
		// The identity is whole: it wraps under its column rather than being cut.
		const identity = frame.split('\n').findIndex(line => line.startsWith('Identity '));
		const rows = frame.split('\n');
		expect(`${rows[identity]?.replace(/^Identity +/, '')}${rows[identity + 1]?.trim()}`).toBe(userId);
		// i goes back to the token; t and s are not offered, the panels they change being hidden.
		expect(footerOf(frame)).toEqual(['↑↓ scroll', 'c copy', 'f file', 'i token', 'Esc back', 'p presenter', '? help', 'q quit']);
		// The tour's panels give the claims their room.
		expect(frame).not.toContain('SDK code');
	});

	it('says the validity with its reason, from the live check: valid, REVOKED, INVALID', async () => {
		const app = await renderConnected();
		await tourToToken(app);
		await app.press('i', 'Validity         checking…');
		app.reportStatus('valid');
		await app.waitForText('Validity         valid');
		app.reportStatus('revoked');
		await app.waitForText('Validity         REVOKED');
		app.reportStatus('bad-signature');
		const frame = await app.waitForText('Validity         INVALID: bad signature');
		expect(frame).toContain('Claims of the access token');
	});

	it('says when a token past its exp expired', async () => {
		const app = await renderConnected({
			configure(fakes) {
				fakes.issueToken.mockImplementationOnce(async input => {
					const expiresOn = new Date(Date.now() - 3 * 60_000);
					return {token: accessToken(input.userId, input.scopes, expiresOn), expiresOn: expiresOn.toISOString(), scopes: [...input.scopes], issuedAt: new Date().toISOString(), exchanges: []};
				});
			},
		});
		await tourToToken(app);
		const frame = await app.press('i', 'Claims of the access token');
		expect(lineOf(frame, 'Validity')).toMatch(/^Validity +EXPIRED at \w{3} \d+, \d{4}, \d+:\d\d:\d\d [AP]M \S+$/);
		expect(lineOf(frame, 'exp')).toMatch(/\(3m( \d+s)? ago\)$/);
	});

	it('goes back to the token with Esc or i, and Esc again leaves the token view', async () => {
		const app = await renderConnected();
		await tourToToken(app);
		await app.press('i', 'Claims of the access token');
		let frame = await app.press(keys.escape, 'Access token:');
		expect(frame).toContain('Step 4 of 6: Issue token');
		expect(frame).not.toContain('Claims of the access token');
		await app.press('i', 'Claims of the access token');
		frame = await app.press('i', 'Access token:');
		expect(footerOf(frame)).toContain('i claims');
		await app.press(keys.escape, 'How long the token lives');
	});

	it('copies the claims as JSON with c, through the same copy path as the token', async () => {
		const app = await renderConnected();
		await tourToToken(app);
		await app.press('i', 'Claims of the access token');
		await app.press('c', 'Sent to the terminal with OSC 52');
		expect(app.effects.copyToClipboard).toHaveBeenCalledTimes(1);
		const copied = app.effects.copyToClipboard.mock.calls[0]?.[0] ?? '';
		expect(JSON.parse(copied)).toEqual(payloadOf(app));
	});

	it('saves the claims as JSON with f, to token-claims.json by default', async () => {
		const app = await renderConnected();
		await tourToToken(app);
		await app.press('i', 'Claims of the access token');
		await app.press('f', 'Save the claims (JSON) to this file: token-claims.json');
		await app.press(keys.enter, 'Saved to token-claims.json (mode 600).');
		const [content, file] = app.effects.saveTokenToFile.mock.calls[0] ?? [];
		expect(file).toBe('token-claims.json');
		expect(JSON.parse(content ?? '')).toEqual(payloadOf(app));
	});

	it('scrolls with ↑ ↓ when the claims do not fit, and never past the last', async () => {
		// Every claim of an emulator token fits 80×24, the smallest size the wizard runs at
		// (below it the size notice shows): the screen itself is given fewer rows, as a token
		// with more claims would leave it.
		const app = await renderConnected();
		await tourToToken(app);
		const decoded = decodeJwt(app.actor.getSnapshot().context.token?.token ?? '');
		if (!decoded) {
			throw new Error('no token');
		}

		const screen = render(<ClaimsScreen lines={claimLines(decoded, 'valid', Date.now(), false)} rows={9} columns={80} active />);
		const frameOf = () => screen.lastFrame() ?? '';
		const press = async (key: string, expected: string) => {
			screen.stdin.write(key);
			const deadline = Date.now() + 2000;
			while (!frameOf().includes(expected) && Date.now() < deadline) {
				await new Promise(resolve => setTimeout(resolve, 10));
			}

			return frameOf();
		};

		await press('', 'lines 1–');
		let frame = frameOf();
		expect(frame.split('\n').length).toBeLessThanOrEqual(10);
		expect(frame).toMatch(/lines 1–\d+ of 14/);
		expect(lineOf(frame, 'iat')).toBeUndefined();
		expect(lineOf(frame, 'Validity')).toBeDefined();
		// Each ↓ moves the window one line: waited for by the line it starts at, until the last shows.
		for (let start = 2; !/lines \d+–14 of 14/.test(frame); start++) {
			expect(start).toBeLessThanOrEqual(14);
			frame = await press(keys.down, `lines ${start}–`);
		}

		expect(lineOf(frame, 'iat')).toBeDefined();
		expect(lineOf(frame, 'Validity')).toBeUndefined();
		// More ↓ changes nothing: ↑ then comes back one line from the end, not from past it.
		// (The ↓ draws no new window, so there is nothing to wait for; the ↑ after it proves it: had
		// the ↓ moved past the end, the ↑ would come back to atEnd, not to atEnd − 1.)
		const atEnd = Number(/lines (\d+)–14/.exec(frame)?.[1]);
		frame = await press(keys.down, 'lines');
		frame = await press(keys.up, `lines ${atEnd - 1}–`);
		expect(frame).toMatch(new RegExp(`lines ${atEnd - 1}–1[23] of 14`));
		screen.unmount();
	});

	it('in presenter mode shows no full id, no resource id and no token', async () => {
		const app = await renderConnected({input: {presenter: true}});
		await tourToToken(app);
		const frame = await app.press('i', 'Claims of the access token');
		expectFits(frame);
		const token = app.actor.getSnapshot().context.token?.token ?? '';
		expect(frame).not.toContain(userId.slice(6));
		expect(frame).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/);
		expect(frame).not.toContain(token.split('.')[2]?.slice(0, 20));
		expect(lineOf(frame, 'Identity')).toMatch(/^Identity +8:acs:2dee53b4…_00000020…89ab$/);
		expect(lineOf(frame, 'resourceId')).toMatch(/^resourceId +2dee53b4…$/);
		await app.press('c', 'The clipboard gets the claims unmasked.');
	});

	it('in Traditional Chinese: the labels, the zone and the relative times, fitting 80×24', async () => {
		await switchLanguage('zh-TW');
		try {
			const app = renderApp({input: {autoConnect: emulatorChoice}});
			await app.waitForText(text.wizard.menu.heading);
			await app.press(keys.enter, '步驟 1/6');
			await app.press(keys.enter, '步驟 2/6');
			await app.press(keys.enter, text.wizard.run(text.wizard.actions.next));
			await app.press(keys.enter, '步驟 3/6');
			await app.press(keys.enter, text.wizard.lifetime.minutes(1440));
			await app.press(keys.enter, '步驟 4/6');
			const frame = await app.press('i', '存取權杖的宣告');
			expectFits(frame);
			expect(lineOf(frame, '有效性')).toBeDefined();
			expect(lineOf(frame, '身分識別')).toBeDefined();
			expect(lineOf(frame, 'exp')).toMatch(/2\d{3}年\d+月\d+日.*（23 ?小時 ?59 ?分鐘後）$/);
			expect(frame.split('\n').slice(-2).join(' ')).toContain('i 權杖');
		} finally {
			await switchLanguage('en');
		}
	});
});
