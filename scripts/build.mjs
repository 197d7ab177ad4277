// Two bundles, minified, so that nothing resolves hundreds of modules at start-up:
// - dist/cli.js and dist/chunks/: the CLI as ESM; heavy, rarely used code (the SDK,
//   node-forge, the store's schema validator) stays in lazy chunks;
// - dist/wizard-ui.cjs: the wizard's Ink UI (Ink, React, yoga) as one CommonJS script, which
//   source/commands/load-bundle.ts runs through a V8 code cache (Node 20 caches no ESM).
import {build} from 'esbuild';
import {chmod, mkdir, readFile, readdir, rename, rm, writeFile} from 'node:fs/promises';
import path from 'node:path';
import {fileURLToPath} from 'node:url';

const outdir = fileURLToPath(new URL('../dist', import.meta.url));

/** Replaces `search` in a dependency's file, or fails the build if the file has changed. */
function patch(file, source, search, replacement, pluginName) {
	if (source.split(search).length !== 2) {
		throw new Error(`${file} changed: update ${pluginName} in scripts/build.mjs.`);
	}

	return source.replace(search, () => replacement);
}

/**
 * yoga-layout (Ink's layout engine) is an Emscripten module that instantiates its WebAssembly
 * asynchronously (through fetch() of a data: URL when fetch exists, which loads undici: 40 ms),
 * and its entry waits for it with a top-level await, which a CommonJS script cannot have.
 * Emscripten's documented `instantiateWasm` hook lets the caller instantiate it instead:
 * synchronously, from the same bytes (WebAssembly.Module on ~70 KB is a few ms).
 */
const yogaInstantiatedSynchronously = {
	name: 'yoga-instantiated-synchronously',
	setup(context) {
		context.onLoad({filter: /[\\/]yoga-layout[\\/]dist[\\/]binaries[\\/]yoga-wasm-base64-esm\.js$/}, async ({path: file}) => {
			const source = await readFile(file, 'utf8');
			const dataUrl = /"data:application\/octet-stream;base64,([A-Za-z\d+/=]+)"/.exec(source);
			if (!dataUrl) {
				throw new Error(`${file} no longer embeds its WebAssembly as a base64 data: URL: update yogaInstantiatedSynchronously in scripts/build.mjs.`);
			}

			const contents = patch(file, source, dataUrl[0], '"data:application/octet-stream;base64,"+yogaWasmBase64', 'yogaInstantiatedSynchronously');
			return {contents: `export const yogaWasmBase64 = ${JSON.stringify(dataUrl[1])};\n${contents}`, loader: 'js'};
		});
		context.onLoad({filter: /[\\/]yoga-layout[\\/]dist[\\/]src[\\/]index\.js$/}, async ({path: file}) => {
			let source = await readFile(file, 'utf8');
			source = patch(
				file,
				source,
				"import loadYoga from '../binaries/yoga-wasm-base64-esm.js';",
				"import loadYoga, {yogaWasmBase64} from '../binaries/yoga-wasm-base64-esm.js';",
				'yogaInstantiatedSynchronously',
			);
			source = patch(
				file,
				source,
				'wrapAssembly(await loadYoga())',
				`wrapAssembly((() => {
	const module = {
		instantiateWasm(imports, receive) {
			const instance = new WebAssembly.Instance(new WebAssembly.Module(Buffer.from(yogaWasmBase64, 'base64')), imports);
			receive(instance);
			return instance.exports;
		},
	};
	// With the instance given at once, the factory finishes before it returns; its promise is
	// not needed, and a failure shows below rather than as an unhandled rejection.
	loadYoga(module).catch(() => undefined);
	if (typeof module.Node !== 'object' && typeof module.Node !== 'function') {
		throw new Error("yoga-layout, Ink's layout engine, could not start its WebAssembly: is WebAssembly disabled (--jitless)?");
	}

	return module;
})())`,
				'yogaInstantiatedSynchronously',
			);
			return {contents: source, loader: 'js'};
		});
	},
};

/**
 * Ink's reconciler connects to React DevTools when DEV=true, with a top-level await, which a
 * CommonJS script cannot have. acs-tokens does not offer that: the two awaits go.
 */
const inkWithoutDevtools = {
	name: 'ink-without-devtools',
	setup(context) {
		context.onLoad({filter: /[\\/]ink[\\/]build[\\/]reconciler\.js$/}, async ({path: file}) => {
			let source = await readFile(file, 'utf8');
			source = patch(file, source, "await import('./devtools.js');", '/* React DevTools: not in acs-tokens */', 'inkWithoutDevtools');
			source = patch(file, source, '? await loadPackageJson()', '? {name: undefined, version: undefined}', 'inkWithoutDevtools');
			return {contents: source, loader: 'js'};
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
			let contents = patch(file, source, "import { useEffect } from 'react';", "import { useEffect, useLayoutEffect } from 'react';", 'inkInputInLayoutEffect');
			contents = patch(file, contents, subscription, subscription.replace('useEffect', 'useLayoutEffect'), 'inkInputInLayoutEffect');
			return {contents, loader: 'js'};
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
		// What is left of string-width's start-up: V8 parses the RGI_Emoji set (18 ms) when the
		// literal is first evaluated, which with the code cache is when the bundle loads. Made
		// on first use instead, as the other texts than those of text-width's fast path need it.
		context.onLoad({filter: /[\\/]node_modules[\\/]string-width[\\/]index\.js$/}, async ({path: file}) => {
			const source = await readFile(file, 'utf8');
			const contents = patch(
				file,
				source,
				'const rgiEmojiRegex = /^\\p{RGI_Emoji}$/v;',
				"let rgiEmoji;\nconst rgiEmojiRegex = {test: text => (rgiEmoji ??= new RegExp('^\\\\p{RGI_Emoji}$', 'v')).test(text)};",
				'textWidthForStringWidth',
			);
			return {contents, loader: 'js'};
		});
	},
};

const common = {
	outdir,
	write: false,
	bundle: true,
	platform: 'node',
	target: 'node20',
	minify: true,
	sourcemap: 'linked',
	legalComments: 'none',
	define: {'process.env.NODE_ENV': '"production"'},
	// Node 20 has RegExp's v flag: kept as literals, string-width's Unicode sets are not
	// rebuilt with new RegExp() (18 ms) when the bundle loads.
	supported: {'regexp-set-notation': true},
	logLevel: 'warning',
};

const [cli, ui] = await Promise.all([
	build({
		...common,
		entryPoints: {cli: 'source/cli.tsx'},
		splitting: true,
		format: 'esm',
		chunkNames: 'chunks/[name]-[hash]',
		banner: {
			js: "import {createRequire as __createRequire} from 'node:module';const require=__createRequire(import.meta.url);",
		},
	}),
	build({
		...common,
		// source/commands/wizard.tsx loads it from there.
		entryPoints: {'wizard-ui': 'source/commands/wizard-render.tsx'},
		format: 'cjs',
		outExtension: {'.js': '.cjs'},
		define: {...common.define, 'import.meta.url': '__importMetaUrl'},
		// Strict, as the ESM build was: the directive must come first in the script.
		banner: {js: '"use strict";const __importMetaUrl=require("node:url").pathToFileURL(__filename).href;'},
		plugins: [yogaInstantiatedSynchronously, inkWithoutDevtools, inkInputInLayoutEffect, textWidthForStringWidth],
	}),
]);

if (cli.outputFiles.some(file => file.path.endsWith('.js') && file.text.includes('yogaNode'))) {
	throw new Error('Ink ended up in the ESM bundle: the wizard UI must be reached only through dist/wizard-ui.cjs.');
}

// Test runs (and people) build while others run dist/cli.js: never leave dist/ missing or a
// file half-written. Each file is replaced atomically, the entry last, then leftovers go.
const entry = path.join(outdir, 'cli.js');
const files = [...ui.outputFiles, ...cli.outputFiles].toSorted((a, b) => Number(a.path === entry) - Number(b.path === entry));
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
