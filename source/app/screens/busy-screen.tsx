import {Box, Text} from 'ink';
import {text} from '../../text/index.js';
import {useNow} from '../hooks/use-now.js';

export function BusyScreen({label}: {readonly label: string}) {
	const now = useNow(250);
	const dots = '.'.repeat(Math.floor(now / 250) % 4);
	return (
		<Box flexDirection="column">
			<Text color="yellow">
				{label}
				{dots}
			</Text>
			<Text dimColor>{text.wizard.busy.cancelHint}</Text>
		</Box>
	);
}
