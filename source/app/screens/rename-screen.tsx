import {Prose} from '../components/prose.js';
import {Box, Text} from 'ink';
import {LineInput} from '../components/line-input.js';
import {useState} from 'react';
import {presentText, gapAfter} from '../present.js';
import type {WizardError, WizardEvent} from '../../wizard/types.js';
import {nameMaxLength} from '../../store/schema.js';
import {text} from '../../text/index.js';

/** Characters as the store counts them. */
const lengthOf = (label: string) => [...label.trim()].length;

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
			<Box columnGap={gapAfter(props.prompt)} flexWrap="wrap">
				<Text>{props.prompt}</Text>
				<LineInput
					value={value}
					focus={props.active}
					onChange={setValue}
					onSubmit={label => {
						// Too long is said as it is typed: Enter waits for a label the store takes.
						if (lengthOf(label) > nameMaxLength) {
							return;
						}

						setGiven(label);
						props.send({type: 'SUBMIT_LABEL', label: label.trim()});
					}}
				/>
			</Box>
			{lengthOf(value) > nameMaxLength ? (
				<Text color="red">{text.wizard.manage.labelTooLong(lengthOf(value), nameMaxLength)}</Text>
			) : props.error && value === given ? (
				<Prose color="red">
					{presentText(props.error.message, props.presenter)}
				</Prose>
			) : undefined}
		</Box>
	);
}
