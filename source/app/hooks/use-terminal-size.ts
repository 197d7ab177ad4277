import {useStdout} from 'ink';
import {useEffect, useState} from 'react';

export type TerminalSize = {readonly columns: number; readonly rows: number};

/**
 * The smallest terminal the layout fits: every screen of the tour and the manager, in both
 * languages and in the pseudo-locale, is drawn within 80×24 (test/app/languages.test.tsx).
 */
export const minimumSize: TerminalSize = {columns: 80, rows: 24};

export function isTooSmall(size: TerminalSize): boolean {
	return size.columns < minimumSize.columns || size.rows < minimumSize.rows;
}

/** The terminal's size, followed on resize. */
export function useTerminalSize(): TerminalSize {
	// A terminal's stream, which has a size (Ink types it as any writable).
	const stdout = useStdout().stdout as NodeJS.WriteStream;
	const [size, setSize] = useState<TerminalSize>({columns: stdout.columns || 80, rows: stdout.rows || 24});
	useEffect(() => {
		const onResize = () => setSize({columns: stdout.columns || 80, rows: stdout.rows || 24});
		stdout.on('resize', onResize);
		return () => {
			stdout.off('resize', onResize);
		};
	}, [stdout]);
	return size;
}
