// One bundled, minified ESM build: the CLI starts from a single file instead of resolving
// hundreds of modules. Heavy, rarely used code (the SDK, node-forge) stays in lazy chunks.
import {build} from 'esbuild';
import {chmod, mkdir, readdir, rename, rm, writeFile} from 'node:fs/promises';
import path from 'node:path';
import {fileURLToPath} from 'node:url';

const outdir = fileURLToPath(new URL('../dist', import.meta.url));
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
	// Ink loads react-devtools-core only when DEV=true.
	external: ['react-devtools-core'],
	banner: {
		js: "import {createRequire as __createRequire} from 'node:module';const require=__createRequire(import.meta.url);",
	},
	logLevel: 'warning',
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
