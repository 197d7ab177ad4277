import {readFile} from 'node:fs/promises';
import path from 'node:path';
import {afterEach, beforeEach, describe, expect, it, vi} from 'vitest';
import type {Emulator} from '../../source/emulator/server.js';
import {profileNameForEndpoint} from '../../source/identity/connection.js';
import {parseConnectionString} from '../../source/protocol/connection-string.js';
import {startEmulator} from '../_helpers/emulator.js';
import {type AppHarness, keys, unmountAll} from '../_helpers/ink.js';
import {renderWithServices} from '../_helpers/real-wizard.js';
import {temporaryDirectory} from '../store/temporary-directory.js';

let emulator: Emulator;
let configDirectory: string;
let endpoint: string;
let accessKey: string;
const closers: Array<() => Promise<void>> = [];

beforeEach(async () => {
	emulator = await startEmulator('http');
	configDirectory = await temporaryDirectory();
	({endpoint, accessKey} = parseConnectionString(emulator.connectionString));
});

afterEach(async () => {
	unmountAll();
	await Promise.all(closers.splice(0).map(close => close()));
	await emulator.close();
});

const wrongKey = Buffer.from('a key the emulator refuses').toString('base64');

function open(key: string) {
	const {app, close} = renderWithServices({
		configDirectory,
		saveKey: true,
		autoConnect: {kind: 'pasted', connectionString: `endpoint=${endpoint};accesskey=${key}`},
	});
	closers.push(close);
	return {app, close};
}

const configFile = () => readFile(path.join(configDirectory, 'config.json'), 'utf8');
const keySource = async () =>
	(JSON.parse(await configFile()) as {profiles: Array<{name: string; keySource: unknown}>}).profiles.find(
		profile => profile.name === profileNameForEndpoint(endpoint),
	)?.keySource;

async function createIdentity(app: AppHarness, expected: string | ((frame: string) => boolean)) {
	await app.waitForText('What next?');
	await app.press(keys.down, '❯ Manage identities');
	await app.press(keys.enter, '❯ + Create an identity…');
	await app.press(keys.enter, 'Label for the new identity');
	return app.press(keys.enter, expected);
}

describe('the wizard with --save-key', () => {
	it('does not save a key the service refused, and saves one once a request succeeded', async () => {
		const refused = open(wrongKey);
		// Connecting sends no request: nothing is saved yet, whatever the key.
		await refused.app.waitForText('What next?');
		expect(await keySource()).toEqual({kind: 'command-line'});
		const frame = await createIdentity(refused.app, 'refused the access key (401 Denied)');
		expect(frame).toContain('Label for the new identity');
		expect(await configFile()).not.toContain(wrongKey);
		expect(await keySource()).toEqual({kind: 'command-line'});
		await refused.close();

		const accepted = open(accessKey);
		await createIdentity(accepted.app, frame => /❯ — +8:acs:/.test(frame));
		await vi.waitFor(async () => expect(await keySource()).toEqual({kind: 'saved', accessKey}));
	});
});
