import {Box, Text} from 'ink';
import type {Exchange} from '../../identity/trace.js';
import {text} from '../../text/index.js';
import {presentText} from '../present.js';

/** The step's real HTTP request and response, from the trace; secrets already masked there. */
export function HttpPanel({
	exchanges,
	compact,
	presenter,
}: {
	readonly exchanges: readonly Exchange[];
	readonly compact: boolean;
	/** Ids shortened and a real resource's name masked, in the path and both bodies. */
	readonly presenter: boolean;
}) {
	const last = exchanges.at(-1);
	const shown = (value: string) => presentText(value, presenter);
	return (
		<Box flexDirection="column" borderStyle="single" borderColor="gray" paddingX={1}>
			<Text dimColor>{text.wizard.http.heading}</Text>
			{last ? (
				<>
					<Text wrap="truncate-end">
						<Text color="yellow">{last.method}</Text> {shown(last.path)}
					</Text>
					{compact ? undefined : (
						<Text dimColor wrap="truncate-end">
							authorization: {last.requestHeaders['authorization'] ?? '—'}
						</Text>
					)}
					{last.requestBody ? <Text wrap="truncate-end">→ {shown(last.requestBody)}</Text> : undefined}
					<Text wrap="truncate-end">
						← <Text color={(last.status ?? 500) < 400 ? 'green' : 'red'}>{last.status ?? '—'}</Text>{' '}
						{shown(last.responseBody ?? '')} <Text dimColor>({last.milliseconds.toFixed(0)} ms)</Text>
					</Text>
				</>
			) : (
				<Text dimColor>{text.wizard.http.none}</Text>
			)}
		</Box>
	);
}
