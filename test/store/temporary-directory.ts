import {mkdtemp, rm} from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import {afterEach} from 'vitest';

const directories: string[] = [];

afterEach(async () => {
	await Promise.all(directories.splice(0).map(directory => rm(directory, {recursive: true, force: true})));
});

/** A fresh directory for one test, removed after it. */
export async function temporaryDirectory(): Promise<string> {
	const directory = await mkdtemp(path.join(os.tmpdir(), 'acs-tokens-store-'));
	directories.push(directory);
	return directory;
}
