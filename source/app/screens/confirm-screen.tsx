import {Prose} from '../components/prose.js';
import {Box} from 'ink';
import type {WizardEvent} from '../../wizard/types.js';
import {useKeys} from '../hooks/use-keys.js';

/** A destructive step: Enter confirms, Esc (handled by the app) goes back. */
export function ConfirmScreen(props: {readonly question: string; readonly send: (event: WizardEvent) => void; readonly active: boolean}) {
	useKeys(
		(_input, key) => {
			if (key.return) {
				props.send({type: 'SUBMIT'});
			}
		},
		props.active,
	);
	return (
		<Box borderStyle="round" borderColor="yellow" paddingX={1}>
			<Prose>{props.question}</Prose>
		</Box>
	);
}
