import {render} from 'ink';
import {createActor} from 'xstate';
import {App} from '../app/app.js';
import type {UiEffects} from '../app/effects.js';
import type {WizardInput} from '../wizard/types.js';
import type {createWizardServices} from './wizard-services.js';

/** Ink, React and the UI: loaded only when the wizard opens, after the terminal checks. */
export async function renderWizard(options: {
	readonly services: ReturnType<typeof createWizardServices>;
	readonly input: WizardInput;
	readonly effects: Omit<UiEffects, 'quit'>;
}): Promise<void> {
	const actor = createActor(options.services.machine, {input: options.input});
	actor.start();
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
		{exitOnCtrlC: true, patchConsole: false},
	);
	// With the first frame up, open the store in the background rather than on the first key.
	setImmediate(() => {
		options.services.preload().catch(() => undefined);
	});
	try {
		await instance.waitUntilExit();
	} finally {
		stdout.off('resize', clearWhenNarrower);
		actor.stop();
	}
}
