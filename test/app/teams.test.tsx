import {afterEach, beforeEach, describe, expect, it} from 'vitest';
import {decodeJwt} from '../../source/protocol/jwt.js';
import {keys, unmountAll} from '../_helpers/ink.js';
import {renderWithServices} from '../_helpers/real-wizard.js';
import {temporaryDirectory} from '../store/temporary-directory.js';

/**
 * The Teams user token flow in the wizard with its real services: on the embedded emulator, a simulated
 * Teams user's Entra ID token made locally and exchanged by the SDK (getTokenForTeamsUser) for an
 * ACS token, shown in the token view with its HTTP exchange, at 80×24.
 */

const appId = '5b8f6a3e-2c1d-4e7f-9a0b-1c2d3e4f5a6b';
const guid = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/;
let configDirectory: string;
const closers: Array<() => Promise<void>> = [];

beforeEach(async () => {
	configDirectory = await temporaryDirectory();
});

afterEach(async () => {
	unmountAll();
	await Promise.all(closers.splice(0).map(close => close()));
});

function open() {
	const {app, close} = renderWithServices({
		configDirectory,
		// The embedded emulator (in the test's config directory), on a free port.
		autoConnect: {kind: 'emulator'},
		env: {ACS_TOKENS_EMULATOR_PORT: '0'},
		columns: 80,
		rows: 24,
	});
	closers.push(close);
	return app;
}

const fits = (frame: string) => {
	expect(frame.split('\n').length).toBeLessThanOrEqual(24);
	expect(frame.split('\n').filter(line => /^ \S/.test(line) && !line.startsWith(' ❯'))).toEqual([]);
};

async function toAppId(app: ReturnType<typeof open>) {
	await app.waitForText('What next?');
	await app.press(keys.down, '❯ Manage identities');
	await app.press(keys.down, '❯ Teams user token (Custom Teams Endpoint)');
	return app.press(keys.enter, 'Your Entra ID app (client) id:');
}

describe('the Teams user token flow', () => {
	it('explains, shows its code, checks the app id as typed, and exchanges a simulated Teams user on the emulator', async () => {
		const app = open();
		let frame = await toAppId(app);
		expect(frame).toContain('exchanges their Entra ID token for an ACS token');
		expect(frame).toContain('client.getTokenForTeamsUser({');
		fits(frame);

		// Typed, not shortcuts (t, q, …); not a GUID yet: said, and Enter stays.
		frame = await app.type(appId.slice(0, 8));
		expect(frame).toContain('An app id is a GUID');
		// Enter changes nothing: the next key still types into the same field.
		app.write(keys.enter);
		frame = await app.type(appId.slice(8));
		expect(frame).toContain(`id: ${appId}`);
		expect(frame).toContain('Enter goes on.');

		frame = await app.press(keys.enter, 'Whose Entra ID token?');
		expect(frame).toContain('❯ Simulated Teams user');
		expect(frame).toContain('Sign a real Teams user in with a device code');
		fits(frame);
		frame = await app.press('t', 'client.get_token_for_teams_user(');
		await app.press('t', 'client.getTokenForTeamsUser({');

		frame = await app.press(keys.enter, 'Access token:');
		frame = await app.waitForText('Status: valid');
		fits(frame);
		const oid = /The ACS token of the Teams user (\S+) \(simulated\)/.exec(frame.replaceAll('\n', ' '))?.[1];
		expect(oid).toMatch(guid);
		// The exchange, in the HTTP panel.
		expect(frame).toMatch(/POST \/teamsUser\/:exchangeAccessToken/);

		// The ACS token is the Teams user's: the emulator made it for orgid:<oid>.
		const token = app.actor.getSnapshot().context.token?.token ?? '';
		expect(JSON.stringify(decodeJwt(token)?.payload)).toContain(`orgid:${oid}`);
		frame = await app.press('v', next => next.includes(token.slice(0, 60)));
		frame = await app.press('i', 'Claims of the access token');
		expect(frame).toMatch(/Validity +valid/);
		await app.press(keys.escape, 'Access token:');
		await app.press(keys.escape, 'What next?');
	});

	it('in presenter mode cuts the oid, masks the token and shows no Teams token', async () => {
		const app = open();
		await toAppId(app);
		await app.type(appId);
		await app.press(keys.enter, 'Whose Entra ID token?');
		let frame = await app.press(keys.enter, 'Access token:');
		frame = await app.press('p', next => /Teams user [0-9a-f]{8}… \(simulated\)/.test(next.replaceAll('\n', ' ')));
		const {token, teamsUserId} = app.actor.getSnapshot().context;
		expect(frame).not.toContain(teamsUserId);
		expect(frame).not.toContain(token?.token.slice(0, 40));
		frame = await app.press('v', next => next !== frame);
		expect(frame).not.toContain(token?.token.slice(20, 60));
		fits(frame);
	});

	it('on Esc goes back to the app id, which it keeps', async () => {
		const app = open();
		await toAppId(app);
		await app.type(appId);
		await app.press(keys.enter, 'Whose Entra ID token?');
		const frame = await app.press(keys.escape, 'Your Entra ID app (client) id:');
		expect(frame).toContain(appId);
	});
});
