import path from 'node:path';
import {builtin} from './builtins.js';

const {existsSync, mkdirSync, statSync} = builtin('node:fs');

/**
 * `directory` and its missing parents, one by one. Not mkdirSync's `recursive`: given a name
 * that cannot be made under /proc (--config-dir /proc/nope), Node's loops for ever at full CPU,
 * deaf to Ctrl+C; made one by one, the first that cannot be made says why (ENOENT).
 */
export function makeDirectories(directory: string, mode: number): void {
	const missing: string[] = [];
	for (let current = path.resolve(directory); !existsSync(current); current = path.dirname(current)) {
		missing.unshift(current);
		if (path.dirname(current) === current) {
			break;
		}
	}

	for (const each of missing) {
		try {
			mkdirSync(each, {mode});
		} catch (error) {
			// Made meanwhile by another process: fine, if it is a directory (checked below).
			if ((error as NodeJS.ErrnoException).code !== 'EEXIST') {
				throw error;
			}
		}
	}

	if (!statSync(directory).isDirectory()) {
		throw Object.assign(new Error(`${directory} is not a directory`), {code: 'ENOTDIR'});
	}
}
