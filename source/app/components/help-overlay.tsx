import {Box, Text} from 'ink';
import {text} from '../../text/index.js';

export function HelpOverlay() {
	const {help} = text.wizard;
	return (
		<Box flexDirection="column" borderStyle="round" paddingX={1}>
			<Text bold>{help.heading}</Text>
			{help.lines.map(([keys, meaning]) => (
				<Box key={keys}>
					<Box width={14} flexShrink={0}>
						<Text color="cyan">{keys}</Text>
					</Box>
					<Text wrap="truncate-end">{meaning}</Text>
				</Box>
			))}
		</Box>
	);
}
