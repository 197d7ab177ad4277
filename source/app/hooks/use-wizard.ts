import {useSyncExternalStore} from 'react';
import type {Actor, SnapshotFrom} from 'xstate';
import type {ScreenMeta} from '../../wizard/types.js';
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

/** What the machine says this snapshot shows: the active states' meta, merged outer to inner. */
export function screenOf(snapshot: WizardSnapshot): ScreenMeta {
	// getMeta() lists the active state nodes in document order, ancestors first.
	return Object.assign({}, ...Object.values(snapshot.getMeta())) as ScreenMeta;
}
