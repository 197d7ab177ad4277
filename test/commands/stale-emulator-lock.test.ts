import {mkdir, readFile, writeFile} from 'node:fs/promises';
import {createServer} from 'node:net';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {createSandbox, parseJson} from '../_helpers/cli.js';

/** A port nothing listens on: bound, then closed. */
async function closedPort(): Promise<number> {
	const server = createServer();
	await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
	const {port} = server.address() as {port: number};
	await new Promise<void>(resolve => server.close(() => resolve()));
	return port;
}

describe('an embedded emulator whose process died, its pid since reused', () => {
	it('is known stale by its URL answering nothing: --emulator starts a new one instead of failing with ECONNREFUSED', async () => {
		const sandbox = await createSandbox();
		const directory = path.join(sandbox.configDirectory, 'emulator');
		await mkdir(directory, {recursive: true, mode: 0o700});
		const port = await closedPort();
		// A running process (this test's) stands for the stranger that now has the dead wizard's pid.
		await writeFile(path.join(directory, 'emulator.lock'), JSON.stringify({pid: process.pid, threadId: 1, url: `http://127.0.0.1:${port}/`}));
		const created = await sandbox.run(['user', 'create', '--emulator', '--label', 'alice', '--json']);
		expect(created.stderr).toBe('');
		expect(created.code).toBe(0);
		expect(parseJson<{label: string}>(created).label).toBe('alice');
		// The lock was taken over and released: it no longer names the stranger.
		const lock = await readFile(path.join(directory, 'emulator.lock'), 'utf8').catch(() => '');
		expect(lock).not.toContain(`"pid":${process.pid}`);
	});
});
