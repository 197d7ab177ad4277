import {Box, Text} from 'ink';

/** The keys that work on the current screen, always on the last line. */
export function Footer({keys}: {readonly keys: readonly string[]}) {
	return (
		<Box>
			<Text dimColor wrap="truncate-end">
				{keys.join(' · ')}
			</Text>
		</Box>
	);
}
