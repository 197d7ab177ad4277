import {afterEach, describe, expect, it} from 'vitest';
import type {IdentitySummary} from '../../source/wizard/types.js';
import {accessToken, aliceId, footerOf, keys, openIdentity, renderConnected, storedIdentities, unmountAll} from '../_helpers/ink.js';

afterEach(unmountAll);

/** alice's last token as the store keeps it with settings --store-tokens on. */
function withStoredToken(): {identities: IdentitySummary[]; token: string} {
	const identities = storedIdentities();
	const [alice, ...others] = identities as [IdentitySummary, ...IdentitySummary[]];
	const last = alice.lastToken as NonNullable<IdentitySummary['lastToken']>;
	const token = accessToken(aliceId, last.scopes, new Date(last.expiresOn));
	return {identities: [{...alice, lastToken: {...last, token}}, ...others], token};
}

async function renderWithStoredToken() {
	const {identities, token} = withStoredToken();
	const app = await renderConnected({
		configure(fakes) {
			fakes.connect.mockImplementation(async () => ({
				connection: {profileName: 'emulator', endpoint: 'https://127.0.0.1:41234/', isEmulator: true},
				identities,
				exchanges: [],
			}));
			fakes.loadIdentities.mockImplementation(async () => ({identities}));
		},
	});
	return {app, token};
}

/** The frame's lines glued back together, so a wrapped token reads as one string. */
const unwrapped = (frame: string) =>
	frame
		.split('\n')
		.map(line => line.trimEnd())
		.join('');

describe('a stored token in the manager', () => {
	it('is offered on an identity whose last token the store kept, and opens the token view with it, masked', async () => {
		const {app, token} = await renderWithStoredToken();
		const identity = await openIdentity(app, 0);
		const actions = identity.split('\n').filter(line => /^[❯ ] \S/.test(line));
		expect(actions[0]).toBe('❯ View the stored token');
		const frame = await app.press(keys.enter, `Access token: ${token.slice(0, 12)}•••`);
		expect(unwrapped(frame)).not.toContain(token);
		expect(frame).toContain('Scopes: chat, voip · Expires: in 21h 59m');
		expect(footerOf(frame)).toEqual(['Enter continue', 'v reveal', 'c copy', 'f file', 'e .env', 'i claims', 'Esc back', 'p presenter', '? help', 'q quit']);
		// It is checked live, as an issued token is.
		expect(app.watchers.at(-1)?.token).toBe(token);
		expect(frame).toContain('Status: checking…');
		app.reportStatus('revoked');
		await app.waitForText('Status: REVOKED');
		// The fakes issued nothing: this is the stored token.
		expect(app.fakes.issueToken).not.toHaveBeenCalled();
	});

	it('reveals, copies, saves and shows the claims of the stored token; Esc goes back to the identity', async () => {
		const {app, token} = await renderWithStoredToken();
		await openIdentity(app, 0);
		await app.press(keys.enter, 'Access token:');
		await app.press('v', frame => unwrapped(frame).includes(token));
		await app.press('c', 'Sent to the terminal with OSC 52');
		expect(app.effects.copyToClipboard).toHaveBeenCalledWith(token);
		await app.press('f', 'Save the token to this file: access-token.txt');
		await app.press(keys.enter, 'Saved to access-token.txt (mode 600).');
		expect(app.effects.saveTokenToFile).toHaveBeenCalledWith(token, 'access-token.txt', false);
		const claims = await app.press('i', 'Claims of the access token');
		expect(claims.split('\n').map(line => line.trim()).join('')).toContain(aliceId);
		await app.press(keys.escape, 'Access token:');
		await app.press(keys.escape, '❯ View the stored token');
	});

	it('in presenter mode stays masked: v does not reveal it', async () => {
		const {identities, token} = withStoredToken();
		const app = await renderConnected({
			input: {presenter: true},
			configure(fakes) {
				fakes.connect.mockImplementation(async () => ({
					connection: {profileName: 'emulator', endpoint: 'https://127.0.0.1:41234/', isEmulator: true},
					identities,
					exchanges: [],
				}));
				fakes.loadIdentities.mockImplementation(async () => ({identities}));
			},
		});
		await app.press(keys.down, frame => frame.includes('❯ Manage identities'));
		await app.press(keys.enter, 'Identities of emulator');
		await app.press(keys.enter, '❯ View the stored token');
		await app.press(keys.enter, 'Access token:');
		const frame = await app.press('v', 'Presenter mode: tokens cannot be revealed.');
		expect(unwrapped(frame)).not.toContain(token);
	});

	it('is not offered without a stored token', async () => {
		const app = await renderConnected();
		// alice has a last token the store recorded without the token itself (store-tokens off).
		const frame = await openIdentity(app, 0);
		expect(frame).toContain('Last token');
		expect(frame).not.toContain('View the stored token');
		const cjk = await app.press(keys.escape, 'Identities of emulator');
		expect(cjk).not.toContain('View the stored token');
	});
});
