import {execFile} from 'node:child_process';
import {text} from '../text/index.js';

/**
 * How text can reach the clipboard from this terminal, found out rather than assumed: OSC 52
 * straight to the terminal, through tmux (which takes it only with set-clipboard on; with
 * external or off it ignores an application's OSC 52, and only its passthrough, where allowed,
 * gets it to the outer terminal), or through GNU screen's passthrough.
 */
export type ClipboardRoute =
	| {readonly via: 'terminal'}
	| {readonly via: 'tmux'}
	| {readonly via: 'tmux-passthrough'; readonly setClipboard: string}
	| {readonly via: 'tmux-blocked'; readonly setClipboard: string}
	/** tmux did not answer (no tmux binary, another server, a timeout): plain OSC 52, said as such. */
	| {readonly via: 'tmux-unknown'}
	| {readonly via: 'screen'};

export type ClipboardCopy = {
	readonly route: ClipboardRoute;
	/** What to write to the terminal; undefined when nothing can reach the clipboard. */
	readonly sequence: string | undefined;
	/** What was done and what the terminal must allow, in the user's language. */
	readonly message: string;
};

/** Runs `tmux ARGS` against the server the environment names (TMUX); resolves its stdout, trimmed. */
export type TmuxQuery = (args: readonly string[]) => Promise<string>;

/** tmux answers from its local server in milliseconds; a hung one must not hang the copy. */
const tmuxTimeoutMs = 1000;

export function queryTmux(env: NodeJS.ProcessEnv): TmuxQuery {
	return args =>
		new Promise((resolve, reject) => {
			execFile('tmux', [...args], {env, timeout: tmuxTimeoutMs, encoding: 'utf8'}, (error, stdout) => {
				if (error) {
					reject(error);
				} else {
					resolve(stdout.trim());
				}
			});
		});
}

const esc = '\u001B';

/** `ESC ] 52 ; c ; base64 BEL`: set the clipboard (c) to the text. */
export function osc52(value: string): string {
	return `${esc}]52;c;${Buffer.from(value).toString('base64')}\u0007`;
}

/** tmux's passthrough: `ESC P tmux; …` with every ESC inside doubled, then `ESC \`. */
export function tmuxPassthrough(sequence: string): string {
	return `${esc}Ptmux;${sequence.replaceAll(esc, `${esc}${esc}`)}${esc}\\`;
}

/**
 * GNU screen's passthrough: DCS strings, each `ESC P … ESC \`. screen cuts a string longer than
 * its buffer (256 bytes before 4.2), so the sequence goes in pieces of 252 (as hterm's osc52.sh).
 */
export function screenPassthrough(sequence: string): string {
	const pieces: string[] = [];
	for (let start = 0; start < sequence.length; start += 252) {
		pieces.push(`${esc}P${sequence.slice(start, start + 252)}${esc}\\`);
	}

	return pieces.join('');
}

/**
 * tmux's version, as `major * 100 + minor` (3.3a is 303); undefined when it names none (a
 * development build says `master` or `next-3.4`: the newest). tmux's own answer, not its words.
 */
export function tmuxVersion(said: string): number | undefined {
	const match = /(\d+)\.(\d+)/.exec(said);
	return match ? Number(match[1]) * 100 + Number(match[2]) : undefined;
}

/** tmux 3.3 brought allow-passthrough; before it, passthrough is always allowed. */
const allowPassthroughSince = 303;

/** On (or `all`, tmux 3.4) when passthrough is allowed; tmux before 3.3 has no such option and always allows it. */
async function passthroughAllowed(tmux: TmuxQuery, env: NodeJS.ProcessEnv): Promise<boolean> {
	const said = await tmux(['display-message', '-p', '#{version}']).catch(() => undefined);
	// A tmux too old to know #{version} (before 2.4) expands it to nothing: older than 3.3 too.
	const version = said === undefined ? undefined : said === '' ? 0 : tmuxVersion(said);
	if (version !== undefined && version < allowPassthroughSince) {
		return true;
	}

	const pane = env['TMUX_PANE'];
	try {
		const value = await tmux(pane ? ['show-options', '-Apv', '-t', pane, 'allow-passthrough'] : ['show-options', '-gwv', 'allow-passthrough']);
		return value.split('\n').some(line => line.trim() === 'on' || line.trim() === 'all');
	} catch {
		return false;
	}
}

/** Where the copy can go from here: asks tmux, when inside it, how it treats OSC 52. */
export async function clipboardRoute(env: NodeJS.ProcessEnv, tmux: TmuxQuery = queryTmux(env)): Promise<ClipboardRoute> {
	if (env['TMUX']) {
		let setClipboard: string;
		try {
			setClipboard = await tmux(['show-options', '-gv', 'set-clipboard']);
		} catch {
			return {via: 'tmux-unknown'};
		}

		if (setClipboard === 'on') {
			return {via: 'tmux'};
		}

		return (await passthroughAllowed(tmux, env)) ? {via: 'tmux-passthrough', setClipboard} : {via: 'tmux-blocked', setClipboard};
	}

	if (env['STY']) {
		return {via: 'screen'};
	}

	return {via: 'terminal'};
}

/** The bytes for the route, and the sentence that says what they do. */
export function clipboardCopy(value: string, route: ClipboardRoute): ClipboardCopy {
	const said = text.wizard.token.clipboard;
	const sequence = osc52(value);
	switch (route.via) {
		case 'terminal': {
			return {route, sequence, message: said.terminal};
		}

		case 'tmux': {
			return {route, sequence, message: said.tmux};
		}

		case 'tmux-unknown': {
			return {route, sequence, message: said.tmuxUnknown};
		}

		case 'tmux-passthrough': {
			return {route, sequence: tmuxPassthrough(sequence), message: said.tmuxPassthrough(route.setClipboard)};
		}

		case 'tmux-blocked': {
			return {route, sequence: undefined, message: said.tmuxBlocked(route.setClipboard)};
		}

		case 'screen': {
			return {route, sequence: screenPassthrough(sequence), message: said.screen};
		}
	}
}

/** Decides by the environment, and returns what to write and what to say. */
export async function copyThroughTerminal(value: string, env: NodeJS.ProcessEnv, tmux?: TmuxQuery): Promise<ClipboardCopy> {
	return clipboardCopy(value, await clipboardRoute(env, tmux));
}
