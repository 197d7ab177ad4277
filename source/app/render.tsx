import {render} from 'ink';
import {App} from './app.js';
import {withPlainSymbols} from './plain-symbols.js';
import type {UiEffects} from './effects.js';
import type {WizardActor} from './hooks/use-wizard.js';

/** Ink, React and the UI, on a running wizard actor; loaded once the terminal checks have passed. */
export async function renderWizard(options: {
	readonly actor: WizardActor;
	readonly effects: Omit<UiEffects, 'quit'>;
	/** Called once the first frame is on screen. */
	readonly afterFirstFrame: () => void;
	/** ASCII symbols and boxes (--plain-symbols, settings --symbols plain). */
	readonly plainSymbols?: boolean;
}): Promise<void> {
	const {actor} = options;
	// When the terminal narrows, Ink erases its last frame line by line, but most terminals
	// (tmux, VTE, iTerm2, Windows Terminal, xterm.js) have rewrapped that frame over more rows
	// by then, and the rows above are left as garbage. Clearing the screen first leaves none;
	// registered before Ink's own listener, so it runs first.
	const {stdout} = process;
	let columns = stdout.columns;
	const clearWhenNarrower = () => {
		if (stdout.columns < columns) {
			stdout.write('\u001B[2J\u001B[H');
		}

		columns = stdout.columns;
	};
	stdout.on('resize', clearWhenNarrower);
	const instance = render(
		<App
			actor={actor}
			effects={{
				...options.effects,
				quit() {
					instance.unmount();
				},
			}}
		/>,
		{exitOnCtrlC: true, patchConsole: false, ...(options.plainSymbols ? {stdout: withPlainSymbols(stdout)} : {})},
	);
	setImmediate(options.afterFirstFrame);
	try {
		await instance.waitUntilExit();
	} finally {
		stdout.off('resize', clearWhenNarrower);
	}
}
