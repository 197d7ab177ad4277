import {Prose} from '../components/prose.js';
import {Box, Text} from 'ink';
import {LineInput} from '../components/line-input.js';
import {useState} from 'react';
import {presentText} from '../present.js';
import type {WizardError, WizardEvent} from '../../wizard/types.js';

/** A label typed in: a new one for an identity, or one about to be created (the prompt says which). */
export function RenameScreen(props: {
	readonly prompt: string;
	readonly initial: string;
	readonly error: WizardError | undefined;
	readonly send: (event: WizardEvent) => void;
	readonly active: boolean;
	readonly presenter: boolean;
}) {
	const [value, setValue] = useState(props.initial);
	// The refusal is of the label as it was given: once it is edited, the refusal goes.
	const [given, setGiven] = useState(props.initial);
	return (
		<Box flexDirection="column" gap={1}>
			{/* What is typed goes on below the prompt once it no longer fits beside it. */}
			<Box columnGap={1} flexWrap="wrap">
				<Text>{props.prompt}</Text>
				<LineInput
					value={value}
					focus={props.active}
					onChange={setValue}
					onSubmit={label => {
						setGiven(label);
						props.send({type: 'SUBMIT_LABEL', label: label.trim()});
					}}
				/>
			</Box>
			{props.error && value === given ? (
				<Prose color="red">
					{presentText(props.error.message, props.presenter)}
				</Prose>
			) : undefined}
		</Box>
	);
}
