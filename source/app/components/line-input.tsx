import {Box, type DOMElement, Text, useCursor, useInput} from 'ink';
import {useEffect, useRef, useState} from 'react';
import textWidth from '../../text/width.js';

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

/** Where the cursor goes, and what the value becomes, for one edit. */
type Line = {readonly value: string; readonly cursor: number};

const isControl = (character: string) => {
	const code = character.charCodeAt(0);
	return code < 0x20 || (code >= 0x7f && code <= 0x9f);
};

/** Ctrl+A, E, U, W, K and Backspace as the characters terminals send for them. */
function applyControl(line: Line, character: string): Line {
	const {value, cursor} = line;
	switch (character) {
		case '\u0001': {
			return {value, cursor: 0};
		}

		case '\u0005': {
			return {value, cursor: value.length};
		}

		case '\u0015': {
			return {value: value.slice(cursor), cursor: 0};
		}

		case '\u000b': {
			return {value: value.slice(0, cursor), cursor};
		}

		case '\u0017': {
			const start = value.slice(0, cursor).replace(/\S+\s*$|\s+$/u, '').length;
			return {value: value.slice(0, start) + value.slice(cursor), cursor: start};
		}

		case '\u007f':
		case '\b': {
			return cursor === 0 ? line : {value: value.slice(0, cursor - 1) + value.slice(cursor), cursor: cursor - 1};
		}

		default: {
			return line;
		}
	}
}

/** Typed or pasted text at the cursor: control characters act as their keys or are dropped, never stored. */
function insert(line: Line, text: string): Line {
	let next = line;
	for (const character of text) {
		if (character === '\r' || character === '\n') {
			continue;
		}

		next = isControl(character)
			? applyControl(next, character)
			: {value: next.value.slice(0, next.cursor) + character + next.value.slice(next.cursor), cursor: next.cursor + character.length};
	}

	return next;
}

type Keys = Parameters<Parameters<typeof useInput>[0]>[1];

/** The line after one key event; undefined for keys that do not edit (Esc, Tab, ↑ ↓, other Ctrl and Meta keys). */
function edit(line: Line, input: string, key: Keys): Line | undefined {
	const moves: [boolean, () => Line][] = [
		[key.leftArrow, () => ({...line, cursor: Math.max(0, line.cursor - 1)})],
		[key.rightArrow, () => ({...line, cursor: Math.min(line.value.length, line.cursor + 1)})],
		[key.home, () => ({...line, cursor: 0})],
		[key.end, () => ({...line, cursor: line.value.length})],
		[key.backspace, () => applyControl(line, '\u007f')],
		[key.delete, () => ({value: line.value.slice(0, line.cursor) + line.value.slice(line.cursor + 1), cursor: line.cursor})],
		[key.ctrl && /^[aeuwk]$/i.test(input), () => applyControl(line, String.fromCharCode(input.toLowerCase().charCodeAt(0) - 96))],
	];
	const move = moves.find(([pressed]) => pressed);
	if (move) {
		return move[1]();
	}

	if (key.escape || key.tab || key.upArrow || key.downArrow || key.meta || key.ctrl || input === '') {
		return undefined;
	}

	return insert(line, input);
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
	const current = useRef<Line>({value: props.value, cursor: props.value.length});
	if (current.current.value !== props.value) {
		// Changed from outside (a reset, a prefill): the cursor goes to its end.
		current.current = {value: props.value, cursor: props.value.length};
	}

	const [, redraw] = useState(0);
	useInput(
		(input, key) => {
			if (key.return) {
				props.onSubmit?.(current.current.value);
				return;
			}

			const line = current.current;
			const next = edit(line, input, key);
			if (next === undefined) {
				return;
			}

			current.current = next;
			if (next.value === line.value) {
				redraw(count => count + 1);
			} else {
				props.onChange(next.value);
			}
		},
		{isActive: props.focus},
	);

	const {cursor} = current.current;
	const characters = [...props.value];
	const shown = props.mask ? props.mask.repeat(characters.length) : props.value;
	const shownCharacters = [...shown];
	const at = [...props.value.slice(0, cursor)].length;
	const before = shownCharacters.slice(0, at).join('');
	const under = shownCharacters[at] ?? ' ';
	const after = shownCharacters.slice(at + 1).join('');
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
					{props.focus ? <Text inverse> </Text> : undefined}
					<Text dimColor>{props.placeholder}</Text>
				</Text>
			) : (
				<Text>
					{before}
					{props.focus ? <Text inverse>{under}</Text> : under === ' ' ? '' : under}
					{after}
				</Text>
			)}
		</Box>
	);
}
