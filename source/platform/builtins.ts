import {createRequire} from 'node:module';

/**
 * Node's built-in module `id`, as the object it is. `import … from 'node:http'` (or 'node:fs',
 * 'node:util') in an ES module builds a module namespace, and building one reads every export,
 * the lazy ones too: for `http` that loads undici, http2 and zlib (16 MiB of a process's peak
 * and 6 ms of its start, Node 26), for `fs` streams, readline and fs/promises (7 ms against a
 * 40 ms `node -e 0`). `process.getBuiltinModule` (Node 22.3 and later) and `require` hand the
 * module over as it is. The emulator has the same three lines of its own (emulator/builtins.ts):
 * it imports nothing of ours but the protocol.
 */
export const builtin = (process.getBuiltinModule ?? createRequire(import.meta.url)) as NodeJS.Process['getBuiltinModule'];
