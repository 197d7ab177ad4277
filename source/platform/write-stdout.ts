import {builtin} from './builtins.js';

const fs = builtin('node:fs');

/**
 * `text` on standard output, for the launcher's answers (`--version`, the root help page):
 * written straight to descriptor 1, without process.stdout, whose stream would load Node's
 * streams and `net` (3 ms of a 40 ms start, Node 26) for one page printed once. What the
 * descriptor will not take at once (a full non-blocking pipe: EAGAIN) goes through
 * process.stdout; a reader that has gone (EPIPE) ends it quietly, as `acs-tokens --help | head`
 * expects. On Windows the console wants the stream, which writes UTF-16 to it.
 */
export function writeStdout(text: string): void {
	if (process.platform === 'win32') {
		process.stdout.write(text);
		return;
	}

	let rest = Buffer.from(text);
	try {
		while (rest.length > 0) {
			rest = rest.subarray(fs.writeSync(1, rest));
		}
	} catch (error) {
		if ((error as NodeJS.ErrnoException).code === 'EAGAIN') {
			process.stdout.write(rest);
		}
	}
}
