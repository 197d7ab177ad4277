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
	try {
		await instance.waitUntilExit();
	} finally {
		actor.stop();
	}
}
