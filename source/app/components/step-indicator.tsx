import {Box, Text} from 'ink';
import {text} from '../../text/index.js';

/** `Step 3 of 6: Choose scopes` and a row of dots, done ones filled. */
export function StepIndicator({step}: {readonly step: number}) {
	const {steps} = text.wizard;
	return (
		<Box gap={1}>
			<Text bold>{text.wizard.stepOf(step, steps.length, steps[step - 1] ?? '')}</Text>
			<Text color="cyan" aria-hidden>
				{steps.map((_name, index) => (index < step ? '●' : '○')).join(' ')}
			</Text>
		</Box>
	);
}
