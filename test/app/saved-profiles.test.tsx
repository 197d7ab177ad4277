import {readFile, writeFile} from 'node:fs/promises';
import path from 'node:path';
import {afterEach, beforeEach, describe, expect, it} from 'vitest';
import {connectionChoices} from '../../source/app/start.js';
import type {Emulator} from '../../source/emulator/server.js';
import {profileNameForEndpoint} from '../../source/identity/connection.js';
import {parseConnectionString} from '../../source/protocol/connection-string.js';
import {IdentityStore} from '../../source/store/identity-store.js';
import {readSavedProfiles} from '../../source/store/saved-profiles.js';
import {startEmulator} from '../_helpers/emulator.js';
import {keys, unmountAll} from '../_helpers/ink.js';
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

describe('the saved profiles on the connect screen', () => {
	it('offers each saved profile with where its key comes from, and none twice', async () => {
		const store = await IdentityStore.open({configDirectory});
		await store.saveProfile({name: 'pasted', endpoint: 'https://pasted.communication.azure.com/', keySource: {kind: 'command-line'}});
		await store.saveProfile({
			name: 'kept',
			endpoint: 'https://kept.communication.azure.com/',
			keySource: {kind: 'saved', accessKey: 'c2VjcmV0'},
		});
		await store.saveProfile({
			name: 'envy',
			endpoint: 'https://envy.communication.azure.com/',
			keySource: {kind: 'environment', variable: 'COMMUNICATION_SERVICES_CONNECTION_STRING'},
		});
		await store.saveProfile({
			name: 'dotty',
			endpoint: 'https://dotty.communication.azure.com/',
			keySource: {kind: 'dotenv', path: path.join(configDirectory, '.env'), variable: 'AZURE_COMMUNICATION_CONNECTION_STRING'},
		});
		await store.saveProfile({name: 'emulator', endpoint: 'https://127.0.0.1:1/', keySource: {kind: 'emulator'}});
		await store.setDefaultProfile('dotty');
		const env = {COMMUNICATION_SERVICES_CONNECTION_STRING: 'endpoint=https://envy.communication.azure.com/;accesskey=c2VjcmV0'};
		await writeFile(path.join(configDirectory, '.env'), 'AZURE_COMMUNICATION_CONNECTION_STRING=endpoint=https://other.communication.azure.com/;accesskey=c2VjcmV0\n');

		const choices = await connectionChoices(readSavedProfiles(configDirectory), env, configDirectory);
		expect(choices).toEqual([
			{
				kind: 'profile',
				name: 'dotty',
				endpoint: 'https://dotty.communication.azure.com/',
				key: {kind: 'dotenv', path: path.join(configDirectory, '.env'), variable: 'AZURE_COMMUNICATION_CONNECTION_STRING'},
			},
			{kind: 'profile', name: 'pasted', endpoint: 'https://pasted.communication.azure.com/', key: {kind: 'none'}},
			{kind: 'profile', name: 'kept', endpoint: 'https://kept.communication.azure.com/', key: {kind: 'saved'}},
			{
				kind: 'profile',
				name: 'envy',
				endpoint: 'https://envy.communication.azure.com/',
				key: {kind: 'environment', variable: 'COMMUNICATION_SERVICES_CONNECTION_STRING'},
			},
			// The environment's string is the envy profile's; the .env one is another endpoint.
			{
				kind: 'dotenv',
				path: path.join(configDirectory, '.env'),
				variable: 'AZURE_COMMUNICATION_CONNECTION_STRING',
				endpoint: 'https://other.communication.azure.com/',
			},
			{kind: 'emulator'},
		]);
		// The saved key itself never reaches the screen's choices.
		expect(JSON.stringify(choices)).not.toContain('c2VjcmV0');

		const {app, close} = renderWithServices({configDirectory, choices, columns: 120, rows: 40});
		closers.push(close);
		const frame = app.lastFrame();
		expect(frame).toContain('Profile dotty — https://dotty.communication.azure.com/ · key from AZURE_COMMUNICATION_CONNECTION_STRING in .env');
		expect(frame).toContain('Profile pasted — https://pasted.communication.azure.com/ · no key saved: asks for it');
		expect(frame).toContain('Profile kept — https://kept.communication.azure.com/ · key saved in the store');
		expect(frame).toContain('Profile envy — https://envy.communication.azure.com/ · key from $COMMUNICATION_SERVICES_CONNECTION_STRING');
	});

	it('offers a pasted connection string again next time, asks its key, and connects with the key alone', async () => {
		const first = renderWithServices({configDirectory, autoConnect: {kind: 'pasted', connectionString: emulator.connectionString}});
		closers.push(first.close);
		await first.app.waitForText('What next?');
		// A request that reaches the service: a profile none of whose requests did is not kept.
		await first.app.press(keys.enter, 'Step 1 of 6');
		await first.app.press(keys.enter, 'Press Enter to create the user.');
		await first.app.press(keys.enter, 'Created');
		await first.close();

		const profile = profileNameForEndpoint(endpoint);
		const choices = await connectionChoices(readSavedProfiles(configDirectory), {}, configDirectory);
		const {app, close} = renderWithServices({configDirectory, choices});
		closers.push(close);
		expect(app.lastFrame()).toContain(`❯ Profile ${profile} — ${endpoint} · no key saved: asks for it`);
		let frame = await app.press(keys.enter, `The access key of profile ${profile} (${endpoint})`);
		expect(frame).toContain('This profile keeps no key.');
		frame = await app.type('not base64*');
		expect(frame).toContain('not valid base64');
		expect(frame).not.toContain('not base64*');
		await app.press('\u0015', frame => !frame.includes('not valid base64'));
		app.write(accessKey);
		await app.waitForText(`Looks right: ${endpoint}`);
		frame = await app.press(keys.enter, 'What next?');
		expect(frame).toContain(`acs-tokens ${profile} · ${endpoint}`);
		// Still no key in the store: it was given, not saved.
		expect(await readFile(path.join(configDirectory, 'config.json'), 'utf8')).not.toContain(accessKey);
	});
});
