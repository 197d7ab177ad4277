import {execFile} from 'node:child_process';
import {chmod, chown, readdir, readFile, rename, rm, stat, symlink, utimes, writeFile} from 'node:fs/promises';
import path from 'node:path';
import {promisify} from 'node:util';
import {describe, expect, it} from 'vitest';
import {temporaryDirectory} from '../_helpers/cli.js';

const child = path.resolve('test/_helpers/load-bundle-child.ts');
const tsx = path.resolve('node_modules/.bin/tsx');

type Outcome = {usedCodeCache: boolean; sum: number; stack: string};

/** loadBundle in a new process each time, as each wizard start is (see the child's comment). */
async function load(file: string, cacheDirectory: string, options: {save?: boolean} = {}): Promise<Outcome> {
	const {stdout} = await promisify(execFile)(tsx, [child, file, cacheDirectory, options.save ? 'save' : '']);
	return JSON.parse(stdout) as Outcome;
}

/** A bundle whose `add` adds `extra`: a different `extra` is other code of the same length. */
async function bundleIn(directory: string, extra = 0): Promise<string> {
	const file = path.join(directory, 'ui.cjs');
	await writeFile(
		file,
		`'use strict';
const path = require('node:path');
exports.add = (a, b) => a + b + ${extra};
exports.fail = () => { throw new Error('from ' + path.basename(__filename) + ' in ' + __dirname); };
`,
	);
	return file;
}

const cacheFiles = async (directory: string) => (await readdir(directory).catch(() => [])).filter(name => name.endsWith('.v8cache'));

describe('loadBundle, each load in a process of its own', () => {
	it('runs a CommonJS bundle as require would, and a stack trace points at the bundle line that threw', async () => {
		const directory = await temporaryDirectory();
		const file = await bundleIn(directory);
		const outcome = await load(file, path.join(directory, 'cache'));
		expect(outcome.sum).toBe(5);
		expect(outcome.usedCodeCache).toBe(false);
		expect(outcome.stack).toContain(`Error: from ui.cjs in ${directory}`);
		expect(outcome.stack).toContain(`${file}:4:`);
	});

	it('writes the code cache once (0600, in a 0700 directory) and the next start uses it', async () => {
		const directory = await temporaryDirectory();
		const file = await bundleIn(directory);
		const cache = path.join(directory, 'cache');
		expect((await load(file, cache, {save: true})).usedCodeCache).toBe(false);
		const [written] = await cacheFiles(cache);
		expect(written).toMatch(/^ui\.cjs-[\da-f]{16}\.v8cache$/);
		expect((await stat(cache)).mode & 0o777).toBe(0o700);
		const first = await stat(path.join(cache, written as string));
		expect(first.mode & 0o777).toBe(0o600);

		const again = await load(file, cache, {save: true});
		expect(again).toMatchObject({usedCodeCache: true, sum: 5});
		expect(again.stack).toContain(`${file}:4:`);
		// Used, so not written again.
		expect((await stat(path.join(cache, written as string))).mtimeMs).toBe(first.mtimeMs);
	});

	it('never takes the cache of another build, which V8 alone would for code of the same length; drops caches unused for a month', async () => {
		const directory = await temporaryDirectory();
		const cache = path.join(directory, 'cache');
		const file = await bundleIn(directory, 0);
		await load(file, cache, {save: true});
		const [old] = await cacheFiles(cache);

		await bundleIn(directory, 1);
		const rebuilt = await load(file, cache, {save: true});
		expect(rebuilt).toMatchObject({usedCodeCache: false, sum: 6});
		expect(await load(file, cache)).toMatchObject({usedCodeCache: true, sum: 6});
		// The other build's cache stays while another install may use it, and goes after a month unused.
		expect(await cacheFiles(cache)).toHaveLength(2);
		const monthAgo = new Date(Date.now() - 31 * 24 * 60 * 60 * 1000);
		await utimes(path.join(cache, old as string), monthAgo, monthAgo);
		await bundleIn(directory, 2);
		await load(file, cache, {save: true});
		expect(await cacheFiles(cache)).not.toContain(old);
		expect(await cacheFiles(cache)).toHaveLength(2);
	});

	it('survives a damaged cache file, even one V8 would take (right length, bytes flipped): compiles afresh, then writes a good one', async () => {
		const directory = await temporaryDirectory();
		const file = await bundleIn(directory);
		const cache = path.join(directory, 'cache');
		await load(file, cache, {save: true});
		const [name] = await cacheFiles(cache);
		const cacheFile = path.join(cache, name as string);
		const good = await readFile(cacheFile);
		for (const damaged of [Buffer.from('not a V8 code cache'), flipped(good, good.length - 40), flipped(good, good.length >> 1)]) {
			await writeFile(cacheFile, damaged, {mode: 0o600});
			expect(await load(file, cache, {save: true})).toMatchObject({usedCodeCache: false, sum: 5});
			expect(await load(file, cache)).toMatchObject({usedCodeCache: true, sum: 5});
		}
	});

	it('uses only a cache of its own that no one else can write, and never follows a link', async () => {
		const directory = await temporaryDirectory();
		const file = await bundleIn(directory);
		const cache = path.join(directory, 'cache');
		await load(file, cache, {save: true});
		const [name] = await cacheFiles(cache);
		const cacheFile = path.join(cache, name as string);

		await chmod(cacheFile, 0o666);
		expect((await load(file, cache)).usedCodeCache).toBe(false);
		await chmod(cacheFile, 0o600);
		await chmod(cache, 0o777);
		expect((await load(file, cache, {save: true})).usedCodeCache).toBe(false);
		await chmod(cache, 0o700);
		expect((await load(file, cache)).usedCodeCache).toBe(true);

		// A linked cache directory leading to a private one is used.
		const linkedDirectory = path.join(directory, 'linked-cache');
		await symlink(cache, linkedDirectory);
		expect((await load(file, linkedDirectory)).usedCodeCache).toBe(true);

		// A link to a good cache elsewhere is not followed.
		const elsewhere = path.join(directory, 'elsewhere.v8cache');
		await rename(cacheFile, elsewhere);
		await symlink(elsewhere, cacheFile);
		expect((await load(file, cache)).usedCodeCache).toBe(false);
		await rm(cacheFile);

		if (process.getuid?.() === 0) {
			// Another user's file, here nobody's (65534).
			await load(file, cache, {save: true});
			await chown(cacheFile, 65_534, 65_534);
			expect((await load(file, cache)).usedCodeCache).toBe(false);
		}
	});

	it('carries on without a cache where none can be written', async () => {
		const directory = await temporaryDirectory();
		const file = await bundleIn(directory);
		// A file where the cache directory would be: fails for root too.
		const blocked = path.join(directory, 'blocked');
		await writeFile(blocked, '');
		expect(await load(file, path.join(blocked, 'cache'), {save: true})).toMatchObject({usedCodeCache: false, sum: 5});
	});
});

function flipped(data: Buffer, offset: number): Buffer {
	const copy = Buffer.from(data);
	for (let index = offset; index < offset + 4; index++) {
		copy[index] = (copy[index] as number) ^ 0xff;
	}

	return copy;
}
