import {Box, Text} from 'ink';
import {text} from '../../text/index.js';
import {presentProfileName, presentText} from '../present.js';
import type {ConnectionInfo} from '../../wizard/types.js';

export function Header({connection, presenter}: {readonly connection: ConnectionInfo | undefined; readonly presenter: boolean}) {
	return (
		<Box gap={1}>
			<Text bold color="cyan">
				{text.wizard.title}
			</Text>
			<Text dimColor wrap="truncate-end">
				{connection
					? text.wizard.connectedTo(
							// A profile named after its resource (the default) names it as plainly as the endpoint.
							presentProfileName(connection.profileName, connection.endpoint, presenter),
							presentText(connection.endpoint, presenter),
						)
					: text.wizard.notConnected}
			</Text>
			{presenter ? <Text inverse> {text.wizard.presenterBadge} </Text> : undefined}
		</Box>
	);
}
