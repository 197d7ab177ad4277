import {render} from 'ink';
import {App} from './app.js';
import {framePrinter} from './frame-printer.js';
import {PrintedFrames} from './hooks/use-printed-frames.js';
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
	/** Each screen printed as lines when it changes, nothing redrawn (TERM=dumb). */
	readonly lines?: boolean;
	/** Linear text for a screen reader, printed as lines (--screen-reader, INK_SCREEN_READER=true). */
	readonly screenReader?: boolean;
}): Promise<void> {
	const {actor} = options;
	const printed = options.lines === true || options.screenReader === true;
	// When the terminal narrows, Ink erases its last frame line by line, but most terminals
	// (tmux, VTE, iTerm2, Windows Terminal, xterm.js) have rewrapped that frame over more rows
	// by then, and the rows above are left as garbage. Clearing the screen first leaves none;
	// registered before Ink's own listener, so it runs first. Printed frames erase nothing.
	const {stdout} = process;
	let columns = stdout.columns;
	const clearWhenNarrower = () => {
		if (stdout.columns < columns && !printed) {
			stdout.write('\u001B[2J\u001B[H');
		}

		columns = stdout.columns;
	};
	stdout.on('resize', clearWhenNarrower);
	const terminal = options.plainSymbols ? withPlainSymbols(stdout) : stdout;
	const printer = printed ? framePrinter(terminal) : undefined;
	const instance = render(
		<PrintedFrames value={printed}>
			<App
				actor={actor}
				effects={{
					...options.effects,
					quit() {
						instance.unmount();
					},
				}}
			/>
		</PrintedFrames>,
		{
			exitOnCtrlC: true,
			patchConsole: false,
			isScreenReaderEnabled: options.screenReader === true,
			...(printer
				? // Ink's debug mode writes every frame whole, and non-interactive it moves no cursor.
					{stdout: printer.stream, debug: true, interactive: false}
				: {stdout: terminal}),
		},
	);
	setImmediate(options.afterFirstFrame);
	try {
		await instance.waitUntilExit();
	} finally {
		printer?.end();
		stdout.off('resize', clearWhenNarrower);
	}
}
