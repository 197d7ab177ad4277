/** dist/emulator-worker.js: what the wizard's emulator thread runs (source/identity/emulator-supervisor.ts). */
import {runEmulatorWorker} from './worker-main.js';

await runEmulatorWorker();
