import {execFileSync} from 'node:child_process';

/** Subprocess tests run the real, built binary: build it once per run. */
export default function setup(): void {
	execFileSync(process.execPath, ['scripts/build.mjs'], {stdio: 'inherit'});
}
