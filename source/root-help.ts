/**
 * `acs-tokens --help` (or -h, or help) and nothing else on the line: the root help page in the
 * user's language, straight from the launcher. Only the help pages load, not the program (its
 * commands, its errors, the rest of the catalogue), so asking for help costs little more than
 * starting Node. With other arguments (`--lang`, `--config-dir`) the program answers it.
 */
import type {Catalogue} from './text/catalogue.js';
import {configDirectory} from './platform/directories.js';
import {writeStdout} from './platform/write-stdout.js';
import {savedLanguage} from './store/saved-profiles.js';
import {chooseLanguage} from './text/locale.js';
import {enHelp} from './text/en-help.js';

/** The page, as the program prints it too (source/cli.tsx). */
export function rootHelpPage(help: Catalogue['help']): string {
	return `${help.root}\n${help.wizard}`;
}

export async function printRootHelp(env: NodeJS.ProcessEnv = process.env): Promise<void> {
	const {language} = chooseLanguage({setting: savedLanguage(() => configDirectory(env)), env});
	const help = language === 'zh-TW' ? (await import('./text/zh-tw-help.js')).zhTWHelp : enHelp;
	writeStdout(rootHelpPage(help));
}
