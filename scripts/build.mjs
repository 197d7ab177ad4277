// One bundled, minified ESM build: the CLI starts from a single file instead of resolving
// hundreds of modules. Heavy, rarely used code (the SDK, node-forge) stays in lazy chunks.
import {build} from 'esbuild';
import {chmod, mkdir, readFile, readdir, rename, rm, writeFile} from 'node:fs/promises';
import path from 'node:path';
import {fileURLToPath} from 'node:url';

const outdir = fileURLToPath(new URL('../dist', import.meta.url));

/**
 * yoga-layout (Ink's layout engine) loads its WebAssembly from a data: URL through fetch()
 * when fetch exists: in Node that loads undici and decodes the module through it, about
 * 40 ms before the wizard's first frame. Without fetch it decodes the same base64 itself.
 */
const yogaWithoutFetch = {
	name: 'yoga-without-fetch',
	setup(context) {
		context.onLoad({filter: /[\\/]yoga-layout[\\/]dist[\\/]binaries[\\/][^\\/]+\.js$/}, async ({path: file}) => {
			const source = await readFile(file, 'utf8');
			const probe = '"function"!=typeof fetch';
			if (!source.includes(probe)) {
				throw new Error(`${file} no longer probes for fetch as expected: update yogaWithoutFetch in scripts/build.mjs.`);
			}

			return {contents: source.replaceAll(probe, 'true'), loader: 'js'};
		});
	},
};
/**
 * Ink's useInput subscribes each new handler in a passive effect, which React runs after the
 * frame is on screen. A key read in between reaches the previous render's handler: Enter
 * right after j in a list chose the item before (ink-select-input keeps its index in that
 * closure), a typed letter replaced the one before it. Subscribing in a layout effect makes
 * what a key does match what the screen shows. The other effect (raw mode) stays passive.
 */
const inkInputInLayoutEffect = {
	name: 'ink-input-in-layout-effect',
	setup(context) {
		context.onLoad({filter: /[\\/]ink[\\/]build[\\/]hooks[\\/]use-input\.js$/}, async ({path: file}) => {
			const source = await readFile(file, 'utf8');
			const subscription = 'useEffect(() => {\n        if (options.isActive === false) {\n            return;\n        }\n        const handleData';
			if (!source.startsWith("import { useEffect } from 'react';") || source.split(subscription).length !== 2) {
				throw new Error(`${file} changed: update inkInputInLayoutEffect in scripts/build.mjs.`);
			}

			return {
				contents: source
					.replace("import { useEffect } from 'react';", "import { useEffect, useLayoutEffect } from 'react';")
					.replace(subscription, subscription.replace('useEffect', 'useLayoutEffect')),
				loader: 'js',
			};
		});
	},
};

/**
 * Ink, widest-line, cli-truncate and wrap-ansi measure text with string-width, whose first
 * measure of any non-ASCII text (the list pointer ❯, a …) costs about 45 ms before the first
 * frame. They get source/app/text-width.ts instead: the same widths (tested against
 * string-width), with a fast path for ASCII and the symbols the screens draw. wrap-ansi's own
 * older string-width 7 goes too, so wrapping and measuring agree.
 */
const textWidthForStringWidth = {
	name: 'text-width-for-string-width',
	setup(context) {
		const textWidth = fileURLToPath(new URL('../source/app/text-width.ts', import.meta.url));
		context.onResolve({filter: /^string-width$/}, ({importer}) => (importer === textWidth ? undefined : {path: textWidth}));
	},
};

const entry = path.join(outdir, 'cli.js');
const result = await build({
	entryPoints: {cli: 'source/cli.tsx'},
	outdir,
	write: false,
	bundle: true,
	splitting: true,
	format: 'esm',
	platform: 'node',
	target: 'node20',
	minify: true,
	sourcemap: 'linked',
	legalComments: 'none',
	chunkNames: 'chunks/[name]-[hash]',
	define: {'process.env.NODE_ENV': '"production"'},
	// Node 20 has RegExp's v flag: kept as literals, string-width's Unicode sets are not
	// rebuilt with new RegExp() (18 ms) when the chunk loads.
	supported: {'regexp-set-notation': true},
	// Ink loads react-devtools-core only when DEV=true.
	external: ['react-devtools-core'],
	banner: {
		js: "import {createRequire as __createRequire} from 'node:module';const require=__createRequire(import.meta.url);",
	},
	logLevel: 'warning',
	plugins: [yogaWithoutFetch, inkInputInLayoutEffect, textWidthForStringWidth],
});

// Test runs (and people) build while others run dist/cli.js: never leave dist/ missing or a
// file half-written. Each file is replaced atomically, the entry last, then leftovers go.
const files = result.outputFiles.toSorted((a, b) => Number(a.path === entry) - Number(b.path === entry));
for (const file of files) {
	await mkdir(path.dirname(file.path), {recursive: true});
	const temporary = `${file.path}.${process.pid}.tmp`;
	await writeFile(temporary, file.contents);
	if (file.path === entry) {
		await chmod(temporary, 0o755);
	}

	await rename(temporary, file.path);
}

const written = new Set(files.map(file => file.path));
for (const name of await readdir(outdir, {recursive: true})) {
	const file = path.join(outdir, name);
	// Another build's file in the making is that build's to finish.
	if (!written.has(file) && !file.endsWith('.tmp') && !(name === 'chunks')) {
		await rm(file, {force: true});
	}
}
