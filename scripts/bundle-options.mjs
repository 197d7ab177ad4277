// The esbuild options of the program's bundles, shared by scripts/build.mjs and by bench:tui's
// floor app (bench/ink-floor.tsx), which must be built exactly as the wizard is to be a floor.

/** What every bundle of the program has. */
export function sharedOptions({outdir, version}) {
	return {
		outdir,
		write: false,
		bundle: true,
		platform: 'node',
		format: 'esm',
		minify: true,
		legalComments: 'none',
		define: {'process.env.NODE_ENV': '"production"', __ACS_TOKENS_VERSION__: JSON.stringify(version)},
		logLevel: 'warning',
	};
}

/** What the program's entries (the CLI, the wizard's UI, the emulator) add: split ESM chunks for Node 22. */
export const programOptions = {
	target: 'node22',
	// Ink connects to React DevTools only when DEV=true, importing this optional peer then;
	// acs-tokens does not ship it.
	external: ['react-devtools-core'],
	splitting: true,
	chunkNames: 'chunks/[name]-[hash]',
	banner: {
		js: "import {createRequire as __createRequire} from 'node:module';const require=__createRequire(import.meta.url);",
	},
};
