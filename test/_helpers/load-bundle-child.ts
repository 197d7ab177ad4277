/**
 * Loads a bundle with loadBundle in a process of its own, as the wizard does once per start:
 * within one process V8 keeps compiled scripts in memory and would never read the cache file.
 * Prints what happened as JSON.
 */
import {loadBundle} from '../../source/commands/load-bundle.js';

const [file, cacheDirectory, save] = process.argv.slice(2) as [string, string, string | undefined];
const bundle = loadBundle<{add(a: number, b: number): number; fail(): never}>(file, cacheDirectory);
let stack = '';
try {
	bundle.exports.fail();
} catch (error) {
	stack = (error as Error).stack ?? '';
}

// Run before saving, so that the cache holds add's compiled code too.
const sum = bundle.exports.add(2, 3);
if (save === 'save') {
	bundle.saveCodeCache();
}

process.stdout.write(JSON.stringify({usedCodeCache: bundle.usedCodeCache, sum, stack}));
