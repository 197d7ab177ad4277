import {Box, Text, type useInput, useIsScreenReaderEnabled} from 'ink';
import SelectInput from 'ink-select-input';
import {useCallback, useRef, useState} from 'react';
import {text} from '../../text/index.js';
import {LineInput} from './line-input.js';
import {clampCursor, filterItems, scrollTop} from './select-state.js';
import {useKeys} from '../hooks/use-keys.js';

export type SelectItem<V> = {
	readonly key?: string;
	readonly label: string;
	readonly value: V;
	/** What the filter matches in place of the label (an identity's label and whole id, not its state column). */
	readonly filterText?: string;
	/** An action among the items (the manager's "create"): not counted in "12 of 40". */
	readonly uncounted?: boolean;
};

type Keys = Parameters<Parameters<typeof useInput>[0]>[1];

/** Where a key moves the cursor, from `at` in a list of `count` showing `page` rows; undefined: not a move. */
function moveOf(input: string, key: Keys, at: number, page: number, typing: boolean): number | undefined {
	const letters = !typing;
	if (key.upArrow || (letters && input === 'k')) {
		return at - 1;
	}

	if (key.downArrow || (letters && input === 'j')) {
		return at + 1;
	}

	if (key.pageUp) {
		return at - page;
	}

	if (key.pageDown) {
		return at + page;
	}

	if (letters && key.home) {
		return 0;
	}

	return letters && key.end ? Number.MAX_SAFE_INTEGER : undefined;
}

/**
 * A list wholly in view wraps from its last item to its first (the jump is on screen); a list
 * that scrolls stops at its ends, where a wrap would silently show another page.
 */
function nextCursor(to: number, count: number, limit: number): number {
	const wraps = count <= limit && count > 0 && Math.abs(to) < Number.MAX_SAFE_INTEGER;
	return wraps && (to === -1 || to === count) ? (to + count) % count : clampCursor(to, count);
}

/** The filter's line (`/` and what is typed) and what it found. */
function FilterLine(props: {
	readonly value: string;
	readonly focus: boolean;
	readonly onChange: (value: string) => void;
	readonly matches: number;
}) {
	return (
		<>
			<Box>
				<Text color="cyan">{text.wizard.list.filterPrompt}</Text>
				<LineInput value={props.value} focus={props.focus} onChange={props.onChange} />
			</Box>
			{props.matches === 0 ? <Text color="yellow">{text.wizard.list.noMatch(props.value)}</Text> : undefined}
		</>
	);
}

/**
 * A list to choose from. It scrolls within `limit` rows and says where the cursor is ("12 of
 * 40"); there ↑ ↓ stop at the first and last item (a short list wholly in view wraps around,
 * the jump being on screen); PgUp PgDn move a page, Home End to the ends.
 * With `filter`, `/` asks for the filter to open (the machine's field, tagged `typing`); while it
 * is open what is typed filters the items (on `filterText`, else the label) and Enter chooses; once
 * it is closed (Esc is the machine's BACK), the filter is cleared. The cursor, the filter and the first row in view live in
 * refs moved at once by each key: Ink hands each key of a burst (↓ and Enter in one write) to
 * the handler before React renders again, and Enter must take the item the keys before it
 * pointed at.
 */
export function SelectList<V>(props: {
	readonly items: readonly SelectItem<V>[];
	readonly isFocused: boolean;
	/** `filter`: what the filter held when the item was chosen ('' with none). */
	readonly onSelect?: (item: SelectItem<V>, filter: string) => void;
	readonly onHighlight?: (item: SelectItem<V>) => void;
	readonly initialIndex?: number;
	readonly limit?: number;
	/**
	 * A filter the machine opens and closes: `open` says whether it is open, `onOpen` asks for it
	 * (`/`); `initial`, what it holds when the list is drawn open (the list one came back to).
	 */
	readonly filter?: {readonly open: boolean; readonly onOpen: () => void; readonly initial?: string};
}) {
	const {items, onSelect, onHighlight} = props;
	const filtering = props.filter?.open === true;
	const state = useRef(startAt(items, props.initialIndex, filtering ? (props.filter?.initial ?? '') : ''));
	if (!filtering && state.current.filter !== '') {
		// Closed (Esc): the list is whole again, from its top.
		state.current = {...state.current, filter: '', cursor: 0, top: 0};
	}

	const [, redraw] = useState(0);
	// Other items (an action gone after a delete): the cursor starts over.
	const itemsKey = items.map(item => item.key ?? String(item.value)).join('\u0000');
	const shown = useRef(itemsKey);
	if (shown.current !== itemsKey) {
		shown.current = itemsKey;
		state.current = startAt(items, props.initialIndex, state.current.filter);
	}

	const current = state.current;
	const visible = filterItems(items, current.filter);
	const limit = Math.max(1, props.limit ?? visible.length);

	const update = useCallback((patch: Partial<typeof state.current>) => {
		state.current = {...state.current, ...patch};
		redraw(count => count + 1);
	}, []);

	/** `/`, which asks for the filter; true when the key was it. */
	const filterKey = (input: string): boolean => {
		if (props.filter && !filtering && input === '/') {
			props.filter.onOpen();
			return true;
		}

		return false;
	};

	useKeys(
		(input, key) => {
			if (filterKey(input)) {
				return;
			}

			const now = state.current;
			const matching = filterItems(items, now.filter);
			if (key.return) {
				const item = matching[now.cursor];
				if (item) {
					onSelect?.(item, now.filter);
				}

				return;
			}

			const to = moveOf(input, key, now.cursor, limit, filtering);
			const next = to === undefined ? now.cursor : nextCursor(to, matching.length, limit);
			if (next !== now.cursor) {
				update({cursor: next});
				const item = matching[next];
				if (item) {
					onHighlight?.(item);
				}
			}
		},
		props.isFocused,
	);

	const onFilter = (filter: string) => {
		update({filter, cursor: 0, top: 0});
	};

	const cursor = clampCursor(current.cursor, visible.length);
	const top = scrollTop(current.top, cursor, visible.length, limit);
	state.current.top = top;
	const filterShown = filtering;
	const scrolls = visible.length > limit || items.length > limit;
	const screenReader = useIsScreenReaderEnabled();
	const filterLine = filterShown ? (
		<FilterLine value={current.filter} focus={props.isFocused && filtering} onChange={onFilter} matches={visible.length} />
	) : undefined;
	if (screenReader) {
		// Said, not shown: the highlight is a colour and a ❯, which a screen reader does not read.
		return (
			<Box flexDirection="column">
				{filterLine}
				<SpokenList items={visible} selected={cursor} />
			</Box>
		);
	}

	return (
		<Box flexDirection="column">
			{filterLine}
			{/* ink-select-input draws the rows in view; the keys are handled here (it takes its index once, at mount: a new index is a new list). */}
			<SelectInput
				key={`${top}/${cursor}/${shown.current}/${current.filter}`}
				items={visible.slice(top, top + limit) as SelectItem<V>[]}
				initialIndex={cursor - top}
				isFocused={false}
				indicatorComponent={Indicator}
			/>
			<Position shown={(scrolls || filterShown) && visible.length > 0} filtered={filterShown} {...countOf(visible, cursor, items)} />
		</Box>
	);
}

/** The cursor on `items[initialIndex]` among those `filter` keeps (the first one, if it is not). */
function startAt<V>(items: readonly SelectItem<V>[], initialIndex: number | undefined, filter: string) {
	const visible = filterItems(items, filter);
	const wanted = items[clampCursor(initialIndex ?? 0, items.length)];
	const at = wanted === undefined ? -1 : visible.indexOf(wanted);
	return {cursor: Math.max(0, at), top: 0, filter};
}

/** Where the cursor is among the counted items (an action such as "create" is not one of them). */
function countOf<V>(visible: readonly SelectItem<V>[], cursor: number, items: readonly SelectItem<V>[]) {
	const counted = (list: readonly SelectItem<V>[]) => list.filter(item => !item.uncounted).length;
	const onCounted = visible[cursor]?.uncounted !== true;
	return {at: onCounted ? counted(visible.slice(0, cursor + 1)) : undefined, count: counted(visible), total: counted(items)};
}

/** "12 of 40", or "3 of 5 matching (40 in all)" while a filter is on; on an action, the count alone. */
function Position(props: {
	readonly shown: boolean;
	readonly filtered: boolean;
	readonly at: number | undefined;
	readonly count: number;
	readonly total: number;
}) {
	if (!props.shown) {
		return undefined;
	}

	const {list} = text.wizard;
	if (props.at === undefined) {
		return <Text dimColor>{list.countOnly(props.count)}</Text>;
	}

	return <Text dimColor>{props.filtered ? list.matching(props.at, props.count, props.total) : list.position(props.at, props.count)}</Text>;
}

/**
 * The ❯ before the highlighted row (a space before the others), as ink-select-input draws it but
 * never shrunk: a label too long for its line wraps under itself, its continuation indented as
 * its first line, where ink-select-input's own indicator gave up its space (`❯$COMMUNICATION_…`,
 * the next line one column in).
 */
function Indicator({isSelected = false}: {readonly isSelected?: boolean}) {
	return (
		<Box marginRight={1} flexShrink={0}>
			{isSelected ? <Text color="blue">❯</Text> : <Text> </Text>}
		</Box>
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
