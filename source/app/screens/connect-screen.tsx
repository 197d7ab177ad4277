import {Prose} from '../components/prose.js';
import {Box, Text} from 'ink';
import {SelectList} from '../components/select-list.js';
import {text} from '../../text/index.js';
import {presentProfileName, presentText} from '../present.js';
import type {ConnectionChoice, ProfileKey, WizardEvent} from '../../wizard/types.js';

type Item = {readonly key: string; readonly label: string; readonly value: ConnectionChoice | 'paste' | 'entra'};

function keyLabel(key: ProfileKey): string {
	const said = text.wizard.connect.key;
	switch (key.kind) {
		case 'saved': {
			return said.saved;
		}

		case 'environment': {
			return said.environment(key.variable);
		}

		case 'dotenv': {
			return said.dotenv(key.variable);
		}

		case 'none': {
			return said.none;
		}

		case 'entra': {
			return said.entra;
		}
	}
}

export function choiceLabel(choice: ConnectionChoice): string {
	const labels = text.wizard.connect;
	switch (choice.kind) {
		case 'emulator': {
			return labels.emulator;
		}

		case 'profile': {
			const profile = labels.profile(choice.name, choice.endpoint);
			return choice.key ? `${profile} · ${keyLabel(choice.key)}` : profile;
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

		case 'entra': {
			return choice.variable ? labels.entraEnvironment(choice.variable, choice.endpoint) : `${labels.key.entra} — ${choice.endpoint}`;
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
		{key: 'entra', label: text.wizard.connect.entra, value: 'entra' as const},
		// Last, so that ↑ from the first choice reaches it.
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
						item.value === 'paste'
							? {type: 'PASTE_CONNECTION_STRING'}
							: item.value === 'entra'
								? {type: 'SIGN_IN_WITH_ENTRA'}
								: {type: 'CHOOSE_CONNECTION', choice: item.value},
					);
				}}
			/>
		</Box>
	);
}
