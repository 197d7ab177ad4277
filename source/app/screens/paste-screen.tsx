import {Prose} from '../components/prose.js';
import {Box, Text} from 'ink';
import {LineInput} from '../components/line-input.js';
import {useState} from 'react';
import {ConnectionStringError, parseConnectionString} from '../../protocol/connection-string.js';
import {text} from '../../text/index.js';
import {presentText} from '../present.js';
import type {WizardEvent} from '../../wizard/types.js';

/** Masked input, validated as you type; the message never echoes the key. */
export function PasteScreen(props: {readonly send: (event: WizardEvent) => void; readonly active: boolean; readonly presenter: boolean}) {
	const [value, setValue] = useState('');
	let verdict: {ok: true; endpoint: string} | {ok: false; message: string} | undefined;
	if (value.trim() !== '') {
		try {
			verdict = {ok: true, endpoint: parseConnectionString(value).endpoint};
		} catch (error) {
			const message = error instanceof ConnectionStringError ? text.errors.connectionString(error.problem) : String(error);
			verdict = {ok: false, message: presentText(message, props.presenter)};
		}
	}

	return (
		<Box flexDirection="column" gap={1}>
			<Text bold>{text.wizard.paste.heading}</Text>
			<Prose>{text.wizard.paste.explain}</Prose>
			<Box borderStyle="round" paddingX={1}>
				<LineInput
					value={value}
					mask="•"
					focus={props.active}
					placeholder={text.wizard.paste.empty}
					onChange={setValue}
					onSubmit={submitted => {
						if (verdict?.ok) {
							props.send({type: 'CHOOSE_CONNECTION', choice: {kind: 'pasted', connectionString: submitted.trim()}});
						}
					}}
				/>
			</Box>
			{verdict === undefined ? undefined : verdict.ok ? (
				<Text color="green">{text.wizard.paste.valid(presentText(verdict.endpoint, props.presenter))}</Text>
			) : (
				<Prose color="red">
					{verdict.message}
				</Prose>
			)}
		</Box>
	);
}
