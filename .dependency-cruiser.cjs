/**
 * The layering of source/, written down (see ../shared/style.md, "A layout that shows the
 * architecture") and checked by `npm test`: an import that breaks a rule fails the build with
 * its file and the import.
 */

/**
 * The folders of source/ in layers, lowest first: a folder imports only folders of lower
 * layers (and Node, and its own libraries), never one of its own layer or above. So no import
 * cycle can run between folders. The files at source/'s root (cli.tsx, launcher.ts) sit above
 * them all. A new folder needs a place here: the last rule refuses a folder without one.
 */
const layers = [
	// The wire contract; where things live on each OS; the one error model.
	['protocol', 'platform', 'errors'],
	// A product of its own (acs-tokens/emulator), on the wire contract alone.
	['emulator'],
	// The messages in each language, and the SDK snippets.
	['text'],
	// The saved profiles and identities (conf).
	['store'],
	// The identity core: connections, the SDK, the embedded emulator, the trace.
	['identity'],
	// The wizard's machine (pure), and opening a session, which commands and the wizard share.
	['wizard', 'session'],
	// The non-interactive commands.
	['commands'],
	// The wizard's UI and its wiring.
	['app'],
];
const folders = layers.flat();
const layerRules = layers.flatMap((layer, index) =>
	layer.map(folder => ({
		name: `layer-${folder}`,
		severity: 'error',
		comment: `${folder}/ is in layer ${index + 1} of ${layers.length} (.dependency-cruiser.cjs, "layers"): it imports only folders of the layers below.`,
		from: {path: `^source/${folder}/`},
		to: {path: `^source/(${layers.slice(index).flat().filter(other => other !== folder).join('|')})/`},
	})),
);

module.exports = {
	forbidden: [
		...layerRules,
		{
			name: 'every-folder-has-a-layer',
			severity: 'error',
			comment: 'A folder of source/ that is in no layer: give it one in .dependency-cruiser.cjs.',
			from: {path: '^source/[^/]+/', pathNot: `^source/(${folders.join('|')})/`},
			to: {},
		},
		{
			name: 'no-unresolvable',
			severity: 'error',
			comment: 'An import that resolves to nothing: a typo, or a package that is not a dependency.',
			from: {path: '^source/'},
			to: {couldNotResolve: true},
		},
		{
			name: 'source-never-imports-the-build',
			severity: 'error',
			comment: 'source/ imports source/, never dist/ (the package importing itself, acs-tokens/…, resolves there): the rules above could not see it.',
			from: {path: '^source/'},
			to: {path: '^dist/'},
		},
		{
			name: 'no-circular',
			severity: 'error',
			comment: 'No import cycles: each module sits above the ones it imports.',
			from: {path: '^source'},
			to: {circular: true},
		},
		{
			name: 'protocol-imports-nothing-of-ours',
			severity: 'error',
			comment: 'protocol/ is the wire contract both sides share: it depends on nothing else of ours.',
			from: {path: '^source/protocol/'},
			to: {path: '^source/', pathNot: '^source/protocol/'},
		},
		{
			name: 'platform-imports-nothing-of-ours',
			severity: 'error',
			comment: 'platform/ knows where things live on each OS, and nothing else.',
			from: {path: '^source/platform/'},
			to: {path: '^source/', pathNot: '^source/platform/'},
		},
		{
			name: 'emulator-imports-only-protocol',
			severity: 'error',
			comment: 'The emulator is a product of its own (acs-tokens/emulator): it never imports the client.',
			from: {path: '^source/emulator/'},
			to: {path: '^source/', pathNot: '^source/(emulator|protocol)/'},
		},
		{
			name: 'machine-is-pure',
			severity: 'error',
			comment: 'The XState machine takes every effect from .provide(): no Ink, no SDK, no store, no UI.',
			from: {path: '^source/wizard/'},
			to: {
				path: '^(node_modules/(ink|react|ink-select-input|@azure|conf)/|source/(app|commands|emulator|store|session)/|source/identity/(client|connection|embedded-emulator|emulator-supervisor|verify-token))',
			},
		},
		{
			name: 'screens-never-call-the-sdk',
			severity: 'error',
			comment:
				'A screen sends events to the machine; the actors (app/services.ts) call the identity core. Pure helpers (masking, an identity\'s state) are fine.',
			from: {path: '^source/app/(screens|components|hooks)/'},
			to: {
				path: '^(node_modules/@azure/|source/(emulator|commands|session)/|source/identity/(client|connection|embedded-emulator|emulator-supervisor|verify-token)|source/store/(identity-store|config-file|file-lock))',
			},
		},
		{
			name: 'commands-are-not-the-wizard',
			severity: 'error',
			comment: 'The non-interactive commands never load the wizard or its UI.',
			from: {path: '^source/commands/'},
			to: {path: '^(source/(app|wizard)/|node_modules/(ink|react|ink-select-input)/)'},
		},
		{
			name: 'the-core-below-the-interfaces',
			severity: 'error',
			comment: 'identity/ and store/ serve the commands and the wizard; they import neither, nor the session that joins them.',
			from: {path: '^source/(identity|store)/'},
			to: {path: '^source/(app|wizard|commands|session)/'},
		},
		{
			name: 'one-way-to-open-a-session',
			severity: 'error',
			comment:
				'session/ (resolve the connection, open the store, remember the profile) is the step commands and the wizard share: it imports neither.',
			from: {path: '^source/session/'},
			to: {path: '^source/(app|wizard|commands)/'},
		},
	],
	options: {
		doNotFollow: {path: 'node_modules'},
		tsConfig: {fileName: 'tsconfig.json'},
		// TypeScript 7's compiler API is not published yet: swc parses the sources (type-only imports included).
		parser: 'swc',
		enhancedResolveOptions: {exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default']},
		reporterOptions: {text: {highlightFocused: true}},
	},
};
