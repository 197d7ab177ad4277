import {describe, expect, it} from 'vitest';
import {createSandbox, parseJson, stackTraceLine} from '../_helpers/cli.js';

describe('acs-tokens profiles remove', () => {
	it('removes a profile and the local record of its identities, which stay on the resource', async () => {
		const sandbox = await createSandbox();
		expect((await sandbox.run(['user', 'create', '--emulator', '--label', 'alice'])).code).toBe(0);
		expect((await sandbox.run(['user', 'create', '--emulator', '--label', 'bob'])).code).toBe(0);
		const removed = await sandbox.run(['profiles', 'remove', 'emulator', '--yes']);
		expect(removed).toEqual({
			code: 0,
			stdout: 'Removed profile emulator, with the local record of 2 identities; they stay on the resource.\n',
			stderr: '',
		});
		expect(parseJson<{profiles: unknown[]}>(await sandbox.run(['profiles', '--json'])).profiles).toEqual([]);
		expect(parseJson<{identities: unknown[]}>(await sandbox.run(['users', '--json'])).identities).toEqual([]);
	});

	it('says what it removed with --json, and refuses without --yes when there is no terminal to ask', async () => {
		const sandbox = await createSandbox();
		await sandbox.run(['user', 'create', '--emulator']);
		const refused = await sandbox.run(['profiles', 'remove', 'emulator']);
		expect(refused.code).toBe(2);
		expect(refused.stderr).toMatch(/--yes/);
		expect(parseJson<{profiles: unknown[]}>(await sandbox.run(['profiles', '--json'])).profiles).toHaveLength(1);
		// -y, as every other destructive command takes it.
		const json = await sandbox.run(['profiles', 'remove', 'emulator', '-y', '--json']);
		expect(parseJson(json)).toEqual({removed: 'emulator', identities: 1});
	});

	it('names a profile that does not exist as the same usage error as every command, and needs a name', async () => {
		const sandbox = await createSandbox();
		const unknown = await sandbox.run(['profiles', 'remove', 'nope', '--yes', '--json']);
		expect(unknown.code).toBe(2);
		expect(parseJson<{error: {kind: string}}>(unknown).error.kind).toBe('usage');
		const nameless = await sandbox.run(['profiles', 'remove']);
		expect(nameless.code).toBe(2);
		expect(nameless.stderr).toBe('acs-tokens: Name the profile to remove: acs-tokens profiles remove NAME (see acs-tokens profiles).\n');
		expect(nameless.stderr).not.toMatch(stackTraceLine);
		const help = await sandbox.run(['profiles', 'remove', '--help']);
		expect(help.stdout).toMatch(/^Usage: acs-tokens profiles remove NAME \[--yes\]/);
	});
});
