import {Box, Text} from 'ink';
import {text} from '../../text/index.js';

/** The keys and what they do; `presenterHeld`: p cannot turn presenter mode off in this session, and its row says so. */
export function HelpOverlay({presenterHeld = false}: {readonly presenterHeld?: boolean}) {
	const {help} = text.wizard;
	return (
		<Box flexDirection="column" borderStyle="round" paddingX={1}>
			<Text bold>{help.heading}</Text>
			{help.lines.map(([keys, meaning]) => (
				<Box key={keys}>
					<Box width={14} flexShrink={0}>
						<Text color="cyan">{keys}</Text>
					</Box>
					<Text wrap="truncate-end">{keys === 'p' && presenterHeld ? help.presenterHeld : meaning}</Text>
				</Box>
			))}
		</Box>
	);
}
