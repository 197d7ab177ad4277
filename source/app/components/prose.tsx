import {Box, type DOMElement, Text} from 'ink';
import {useEffect, useRef, useState} from 'react';
import {wrapProse} from '../../text/wrap.js';

/**
 * A paragraph, wrapped by us at the width Ink lays it out at: CJK between characters, Latin
 * between words, no line starting with a space or closing punctuation (Ink's own wrap keeps the
 * space at a break). The first frame wraps as Ink does; once the width is known, ours.
 */
export function Prose(props: {readonly children: string; readonly color?: string; readonly bold?: boolean}) {
	const box = useRef<DOMElement>(null);
	const [width, setWidth] = useState<number | undefined>(undefined);
	useEffect(() => {
		const laidOut = box.current?.yogaNode?.getComputedWidth();
		if (laidOut && Math.floor(laidOut) !== width) {
			setWidth(Math.floor(laidOut));
		}
	});
	return (
		<Box ref={box}>
			<Text wrap="wrap" {...(props.color ? {color: props.color} : {})} {...(props.bold ? {bold: true} : {})}>
				{width ? wrapProse(props.children, width) : props.children}
			</Text>
		</Box>
	);
}
