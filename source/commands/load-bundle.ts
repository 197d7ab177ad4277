import {createHash} from 'node:crypto';
import {
	closeSync,
	constants,
	fstatSync,
	fsyncSync,
	mkdirSync,
	openSync,
	readdirSync,
	readFileSync,
	renameSync,
	rmSync,
	type Stats,
	statSync,
	writeSync,
} from 'node:fs';
import {createRequire} from 'node:module';
import path from 'node:path';
import vm from 'node:vm';

export type LoadedBundle<T> = {
	readonly exports: T;
	/** Whether V8 took the cached code (false on the first run, after a rebuild or a Node upgrade). */
	readonly usedCodeCache: boolean;
	/**
	 * Writes the code cache if none was used: V8's compiled code of every function run so far.
	 * Never throws: a cache is optional.
	 */
	saveCodeCache(): void;
};

/** A cache file: this tag, the SHA-256 of the rest, then V8's code cache. */
const magic = Buffer.from('acs-tokens v8 code cache 1\n');
const digestLength = 32;
const staleAfterMs = 30 * 24 * 60 * 60 * 1000;

const digest = (data: Uint8Array) => createHash('sha256').update(data).digest();

/**
 * Only a directory or file of our own that no one else can write: the cache is code that runs
 * as this user. (Windows has no uid or mode bits to check.)
 */
function isPrivate(stats: Stats): boolean {
	return process.getuid === undefined || (stats.uid === process.getuid() && (stats.mode & 0o022) === 0);
}

function readCache(directory: string, file: string): Buffer | undefined {
	try {
		// A linked directory (a moved ~/.cache) is fine if where it leads is private.
		const directoryStats = statSync(directory);
		if (!directoryStats.isDirectory() || !isPrivate(directoryStats)) {
			return undefined;
		}

		const descriptor = openSync(file, constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0));
		try {
			const stats = fstatSync(descriptor);
			if (!stats.isFile() || !isPrivate(stats)) {
				return undefined;
			}

			const content = readFileSync(descriptor);
			const payload = content.subarray(magic.length + digestLength);
			const intact =
				content.subarray(0, magic.length).equals(magic) &&
				content.subarray(magic.length, magic.length + digestLength).equals(digest(payload));
			// V8 checks a cache's header and length, not its content: a damaged one can crash it.
			return intact ? payload : undefined;
		} finally {
			closeSync(descriptor);
		}
	} catch {
		return undefined;
	}
}

function writeCache(directory: string, file: string, payload: Buffer): void {
	mkdirSync(directory, {recursive: true, mode: 0o700});
	const directoryStats = statSync(directory);
	if (!directoryStats.isDirectory() || !isPrivate(directoryStats)) {
		return;
	}

	const temporary = `${file}.${process.pid}.tmp`;
	// wx: never through a file or link someone put there.
	const descriptor = openSync(temporary, 'wx', 0o600);
	try {
		writeSync(descriptor, magic);
		writeSync(descriptor, digest(payload));
		writeSync(descriptor, payload);
		fsyncSync(descriptor);
	} finally {
		closeSync(descriptor);
	}

	renameSync(temporary, file);
}

/**
 * Caches of other builds, and leftovers, written over a month ago: not at once, as another
 * install may still use its own (at worst it compiles once more and writes it again).
 */
function pruneCaches(directory: string, prefix: string, keep: string): void {
	const now = Date.now();
	for (const name of readdirSync(directory)) {
		const file = path.join(directory, name);
		try {
			if (name.startsWith(prefix) && file !== keep && now - statSync(file).mtimeMs > staleAfterMs) {
				rmSync(file, {force: true});
			}
		} catch {
			// Gone meanwhile: another start pruned it.
		}
	}
}

/**
 * Runs a CommonJS bundle as `require` would, through a V8 code cache kept in `cacheDirectory`.
 * Compiling the wizard's UI (Ink, React, yoga: ~400 KB) is about 30 ms of its start-up; with
 * the cache V8 skips it. Node 22 has `module.enableCompileCache()` for this; Node 20 has only
 * `vm.Script`'s `cachedData`.
 *
 * V8 refuses a cache made by another V8 version or with other flags, but checks only the
 * length of the source: the file name carries a hash of the source, the Node version and the
 * flags, and the file a hash of its content.
 */
export function loadBundle<T>(file: string, cacheDirectory: string): LoadedBundle<T> {
	const source = readFileSync(file, 'utf8');
	const key = createHash('sha256')
		.update(`${process.version} ${process.arch} ${process.execArgv.join(' ')} ${process.env['NODE_OPTIONS'] ?? ''}\n`)
		.update(source)
		.digest('hex')
		.slice(0, 16);
	const prefix = `${path.basename(file)}-`;
	const cacheFile = path.join(cacheDirectory, `${prefix}${key}.v8cache`);
	const cachedData = readCache(cacheDirectory, cacheFile);
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
				writeCache(cacheDirectory, cacheFile, script.createCachedData());
				pruneCaches(cacheDirectory, prefix, cacheFile);
			} catch {
				// A read-only or full disk: the next start compiles again.
			}
		},
	};
}
