import {execFileSync} from 'node:child_process';
import {existsSync, readFileSync} from 'node:fs';
import {mkdir, readdir, stat, writeFile} from 'node:fs/promises';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {cliPath, runCli, temporaryDirectory} from '../_helpers/cli.js';

const manifest = JSON.parse(readFileSync('package.json', 'utf8')) as {
	version: string;
	dependencies?: Record<string, string>;
	scripts: Record<string, string>;
};

/** An older Node than acs-tokens supports, where the machine has one (this kind has Node 20 as its system Node). */
const oldNode = ['/usr/local/bin/node', '/usr/bin/node'].find(
	candidate => existsSync(candidate) && Number(execFileSync(candidate, ['-p', 'process.versions.node.split(".")[0]'], {encoding: 'utf8'})) < 22,
);

describe('the package a user installs', () => {
	it('has no runtime dependencies and no install scripts: everything the binary needs is bundled', () => {
		expect(manifest.dependencies).toBeUndefined();
		for (const script of ['preinstall', 'install', 'postinstall', 'prepare']) {
			expect(manifest.scripts[script]).toBeUndefined();
		}
	});

	it('ships the bundle, its licences and no source maps or sources', () => {
		const [packed] = JSON.parse(execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], {encoding: 'utf8'})) as [
			{files: {path: string}[]; size: number},
		];
		const files = packed.files.map(file => file.path);
		expect(files).toEqual(expect.arrayContaining(['LICENSE', 'README.md', 'package.json', 'dist/cli.js', 'dist/main.js', 'dist/emulator.js']));
		expect(files).toContain('dist/THIRD-PARTY-LICENSES.txt');
		expect(files).toContain('dist/types/emulator/index.d.ts');
		expect(files.filter(file => file.endsWith('.map') || file.startsWith('source/') || file.startsWith('test/'))).toEqual([]);
		expect(packed.size).toBeLessThan(1024 * 1024);
	});

	it('acs-tokens --version prints the version', async () => {
		const result = await runCli(['--version']);
		expect(result).toMatchObject({code: 0, stdout: `${manifest.version}\n`});
	});

	it("keeps Node's compile cache for this version only: the first start of a version removes what older versions left", async () => {
		const cacheDirectory = await temporaryDirectory('acs-tokens-cache-');
		const old = path.join(cacheDirectory, 'compile-cache', '0.0.1');
		await mkdir(path.join(old, 'v26.0.0-x64-00000000-0'), {recursive: true});
		await writeFile(path.join(old, 'v26.0.0-x64-00000000-0', 'deadbeef'), 'stale');
		// Before this layout, Node's own directories sat in compile-cache itself.
		await mkdir(path.join(cacheDirectory, 'compile-cache', 'v22.0.0-x64-00000000-0'), {recursive: true});
		const result = await runCli(['--version'], {env: {ACS_TOKENS_CACHE_DIR: cacheDirectory}});
		expect(result).toMatchObject({code: 0, stdout: `${manifest.version}\n`});
		expect(await readdir(path.join(cacheDirectory, 'compile-cache'))).toEqual([manifest.version]);
		expect((await stat(path.join(cacheDirectory, 'compile-cache', manifest.version))).mode & 0o777).toBe(0o700);
		// The next start of the same version keeps its entries.
		const users = await runCli(['users', '--json', '--config-dir', path.join(cacheDirectory, 'config')], {env: {ACS_TOKENS_CACHE_DIR: cacheDirectory}});
		expect(users.code).toBe(0);
		const entries = await readdir(path.join(cacheDirectory, 'compile-cache', manifest.version), {recursive: true});
		expect(entries.length).toBeGreaterThan(0);
		await runCli(['--version'], {env: {ACS_TOKENS_CACHE_DIR: cacheDirectory}});
		expect(await readdir(path.join(cacheDirectory, 'compile-cache', manifest.version), {recursive: true})).toEqual(entries);
	});

	it.runIf(oldNode)('on an older Node, says in one line which Node it needs', () => {
		let failure: {status: number; stderr: string; stdout: string} | undefined;
		try {
			execFileSync(oldNode as string, [cliPath, '--help'], {encoding: 'utf8', stdio: 'pipe'});
		} catch (error) {
			failure = error as typeof failure;
		}

		expect(failure?.status).toBe(1);
		expect(failure?.stdout).toBe('');
		expect(failure?.stderr).toMatch(/^acs-tokens needs Node\.js 22 or later; this is Node\.js 2\d\.\d+\.\d+\. Install a current LTS \(26\)[^\n]*\n$/);
	});
});
