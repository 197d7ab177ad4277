import type * as Fs from 'node:fs';
import {createRequire} from 'node:module';

/**
 * Node's `fs`, as the object it is, for the modules that the launcher and the root help page
 * load (platform/, store/saved-profiles.ts). `import … from 'node:fs'` in an ES module builds a
 * module namespace, and building it reads every export of `fs`, the lazy ones too
 * (`fs.promises`, the stream classes): that loads streams, readline and fs/promises before the
 * first line runs, 7 ms of user time against a 40 ms `node -e 0` (Node 26, hyperfine, 80 runs).
 * `process.getBuiltinModule` (Node 22.3 and later) and `require` hand the object over as it is.
 */
export const fs: typeof Fs = process.getBuiltinModule?.('node:fs') ?? createRequire(import.meta.url)('node:fs');
