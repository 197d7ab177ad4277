import {createRequire} from 'node:module';

/**
 * Node's built-in module `id`, as the object it is, not through an ES module namespace, whose
 * building reads every export, the lazy ones too: `import http from 'node:http'` loads undici,
 * http2 and zlib, 16 MiB of the emulator thread's peak (Node 26). The same as
 * platform/builtins.ts, which the emulator may not import (it imports nothing of ours but the
 * protocol).
 */
export const builtin = (process.getBuiltinModule ?? createRequire(import.meta.url)) as NodeJS.Process['getBuiltinModule'];
