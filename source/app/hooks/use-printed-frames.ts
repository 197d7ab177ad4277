import {useIsScreenReaderEnabled} from 'ink';
import {createContext, use} from 'react';

/**
 * Set where each screen is printed once, as lines, when it changes (TERM=dumb), instead of being
 * redrawn in place. A screen reader's session is printed so too (Ink's own linear text).
 */
export const PrintedFrames = createContext(false);

/** Whether frames are printed as lines: nothing may then change on its own (a spinner, a countdown), or it is printed again. */
export function usePrintedFrames(): boolean {
	const printed = use(PrintedFrames);
	const screenReader = useIsScreenReaderEnabled();
	return printed || screenReader;
}
