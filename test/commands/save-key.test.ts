import {readFile} from 'node:fs/promises';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {createSandbox, type EmulatorProcess, startEmulatorProcess} from '../_helpers/cli.js';

/**
 * --save-key keeps the access key in the profile only once the service has accepted it: after
 * the command's request succeeded. A key the emulator refuses (401) is never written.
 */

let emulator: EmulatorProcess;
let profileName: string;

beforeAll(async () => {
	emulator = await startEmulatorProcess();
	profileName = `127.0.0.1-${new URL(emulator.endpoint).port}`;
});

afterAll(async () => {
	await emulator.stop();
});

const wrongKey = Buffer.from('not the emulator key, and never to be saved').toString('base64');
const withKey = (key: string) => `endpoint=${emulator.endpoint};accesskey=${key}`;

async function profileOf(configFile: string): Promise<{keySource: Record<string, unknown>} | undefined> {
	const data = JSON.parse(await readFile(configFile, 'utf8')) as {profiles: Array<{name: string; keySource: Record<string, unknown>}>};
	return data.profiles.find(profile => profile.name === profileName);
}

describe('--save-key', () => {
	it('never saves a key the service refused, and saves it once a request succeeded', async () => {
		const sandbox = await createSandbox();
		const refused = await sandbox.run(['user', 'create', '--connection-string', '-', '--save-key', '--json'], {input: withKey(wrongKey)});
		expect(refused.code).not.toBe(0);
		expect(JSON.parse(refused.stdout || '{}')).toMatchObject({error: {kind: 'authentication'}});
		const file = await readFile(sandbox.configFile, 'utf8');
		expect(file).not.toContain(wrongKey);
		// Nor the profile: the service never took the key, so nothing of that connection is kept.
		expect(await profileOf(sandbox.configFile)).toBeUndefined();

		const accepted = await sandbox.run(['user', 'create', '--connection-string', '-', '--save-key', '--json'], {
			input: withKey(emulator.accessKey),
		});
		expect(accepted.stderr).toBe('');
		expect(accepted.code).toBe(0);
		expect((await profileOf(sandbox.configFile))?.keySource).toEqual({kind: 'saved', accessKey: emulator.accessKey});

		// The saved key works on its own.
		const again = await sandbox.run(['user', 'create', '--profile', profileName, '--json']);
		expect(again.code).toBe(0);
	});

	it('keeps a saved key that works when a wrong one is given with --save-key', async () => {
		const sandbox = await createSandbox();
		const first = await sandbox.run(['user', 'create', '--connection-string', '-', '--save-key', '--json'], {
			input: withKey(emulator.accessKey),
		});
		expect(first.code).toBe(0);

		const wrong = await sandbox.run(['user', 'create', '--connection-string', '-', '--save-key', '--json'], {input: withKey(wrongKey)});
		expect(wrong.code).not.toBe(0);
		expect(await readFile(sandbox.configFile, 'utf8')).not.toContain(wrongKey);
		expect((await profileOf(sandbox.configFile))?.keySource).toEqual({kind: 'saved', accessKey: emulator.accessKey});
	});

	it('saves nothing for a command whose request failed for another reason (a token for a deleted identity)', async () => {
		const sandbox = await createSandbox();
		const created = await sandbox.run(['user', 'create', '--connection-string', '-', '--json'], {input: withKey(emulator.accessKey)});
		const {id} = JSON.parse(created.stdout) as {id: string};
		const deleted = await sandbox.run(['user', 'delete', '--connection-string', '-', '--user', id, '--yes'], {
			input: withKey(emulator.accessKey),
		});
		expect(deleted.code).toBe(0);
		// Issuing for a deleted identity fails on the service: the key was not shown to be accepted.
		const failed = await sandbox.run(['token', 'issue', '--connection-string', '-', '--save-key', '--user', id, '--scopes', 'chat'], {
			input: withKey(emulator.accessKey),
		});
		expect(failed.code).not.toBe(0);
		expect(await readFile(sandbox.configFile, 'utf8')).not.toContain(emulator.accessKey);
	});
});
