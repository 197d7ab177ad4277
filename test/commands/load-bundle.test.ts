import {execFile} from 'node:child_process';
import {chmod, mkdir, readdir, stat, writeFile} from 'node:fs/promises';
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

	it('never takes the cache of another build, which V8 alone would for code of the same length', async () => {
		const directory = await temporaryDirectory();
		const cache = path.join(directory, 'cache');
		const file = await bundleIn(directory, 0);
		await load(file, cache, {save: true});
		const [old] = await cacheFiles(cache);

		await bundleIn(directory, 1);
		const rebuilt = await load(file, cache, {save: true});
		expect(rebuilt).toMatchObject({usedCodeCache: false, sum: 6});
		const now = await cacheFiles(cache);
		// The old build's cache is gone with it.
		expect(now).toHaveLength(1);
		expect(now[0]).not.toBe(old);
		expect(await load(file, cache)).toMatchObject({usedCodeCache: true, sum: 6});
	});

	it('survives a damaged cache file: compiles afresh, then writes a good one', async () => {
		const directory = await temporaryDirectory();
		const file = await bundleIn(directory);
		const cache = path.join(directory, 'cache');
		await load(file, cache, {save: true});
		const [name] = await cacheFiles(cache);
		await writeFile(path.join(cache, name as string), 'not a V8 code cache');

		expect(await load(file, cache, {save: true})).toMatchObject({usedCodeCache: false, sum: 5});
		expect(await load(file, cache)).toMatchObject({usedCodeCache: true, sum: 5});
	});

	it('carries on without a cache where none can be written', async () => {
		const directory = await temporaryDirectory();
		const file = await bundleIn(directory);
		// A file where the cache directory would be fails for root too.
		const blocked = path.join(directory, 'blocked');
		await writeFile(blocked, '');
		const readOnly = path.join(directory, 'read-only');
		await mkdir(readOnly);
		await chmod(readOnly, 0o500);
		for (const cache of [path.join(blocked, 'cache'), path.join(readOnly, 'cache')]) {
			expect(await load(file, cache, {save: true})).toMatchObject({usedCodeCache: false, sum: 5});
		}
	});
});
