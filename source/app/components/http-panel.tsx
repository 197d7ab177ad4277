import {Box, Text} from 'ink';
import type {Exchange} from '../../identity/trace.js';
import {text} from '../../text/index.js';
import {presentText} from '../present.js';

const statusColor = (status: number | undefined) => ((status ?? 500) < 400 ? 'green' : 'red');

/** A path in a one-line summary: the identity id cut short and the query left out, so that the operation shows. */
export function briefPath(path: string): string {
	// An id presenter mode already shortened (it has a …) is short enough.
	return path.replace(/\?.*$/, '').replace(/^(\/identities\/)([^/…]{18})[^/…]+(?=\/|$)/, '$1$2…');
}

/** One exchange on one line: what was asked and how it was answered. */
function ExchangeLine({exchange, shown}: {readonly exchange: Exchange; readonly shown: (value: string) => string}) {
	return (
		<Text wrap="truncate-end">
			<Text color="yellow">{exchange.method}</Text> {briefPath(shown(exchange.path))} ←{' '}
			<Text color={statusColor(exchange.status)}>{exchange.status ?? '—'}</Text>{' '}
			<Text dimColor>({exchange.milliseconds.toFixed(0)} ms)</Text>
		</Text>
	);
}

function FullExchange({exchange, compact, shown}: {readonly exchange: Exchange; readonly compact: boolean; readonly shown: (value: string) => string}) {
	return (
		<>
			<Text wrap="truncate-end">
				<Text color="yellow">{exchange.method}</Text> {shown(exchange.path)}
			</Text>
			{compact ? undefined : (
				<Text dimColor wrap="truncate-end">
					authorization: {exchange.requestHeaders['authorization'] ?? '—'}
				</Text>
			)}
			{exchange.requestBody ? <Text wrap="truncate-end">→ {shown(exchange.requestBody)}</Text> : undefined}
			<Text wrap="truncate-end">
				← <Text color={statusColor(exchange.status)}>{exchange.status ?? '—'}</Text>{' '}
				{/* A 204 has no body: one space before the time, not two. */}
				{exchange.responseBody ? `${shown(exchange.responseBody)} ` : ''}
				<Text dimColor>({exchange.milliseconds.toFixed(0)} ms)</Text>
			</Text>
		</>
	);
}

/**
 * The step's real HTTP requests and responses, from the trace; secrets already masked there.
 * A step of several requests lists each on a line and the last in full (compact: a line each).
 */
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
	const summarized = compact && exchanges.length > 1 ? exchanges : exchanges.slice(0, -1);
	return (
		<Box flexDirection="column" borderStyle="single" borderColor="gray" paddingX={1}>
			<Text dimColor>{text.wizard.http.heading}</Text>
			{summarized.map((exchange, index) => (
				// biome-ignore lint/suspicious/noArrayIndexKey: the step's exchanges, in the order made
				<ExchangeLine key={index} exchange={exchange} shown={shown} />
			))}
			{last && summarized.length < exchanges.length ? <FullExchange exchange={last} compact={compact} shown={shown} /> : undefined}
			{last ? undefined : <Text dimColor>{text.wizard.http.none}</Text>}
		</Box>
	);
}
