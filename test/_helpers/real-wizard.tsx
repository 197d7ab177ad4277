import {createActor} from 'xstate';
import {createWizardServices} from '../../source/app/services.js';
import {IdentityStore} from '../../source/store/identity-store.js';
import type {ConnectionChoice} from '../../source/wizard/types.js';
import {type AppHarness, createFakes, fakeEffects, mountApp} from './ink.js';

/**
 * The whole app with its real services: the SDK against an emulator, the store in a config
 * directory of the test's own. Only the UI effects (copy, files, quit) are fakes.
 */
export function renderWithServices(options: {
	readonly configDirectory: string;
	readonly choices?: readonly ConnectionChoice[];
	readonly autoConnect?: ConnectionChoice;
	readonly env?: NodeJS.ProcessEnv;
	readonly cwd?: string;
	readonly columns?: number;
	readonly rows?: number;
	readonly saveKey?: boolean;
}): {readonly app: AppHarness; readonly close: () => Promise<void>} {
	const services = createWizardServices({
		openStore: async () => IdentityStore.open({configDirectory: options.configDirectory}),
		env: options.env ?? {},
		cwd: options.cwd ?? options.configDirectory,
		pollMs: 50,
		saveKey: options.saveKey ?? false,
		// News from outside any actor (who signed in with Entra ID, the emulator's thread), as start.tsx wires it.
		notify: event => actor.send(event),
	});
	const actor = createActor(services.machine, {
		input: {choices: options.choices ?? [{kind: 'emulator'}], ...(options.autoConnect ? {autoConnect: options.autoConnect} : {})},
	});
	actor.start();
	const app = mountApp(actor, {fakes: createFakes(), effects: fakeEffects(), watchers: []}, options);
	return {
		app,
		async close() {
			app.unmount();
			await services.close();
		},
	};
}
