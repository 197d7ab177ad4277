import {createHash} from 'node:crypto';
import {mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync} from 'node:fs';
import {createRequire} from 'node:module';
import path from 'node:path';
import vm from 'node:vm';

export type LoadedBundle<T> = {
	readonly exports: T;
	/** Whether V8 took the cached code (false on the first run, after a rebuild or a Node upgrade). */
	readonly usedCodeCache: boolean;
	/**
	 * Writes the code cache if none was used: V8's compiled code of every function run so far,
	 * so the later in the session, the more it holds. Never throws: a cache is optional.
	 */
	saveCodeCache(): void;
};

/**
 * Runs a CommonJS bundle as `require` would, through a V8 code cache kept in `cacheDirectory`.
 * Compiling the wizard's UI (Ink, React, yoga: ~550 KB) and the functions its first frame calls
 * is about 50 ms of its start-up; with the cache V8 skips it. Node 22 has
 * `module.enableCompileCache()` for this; Node 20 has only `vm.Script`'s `cachedData`.
 *
 * V8 refuses a cache made by another V8 version or with other flags, but checks only the
 * length of the source: the file name carries a hash of the source and of the Node version.
 */
export function loadBundle<T>(file: string, cacheDirectory: string): LoadedBundle<T> {
	const source = readFileSync(file, 'utf8');
	const key = createHash('sha256').update(`${process.version} ${process.arch}\n`).update(source).digest('hex').slice(0, 16);
	const prefix = `${path.basename(file)}-`;
	const cacheFile = path.join(cacheDirectory, `${prefix}${key}.v8cache`);
	let cachedData: Buffer | undefined;
	try {
		cachedData = readFileSync(cacheFile);
	} catch {
		// None yet.
	}

	// The wrapper starts on the source's first line, so line numbers in stack traces still match.
	const script = new vm.Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, {
		filename: file,
		...(cachedData ? {cachedData} : {}),
	});
	const usedCodeCache = cachedData !== undefined && !script.cachedDataRejected;
	const module = {exports: {} as T};
	script.runInThisContext()(module.exports, createRequire(file), module, file, path.dirname(file));
	return {
		exports: module.exports,
		usedCodeCache,
		saveCodeCache() {
			if (usedCodeCache) {
				return;
			}

			try {
				mkdirSync(cacheDirectory, {recursive: true, mode: 0o700});
				const temporary = `${cacheFile}.${process.pid}.tmp`;
				writeFileSync(temporary, script.createCachedData(), {mode: 0o600});
				renameSync(temporary, cacheFile);
				// The caches of earlier builds will not be read again.
				for (const name of readdirSync(cacheDirectory)) {
					if (name.startsWith(prefix) && name.endsWith('.v8cache') && path.join(cacheDirectory, name) !== cacheFile) {
						rmSync(path.join(cacheDirectory, name), {force: true});
					}
				}
			} catch {
				// A read-only or full disk: the next start compiles again.
			}
		},
	};
}
