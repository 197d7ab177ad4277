import {Box, Text} from 'ink';
import {SelectList} from '../components/select-list.js';
import {text} from '../../text/index.js';
import type {WizardEvent} from '../../wizard/types.js';

export function MenuScreen(props: {
	readonly identityCount: number;
	readonly send: (event: WizardEvent) => void;
	readonly active: boolean;
}) {
	const {menu} = text.wizard;
	const items = [
		{key: 'tour', label: menu.tour, value: 'START_TOUR' as const},
		{key: 'manage', label: menu.manage(props.identityCount), value: 'MANAGE' as const},
		{key: 'teams', label: menu.teams, value: 'TEAMS' as const},
		{key: 'entra', label: menu.entra, value: 'ENTRA' as const},
		{key: 'switch', label: menu.switch, value: 'SWITCH_CONNECTION' as const},
	];
	return (
		<Box flexDirection="column" gap={1}>
			<Text bold>{menu.heading}</Text>
			<SelectList
				items={items}
				isFocused={props.active}
				onSelect={item => {
					props.send({type: item.value});
				}}
			/>
		</Box>
	);
}
