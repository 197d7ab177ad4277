import path from 'node:path';
import {afterEach, beforeEach, describe, expect, it} from 'vitest';
import {createEmulator, type Emulator} from '../../source/emulator/server.js';
import {standInTenantId, standInUser} from '../../source/emulator/stand-in-entra.js';
import {shortId} from '../../source/app/present.js';
import {decodeJwt} from '../../source/protocol/jwt.js';
import {switchLanguage} from '../../source/text/index.js';
import {temporaryDirectory} from '../_helpers/cli.js';
import {footerOf, frameWidth, keys, unmountAll} from '../_helpers/ink.js';
import {renderWithServices} from '../_helpers/real-wizard.js';

/**
 * The client app exchange in the wizard with its real services: an in-process HTTPS emulator
 * with allowEntra, advertised in the config directory's lock (so "Local emulator" shares it and
 * its CA is trusted); the assignments through the access client, the exchange through
 * @azure/communication-common's own AzureCommunicationTokenCredential, at 80×24.
 */

let configDirectory: string;
let emulator: Emulator | undefined;
const closers: Array<() => Promise<void>> = [];

beforeEach(async () => {
	configDirectory = await temporaryDirectory('acs-tokens-config-');
});

afterEach(async () => {
	unmountAll();
	await Promise.all(closers.splice(0).map(close => close()));
	await emulator?.close();
	emulator = undefined;
});

async function httpsEmulator() {
	emulator = await createEmulator({port: 0, allowEntra: true, dataDirectory: path.join(configDirectory, 'emulator'), advertise: true});
}

function open(env: NodeJS.ProcessEnv = {}) {
	const {app, close} = renderWithServices({configDirectory, autoConnect: {kind: 'emulator'}, env, columns: 80, rows: 24});
	closers.push(close);
	return app;
}

type App = ReturnType<typeof open>;

function fits(frame: string) {
	expect(frameWidth(frame)).toBeLessThanOrEqual(80);
	expect(frame.split('\n').length).toBeLessThanOrEqual(24);
	expect(frame.split('\n').filter(line => /^ \S/.test(line) && !line.startsWith(' ❯'))).toEqual([]);
}

const said = (frame: string) => frame.replaceAll(/[│╭╮╰╯─┌┐└┘]/g, ' ').replaceAll(/\s+/g, ' ');

const englishMenu = ['❯ Manage identities', '❯ Teams user token', '❯ Entra ID user token (client app exchange)'];

async function toIntro(app: App, menu = englishMenu, heading = 'no server of yours issues tokens') {
	await app.waitForText((menu.at(-1) ?? '').slice(2));
	for (const item of menu) {
		await app.press(keys.down, item);
	}

	return app.press(keys.enter, frame => said(frame).includes(heading));
}

async function assignSimulatedUser(app: App) {
	let frame = await app.press(keys.down, '❯ Assignments: who may exchange');
	frame = await app.press(keys.enter, 'No assignments yet: nobody may exchange.');
	fits(frame);
	frame = await app.press(keys.enter, 'Filled in for the simulated user');
	expect(frame).toContain(standInUser.oid);
	expect(frame).toContain(standInTenantId);
	expect(frame).toContain('[user]');
	fits(frame);
	await app.press(keys.enter, frame => /❯ Type:/.test(frame));
	await app.press(keys.enter, frame => /❯ Tenant id:/.test(frame));
	frame = await app.press(keys.enter, `user ${standInUser.oid} (tenant 00000000…)`);
	fits(frame);
	return frame;
}

describe('the Entra ID user token flow (client app exchange)', () => {
	it('explains, shows its code, assigns the simulated user, exchanges, and shows a valid ACS token with the exchange', async () => {
		await httpsEmulator();
		const app = open();
		let frame = await toIntro(app);
		expect(said(frame)).toContain('Your client app signs its user in with Microsoft Entra ID and exchanges that token for an ACS token itself');
		expect(said(frame)).toContain('An admin decides who may, with assignments');
		expect(frame).toContain('new AzureCommunicationTokenCredential({');
		expect(frame).toContain('await credential.getToken()');
		expect(frame).not.toContain('plain http://');
		fits(frame);
		frame = await app.press('t', 'no AzureCommunicationTokenCredential');
		fits(frame);
		await app.press('t', 'new AzureCommunicationTokenCredential({');

		await assignSimulatedUser(app);
		await app.press(keys.down, '❯ + Assign a user, group or tenant…');
		frame = await app.press(keys.down, '❯ Exchange a token now');
		frame = await app.press(keys.enter, 'Whose Entra ID token?');
		expect(frame).toContain(`❯ Simulated Entra ID user ${standInUser.upn}`);
		fits(frame);
		frame = await app.press(keys.enter, 'Access token:');
		frame = await app.waitForText('Status: valid');
		fits(frame);
		const {token, entraIdentity} = app.actor.getSnapshot().context;
		expect(entraIdentity).toContain(standInUser.oid);
		expect(said(frame)).toContain('The ACS token of 8:acs:');
		// The id cut, so that the line fits 80×24 (the whole id is in the claims view, i).
		expect(frame.replaceAll(/\s+/g, '')).toContain(`${shortId(entraIdentity ?? '')}(thesimulatedEntraIDuser)`);
		// The exchange, in the HTTP panel: the credential's request, answered 200.
		expect(said(frame)).toMatch(/POST \/access\/entra\/:exchangeAccessToken\S* ← 200/);
		expect(JSON.stringify(decodeJwt(token?.token ?? '')?.payload)).toContain(standInUser.oid);
		const tall = await app.resize(100, 40);
		expect(said(tall)).toContain('authorization: Bearer •••');
		for (const each of app.frames()) {
			expect(each).not.toMatch(/Bearer eyJ/);
		}

		await app.resize(80, 24);
		frame = await app.press('i', 'Claims of the access token');
		expect(frame).toMatch(/Validity +valid/);
		await app.press(keys.escape, 'Access token:');

		// Presenter mode: the identity cut, the token masked.
		frame = await app.press('p', 'PRESENTER');
		expect(frame).not.toContain(entraIdentity);
		expect(frame).not.toContain(standInUser.oid);
	}, 60_000);

	it('an unassigned user is refused with the 403 said, and a opens the assignments; removing is confirmed', async () => {
		await httpsEmulator();
		const app = open();
		await toIntro(app);
		await app.press(keys.enter, 'Whose Entra ID token?');
		let frame = await app.press(keys.enter, 'The resource refused the exchange (403)');
		frame = await app.waitForText('Assign this user first: a opens the assignments, then exchange again.');
		expect(footerOf(frame)).toContain('a assignments');
		expect(said(frame)).toMatch(/POST \/access\/entra\/:exchangeAccessToken\S* ← 403/);
		fits(frame);
		frame = await app.press('a', 'No assignments yet');
		// Assign, then remove it again: asked first, Esc keeps it, Enter removes it.
		await app.press(keys.enter, 'Filled in for the simulated user');
		await app.press(keys.enter, frame => /❯ Type:/.test(frame));
		await app.press(keys.enter, frame => /❯ Tenant id:/.test(frame));
		await app.press(keys.enter, `❯ user ${standInUser.oid}`);
		frame = await app.press(keys.enter, 'Remove the assignment of');
		fits(frame);
		await app.press(keys.escape, `❯ user ${standInUser.oid}`);
		await app.press(keys.enter, 'Remove the assignment of');
		frame = await app.press(keys.enter, 'No assignments yet');
	}, 60_000);

	it('Teams Extension users: the toggle, assigned per tenant, exchanged', async () => {
		await httpsEmulator();
		const app = open();
		await toIntro(app);
		await app.press(keys.down, '❯ Assignments');
		let frame = await app.press(keys.down, '❯ Switch to Teams Extension users');
		frame = await app.press(keys.enter, 'Teams Extension user token (client app exchange)');
		expect(frame).toContain('❯ Switch to Entra ID users');
		await app.press(keys.up, '❯ Assignments');
		frame = await app.press(keys.enter, 'Teams Extension has no list');
		expect(frame).toContain('Look up an assignment');
		await app.press(keys.enter, 'Filled in for the simulated user');
		await app.press(keys.enter, frame => /❯ Type:/.test(frame));
		await app.press(keys.enter, frame => /❯ Tenant id:/.test(frame));
		await app.press(keys.enter, `user ${standInUser.oid}`);
		await app.press(keys.down, '❯ + Assign a user or resource account…');
		await app.press(keys.down, '❯ Look up');
		await app.press(keys.down, '❯ Exchange a token now');
		await app.press(keys.enter, 'Whose Entra ID token?');
		await app.press(keys.enter, 'Access token:');
		frame = await app.waitForText('Status: valid');
		expect(said(frame)).toMatch(/POST \/access\/teamsExtension\/:exchangeAccessToken\S* ← 200/);
		fits(frame);
	}, 60_000);

	it('on the embedded emulator (plain http) says what to run instead, and offers no exchange', async () => {
		const app = open({ACS_TOKENS_EMULATOR_PORT: '0'});
		const frame = await toIntro(app);
		expect(said(frame)).toContain('run acs-tokens emulator --allow-entra in another terminal');
		expect(frame).not.toContain('Exchange an Entra ID token');
		expect(frame).toContain('❯ Assignments: who may exchange');
		fits(frame);
	}, 30_000);

	it('speaks zh-TW and fits 80×24', async () => {
		await switchLanguage('zh-TW');
		try {
			await httpsEmulator();
			const app = open();
			let frame = await toIntro(app, ['❯ 管理身分識別', '❯ Teams 使用者存取權杖', '❯ Entra ID 使用者存取權杖（用戶端應用程式交換）'], '不需要您的伺服器發行權杖');
			fits(frame);
			frame = await app.press(keys.down, '❯ 指派：誰可以交換');
			frame = await app.press(keys.enter, '尚無指派');
			fits(frame);
			frame = await app.press(keys.enter, '已填入模擬使用者');
			fits(frame);
		} finally {
			await switchLanguage('en');
		}
	}, 60_000);
});
