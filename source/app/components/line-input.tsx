import {Box, type DOMElement, Text, useCursor, type useInput, useIsScreenReaderEnabled} from 'ink';
import {useEffect, useRef, useState} from 'react';
import {text} from '../../text/index.js';
import textWidth from '../../text/width.js';
import {useKeys} from '../hooks/use-keys.js';

/** Where a laid-out element starts in the frame, in columns and rows; undefined before its first layout. */
function originOf(element: DOMElement | null): {x: number; y: number} | undefined {
	if (!element?.yogaNode) {
		return undefined;
	}

	let x = 0;
	let y = 0;
	for (let node: DOMElement | undefined = element; node; node = node.parentNode) {
		x += node.yogaNode?.getComputedLeft() ?? 0;
		y += node.yogaNode?.getComputedTop() ?? 0;
	}

	return {x, y};
}

/**
 * The value and where the cursor is in it, counted in code points (an emoji or a CJK
 * Extension B character such as 𠀀 is two UTF-16 units, and is never split).
 */
type Line = {readonly value: string; readonly cursor: number};

const isControl = (character: string) => {
	const code = character.charCodeAt(0);
	return code < 0x20 || (code >= 0x7f && code <= 0x9f);
};

const lengthOf = (value: string) => [...value].length;

/** The line with `characters` in place of the value, the cursor where `cursor` says. */
const line = (characters: readonly string[], cursor: number): Line => ({value: characters.join(''), cursor});

/** Ctrl+A, E, U, W, K and Backspace as the characters terminals send for them. */
function applyControl(current: Line, character: string): Line {
	const characters = [...current.value];
	const {cursor} = current;
	switch (character) {
		case '\u0001': {
			return {value: current.value, cursor: 0};
		}

		case '\u0005': {
			return {value: current.value, cursor: characters.length};
		}

		case '\u0015': {
			return line(characters.slice(cursor), 0);
		}

		case '\u000b': {
			return line(characters.slice(0, cursor), cursor);
		}

		case '\u0017': {
			const start = lengthOf(characters.slice(0, cursor).join('').replace(/\S+\s*$|\s+$/u, ''));
			return line([...characters.slice(0, start), ...characters.slice(cursor)], start);
		}

		case '\u007f':
		case '\b': {
			return cursor === 0 ? current : line([...characters.slice(0, cursor - 1), ...characters.slice(cursor)], cursor - 1);
		}

		default: {
			return current;
		}
	}
}

/** Typed or pasted text at the cursor: control characters act as their keys or are dropped, never stored. */
function insert(current: Line, text: string): Line {
	let next = current;
	for (const character of text) {
		if (character === '\r' || character === '\n') {
			continue;
		}

		if (isControl(character)) {
			next = applyControl(next, character);
			continue;
		}

		const characters = [...next.value];
		characters.splice(next.cursor, 0, character);
		next = line(characters, next.cursor + 1);
	}

	return next;
}

type Keys = Parameters<Parameters<typeof useInput>[0]>[1];

/** The line after one key event; undefined for keys that do not edit (Esc, Tab, ↑ ↓, other Ctrl and Meta keys). */
function edit(current: Line, input: string, key: Keys): Line | undefined {
	const characters = [...current.value];
	const moves: [boolean, () => Line][] = [
		[key.leftArrow, () => ({...current, cursor: Math.max(0, current.cursor - 1)})],
		[key.rightArrow, () => ({...current, cursor: Math.min(characters.length, current.cursor + 1)})],
		[key.home, () => ({...current, cursor: 0})],
		[key.end, () => ({...current, cursor: characters.length})],
		[key.backspace, () => applyControl(current, '\u007f')],
		[key.delete, () => line([...characters.slice(0, current.cursor), ...characters.slice(current.cursor + 1)], current.cursor)],
		[key.ctrl && /^[aeuwk]$/i.test(input), () => applyControl(current, String.fromCharCode(input.toLowerCase().charCodeAt(0) - 96))],
	];
	const move = moves.find(([pressed]) => pressed);
	if (move) {
		return move[1]();
	}

	if (key.escape || key.tab || key.upArrow || key.downArrow || key.meta || key.ctrl || input === '') {
		return undefined;
	}

	return insert(current, input);
}

/**
 * A one-line input: typing and pasting at the cursor; ← →, Home/End, Ctrl+A/E/U/W/K,
 * Backspace and Delete, however many arrive in one write; control characters never enter the
 * value. The value (a prop) and the cursor are read through refs, so that keys arriving
 * together each act on the line the one before left.
 */
export function LineInput(props: {
	readonly value: string;
	readonly onChange: (value: string) => void;
	readonly onSubmit?: (value: string) => void;
	readonly mask?: string;
	readonly placeholder?: string;
	readonly focus: boolean;
}) {
	const current = useRef<Line>({value: props.value, cursor: lengthOf(props.value)});
	if (current.current.value !== props.value) {
		// Changed from outside (a reset, a prefill): the cursor goes to its end.
		current.current = {value: props.value, cursor: lengthOf(props.value)};
	}

	const [, redraw] = useState(0);
	useKeys(
		(input, key) => {
			if (key.return) {
				props.onSubmit?.(current.current.value);
				return;
			}

			const before = current.current;
			const next = edit(before, input, key);
			if (next === undefined) {
				return;
			}

			current.current = next;
			if (next.value === before.value) {
				redraw(count => count + 1);
			} else {
				props.onChange(next.value);
			}
		},
		props.focus,
		{takesText: true},
	);

	const {cursor} = current.current;
	const characters = [...props.value];
	const shown = props.mask ? props.mask.repeat(characters.length) : props.value;
	const shownCharacters = [...shown];
	const before = shownCharacters.slice(0, cursor).join('');
	const under = shownCharacters[cursor] ?? ' ';
	const after = shownCharacters.slice(cursor + 1).join('');
	// The terminal's own cursor sits where the next character goes, so that an input method
	// (zh-TW's 注音 or 倉頡) draws what is being composed there: Ink's useCursor, placed from
	// the layout of the frame before (it is set while rendering); a first frame is drawn again
	// once its layout is known.
	const box = useRef<DOMElement>(null);
	const origin = originOf(box.current);
	const {setCursorPosition} = useCursor();
	setCursorPosition(props.focus && origin ? {x: origin.x + textWidth(before), y: origin.y} : undefined);
	const [, laidOut] = useState(0);
	useEffect(() => {
		const now = originOf(box.current);
		if (now && (now.x !== origin?.x || now.y !== origin?.y)) {
			laidOut(count => count + 1);
		}
	});
	return (
		<Box ref={box}>
			{props.value === '' && props.placeholder ? (
				<Text>
					{props.focus ? (
						// The cursor's cell, drawn only: said, it would be a space before the placeholder.
						<Text inverse aria-hidden>
							{' '}
						</Text>
					) : undefined}
					<Text dimColor>{props.placeholder}</Text>
				</Text>
			) : (
				<Text>
					{before}
					{props.focus ? <Text inverse>{under}</Text> : under === ' ' ? '' : under}
					{after}
				</Text>
			)}
			<SpokenCursor before={before} shown={props.focus && cursor < characters.length} />
		</Box>
	);
}

/** Where the cursor is, in words, for a screen reader (the inverse cell is not read): only when it is not at the end. */
function SpokenCursor({before, shown}: {readonly before: string; readonly shown: boolean}) {
	return useIsScreenReaderEnabled() && shown ? <Text>{text.wizard.spoken.cursorAt(before)}</Text> : undefined;
}

