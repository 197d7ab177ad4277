/**
 * The file the program was started from (dist/cli.js when built), told by source/cli.tsx:
 * what a worker thread runs to host the embedded emulator. Undefined under a test runner
 * on the sources, where the emulator runs in the process instead.
 */
let entry: URL | undefined;

export function setProgramEntry(url: URL): void {
	entry = url;
}

export function programEntry(): URL | undefined {
	return entry?.pathname.endsWith('.js') ? entry : undefined;
}
