import path from 'node:path';
import {makeDirectories} from './make-directories.js';
import {builtin} from './builtins.js';

const {readdirSync, rmSync, statSync, utimesSync} = builtin('node:fs');

const day = 86_400_000;
/** Another version's directory not started for this long goes at a new version's first start. */
export const unusedForMs = 30 * day;

/**
 * Node's compile cache for this acs-tokens version: `<root>/<version>`, private to the user.
 * Node never removes an entry, and every release brings new files, so each version has its own
 * directory, and the first start of a new version removes those of versions unused for 30 days.
 * Two versions in use side by side (a global install and an npx of another) keep theirs: a
 * version's start refreshes its directory's time, at most once a day. Best effort throughout:
 * what cannot be removed now is tried again at the next version.
 */
export function versionCacheDirectory(root: string, version: string, now = Date.now()): string {
	const directory = path.join(root, version);
	const seen = statSync(directory, {throwIfNoEntry: false});
	if (seen === undefined) {
		makeDirectories(directory, 0o700);
		removeUnused(root, version, now);
	} else if (now - seen.mtimeMs > day) {
		const time = new Date(now);
		utimesSync(directory, time, time);
	}

	return directory;
}

function removeUnused(root: string, version: string, now: number): void {
	let entries: string[];
	try {
		entries = readdirSync(root);
	} catch {
		return;
	}

	for (const entry of entries) {
		if (entry === version) {
			continue;
		}

		try {
			const where = path.join(root, entry);
			// Node's own directories (v26.10.0-x64-…) straight in the root: the layout before
			// versions had directories of their own.
			const earlierLayout = /^v\d+\.\d+\.\d+-/.test(entry);
			if (earlierLayout || now - statSync(where).mtimeMs > unusedForMs) {
				rmSync(where, {recursive: true, force: true});
			}
		} catch {
			// Left for the next version.
		}
	}
}
