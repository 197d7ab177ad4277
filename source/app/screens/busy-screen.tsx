import {Box, Text} from 'ink';
import {text} from '../../text/index.js';
import {useNow} from '../hooks/use-now.js';
import {usePrintedFrames} from '../hooks/use-printed-frames.js';

function Spinner() {
	const now = useNow(250);
	return ` ${['|', '/', '-', '\\'][Math.floor(now / 250) % 4]}`;
}

export function BusyScreen({label, cancellable = true}: {readonly label: string; readonly cancellable?: boolean}) {
	// The label ends in an ellipsis; a turning bar beside it shows the wait is alive. Printed
	// as lines (TERM=dumb, a screen reader), it is said once in words instead.
	const printed = usePrintedFrames();
	return (
		<Box flexDirection="column">
			<Text color="yellow">
				{label}
				{printed ? text.wizard.spoken.working : <Spinner />}
			</Text>
			{cancellable ? <Text dimColor>{text.wizard.busy.cancelHint}</Text> : undefined}
		</Box>
	);
}
