import {Text, useInput} from 'ink';
import {useRef} from 'react';

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

	const shown = props.mask ? props.mask.repeat(props.value.length) : props.value;
	return (
		<Text>
			{props.value === '' && props.placeholder ? <Text dimColor>{props.placeholder}</Text> : shown}
			{props.focus ? <Text inverse> </Text> : undefined}
		</Text>
	);
}
