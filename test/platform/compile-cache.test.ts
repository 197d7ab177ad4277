import {mkdir, readdir, stat, utimes, writeFile} from 'node:fs/promises';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {unusedForMs, versionCacheDirectory} from '../../source/platform/compile-cache.js';
import {temporaryDirectory} from '../_helpers/cli.js';

const day = 86_400_000;
const now = Date.parse('2026-12-02T04:00:00Z');

async function aged(directory: string, ageMs: number): Promise<void> {
	await mkdir(directory, {recursive: true});
	const time = new Date(now - ageMs);
	await utimes(directory, time, time);
}

describe("Node's compile cache, one directory per acs-tokens version", () => {
	it("a version's first start makes its directory (mode 700) and removes versions unused for 30 days and the earlier layout's", async () => {
		const root = path.join(await temporaryDirectory('acs-tokens-cache-'), 'compile-cache');
		await aged(path.join(root, '0.1.0', 'v26.10.0-x64-2bddabf7-0'), 40 * day);
		await aged(path.join(root, '0.1.0'), unusedForMs + day);
		await aged(path.join(root, '0.2.0'), unusedForMs - day);
		await aged(path.join(root, 'v26.10.0-x64-310b2ce3-0'), 0);
		const directory = versionCacheDirectory(root, '0.3.0', now);
		expect(directory).toBe(path.join(root, '0.3.0'));
		expect((await readdir(root)).sort()).toEqual(['0.2.0', '0.3.0']);
		expect((await stat(directory)).mode & 0o777).toBe(0o700);
	});

	it("a version's later starts remove nothing, and refresh its directory's time at most once a day", async () => {
		const root = path.join(await temporaryDirectory('acs-tokens-cache-'), 'compile-cache');
		const directory = path.join(root, '0.3.0');
		await aged(directory, 2 * day);
		await aged(path.join(root, '0.1.0'), unusedForMs + day);
		versionCacheDirectory(root, '0.3.0', now);
		expect((await stat(directory)).mtimeMs).toBe(now);
		// Still there: only a new version's first start removes anything.
		expect((await readdir(root)).sort()).toEqual(['0.1.0', '0.3.0']);
		await aged(directory, day / 2);
		versionCacheDirectory(root, '0.3.0', now);
		expect((await stat(directory)).mtimeMs).toBe(now - day / 2);
	});

	it('removes a stray file among them like an unused version, and throws when it cannot make the directory (the launcher then runs uncached)', async () => {
		const base = await temporaryDirectory('acs-tokens-cache-');
		const root = path.join(base, 'compile-cache');
		await mkdir(root, {recursive: true});
		await writeFile(path.join(root, 'stray'), 'x');
		const longAgo = new Date(now - unusedForMs - day);
		await utimes(path.join(root, 'stray'), longAgo, longAgo);
		versionCacheDirectory(root, '0.3.0', now);
		expect(await readdir(root)).toEqual(['0.3.0']);
		await writeFile(path.join(base, 'a-file'), 'x');
		expect(() => versionCacheDirectory(path.join(base, 'a-file', 'compile-cache'), '0.3.0', now)).toThrow();
	});
});
