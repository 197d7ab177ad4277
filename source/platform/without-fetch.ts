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
 * Hides the global FormData for good. Node defines it as a lazy getter that loads undici (some
 * 35 ms); the Azure SDK's formDataPolicy reads `typeof FormData` on every request to see whether
 * a body is multipart. The identity API never sends multipart bodies, and nothing else of ours
 * uses FormData, so the policy finds none and undici is never loaded.
 */
export function hideFormData(): void {
	const descriptor = Object.getOwnPropertyDescriptor(globalThis, 'FormData');
	if (descriptor?.configurable) {
		Reflect.deleteProperty(globalThis, 'FormData');
	}
}
