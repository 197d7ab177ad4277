/**
 * Runs `load` with the global fetch hidden. yoga-layout, Ink's layout engine, loads its
 * WebAssembly from a data: URL with fetch() when fetch exists, and the first use of fetch
 * loads undici (some 40 ms before the wizard's first frame); without it, yoga instantiates the
 * same bytes at once. Used only while Ink loads, when nothing else runs.
 */
export async function withoutFetch<T>(load: () => Promise<T>): Promise<T> {
	const descriptor = Object.getOwnPropertyDescriptor(globalThis, 'fetch');
	if (!descriptor?.configurable) {
		return load();
	}

	Reflect.deleteProperty(globalThis, 'fetch');
	try {
		return await load();
	} finally {
		Object.defineProperty(globalThis, 'fetch', descriptor);
	}
}
