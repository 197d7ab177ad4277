import {Prose} from '../components/prose.js';
import {Box, Text} from 'ink';
import {text} from '../../text/index.js';
import type {WizardError} from '../../wizard/types.js';

export function ErrorScreen({error, heading}: {readonly error: WizardError | undefined; readonly heading?: string}) {
	return (
		<Box flexDirection="column" borderStyle="round" borderColor="red" paddingX={1}>
			<Text bold color="red">
				{heading ?? text.wizard.error.heading}
			</Text>
			<Prose>{error?.message ?? ''}</Prose>
			<Text dimColor>{text.wizard.error.hint}</Text>
		</Box>
	);
}
