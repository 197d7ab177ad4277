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

/**
 * Hides the global FormData for good. Node defines it as a lazy global that loads undici
 * (some 50 to 80 ms) when it is read, and reading its property descriptor counts as reading
 * it, so it is deleted unread. The Azure SDK's formDataPolicy reads `typeof FormData` on every
 * request to see whether a body is multipart. The identity API never sends multipart bodies,
 * and nothing else of ours uses FormData, so the policy finds none and undici is never loaded.
 */
export function hideFormData(): void {
	// Never Object.getOwnPropertyDescriptor here: that alone loads undici. A global that
	// cannot be deleted stays (delete answers false), and the policy then loads it as before.
	Reflect.deleteProperty(globalThis, 'FormData');
}
