import path from 'node:path';
import {afterAll, afterEach, beforeAll, beforeEach, describe, expect, it} from 'vitest';
import {connectionChoices} from '../../source/app/start.js';
import {createEmulator, type Emulator} from '../../source/emulator/server.js';
import {profileNameForEndpoint} from '../../source/identity/connection.js';
import {parseConnectionString} from '../../source/protocol/connection-string.js';
import {IdentityStore} from '../../source/store/identity-store.js';
import {readSavedProfiles} from '../../source/store/saved-profiles.js';
import {runCli, temporaryDirectory} from '../_helpers/cli.js';
import {footerOf, frameWidth, keys, unmountAll} from '../_helpers/ink.js';
import {renderWithServices} from '../_helpers/real-wizard.js';

/**
 * Keyless connections in the wizard, with its real services: @azure/identity's
 * DefaultAzureCredential (narrowed to the Azure CLI credential by AZURE_TOKEN_CREDENTIALS, which
 * vitest sets) runs the stand-in az found on process.env's PATH, against an HTTPS emulator that
 * takes Entra ID tokens. Its lock in the config directory names it, so its CA is trusted.
 */

const tenant = '00000000-0000-4000-8000-00000000e57a';
let standInDirectory: string;
const originalPath = process.env['PATH'];
let emulator: Emulator;
let configDirectory: string;
let endpoint: string;
const closers: Array<() => Promise<void>> = [];

const withAz = () => {
	process.env['PATH'] = `${standInDirectory}${path.delimiter}${originalPath ?? ''}`;
};

let noAzDirectory: string;
/** PATH only an empty directory: no az, even where the Azure CLI is installed. */
const withoutAz = () => {
	process.env['PATH'] = noAzDirectory;
	process.env['AZURE_CONFIG_DIR'] = noAzDirectory;
};

beforeAll(async () => {
	const cache = await temporaryDirectory('acs-tokens-cache-');
	const written = await runCli(['emulator', 'stand-in-az', '--path'], {env: {ACS_TOKENS_CACHE_DIR: cache}});
	expect(written.code, written.stderr).toBe(0);
	standInDirectory = written.stdout.trim();
	noAzDirectory = await temporaryDirectory('acs-tokens-no-az-');
}, 60_000);

beforeEach(async () => {
	configDirectory = await temporaryDirectory('acs-tokens-config-');
	emulator = await createEmulator({port: 0, allowEntra: true, dataDirectory: path.join(configDirectory, 'emulator'), advertise: true});
	({endpoint} = parseConnectionString(emulator.connectionString));
	withAz();
});

afterEach(async () => {
	unmountAll();
	await Promise.all(closers.splice(0).map(close => close()));
	await emulator.close();
	process.env['PATH'] = originalPath;
	delete process.env['AZURE_CONFIG_DIR'];
});

afterAll(() => {
	process.env['PATH'] = originalPath;
});

function expectSize(frame: string) {
	expect(frameWidth(frame)).toBeLessThanOrEqual(80);
	expect(frame.split('\n').length).toBeLessThanOrEqual(24);
}

/** A settled frame (the first one of a paragraph wraps as Ink does, before Prose knows its width). */
function expectFits(frame: string) {
	expectSize(frame);
	expect(frame).not.toMatch(/^ [^ │╭╰]/m);
}

const flat = (frame: string) => frame.replaceAll(/\s*│\s*/g, ' ');
/** The frame's text as sentences: the lines it wraps and the boxes around it joined up. */
const said = (frame: string) => frame.replaceAll(/[│╭╮╰╯─]/g, ' ').replaceAll(/\s+/g, ' ');

async function signInFromConnectScreen(app: ReturnType<typeof renderWithServices>['app'], tenantId = '') {
	await app.waitForText('Sign in with Microsoft Entra ID…');
	await app.press(keys.down, '❯ Sign in with Microsoft Entra ID…');
	await app.press(keys.enter, 'https://<resource>.communication.azure.com/');
	app.write(endpoint);
	await app.waitForText(`Looks right: ${endpoint}`);
	await app.press(keys.enter, 'The tenant to sign in to');
	if (tenantId !== '') {
		app.write(tenantId);
		await app.waitForText(`Tenant ${tenantId}`);
	}

	return app.press(keys.enter, 'What next?');
}

describe('Sign in with Microsoft Entra ID in the wizard', () => {
	it('checks the endpoint and the tenant as they are typed, and Esc goes back a question', async () => {
		const {app, close} = renderWithServices({configDirectory});
		closers.push(close);
		await app.waitForText('Sign in with Microsoft Entra ID…');
		await app.press(keys.down, '❯ Sign in with Microsoft Entra ID…');
		let frame = await app.press(keys.enter, 'Sign in with Microsoft Entra ID');
		expect(frame).toContain('No key: each request carries a token from DefaultAzureCredential');
		expectFits(frame);
		app.write('http://127.0.0.1:1/');
		frame = await app.waitForText('Use https://');
		// Enter does nothing on a refused endpoint.
		app.write(keys.enter);
		await app.press('\u0015', frame => !frame.includes('Use https://'));
		app.write('https://contoso.communication.azure.com/identities');
		frame = await app.waitForText('Only the origin');
		expectFits(frame);
		await app.press('\u0015', frame => !frame.includes('Only the origin'));
		app.write('not a url');
		await app.waitForText('Not an endpoint yet');
		await app.press('\u0015', frame => !frame.includes('Not an endpoint yet'));
		app.write('https://contoso.communication.azure.com');
		await app.waitForText('Looks right: https://contoso.communication.azure.com/');
		frame = await app.press(keys.enter, 'The tenant to sign in to, for https://contoso.communication.azure.com/');
		expect(frame).toContain("No tenant: the credential's default one.");
		app.write('contoso');
		frame = await app.waitForText('A tenant id is a GUID');
		expectFits(frame);
		// Back to the endpoint, as it was typed.
		frame = await app.press(keys.escape, 'Sign in with Microsoft Entra ID');
		expect(frame).toContain('Looks right: https://contoso.communication.azure.com/');
		await app.press(keys.escape, 'Connect to Azure Communication Services');
		for (const frame of app.frames()) {
			expectSize(frame);
		}
	});

	it('connects keyless, then the tour: who signed in after the first request, the keyless code, Bearer •••, no HMAC', async () => {
		const {app, close} = renderWithServices({configDirectory});
		closers.push(close);
		let frame = await signInFromConnectScreen(app, tenant);
		expect(frame).toContain('Microsoft Entra ID (sign-in on the first request)');
		expect(frame).toContain(`${profileNameForEndpoint(endpoint)} · ${endpoint}`);
		frame = await app.press(keys.enter, 'Step 1 of 6');
		expect(said(frame)).toContain('with no key; nothing is sent until step 2. DefaultAzureCredential gets a Microsoft Entra ID token');
		expect(frame).toContain("import {DefaultAzureCredential} from '@azure/identity';");
		expect(frame).toContain('endpoint, new DefaultAzureCredential());');
		expect(frame).not.toContain('CONNECTION_STRING');
		expectFits(frame);
		frame = await app.press('t', 'Python');
		expect(frame).toContain('CommunicationIdentityClient(endpoint, DefaultAzureCredential())');
		expectFits(frame);
		await app.press('t', 'TypeScript');

		await app.press(keys.enter, 'Step 2 of 6');
		frame = await app.press(keys.enter, 'Created');
		await app.waitForText('Signed in as');
		frame = app.lastFrame();
		expect(frame).toContain('Signed in as learner@contoso.example (tenant 00000000…) through the Azure CLI');
		expectFits(frame);
		// On a taller terminal the HTTP panel has room for the request's authorization header.
		const tallFrom = app.frames().length;
		const tall = await app.resize(100, 40);
		expect(flat(tall)).toContain('authorization: Bearer •••');
		await app.resize(80, 24);
		const tallTo = app.frames().length;
		frame = await app.press('s', 'How the request was signed');
		expect(said(frame)).toContain('This request carries a bearer token (Authorization: Bearer <token>, Entra ID) instead of an HMAC signature.');
		expect(flat(frame)).not.toContain('String to sign');
		expectFits(frame);
		await app.press('s', 'SDK code');

		// Scopes, lifetime, the token: the same steps as with a key.
		await app.press(keys.enter, 'Step 3 of 6');
		await app.press(keys.enter, frame => footerOf(frame).includes('Enter choose'));
		frame = await app.press(keys.enter, 'Step 4 of 6');
		await app.waitForText('Access token');
		frame = app.lastFrame();
		expect(frame).toContain('Signed in as learner@contoso.example');
		expectFits(frame);
		await app.press(keys.enter, 'Step 5 of 6');
		frame = await app.press(keys.enter, 'Step 5 of 6');
		await app.waitForFrame(frame => frame.includes('Revoked') || frame.includes('REVOKED') || frame.includes('revoked'));
		for (const [index, frame] of app.frames().entries()) {
			if (index < tallFrom || index >= tallTo) {
				expectSize(frame);
			}
		}

		for (const frame of app.frames()) {
			expect(frame).not.toMatch(/Bearer eyJ/);
		}

		// And the manager: the identity made in the tour, listed under this profile.
		const store = await IdentityStore.open({configDirectory});
		expect(store.identities(profileNameForEndpoint(endpoint))).toHaveLength(1);
		const [profile] = readSavedProfiles(configDirectory).profiles;
		expect(profile?.keySource.kind).toBe('entra');
	}, 60_000);

	it('signed in with Entra ID to the local emulator, it is still the emulator: the Teams flow offers the simulated Teams user', async () => {
		const {app, close} = renderWithServices({configDirectory});
		closers.push(close);
		await signInFromConnectScreen(app);
		await app.press(keys.down);
		await app.press(keys.down, '❯ Teams user token (Custom Teams Endpoint)');
		await app.press(keys.enter, 'Your Entra ID app (client) id:');
		app.write('1b2c3d4e-0000-4000-8000-123456789abc');
		const frame = await app.press(keys.enter, 'Simulated Teams user');
		expectFits(frame);
	});

	it('says who signed in masked in presenter mode', async () => {
		const {app, close} = renderWithServices({configDirectory});
		closers.push(close);
		await signInFromConnectScreen(app, tenant);
		app.actor.send({type: 'TOGGLE_PRESENTER'});
		await app.waitForText('PRESENTER');
		const before = app.frames().length;
		await app.press(keys.enter, 'Step 1 of 6');
		await app.press(keys.enter, 'Step 2 of 6');
		await app.press(keys.enter, 'Created');
		const frame = await app.waitForText('Signed in as');
		expect(frame).toContain('Signed in as •••@contoso.example (tenant •••) through the Azure CLI');
		for (const each of app.frames().slice(before)) {
			expect(each).not.toContain('learner@');
			expect(each).not.toContain(tenant);
		}
	}, 30_000);

	it('no credential answered: the error screen says so, and r works once az is on PATH', async () => {
		withoutAz();
		const {app, close} = renderWithServices({configDirectory});
		closers.push(close);
		await signInFromConnectScreen(app);
		await app.press(keys.enter, 'Step 1 of 6');
		await app.press(keys.enter, 'Step 2 of 6');
		let frame = await app.press(keys.enter, 'No Microsoft Entra ID credential answered');
		expect(said(frame)).toContain('Tried, in order: Azure CLI (az login).');
		expect(footerOf(frame)).toContain('r retry');
		expect(frame).toContain('Microsoft Entra ID (sign-in on the first request)');
		expectFits(frame);
		withAz();
		frame = await app.press('r', 'Created');
		await app.waitForText('Signed in as learner@contoso.example');
	}, 30_000);

	it('plain http:// is refused on the connection screen, with the message and retry', async () => {
		const {app, close} = renderWithServices({
			configDirectory,
			choices: [{kind: 'entra', endpoint: 'http://127.0.0.1:9/', variable: 'AZURE_COMMUNICATION_ENDPOINT'}],
		});
		closers.push(close);
		await app.waitForText('Microsoft Entra ID — http://127.0.0.1:9/ (from $AZURE_COMMUNICATION_ENDPOINT)');
		const frame = await app.press(keys.enter, 'Could not connect');
		expect(said(frame)).toContain('an Entra ID token is only ever sent over https://');
		expect(footerOf(frame)).toContain('r retry');
		await app.press('r', frame => frame.includes('Could not connect'));
	}, 30_000);

	it('offers a saved Entra ID profile and AZURE_COMMUNICATION_ENDPOINT as keyless choices, and connects without asking', async () => {
		const store = await IdentityStore.open({configDirectory});
		await store.saveProfile({name: 'keyless', endpoint, keySource: {kind: 'entra'}});
		await store.setDefaultProfile('keyless');
		const env = {AZURE_COMMUNICATION_ENDPOINT: 'https://contoso.communication.azure.com'};
		const choices = await connectionChoices(readSavedProfiles(configDirectory), env, configDirectory);
		expect(choices).toEqual([
			{kind: 'profile', name: 'keyless', endpoint, key: {kind: 'entra'}},
			{kind: 'entra', endpoint: 'https://contoso.communication.azure.com/', variable: 'AZURE_COMMUNICATION_ENDPOINT'},
			{kind: 'emulator'},
		]);
		// The same endpoint in the variable is the profile's: offered once.
		expect(await connectionChoices(readSavedProfiles(configDirectory), {AZURE_COMMUNICATION_ENDPOINT: endpoint}, configDirectory)).toHaveLength(2);

		const {app, close} = renderWithServices({configDirectory, choices});
		closers.push(close);
		let frame = await app.waitForText(`Profile keyless — ${endpoint} · Microsoft Entra ID`);
		expect(said(frame)).toContain('Microsoft Entra ID — https://contoso.communication.azure.com/ (from $AZURE_COMMUNICATION_ENDPOINT)');
		expectFits(frame);
		frame = await app.press(keys.enter, 'What next?');
		expect(frame).toContain('Microsoft Entra ID (sign-in on the first request)');
		expect(frame).toContain(`keyless · ${endpoint}`);
		await app.press(keys.enter, 'Step 1 of 6');
		await app.press(keys.enter, 'Step 2 of 6');
		await app.press(keys.enter, 'Created');
		await app.waitForText('Signed in as learner@contoso.example');
	}, 30_000);
});
