/**
 * The built program's entry (dist/main.js), told by source/cli.tsx, and the bundles beside it:
 * the embedded emulator's thread runs dist/emulator-worker.js. Undefined under a test runner
 * on the sources, where the emulator runs in the process instead.
 */
let entry: URL | undefined;

export function setProgramEntry(url: URL): void {
	entry = url;
}

export function builtFile(name: string): URL | undefined {
	return entry?.pathname.endsWith('.js') ? new URL(name, entry) : undefined;
}
