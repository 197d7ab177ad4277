import {Box, Text} from 'ink';
import {text} from '../../text/index.js';
import {useNow} from '../hooks/use-now.js';

export function BusyScreen({label, cancellable = true}: {readonly label: string; readonly cancellable?: boolean}) {
	const now = useNow(250);
	// The label ends in an ellipsis; a turning bar beside it shows the wait is alive.
	const spinner = ['|', '/', '-', '\\'][Math.floor(now / 250) % 4];
	return (
		<Box flexDirection="column">
			<Text color="yellow">
				{label}
				{` ${spinner}`}
			</Text>
			{cancellable ? <Text dimColor>{text.wizard.busy.cancelHint}</Text> : undefined}
		</Box>
	);
}
