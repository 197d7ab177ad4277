import {Box, Text} from 'ink';
import type {Exchange} from '../../identity/trace.js';
import {text} from '../../text/index.js';
import textWidth from '../../text/width.js';
import {presentText} from '../present.js';

const statusColor = (status: number | undefined) => ((status ?? 500) < 400 ? 'green' : 'red');

/** A path in a one-line summary: the identity id cut short and the query left out, so that the operation shows. */
export function briefPath(path: string): string {
	// An id presenter mode already shortened (it has a …) is short enough.
	return path.replace(/\?.*$/, '').replace(/^(\/identities\/)([^/…]{18})[^/…]+(?=\/|$)/, '$1$2…');
}

/** The start of `value` in `columns` columns and an ellipsis; never half of a `%3A`, and cut back at an ellipsis it already has. */
function shortened(value: string, columns: number): string {
	const start = [...value].slice(0, Math.max(1, columns - 1)).join('');
	const ellipsis = start.lastIndexOf('…');
	return ellipsis === -1 ? `${start.replace(/%[0-9a-f]?$/i, '')}…` : start.slice(0, ellipsis + 1);
}

/** Another route (the access routes): its long segments (20 columns and more: GUIDs), the longest first, shortened until the line fits, to 4 columns at least. */
function fitSegments(path: string, over: number): string {
	const query = path.indexOf('?');
	const segments = (query === -1 ? path : path.slice(0, query)).split('/');
	let left = over;
	for (const index of segments.map((_, at) => at).toSorted((a, b) => (segments[b] ?? '').length - (segments[a] ?? '').length)) {
		const segment = segments[index] ?? '';
		if (left <= 0 || segment.length < 20) {
			break;
		}

		const kept = shortened(segment, Math.max(4, textWidth(segment) - left));
		left -= textWidth(segment) - textWidth(kept);
		segments[index] = kept;
	}

	return `${segments.join('/')}${query === -1 ? '' : path.slice(query)}`;
}

/**
 * A request line that fits `width` columns: when `method path tail` is wider, the identity id
 * in the path is shortened, its start kept and an ellipsis after it, so that the method, the
 * operation after the id, the query and the tail (the status) stay; never half of a `%3A`,
 * and an id already shortened (presenter mode) is cut back at one of its own ellipses. On other
 * routes the longest segments (the access routes' GUIDs) are shortened instead.
 */
export function fitPath(path: string, width: number, method: string, tail = ''): string {
	const over = textWidth(`${method} ${path}${tail}`) - width;
	if (over <= 0) {
		return path;
	}

	const match = /^(\/identities\/)([^/?]+)(.*)$/.exec(path);
	if (!match) {
		return fitSegments(path, over);
	}

	const [, head, id, rest] = match as unknown as [string, string, string, string];
	return `${head}${shortened(id, textWidth(id) - over)}${rest}`;
}

/** One exchange on one line: what was asked and how it was answered. */
function ExchangeLine({exchange, shown, width}: {readonly exchange: Exchange; readonly shown: (value: string) => string; readonly width: number}) {
	const status = String(exchange.status ?? '—');
	const time = `(${exchange.milliseconds.toFixed(0)} ms)`;
	return (
		<Text wrap="truncate-end">
			<Text color="yellow">{exchange.method}</Text> {fitPath(briefPath(shown(exchange.path)), width, exchange.method, ` ← ${status} ${time}`)} ←{' '}
			<Text color={statusColor(exchange.status)}>{status}</Text> <Text dimColor>{time}</Text>
		</Text>
	);
}

function FullExchange({
	exchange,
	compact,
	shown,
	width,
}: {
	readonly exchange: Exchange;
	readonly compact: boolean;
	readonly shown: (value: string) => string;
	readonly width: number;
}) {
	return (
		<>
			<Text wrap="truncate-end">
				<Text color="yellow">{exchange.method}</Text> {fitPath(shown(exchange.path), width, exchange.method)}
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
	columns,
	sending,
}: {
	readonly exchanges: readonly Exchange[];
	readonly compact: boolean;
	/** Ids shortened and a real resource's name masked, in the path and both bodies. */
	readonly presenter: boolean;
	/** The terminal's width: the panel spans it, its border and padding take 4 columns. */
	readonly columns: number;
	/** The step's request is on its way (a busy state whose work sends one). */
	readonly sending?: boolean;
}) {
	const last = exchanges.at(-1);
	const shown = (value: string) => presentText(value, presenter);
	const width = columns - 4;
	const summarized = compact && exchanges.length > 1 ? exchanges : exchanges.slice(0, -1);
	return (
		<Box flexDirection="column" borderStyle="single" borderColor="gray" paddingX={1}>
			<Text dimColor>{text.wizard.http.heading}</Text>
			{summarized.map((exchange, index) => (
				// biome-ignore lint/suspicious/noArrayIndexKey: the step's exchanges, in the order made
				<ExchangeLine key={index} exchange={exchange} shown={shown} width={width} />
			))}
			{last && summarized.length < exchanges.length ? (
				<FullExchange exchange={last} compact={compact} shown={shown} width={width} />
			) : undefined}
			{last ? undefined : <Text dimColor>{sending ? text.wizard.http.sending : text.wizard.http.none}</Text>}
		</Box>
	);
}
