import {useInput} from 'ink';
import {createContext, useContext} from 'react';

/**
 * Whether the screens take keys at this moment: not while the size notice, the help or the quit
 * question is up. A function, read when the key comes, not a value of the last render.
 */
export const ScreensListen = createContext<() => boolean>(() => true);

/**
 * Ink's useInput for a screen, or a component on one: active as `active` says, and deaf while
 * the app says so. Ink changes a handler's isActive only once the frame is on screen (a passive
 * effect), so a key typed right after the size notice or the quit question appeared reached the
 * screen underneath: Enter went on to the next step behind the notice. The app's state is read
 * through a stable function when the key comes, as the app's own handler reads it.
 */
export function useKeys(handler: Parameters<typeof useInput>[0], active: boolean): void {
	const listening = useContext(ScreensListen);
	useInput(
		(input, key) => {
			if (listening()) {
				handler(input, key);
			}
		},
		{isActive: active},
	);
}
