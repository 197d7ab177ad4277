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

/**
 * A one-line input with the cursor always at the end: typing, pasting, Backspace, Enter.
 * ink-text-input keeps its cursor in a second state that could fall out of step with the
 * value (a letter typed after clearing the field landed before the previous one), so the
 * value here is the only state, read through a ref so that keys arriving in one chunk add up.
 */
export function LineInput(props: {
	readonly value: string;
	readonly onChange: (value: string) => void;
	readonly onSubmit?: (value: string) => void;
	readonly mask?: string;
	readonly placeholder?: string;
	readonly focus: boolean;
}) {
	const current = useRef(props.value);
	current.current = props.value;
	useInput(
		(input, key) => {
			if (key.return) {
				props.onSubmit?.(current.current);
				return;
			}

			let next = current.current;
			if (key.backspace || key.delete) {
				next = next.slice(0, -1);
			} else if (
				input === '' ||
				key.ctrl ||
				key.meta ||
				key.escape ||
				key.tab ||
				key.upArrow ||
				key.downArrow ||
				key.leftArrow ||
				key.rightArrow
			) {
				return;
			} else {
				// A paste arrives as one input; line breaks in it are not part of a one-line value.
				next += input.replaceAll(/[\r\n]/g, '');
			}

			if (next !== current.current) {
				current.current = next;
				props.onChange(next);
			}
		},
		{isActive: props.focus},
	);

	const shown = props.mask ? props.mask.repeat([...props.value].length) : props.value;
	// The terminal's own cursor sits where the next character goes, so that an input method
	// (zh-TW's 注音 or 倉頡) draws what is being composed there: Ink's useCursor, placed from
	// the layout of the frame before (it is set while rendering); a first frame is drawn again
	// once its layout is known.
	const box = useRef<DOMElement>(null);
	const origin = originOf(box.current);
	const {setCursorPosition} = useCursor();
	setCursorPosition(props.focus && origin ? {x: origin.x + textWidth(shown), y: origin.y} : undefined);
	const [, laidOut] = useState(0);
	useEffect(() => {
		const now = originOf(box.current);
		if (now && (now.x !== origin?.x || now.y !== origin?.y)) {
			laidOut(count => count + 1);
		}
	});
	return (
		<Box ref={box}>
			<Text>
				{props.value === '' && props.placeholder ? <Text dimColor>{props.placeholder}</Text> : shown}
				{props.focus ? <Text inverse> </Text> : undefined}
			</Text>
		</Box>
	);
}
