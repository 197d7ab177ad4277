import {readdir, readFile, stat, writeFile} from 'node:fs/promises';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {type CliResult, createSandbox, parseJson, type Sandbox, startEmulatorProcess} from '../_helpers/cli.js';

/** The store under processes running at once, and a store file someone broke. */

type Listed = {identities: Array<{profile: string; id: string; label?: string}>};

const concurrent = 4;

async function createAtOnce(sandbox: Sandbox, connection: readonly string[], prefix: string): Promise<Map<string, string>> {
	const results = await Promise.all(
		Array.from({length: concurrent}, (_, index) => sandbox.run(['user', 'create', ...connection, '--label', `${prefix}${index}`, '--json'])),
	);
	for (const result of results) {
		expect(result, result.stderr).toMatchObject({code: 0, stderr: ''});
	}

	const created = new Map(results.map(result => parseJson<{id: string; label: string}>(result)).map(({id, label}) => [label, id]));
	expect(new Set(created.values()).size).toBe(concurrent);
	return created;
}

async function recorded(sandbox: Sandbox, profile: string): Promise<Map<string, string>> {
	const listed = parseJson<Listed>(await sandbox.run(['users', '--json']));
	return new Map(listed.identities.filter(identity => identity.profile === profile).map(identity => [identity.label ?? '', identity.id]));
}

describe(`${concurrent} user create runs started at the same time are all recorded`, () => {
	it('with --emulator: they take turns on the embedded emulator, and all of them exist there', async () => {
		const sandbox = await createSandbox();
		const created = await createAtOnce(sandbox, ['--emulator'], 'embedded-');
		expect(await recorded(sandbox, 'emulator')).toEqual(created);

		const issued = await Promise.all([...created.keys()].map(label => sandbox.run(['token', 'issue', '--emulator', '--user', label, '--scopes', 'chat', '--json'])));
		expect(issued.map(result => result.code)).toEqual(Array.from({length: concurrent}, () => 0));
	}, 60_000);

	it('against one running emulator, by connection string', async () => {
		const emulator = await startEmulatorProcess();
		try {
			const sandbox = await createSandbox();
			const created = await createAtOnce(sandbox, ['--connection-string', emulator.connectionString], 'shared-');
			expect(await recorded(sandbox, `127.0.0.1-${new URL(emulator.endpoint).port}`)).toEqual(created);
			expect(emulator.log.filter(line => /^POST \/identities 201 /.test(line))).toHaveLength(concurrent);
		} finally {
			await emulator.stop();
		}
	}, 60_000);

	it('with --emulator while `acs-tokens emulator` runs on the same config directory: they all use it', async () => {
		const sandbox = await createSandbox();
		const emulator = await startEmulatorProcess(['--http', '--port', '0'], {ACS_TOKENS_CONFIG_DIR: sandbox.configDirectory});
		try {
			const created = await createAtOnce(sandbox, ['--emulator'], 'running-');
			expect(await recorded(sandbox, 'emulator')).toEqual(created);
			expect(emulator.log.filter(line => /^POST \/identities 201 /.test(line))).toHaveLength(concurrent);
		} finally {
			await emulator.stop();
		}
	}, 60_000);
});

describe('where the store lives', () => {
	it('--config-dir wins over ACS_TOKENS_CONFIG_DIR, and holds both the store (0600) and the embedded emulator\'s state', async () => {
		const sandbox = await createSandbox();
		const other = await createSandbox();
		const created = await sandbox.run(['user', 'create', '--emulator', '--label', 'here', '--json', '--config-dir', other.configDirectory]);
		expect(created.code).toBe(0);
		expect(await readdir(sandbox.configDirectory)).toEqual([]);
		expect((await readdir(other.configDirectory)).sort()).toEqual(['config.json', 'emulator']);
		expect((await stat(other.configFile)).mode & 0o777).toBe(0o600);
		expect(await recorded(other, 'emulator')).toEqual(new Map([['here', parseJson<{id: string}>(created).id]]));

		// The embedded emulator's state is there too: the identity still exists for the next command.
		const issued = await other.run(['token', 'issue', '--emulator', '--user', 'here', '--scopes', 'chat']);
		expect(issued.code).toBe(0);
	});
});

describe('a broken store file', () => {
	async function asideFiles(sandbox: Sandbox): Promise<string[]> {
		return (await readdir(sandbox.configDirectory)).filter(name => name.startsWith('config.json.corrupt-')).map(name => path.join(sandbox.configDirectory, name));
	}

	function expectMovedAside(result: CliResult, sandbox: Sandbox, aside: string, reason: string): void {
		expect(result.stderr).toBe(
			`warning: ${sandbox.configFile} could not be read (${reason}). It was moved to ${aside} and a new, empty config was started; copy back from it what you need.\n`,
		);
	}

	it('that is not JSON is moved aside, both paths named on stderr, and the command still works', async () => {
		const sandbox = await createSandbox();
		const garbage = '{"profiles": [ this is not json \u0000\n';
		await writeFile(sandbox.configFile, garbage);

		const result = await sandbox.run(['user', 'create', '--emulator', '--label', 'after', '--json']);
		expect(result.code).toBe(0);
		const {id} = parseJson<{id: string}>(result);
		const [aside, ...more] = await asideFiles(sandbox);
		expect(more).toEqual([]);
		expectMovedAside(result, sandbox, aside as string, 'it is not valid JSON');
		expect(await readFile(aside as string, 'utf8')).toBe(garbage);
		expect(await recorded(sandbox, 'emulator')).toEqual(new Map([['after', id]]));
	});

	it('that does not match the format is moved aside too, by a command that only reads', async () => {
		const sandbox = await createSandbox();
		const broken = `${JSON.stringify({profiles: 'alice', settings: {storeTokens: 'yes'}})}\n`;
		await writeFile(sandbox.configFile, broken);

		const result = await sandbox.run(['users']);
		expect(result.code).toBe(0);
		expect(result.stdout).toBe('No identities yet. Create one: acs-tokens user create --emulator --label alice\n');
		const [aside] = await asideFiles(sandbox);
		expect(result.stderr).toMatch(/^warning: .+ could not be read \(it does not match the acs-tokens format: .+\)\. It was moved to .+ and a new, empty config was started; copy back from it what you need\.\n$/);
		expect(result.stderr).toContain(` ${sandbox.configFile} `);
		expect(result.stderr).toContain(` ${aside} `);
		expect(await readFile(aside as string, 'utf8')).toBe(broken);

		// Reported once: the next run finds a good file.
		const again = await sandbox.run(['users', '--json']);
		expect(again).toMatchObject({code: 0, stderr: ''});
		expect(await asideFiles(sandbox)).toHaveLength(1);
	});

	it('with --json, the warning stays on stderr and stdout is still one JSON document', async () => {
		const sandbox = await createSandbox();
		await writeFile(sandbox.configFile, 'garbage');
		const result = await sandbox.run(['profiles', '--json']);
		expect(result.code).toBe(0);
		expect(parseJson(result)).toEqual({defaultProfile: null, profiles: []});
		const [aside] = await asideFiles(sandbox);
		expectMovedAside(result, sandbox, aside as string, 'it is not valid JSON');
	});
});
