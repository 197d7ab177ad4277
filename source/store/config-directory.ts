import os from 'node:os';
import path from 'node:path';
import {configDirectory} from '../platform/directories.js';
import {ConfigDirectoryError} from './errors.js';
import {text} from '../text/index.js';

export type ConfigDirectoryInput = {
	/** `--config-dir`, when given. */
	readonly flag?: string | undefined;
	readonly env?: NodeJS.ProcessEnv;
};

/**
 * `--config-dir`, else `$ACS_TOKENS_CONFIG_DIR`, else the platform's config directory
 * (`$XDG_CONFIG_HOME/acs-tokens` or `~/.config/acs-tokens` on Linux). A leading `~` in the
 * flag is expanded, as the shell does not do it in `--config-dir=~/…`.
 */
export function resolveConfigDirectory({flag, env = process.env}: ConfigDirectoryInput = {}): string {
	if (flag === undefined) {
		return configDirectory(env);
	}

	if (flag.trim() === '') {
		throw new ConfigDirectoryError(text.store.configDirectoryEmpty, {kind: 'usage'});
	}

	if (flag === '~' || flag.startsWith('~/') || flag.startsWith(`~${path.sep}`)) {
		return path.join(os.homedir(), flag.slice(1));
	}

	return path.resolve(flag);
}
