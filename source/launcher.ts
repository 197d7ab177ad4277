/**
 * dist/cli.js: the binary's first lines, built for any Node that can parse ESM so that an
 * old Node gets one line saying what is needed rather than a stack trace. Then Node's own
 * compile cache, in this user's cache directory, and the program (dist/main.js); `--version` and
 * a lone `--help` (dist/root-help.js) are answered without it.
 */
import {versionCacheDirectory} from './platform/compile-cache.js';
import {cacheDirectory, configDirectory} from './platform/directories.js';
import {savedLanguage} from './store/saved-profiles.js';
import {chooseLanguage, isLanguageSetting} from './text/locale.js';
import {version} from './version.js';
import {withoutFetch} from './platform/without-fetch.js';
import {writeStdout} from './platform/write-stdout.js';

export const minimumNodeMajor = 22;

const major = Number(process.versions.node.split('.')[0]);
if (major < minimumNodeMajor) {
	const message = oldNodeMessage(process.argv.slice(2), process.env);
	process.stderr.write(`${message}\n`);
	// As every error of a command run with --json: the kind (local, this machine's side) on stdout.
	if (process.argv.includes('--json')) {
		process.stdout.write(`${JSON.stringify({error: {kind: 'local', message}}, undefined, 2)}\n`);
	}

	process.exit(1);
}

/** Which Node is needed, in the user's language, chosen as the program chooses it (--lang, the setting, the locale). */
function oldNodeMessage(args: readonly string[], env: NodeJS.ProcessEnv): string {
	const flag = args.find((arg, index) => args[index - 1] === '--lang' || arg.startsWith('--lang='))?.replace(/^--lang=/, '');
	const {language} = chooseLanguage({
		flag: flag !== undefined && isLanguageSetting(flag) ? flag : undefined,
		setting: savedLanguage(() => configDirectory(env)),
		env,
	});
	return language === 'zh-TW'
		? `acs-tokens 需要 Node.js ${minimumNodeMajor} 以上版本；目前是 Node.js ${process.versions.node}。請從 https://nodejs.org 安裝目前的 LTS（26），或以 nvm 安裝：nvm install 26`
		: `acs-tokens needs Node.js ${minimumNodeMajor} or later; this is Node.js ${process.versions.node}. Install a current LTS (26) from https://nodejs.org, or with nvm: nvm install 26`;
}

void import('node:module').then(({enableCompileCache}): Promise<unknown> | undefined => {
	try {
		// Node 22.0 has no compile cache (22.1 brought it): it just runs uncached.
		if (typeof enableCompileCache !== 'function') {
			// Nothing to turn on.
		} else if (process.env['NODE_COMPILE_CACHE'] || process.env['NODE_DISABLE_COMPILE_CACHE']) {
			// Node's own variables decide.
			enableCompileCache();
		} else {
			// Private to this user: what is in it is code that will run as them. One directory per
			// acs-tokens version (platform/compile-cache.ts).
			const directory = versionCacheDirectory(`${cacheDirectory(process.env)}/compile-cache`, version);
			enableCompileCache(directory);
		}
	} catch {
		// No cache directory (a read-only home): run uncached.
	}

	const args = process.argv.slice(2);
	const [first] = args;
	// Answered here, without loading the program: the version, and the root help page alone.
	if (args.length === 1 && (first === '--version' || first === '-V')) {
		writeStdout(`${version}\n`);
		return undefined;
	}

	if (args.length === 1 && (first === '--help' || first === '-h' || first === 'help')) {
		// Should that file be missing (a half-updated install), the program answers instead.
		return import('./root-help.js').then(
			({printRootHelp}) => printRootHelp(),
			() => import('./cli.js'),
		);
	}

	// The wizard (no command, in a terminal): its UI starts loading now, beside the program.
	const wizard = (first === undefined || /^-(?!h$|-help$|V$|-version$)/.test(first)) && process.stdin.isTTY && process.stdout.isTTY;
	if (wizard) {
		void withoutFetch(() => import('./app/render.js')).catch(() => undefined);
	}

	return import('./cli.js');
});
