import {Prose} from '../components/prose.js';
import {Box, Text} from 'ink';
import {text} from '../../text/index.js';
import {presentText} from '../present.js';
import type {WizardError} from '../../wizard/types.js';

export function ErrorScreen({
	error,
	heading,
	hint,
	presenter,
}: {
	readonly error: WizardError | undefined;
	readonly heading?: string;
	/** In place of "r retries · Esc goes back": what to do about this error in particular. */
	readonly hint?: string | undefined;
	/** Messages name endpoints and ids: masked for a room as every panel is. */
	readonly presenter: boolean;
}) {
	return (
		<Box flexDirection="column" borderStyle="round" borderColor="red" paddingX={1}>
			<Text bold color="red">
				{heading ?? text.wizard.error.heading}
			</Text>
			<Prose>{presentText(error?.message ?? '', presenter)}</Prose>
			{hint ? <Text color="yellow">{hint}</Text> : <Text dimColor>{text.wizard.error.hint}</Text>}
		</Box>
	);
}
