import {Prose} from '../components/prose.js';
import {Box, Text} from 'ink';
import {SelectList} from '../components/select-list.js';
import {text} from '../../text/index.js';
import {presentProfileName, presentText} from '../present.js';
import type {ConnectionChoice, WizardEvent} from '../../wizard/types.js';

type Item = {readonly key: string; readonly label: string; readonly value: ConnectionChoice | 'paste'};

export function choiceLabel(choice: ConnectionChoice): string {
	const labels = text.wizard.connect;
	switch (choice.kind) {
		case 'emulator': {
			return labels.emulator;
		}

		case 'profile': {
			return labels.profile(choice.name, choice.endpoint);
		}

		case 'environment': {
			return labels.environment(choice.variable, choice.endpoint);
		}

		case 'dotenv': {
			return labels.dotenv(choice.variable, choice.endpoint);
		}

		case 'pasted': {
			return labels.paste;
		}
	}
}

export function ConnectScreen(props: {
	readonly choices: readonly ConnectionChoice[];
	readonly send: (event: WizardEvent) => void;
	readonly active: boolean;
	readonly presenter: boolean;
	readonly rows: number;
}) {
	const items: Item[] = [
		...props.choices.map((choice, index) => ({
			key: String(index),
			// A profile named after its resource says what the endpoint does: masked alike.
			label:
				choice.kind === 'profile' ? choiceLabel({...choice, name: presentProfileName(choice.name, choice.endpoint, props.presenter)}) : choiceLabel(choice),
			value: choice,
		})).map(item => ({...item, label: presentText(item.label, props.presenter)})),
		{key: 'paste', label: text.wizard.connect.paste, value: 'paste' as const},
	];
	return (
		<Box flexDirection="column" gap={1}>
			<Text bold>{text.wizard.connect.heading}</Text>
			<Prose>{text.wizard.connect.explain}</Prose>
			<SelectList
				items={items}
				// Many saved profiles scroll: a choice can take two lines (a long endpoint wraps).
				limit={Math.max(3, Math.floor((props.rows - 10) / 2))}
				isFocused={props.active}
				onSelect={item => {
					props.send(
						item.value === 'paste' ? {type: 'PASTE_CONNECTION_STRING'} : {type: 'CHOOSE_CONNECTION', choice: item.value},
					);
				}}
			/>
		</Box>
	);
}
