import {useEffect, useState} from 'react';
import {usePrintedFrames} from './use-printed-frames.js';

/**
 * The current time, updated every `intervalMs` while the component is mounted. Where frames
 * are printed as lines, it does not tick (each tick would print the screen again): it is the
 * time at which the frame is drawn, so a countdown is right when it is printed.
 */
export function useNow(intervalMs = 1000): number {
	const printed = usePrintedFrames();
	const [now, setNow] = useState(() => Date.now());
	useEffect(() => {
		if (printed) {
			return undefined;
		}

		const timer = setInterval(() => {
			setNow(Date.now());
		}, intervalMs);
		return () => {
			clearInterval(timer);
		};
	}, [intervalMs, printed]);
	return printed ? Date.now() : now;
}
