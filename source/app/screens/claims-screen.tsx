import {Box, Text} from 'ink';
import {useCallback, useState} from 'react';
import textWidth from '../../text/width.js';
import {text} from '../../text/index.js';
import type {ClaimLine} from '../claims.js';
import {fitWidth} from '../present.js';
import {useKeys} from '../hooks/use-keys.js';

const colors = {good: 'green', bad: 'red'} as const;

/** ↑ ↓ (or k j) move the window over the lines; it never scrolls past the point where the last one shows. */
function useScroll(last: number, page: number, active: boolean): number {
	const [offset, setOffset] = useState(0);
	const move = useCallback((by: number) => setOffset(current => Math.min(Math.max(0, current + by), last)), [last]);
	useKeys(
		(input, key) => {
			if (key.upArrow || input === 'k') {
				move(-1);
			} else if (key.downArrow || input === 'j') {
				move(1);
			} else if (key.pageUp) {
				move(-page);
			} else if (key.pageDown) {
				move(page);
			}
		},
		active,
	);
	return Math.min(offset, last);
}

/** An id has no spaces and is worth seeing whole: it wraps under its value column. Prose-like values are cut. */
const wraps = (value: string) => !/\s/.test(value);

/** The rows a line takes at this width. */
function heightOf(line: ClaimLine, valueWidth: number): number {
	return wraps(line.value) ? Math.max(1, Math.ceil(textWidth(line.value) / valueWidth)) : 1;
}

/** The first line to show so that the last one is on screen: no scrolling past the end. */
function lastOffset(heights: readonly number[], rows: number): number {
	let used = 0;
	for (let index = heights.length - 1; index >= 0; index--) {
		used += heights[index] ?? 1;
		if (used > rows) {
			return index + 1;
		}
	}

	return 0;
}

/** The lines from `offset` that fit in `rows`. */
function windowOf(heights: readonly number[], offset: number, rows: number): number {
	let used = 0;
	let end = offset;
	while (end < heights.length && used + (heights[end] ?? 1) <= rows) {
		used += heights[end] ?? 1;
		end++;
	}

	return Math.max(end, offset + 1);
}

/** Every claim on a line of its own, as many as fit in `rows`; the rest a scroll away. */
export function ClaimsScreen(props: {
	readonly lines: readonly ClaimLine[];
	readonly rows: number;
	readonly columns: number;
	readonly active: boolean;
}) {
	const {claimsView} = text.wizard.token;
	const labelWidth = Math.min(18, Math.max(...props.lines.map(line => textWidth(line.label))) + 1);
	const valueWidth = Math.max(10, props.columns - labelWidth);
	const heights = props.lines.map(line => heightOf(line, valueWidth));
	const total = heights.reduce((sum, height) => sum + height, 0);
	const rows = Math.max(3, props.rows);
	const scrolls = total > rows;
	// One row goes to "lines 3–12 of 15" when not all fit.
	const shown = scrolls ? Math.max(2, rows - 1) : rows;
	const offset = useScroll(lastOffset(heights, shown), Math.max(1, shown - 1), props.active);
	const end = windowOf(heights, offset, shown);
	return (
		<Box flexDirection="column">
			<Text bold>{claimsView.heading}</Text>
			{props.lines.slice(offset, end).map(line => (
				<Box key={line.key}>
					<Box width={labelWidth} flexShrink={0}>
						<Text dimColor>{fitWidth(line.label, labelWidth)}</Text>
					</Box>
					<Text
						wrap={wraps(line.value) ? 'wrap' : 'truncate-end'}
						{...(line.emphasis ? {color: colors[line.emphasis], bold: true} : {})}
					>
						{line.value}
					</Text>
				</Box>
			))}
			{scrolls ? <Text dimColor>{claimsView.lines(offset + 1, end, props.lines.length)}</Text> : undefined}
		</Box>
	);
}
