import {useSyncExternalStore} from 'react';
import type {Actor, SnapshotFrom} from 'xstate';
import type {WizardMachine} from '../../wizard/wizard-machine.js';

export type WizardActor = Actor<WizardMachine>;
export type WizardSnapshot = SnapshotFrom<WizardMachine>;

/** The machine's current snapshot; re-renders on every change. */
export function useWizard(actor: WizardActor): WizardSnapshot {
	return useSyncExternalStore(
		listener => {
			const subscription = actor.subscribe(listener);
			return () => {
				subscription.unsubscribe();
			};
		},
		() => actor.getSnapshot(),
	);
}
