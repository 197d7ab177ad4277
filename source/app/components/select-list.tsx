import {Box, Text, useInput, useIsScreenReaderEnabled} from 'ink';
import SelectInput from 'ink-select-input';
import {useCallback, useRef, useState} from 'react';
import {text} from '../../text/index.js';

export type SelectItem<V> = {readonly key?: string; readonly label: string; readonly value: V};

/**
 * ink-select-input's list, with its keys handled here. Ink hands each key of a burst (↓ and
 * Enter in one write: a fast typist, key repeat, a paste) to the handler one after another
 * before React renders again, and ink-select-input reads the highlighted index from the
 * render before: Enter chose the item the ↓ had left. Here the index lives in a ref, moved
 * at once by each key, so Enter always takes the item the keys before it pointed at; the
 * list itself is drawn by ink-select-input from that index.
 */
export function SelectList<V>(props: {
	readonly items: readonly SelectItem<V>[];
	readonly isFocused: boolean;
	readonly onSelect?: (item: SelectItem<V>) => void;
	readonly onHighlight?: (item: SelectItem<V>) => void;
	readonly initialIndex?: number;
	readonly limit?: number;
}) {
	const {items, onSelect, onHighlight} = props;
	const latest = useRef(clamp(props.initialIndex ?? 0, items.length));
	const [, redraw] = useState(0);
	// Other items (an action gone after a delete): the cursor starts over, as ink-select-input's did.
	const itemsKey = items.map(item => item.key ?? String(item.value)).join('\u0000');
	const shown = useRef(itemsKey);
	if (shown.current !== itemsKey) {
		shown.current = itemsKey;
		latest.current = clamp(props.initialIndex ?? 0, items.length);
	}

	const move = useCallback(
		(to: number) => {
			const next = ((to % items.length) + items.length) % items.length;
			if (next !== latest.current) {
				latest.current = next;
				redraw(count => count + 1);
				const item = items[next];
				if (item) {
					onHighlight?.(item);
				}
			}
		},
		[items, onHighlight],
	);

	useInput(
		(input, key) => {
			if (items.length === 0) {
				return;
			}

			if (key.upArrow || input === 'k') {
				move(latest.current - 1);
			} else if (key.downArrow || input === 'j') {
				move(latest.current + 1);
			} else if (key.return) {
				const item = items[latest.current];
				if (item) {
					onSelect?.(item);
				}
			}
		},
		{isActive: props.isFocused},
	);

	const screenReader = useIsScreenReaderEnabled();
	if (screenReader) {
		// Said, not shown: the highlight is a colour and a ❯, which a screen reader does not read.
		return <SpokenList items={items} selected={latest.current} />;
	}

	// Drawn only: a new index is a new list (ink-select-input takes its index once, at mount).
	return (
		<SelectInput
			key={`${latest.current}/${itemsKey}`}
			items={items as SelectItem<V>[]}
			initialIndex={latest.current}
			isFocused={false}
			{...(props.limit === undefined ? {} : {limit: props.limit})}
		/>
	);
}

/** Every item, one a line, the highlighted one said as `selected: …`. */
function SpokenList<V>({items, selected}: {readonly items: readonly SelectItem<V>[]; readonly selected: number}) {
	return (
		<Box flexDirection="column">
			{items.map((item, index) => (
				<Text key={item.key ?? String(item.value)}>{index === selected ? text.wizard.spoken.selected(item.label) : item.label}</Text>
			))}
		</Box>
	);
}

function clamp(index: number, count: number): number {
	return Math.max(0, Math.min(index, count - 1));
}
