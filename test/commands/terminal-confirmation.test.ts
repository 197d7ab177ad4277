import {execFileSync, spawn} from 'node:child_process';
import {readFile} from 'node:fs/promises';
import {beforeAll, describe, expect, it} from 'vitest';
import {cleanEnvironment, cliPath, createSandbox, parseJson, type Sandbox} from '../_helpers/cli.js';

/**
 * On a terminal, the destructive commands ask instead of refusing. util-linux `script` gives
 * the command a pseudo-terminal; the answer is typed ahead, and read once the question is asked.
 */

const hasScript = (() => {
	try {
		execFileSync('script', ['--version'], {stdio: 'ignore'});
		return true;
	} catch {
		return false;
	}
})();

const quote = (value: string) => `'${value.replaceAll("'", String.raw`'\''`)}'`;

function onTerminal(sandbox: Sandbox, args: readonly string[], answer: string): Promise<{code: number | null; output: string}> {
	return new Promise((resolve, reject) => {
		const command = [process.execPath, cliPath, ...args].map(quote).join(' ');
		const child = spawn('script', ['--quiet', '--return', '--command', command, '/dev/null'], {
			cwd: sandbox.cwd,
			env: cleanEnvironment({ACS_TOKENS_CONFIG_DIR: sandbox.configDirectory}),
		});
		let output = '';
		child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
			output += chunk;
		});
		const timer = setTimeout(() => {
			child.kill('SIGKILL');
			reject(new Error(`no answer in 20 s: ${output}`));
		}, 20_000);
		child.once('close', code => {
			clearTimeout(timer);
			resolve({code, output: output.replaceAll('\r\n', '\n')});
		});
		child.stdin.end(answer);
	});
}

describe.skipIf(!hasScript)('confirmation on a terminal', () => {
	let sandbox: Sandbox;
	let id: string;

	beforeAll(async () => {
		sandbox = await createSandbox();
		id = parseJson<{id: string}>(await sandbox.run(['user', 'create', '--emulator', '--label', 'alice', '--json'])).id;
	});

	it.each([
		[['token', 'revoke', '--emulator', '--user', 'alice'], () => `Revoke every token of ${id} (alice)? [y/N] `, 'Nothing revoked.'],
		[['user', 'delete', '--emulator', '--user', 'alice'], () => `Delete ${id} (alice) and invalidate all its tokens? [y/N] `, 'Nothing deleted.'],
		[['user', 'forget', '--user', 'alice'], () => `Forget ${id} locally? It stays on the resource. [y/N] `, 'Nothing forgotten.'],
	])('%j asks; anything but yes changes nothing (exit 130)', async (args, question, refusal) => {
		const before = await readFile(sandbox.configFile, 'utf8');
		for (const answer of ['n\n', '\n', 'later\n']) {
			const result = await onTerminal(sandbox, args, answer);
			expect(result.code).toBe(130);
			expect(result.output).toContain(question());
			expect(result.output).toContain(`${refusal}\n`);
		}

		expect(await readFile(sandbox.configFile, 'utf8')).toBe(before);
	}, 60_000);

	it('a no under --json is exit 130 with the error object, kind cancelled, as any error of any command', async () => {
		const result = await onTerminal(sandbox, ['user', 'forget', '--user', 'alice', '--json'], 'n\n');
		expect(result.code).toBe(130);
		const object = result.output.slice(result.output.indexOf('{'));
		expect(JSON.parse(object)).toEqual({error: {kind: 'cancelled', message: 'Nothing forgotten.'}});
	}, 60_000);

	it('"y" goes ahead', async () => {
		const revoked = await onTerminal(sandbox, ['token', 'revoke', '--emulator', '--user', 'alice'], 'y\n');
		expect(revoked.code).toBe(0);
		expect(revoked.output).toContain(`Revoked every token of ${id} (alice) issued before `);
		const deleted = await onTerminal(sandbox, ['user', 'delete', '--emulator', '--user', 'alice'], 'yes\n');
		expect(deleted.code).toBe(0);
		expect(deleted.output).toContain(`Deleted ${id} (alice).\n`);
	}, 60_000);
});
