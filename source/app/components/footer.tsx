import {Box, Text} from 'ink';
import textWidth from '../../text/width.js';

/**
 * The keys that work on the current screen, always at the bottom. Wrapped between keys rather
 * than cut, so that `? help` and `q quit` stay visible at 80 columns.
 */
export function Footer({keys, width}: {readonly keys: readonly string[]; readonly width: number}) {
	const lines: string[] = [];
	for (const key of keys) {
		const current = lines.at(-1);
		if (current !== undefined && textWidth(`${current} · ${key}`) <= width) {
			lines[lines.length - 1] = `${current} · ${key}`;
		} else {
			lines.push(key);
		}
	}

	return (
		<Box flexDirection="column">
			{lines.map(line => (
				<Text key={line} dimColor wrap="truncate-end">
					{line}
				</Text>
			))}
		</Box>
	);
}
