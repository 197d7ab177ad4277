// The program bundled with esbuild, minified, so that nothing resolves hundreds of modules at
// start-up and the published package needs no dependencies:
// - dist/cli.js, the binary: a few lines any Node can parse (source/launcher.ts), which check
//   the Node version, answer --version, and turn on Node's compile cache before loading the rest;
// - dist/root-help.js: a lone --help's page, in one file, without the program;
// - dist/main.js and dist/chunks/: the program as ESM; rarely used code (the SDK, node-forge,
//   the store's schema validator, the wizard's UI) stays in chunks loaded when needed.
// No dependency is patched. One is overridden, not patched: package.json's `overrides` gives
// Ink and its helpers string-width 9 (they ask for 8.x), whose first measure of non-ASCII text
// takes 1 ms where 8.3's took 42 ms and more (README, "Benchmarks"); 9 keeps 8's API.
import {execFileSync} from 'node:child_process';
import {build} from 'esbuild';
import {chmod, mkdir, readdir, readFile, rename, rm, writeFile} from 'node:fs/promises';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {programOptions, sharedOptions} from './bundle-options.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const outdir = path.join(root, 'dist');
const {version} = JSON.parse(await readFile(path.join(root, 'package.json'), 'utf8'));

const common = sharedOptions({outdir, version});

const [launcher, rootHelp, program] = await Promise.all([
	build({
		...common,
		entryPoints: {cli: 'source/launcher.ts'},
		// Old enough to parse on any Node that runs ESM, so that it can say which Node it needs.
		target: 'node14',
		external: ['./cli.js'],
		banner: {js: '#!/usr/bin/env node'},
		// The launcher loads the program's entry by its built name.
		plugins: [
			{
				name: 'program-entry',
				setup(context) {
					context.onResolve({filter: /^\.\/cli\.js$/}, () => ({path: './main.js', external: true}));
					context.onResolve({filter: /^\.\/app\/render\.js$/}, () => ({path: './wizard-ui.js', external: true}));
					context.onResolve({filter: /^\.\/root-help\.js$/}, () => ({path: './root-help.js', external: true}));
				},
			},
		],
	}),
	// The launcher's answer to a lone --help: the help pages and what chooses their language, in
	// one file of its own (no shared chunks to resolve and link one by one), without the program.
	build({...common, entryPoints: {'root-help': 'source/root-help.ts'}, target: 'node22'}),
	build({
		...common,
		// The program, and the emulator as a library: import {createEmulator} from 'acs-tokens/emulator'.
		// The wizard's emulator thread runs a bundle of its own: only the emulator, none of the CLI.
		// The wizard's UI has a name of its own too, so that the launcher can start loading it early.
		entryPoints: {
			main: 'source/cli.tsx',
			emulator: 'source/emulator/index.ts',
			'emulator-worker': 'source/emulator/worker-entry.ts',
			'wizard-ui': 'source/app/render.tsx',
		},
		...programOptions,
		metafile: true,
	}),
]);

/**
 * Bundling copies other people's code into ours: their licences go with it, one file listing
 * every package in the bundle with its licence text.
 */
async function thirdPartyNotices(metafile) {
	// By directory: one package can be bundled in several versions (nested node_modules).
	const directories = new Set();
	for (const input of Object.keys(metafile.inputs)) {
		const match = /^(.*node_modules\/(?:@[^/]+\/)?[^/]+)\//.exec(input);
		if (match) {
			directories.add(match[1]);
		}
	}

	const packages = new Map();
	for (const directory of directories) {
		const manifest = JSON.parse(await readFile(path.join(root, directory, 'package.json'), 'utf8'));
		packages.set(`${manifest.name}@${manifest.version}`, {directory, manifest});
	}

	const sections = [];
	for (const [name, {directory, manifest}] of [...packages].toSorted(([a], [b]) => a.localeCompare(b))) {
		const licenceFile = (await readdir(path.join(root, directory))).find(file => /^(licen[cs]e|copying)/i.test(file));
		const text = licenceFile ? await readFile(path.join(root, directory, licenceFile), 'utf8') : `License: ${manifest.license ?? 'see the package'}`;
		sections.push(`${name} (${manifest.license ?? 'unknown'})\n\n${text.trim()}\n`);
	}

	return `acs-tokens bundles these packages; their licences follow.\n\n${sections.join(`\n${'-'.repeat(72)}\n\n`)}`;
}

// The emulator library's types, for TypeScript users of acs-tokens/emulator: emitted beside
// dist/ and moved in whole, so that types of a module since removed never linger.
const typesBuild = path.join(root, `.types-${process.pid}.tmp`);
try {
	execFileSync(
		process.execPath,
		[path.join(root, 'node_modules/typescript/bin/tsc'), '-p', path.join(root, 'tsconfig.emulator.json'), '--outDir', typesBuild],
		{stdio: 'inherit'},
	);
} catch (error) {
	// A type error leaves no half-emitted directory behind in the working tree.
	await rm(typesBuild, {recursive: true, force: true});
	throw error;
}

const notices = {path: path.join(outdir, 'THIRD-PARTY-LICENSES.txt'), contents: Buffer.from(await thirdPartyNotices(program.metafile))};

/**
 * The chunk that holds the identity SDK (@azure/communication-identity and the core-client and
 * core-rest-pipeline it runs on) starts with V8's compile hint: every function in it is compiled
 * when it loads, not on its first call. Node's compile cache keeps what was compiled at load:
 * without the hint that is the top level alone (30 KB of cache for 208 KB of code), and every
 * `token issue` compiled the functions an SDK call runs anew, some 12 ms (hyperfine, 40 runs:
 * 258.7 against 247.0 ms). An SDK call runs most of the chunk, so little is compiled for nothing.
 */
const compiledWhole = /node_modules\/@azure\/communication-identity\//;
for (const [name, output] of Object.entries(program.metafile.outputs)) {
	if (Object.keys(output.inputs).some(input => compiledWhole.test(input))) {
		const file = program.outputFiles.find(each => each.path === path.join(root, name));
		if (file) {
			file.contents = Buffer.concat([Buffer.from('//# allFunctionsCalledOnLoad\n'), file.contents]);
		}
	}
}

// Test runs (and people) build while others run dist/cli.js: never leave dist/ missing or a
// file half-written. Each file is replaced atomically, the binary last, then leftovers go.
const entry = path.join(outdir, 'cli.js');
const files = [notices, ...program.outputFiles, ...rootHelp.outputFiles, ...launcher.outputFiles];
for (const file of files) {
	await mkdir(path.dirname(file.path), {recursive: true});
	const temporary = `${file.path}.${process.pid}.tmp`;
	await writeFile(temporary, file.contents);
	if (file.path === entry) {
		await chmod(temporary, 0o755);
	}

	await rename(temporary, file.path);
}

const oldTypes = path.join(outdir, `types.${process.pid}.old`);
await rename(path.join(outdir, 'types'), oldTypes).catch(() => undefined);
await rename(typesBuild, path.join(outdir, 'types'));
await rm(oldTypes, {recursive: true, force: true});

const written = new Set(files.map(file => file.path));
for (const entry of await readdir(outdir, {recursive: true, withFileTypes: true})) {
	const file = path.join(entry.parentPath, entry.name);
	const name = path.relative(outdir, file);
	// Another build's file in the making is that build's to finish.
	if (entry.isFile() && !written.has(file) && !file.endsWith('.tmp') && !name.startsWith(`types${path.sep}`)) {
		await rm(file, {force: true});
	}
}
