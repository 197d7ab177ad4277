import {execFileSync, spawn} from 'node:child_process';
import {once} from 'node:events';
import {existsSync, readFileSync} from 'node:fs';
import {mkdir, readdir, stat, utimes, writeFile} from 'node:fs/promises';
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
		expect(files).toContain('dist/root-help.js');
		expect(files).toContain('dist/types/emulator/index.d.ts');
		expect(files.filter(file => file.endsWith('.map') || file.startsWith('source/') || file.startsWith('test/'))).toEqual([]);
		expect(packed.size).toBeLessThan(1024 * 1024);
	});

	it('acs-tokens --version prints the version', async () => {
		const result = await runCli(['--version']);
		expect(result).toMatchObject({code: 0, stdout: `${manifest.version}\n`});
	});

	it('answers --version and --help quietly to a reader that has gone (acs-tokens --help | head -0)', async () => {
		for (const flag of ['--version', '--help']) {
			const child = spawn(process.execPath, [cliPath, flag], {stdio: ['ignore', 'pipe', 'pipe']});
			child.stdout.destroy();
			let stderr = '';
			child.stderr.on('data', (chunk: Buffer) => {
				stderr += chunk.toString();
			});
			const [code] = (await once(child, 'close')) as [number | null];
			expect({flag, code, stderr}).toEqual({flag, code: 0, stderr: ''});
		}
	});

	it("keeps Node's compile cache per version, and a new version's first start removes what older versions left unused", async () => {
		const cacheDirectory = await temporaryDirectory('acs-tokens-cache-');
		const root = path.join(cacheDirectory, 'compile-cache');
		const unused = path.join(root, '0.0.1');
		await mkdir(path.join(unused, 'v26.0.0-x64-00000000-0'), {recursive: true});
		await writeFile(path.join(unused, 'v26.0.0-x64-00000000-0', 'deadbeef'), 'stale');
		const longAgo = new Date(Date.now() - 40 * 86_400_000);
		await utimes(unused, longAgo, longAgo);
		// Another version started last week (an npx of it, say): kept.
		await mkdir(path.join(root, '0.0.2'), {recursive: true});
		// Before this layout, Node's own directories sat in compile-cache itself.
		await mkdir(path.join(root, 'v22.0.0-x64-00000000-0'), {recursive: true});
		const result = await runCli(['--version'], {env: {ACS_TOKENS_CACHE_DIR: cacheDirectory}});
		expect(result).toMatchObject({code: 0, stdout: `${manifest.version}\n`});
		expect((await readdir(root)).sort()).toEqual(['0.0.2', manifest.version].sort());
		expect((await stat(path.join(root, manifest.version))).mode & 0o777).toBe(0o700);
		// The next starts of the same version keep its entries as they are.
		const users = await runCli(['users', '--json', '--config-dir', path.join(cacheDirectory, 'config')], {env: {ACS_TOKENS_CACHE_DIR: cacheDirectory}});
		expect(users.code).toBe(0);
		const entries = await readdir(path.join(root, manifest.version), {recursive: true});
		expect(entries.length).toBeGreaterThan(0);
		await runCli(['--version'], {env: {ACS_TOKENS_CACHE_DIR: cacheDirectory}});
		expect(await readdir(path.join(root, manifest.version), {recursive: true})).toEqual(entries);
	});

	it('runs uncached when its cache directory cannot be made', async () => {
		const base = await temporaryDirectory('acs-tokens-cache-');
		await writeFile(path.join(base, 'a-file'), 'x');
		const result = await runCli(['users', '--json', '--config-dir', path.join(base, 'config')], {env: {ACS_TOKENS_CACHE_DIR: path.join(base, 'a-file')}});
		expect(result).toMatchObject({code: 0, stderr: ''});
		expect(JSON.parse(result.stdout)).toEqual({identities: []});
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

	it.runIf(oldNode)('on an older Node, says it in the user\'s language, and as JSON under --json', async () => {
		// A config directory of its own: a language saved in this user's would choose instead.
		const configDirectory = await temporaryDirectory();
		const run = (args: string[], env: Record<string, string>) => {
			try {
				execFileSync(oldNode as string, [cliPath, ...args], {
					encoding: 'utf8',
					stdio: 'pipe',
					env: {...process.env, LC_ALL: '', LC_MESSAGES: '', ACS_TOKENS_CONFIG_DIR: configDirectory, ...env},
				});
			} catch (error) {
				return error as {status: number; stderr: string; stdout: string};
			}

			throw new Error('it ran');
		};

		const json = run(['users', '--json'], {LANG: 'en_US.UTF-8'});
		expect(json.status).toBe(1);
		expect(JSON.parse(json.stdout)).toEqual({error: {kind: 'local', message: json.stderr.trimEnd()}});
		expect(json.stderr).toMatch(/^acs-tokens needs Node\.js 22 or later/);
		const chinese = run(['users'], {LANG: 'zh_TW.UTF-8'});
		expect(chinese).toMatchObject({status: 1, stdout: ''});
		expect(chinese.stderr).toMatch(/^acs-tokens 需要 Node\.js 22 以上版本；目前是 Node\.js 2\d\.\d+\.\d+。[^\n]*\n$/);
		expect(run(['--lang', 'zh-TW', 'users'], {LANG: 'en_US.UTF-8'}).stderr).toMatch(/^acs-tokens 需要/);
		expect(run(['--lang=en', 'users'], {LANG: 'zh_TW.UTF-8'}).stderr).toMatch(/^acs-tokens needs/);
		expect(run(['--lang', 'auto', 'users'], {LANG: 'zh_TW.UTF-8'}).stderr).toMatch(/^acs-tokens 需要/);
	});
});
