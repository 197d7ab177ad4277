import {afterEach, beforeEach, describe, expect, it, vi} from 'vitest';
import type {Emulator} from '../../source/emulator/server.js';
import {profileNameForEndpoint} from '../../source/identity/connection.js';
import {parseConnectionString} from '../../source/protocol/connection-string.js';
import {IdentityStore} from '../../source/store/identity-store.js';
import {sdkClient, startEmulator} from '../_helpers/emulator.js';
import {keys, unmountAll} from '../_helpers/ink.js';
import {renderWithServices} from '../_helpers/real-wizard.js';
import {temporaryDirectory} from '../store/temporary-directory.js';

let emulator: Emulator;
let configDirectory: string;
let profile: string;
const closers: Array<() => Promise<void>> = [];

beforeEach(async () => {
	emulator = await startEmulator('http');
	configDirectory = await temporaryDirectory();
	profile = profileNameForEndpoint(parseConnectionString(emulator.connectionString).endpoint);
});

afterEach(async () => {
	unmountAll();
	await Promise.all(closers.splice(0).map(close => close()));
	await emulator.close();
});

function open() {
	const {app, close} = renderWithServices({
		configDirectory,
		autoConnect: {kind: 'pasted', connectionString: emulator.connectionString},
	});
	closers.push(close);
	return app;
}

/** What the store on disk holds for the emulator's profile, read by a store of its own. */
const stored = async () => (await IdentityStore.open({configDirectory})).identities(profile);

/** The identity exists on the service: the SDK can issue it a token. */
async function existsOnService(id: string): Promise<boolean> {
	try {
		await sdkClient(emulator).getToken({communicationUserId: id}, ['chat']);
		return true;
	} catch {
		return false;
	}
}

describe('a pasted connection that never reaches its service', () => {
	it('keeps its profile while the wizard runs (a step can be retried), and leaves none behind, nor a changed default, once it quits', async () => {
		const store = await IdentityStore.open({configDirectory});
		await store.saveProfile({name: 'dev', endpoint: 'http://127.0.0.1:10430/', keySource: {kind: 'emulator'}});
		await store.setDefaultProfile('dev');
		const {accessKey} = parseConnectionString(emulator.connectionString);
		const {app, close} = renderWithServices({
			configDirectory,
			// Port 1 on loopback: refused at once.
			autoConnect: {kind: 'pasted', connectionString: `endpoint=http://127.0.0.1:1/;accesskey=${accessKey}`},
		});
		closers.push(close);
		await app.waitForText('What next?');
		await app.press(keys.enter, 'Step 1 of 6');
		await app.press(keys.enter, 'Press Enter to create the user.');
		await app.press(keys.enter, 'r retry');
		// While it runs, the profile is there to retry with.
		expect((await IdentityStore.open({configDirectory})).profiles().map(profile => profile.name)).toEqual(['dev', '127.0.0.1-1']);

		await close();
		const after = await IdentityStore.open({configDirectory});
		expect(after.profiles().map(profile => profile.name)).toEqual(['dev']);
		expect(after.defaultProfileName()).toBe('dev');
	});

	it('keeps the profile of a pasted connection whose requests reached the service', async () => {
		const {app, close} = renderWithServices({configDirectory, autoConnect: {kind: 'pasted', connectionString: emulator.connectionString}});
		closers.push(close);
		await app.waitForText('What next?');
		await app.press(keys.enter, 'Step 1 of 6');
		await app.press(keys.enter, 'Press Enter to create the user.');
		await app.press(keys.enter, 'Created');
		await close();
		const after = await IdentityStore.open({configDirectory});
		expect(after.profiles().map(profile => profile.name)).toEqual([profile]);
		expect(after.defaultProfileName()).toBe(profile);
	});
});

describe('creating an identity from the manager', () => {
	it('keeps the prompt on its line when the label typed is longer than the room beside it: the label goes on below', async () => {
		const app = open();
		await app.waitForText('What next?');
		await app.press(keys.down, '❯ Manage identities');
		await app.press(keys.enter, '❯ + Create an identity…');
		const prompt = 'Label for the new identity (optional; Enter with none):';
		await app.press(keys.enter, prompt);
		const label = 'boba-very-long-label-for-the-list-screen-xyz客服-Agent 李';
		// Pasted: one write.
		app.write(label);
		const frame = await app.waitForText('李');
		// The prompt whole on one line, the label on the lines after it, none of it cut or squeezed.
		const lines = frame.split('\n');
		const at = lines.findIndex(line => line.includes(prompt));
		expect(at).not.toBe(-1);
		expect(lines.slice(at + 1).join('').replaceAll(' ', '')).toContain(label.replaceAll(' ', ''));
	});

	it('says a label is too long as it is typed, and Enter creates nothing until it is short enough; 64 characters, a CJK one or an emoji counting one', async () => {
		const app = open();
		await app.waitForText('What next?');
		await app.press(keys.down, '❯ Manage identities');
		await app.press(keys.enter, '❯ + Create an identity…');
		await app.press(keys.enter, 'Label for the new identity');
		const longest = `客服${'😀'.repeat(10)}${'a'.repeat(52)}`;
		app.write(longest);
		let frame = await app.waitForText('aaaa');
		expect(frame).not.toContain('a label has 64 at most');
		frame = await app.press('b', '65 characters: a label has 64 at most.');
		// Enter, then one erased: the erase reaches the same prompt (Enter left it open), and 64 is taken.
		app.write(keys.enter);
		frame = await app.press('\u007f', frame => !frame.includes('at most'));
		expect(frame).toContain('Label for the new identity');
		expect(await stored()).toEqual([]);
		await app.press(keys.enter, frame => /❯ 客服/.test(frame));
		expect((await stored()).map(identity => identity.label)).toEqual([longest]);
	});

	it('asks a label, creates it on the service, stores it with its label and shows it selected', async () => {
		const app = open();
		await app.waitForText('What next?');
		await app.press(keys.down, '❯ Manage identities');
		let frame = await app.press(keys.enter, `Identities of ${profile}`);
		expect(frame).toContain('No identities yet for this connection.');
		expect(frame).toContain('❯ + Create an identity…');

		frame = await app.press(keys.enter, 'Label for the new identity (optional; Enter with none):');
		// Typed, never shortcuts: q does not quit.
		await app.type('alice-q');
		expect(app.effects.quit).not.toHaveBeenCalled();
		frame = await app.press(keys.enter, frame => frame.includes('❯ alice-q '));
		expect(frame).toContain(`Identities of ${profile}`);
		expect(frame).not.toContain('No identities yet');

		const [alice] = await stored();
		expect(alice).toMatchObject({label: 'alice-q'});
		expect(await existsOnService(alice?.id ?? '')).toBe(true);

		// Without a label (empty is allowed): the new one is selected, above alice.
		await app.press(keys.up, '❯ + Create an identity…');
		await app.press(keys.enter, 'Label for the new identity');
		frame = await app.press(keys.enter, frame => /❯ — +8:acs:/.test(frame));
		expect(frame).toContain('  alice-q ');
		const [unnamed, second] = await stored();
		expect(unnamed?.label).toBeUndefined();
		expect(second?.id).toBe(alice?.id);
		expect(await existsOnService(unnamed?.id ?? '')).toBe(true);

		// Enter opens the one selected.
		frame = await app.press(keys.enter, 'Rename (local label)');
		expect(frame).toContain(unnamed?.id.slice(0, 30));
	});

	it('refuses a label already in use before anything is created, keeps it typed, and Esc leaves', async () => {
		const app = open();
		await app.waitForText('What next?');
		await app.press(keys.down, '❯ Manage identities');
		await app.press(keys.enter, '❯ + Create an identity…');
		await app.press(keys.enter, 'Label for the new identity');
		await app.type('bob');
		await app.press(keys.enter, '❯ bob ');
		await app.press(keys.up, '❯ + Create an identity…');
		await app.press(keys.enter, 'Label for the new identity');
		await app.type('bob');
		const refused = await app.press(keys.enter, 'already');
		expect(refused).toContain('Label for the new identity (optional; Enter with none): bob');
		expect(await stored()).toHaveLength(1);

		// Fixed and sent again from the same form.
		await app.type('2');
		await app.press(keys.enter, '❯ bob2 ');
		expect((await stored()).map(identity => identity.label)).toEqual(['bob2', 'bob']);

		await app.press(keys.up, '❯ + Create an identity…');
		await app.press(keys.enter, 'Label for the new identity');
		await app.type('nobody');
		await app.press(keys.escape, `Identities of ${profile}`);
		expect(await stored()).toHaveLength(2);
	});
});

describe('naming the identity in the tour', () => {
	it('refuses a label another identity has, and the refusal goes once the label is edited', async () => {
		const app = open();
		await app.waitForText('What next?');
		await app.press(keys.enter, 'Step 1 of 6');
		await app.press(keys.enter, 'Step 2 of 6');
		await app.press('l', 'Label for the new identity');
		await app.type('alice');
		await app.press(keys.enter, 'Label: alice');
		await app.press(keys.enter, 'alice (8:acs:');
		await vi.waitFor(async () => expect(await stored()).toHaveLength(1));
		// A second tour: the same label again, after the identity is created.
		await app.press(keys.escape, 'Step 1 of 6');
		await app.press(keys.enter, 'Step 2 of 6');
		await app.press(keys.enter, 'Press Enter to continue');
		await app.press('l', 'New label (empty removes it):');
		await app.type('alice');
		let frame = await app.press(keys.enter, 'is already used by');
		expect(frame).toContain('New label (empty removes it): alice');
		frame = await app.press('\u0015', next => !next.includes('removes it): alice'));
		expect(frame).not.toContain('is already used by');
		await app.type('bob');
		await app.press(keys.enter, 'bob (8:acs:');
		await vi.waitFor(async () => expect((await stored()).map(identity => identity.label).sort()).toEqual(['alice', 'bob']));
	});

	it('takes a label before creating it, and another after', async () => {
		const app = open();
		await app.waitForText('What next?');
		await app.press(keys.enter, 'Step 1 of 6');
		let frame = await app.press(keys.enter, 'Step 2 of 6');
		expect(frame).toContain('Press Enter to create the user. · l label');
		expect(frame).not.toContain('Label:');

		await app.press('l', 'Label for the new identity');
		await app.type('learner');
		frame = await app.press(keys.enter, 'Label: learner (kept only on this machine) · l changes it');
		expect(frame).toContain('Step 2 of 6');
		expect(await stored()).toHaveLength(0);

		frame = await app.press(keys.enter, 'Press Enter to continue');
		expect(frame).toContain('learner (8:acs:');
		// The store is written behind the screen, just after.
		await vi.waitFor(async () => expect(await stored()).toHaveLength(1));
		const [created] = await stored();
		expect(created?.label).toBe('learner');
		expect(await existsOnService(created?.id ?? '')).toBe(true);

		// After: l renames it, in the store at once.
		await app.press('l', 'New label (empty removes it): learner');
		await app.press('\u0015', frame => !frame.includes('removes it): learner'));
		await app.type('student');
		frame = await app.press(keys.enter, 'student (8:acs:');
		expect(frame).toContain('Press Enter to continue');
		expect((await stored()).map(identity => identity.label)).toEqual(['student']);
		await app.press(keys.enter, 'Step 3 of 6');
	});
});
