import {cliPath, type Sandbox} from './cli.js';
import {TerminalSession} from './pty-terminal.js';

/** What the shell prints when the wizard has exited: `[exited CODE]`. */
export const exitMarker = /\[exited (\d+)\]/;

export type WizardTerminalOptions = {
	readonly args?: readonly string[];
	readonly env?: Record<string, string | undefined>;
	readonly columns?: number;
	readonly rows?: number;
	/** Node's compile cache for the file's wizards, shared as on a person's machine. */
	readonly cacheDirectory: string;
	/** Shell commands run in the same terminal after the exit line (`stty -a`, say). */
	readonly after?: string;
};

/**
 * `acs-tokens ARGS` under bash in a pty, on the sandbox's config directory and home, so that
 * once it exits the same terminal says its exit code (exitMarker) and runs `after`.
 */
export function openWizardTerminal(sandbox: Sandbox, options: WizardTerminalOptions): TerminalSession {
	return TerminalSession.spawn('bash', {
		args: ['-c', `node "$0" "$@"; echo "[exited $?]"${options.after ? `; ${options.after}` : ''}`, cliPath, ...(options.args ?? [])],
		cwd: sandbox.cwd,
		...(options.columns ? {columns: options.columns} : {}),
		...(options.rows ? {rows: options.rows} : {}),
		env: {
			ACS_TOKENS_CONFIG_DIR: sandbox.configDirectory,
			ACS_TOKENS_CACHE_DIR: options.cacheDirectory,
			HOME: sandbox.cwd,
			XDG_CONFIG_HOME: `${sandbox.cwd}/.config`,
			...options.env,
		},
	});
}
