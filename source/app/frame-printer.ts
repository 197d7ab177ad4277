import {builtin} from '../platform/builtins.js';
import textWidth from '../text/width.js';
import {wrapProse} from '../text/wrap.js';

const {stripVTControlCharacters} = builtin('node:util');

/**
 * Frames as printed lines, for a terminal that cannot move its cursor (TERM=dumb) and for a
 * screen reader, which reads what is added to the terminal: Ink, in its debug mode, writes
 * each whole frame to this stream; the frame is printed once it has settled (a paragraph's
 * first frame wraps as Ink does, the next as we do) and only when it differs from the one
 * printed before, as lines, a blank line between frames. Nothing is ever erased or redrawn:
 * no cursor movement, no colours, no alternate screen.
 */
export type FramePrinter = {
	/** For Ink: not a TTY (so Ink sets no terminal mode), the terminal's size and events. */
	readonly stream: NodeJS.WriteStream;
	/** Prints the frame still pending, and ends the last line. */
	readonly end: () => void;
};

const settleMs = 30;

/** The frame as lines: no escapes, no trailing spaces, none wider than the terminal (wrapped as prose is, never starting with a space). */
export function printedLines(frame: string, width: number): string {
	const lines = stripVTControlCharacters(frame)
		.split('\n')
		.map(line => line.trimEnd())
		.flatMap(line => (textWidth(line) > width ? wrapProse(line.trim(), width).split('\n') : [line]));
	while (lines.length > 0 && lines.at(-1) === '') {
		lines.pop();
	}

	while (lines.length > 0 && lines[0] === '') {
		lines.shift();
	}

	return lines.join('\n');
}

export function framePrinter(stdout: NodeJS.WriteStream): FramePrinter {
	let printed: string | undefined;
	let pending: string | undefined;
	let timer: NodeJS.Timeout | undefined;
	const flush = () => {
		clearTimeout(timer);
		timer = undefined;
		if (pending === undefined || pending === '' || pending === printed) {
			return;
		}

		stdout.write(`${printed === undefined ? '' : '\n\n'}${pending}`);
		printed = pending;
	};

	const write = (chunk: unknown, ...rest: unknown[]): boolean => {
		if (typeof chunk === 'string' && chunk !== '') {
			pending = printedLines(chunk, stdout.columns || 80);
			clearTimeout(timer);
			timer = setTimeout(flush, settleMs);
		}

		// Ink waits on an empty write's callback before it says a frame is out: pass it on.
		const callback = rest.find(argument => typeof argument === 'function');
		return callback ? stdout.write('', callback as () => void) : true;
	};

	const stream = new Proxy(stdout, {
		get(target, property) {
			if (property === 'write') {
				return write;
			}

			if (property === 'isTTY') {
				return false;
			}

			const value: unknown = Reflect.get(target, property, target);
			return typeof value === 'function' ? value.bind(target) : value;
		},
	});
	return {
		stream,
		end() {
			flush();
			if (printed !== undefined) {
				stdout.write('\n');
			}
		},
	};
}
