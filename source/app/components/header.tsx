import {Box, Text} from 'ink';
import {text} from '../../text/index.js';
import type {ConnectionInfo} from '../../wizard/types.js';

export function Header({connection, presenter}: {readonly connection: ConnectionInfo | undefined; readonly presenter: boolean}) {
	return (
		<Box gap={1}>
			<Text bold color="cyan">
				{text.wizard.title}
			</Text>
			<Text dimColor wrap="truncate-end">
				{connection ? text.wizard.connectedTo(connection.profileName, connection.endpoint) : text.wizard.notConnected}
			</Text>
			{presenter ? <Text inverse> {text.wizard.presenterBadge} </Text> : undefined}
		</Box>
	);
}
