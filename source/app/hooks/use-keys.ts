import {type Key, useInput} from 'ink';
import {createContext, useContext, useLayoutEffect, useRef} from 'react';

export type KeyHandler = (input: string, key: Key) => void;

/**
 * Whether the screens take keys at this moment: not while the size notice, the help or the quit
 * question is up. A function, read when the key comes, not a value of the last render.
 */
export const ScreensListen = createContext<() => boolean>(() => true);

type Listener = {
	readonly handler: {current: KeyHandler};
	readonly active: {current: boolean};
	/** A field taking text: what is typed or pasted in one write reaches it as one string. */
	readonly text: {current: boolean};
};

const noKey: Key = {
	upArrow: false,
	downArrow: false,
	leftArrow: false,
	rightArrow: false,
	pageDown: false,
	pageUp: false,
	home: false,
	end: false,
	return: false,
	escape: false,
	ctrl: false,
	shift: false,
	tab: false,
	backspace: false,
	delete: false,
	meta: false,
	super: false,
	hyper: false,
	capsLock: false,
	numLock: false,
};

/** One character of a run, as Ink reports that character pressed alone. */
function keyOf(character: string): [string, Key] {
	const code = character.codePointAt(0) ?? 0;
	switch (character) {
		case '\r': {
			return [character, {...noKey, return: true}];
		}

		case '\t': {
			return [character, {...noKey, tab: true}];
		}

		case '\u007F':
		case '\b': {
			return [character, {...noKey, backspace: true}];
		}

		default: {
			// Ctrl+A to Ctrl+Z (but for those above): the letter, with ctrl.
			if (code >= 1 && code <= 26 && character !== '\n') {
				return [String.fromCodePoint(code + 96), {...noKey, ctrl: true}];
			}

			return [character, {...noKey, shift: /^\p{Lu}$/u.test(character)}];
		}
	}
}

type Pending = {readonly input: string; readonly key: Key; readonly run: boolean};

/**
 * Keys for the app's screens, from the one Ink handler the app has, each to the frame it meets.
 * - Ink hands keys over before React has drawn what the key before did: the app's root renders
 *   in a microtask and runs its passive effects in a later task, while Ink gives out every key
 *   of one write at once. A key pressed right after Enter reached the screen Enter had left.
 *   Here, after a key, the next one waits for that microtask and that task; listeners are
 *   registered and brought up to date in layout effects, so the frame it meets is drawn.
 * - Ink splits escape sequences (arrows, Esc), Backspace and Ctrl+C into events of their own,
 *   but hands other keys of one write (a fast typist, key repeat, a terminal that batches its
 *   input) over as one string: "j" and Enter came as "j\r", which no screen took for either
 *   key. Such a run is given out key by key, until a field that takes text listens: that field
 *   gets the rest whole, up to an Enter, so typed or pasted text stays text and no letter of it
 *   is taken for a shortcut; the Enter is a key of its own ("90\r" in the minutes submits them).
 */
export class KeyBus {
	readonly #listeners = new Set<Listener>();
	readonly #pending: Pending[] = [];
	#settling = false;
	#settled: Array<() => void> = [];

	listen(listener: Listener): () => void {
		this.#listeners.add(listener);
		return () => {
			this.#listeners.delete(listener);
		};
	}

	push(input: string, key: Key): void {
		this.#pending.push({input, key, run: [...input].length > 1 && !key.ctrl && !key.meta});
		if (!this.#settling) {
			this.#settling = true;
			this.#step();
		}
	}

	/** Resolves once every key pushed so far has been given out and its frame drawn. */
	settled(): Promise<void> {
		return this.#settling ? new Promise(resolve => this.#settled.push(resolve)) : Promise.resolve();
	}

	readonly #step = (): void => {
		const next = this.#pending.shift();
		if (next === undefined) {
			this.#settling = false;
			for (const resolve of this.#settled.splice(0)) {
				resolve();
			}

			return;
		}

		try {
			this.#give(next);
		} finally {
			// Even after a handler threw: the keys behind it are still given out, never held.
			queueMicrotask(() => setImmediate(this.#step));
		}
	};

	#give({input, key, run}: Pending): void {
		if (!run) {
			this.#deliver(input, key);
			return;
		}

		const [first = '', ...rest] = [...input];
		const enter = input.indexOf('\r');
		if (rest.length > 0 && enter !== 0 && this.#takesText()) {
			// The text up to an Enter typed in the same write, then that Enter as a key of its own.
			if (enter > 0) {
				this.#pending.unshift({input: input.slice(enter), key: noKey, run: true});
			}

			this.#deliver(enter > 0 ? input.slice(0, enter) : input, enter > 0 ? noKey : key);
			return;
		}

		if (rest.length > 0) {
			this.#pending.unshift({input: rest.join(''), key: noKey, run: true});
		}

		this.#deliver(...keyOf(first));
	}

	#takesText(): boolean {
		return [...this.#listeners].some(listener => listener.active.current && listener.text.current);
	}

	/** To the listeners there were when the key came that are still there and listening. */
	#deliver(input: string, key: Key): void {
		for (const listener of [...this.#listeners]) {
			if (this.#listeners.has(listener) && listener.active.current) {
				listener.handler.current(input, key);
			}
		}
	}
}

const KeyBusContext = createContext<KeyBus | undefined>(undefined);
export const KeyBusProvider = KeyBusContext.Provider;

/** The app's bus (a test may give its own, to know when keys have been given out), fed by its one Ink input handler. */
export function useKeyBus(given?: KeyBus): KeyBus {
	const bus = useRef<KeyBus>(given);
	bus.current ??= new KeyBus();
	const current = bus.current;
	useInput((input, key) => current.push(input, key));
	return current;
}

/**
 * A listener on `bus`, registered and brought up to date in layout effects, so that the frame a
 * key meets is the one its listeners belong to. Order: children before parents, as Ink's own.
 */
export function useBusListener(bus: KeyBus | undefined, handler: KeyHandler, active: boolean, takesText = false): void {
	const listener = useRef<Listener>(undefined);
	listener.current ??= {handler: {current: handler}, active: {current: active}, text: {current: takesText}};
	const current = listener.current;
	useLayoutEffect(() => {
		current.handler.current = handler;
		current.active.current = active;
		current.text.current = takesText;
	});
	useLayoutEffect(() => bus?.listen(current), [bus, current]);
}

/**
 * Keys for a screen, or a component on one: active as `active` says, and deaf while the app says
 * so. The app's state is read through a stable function when the key comes. Under the app, keys
 * come from its bus (above); a component drawn alone, as a test draws one, reads Ink's input.
 */
export function useKeys(handler: KeyHandler, active: boolean, options: {readonly takesText?: boolean} = {}): void {
	const bus = useContext(KeyBusContext);
	const listening = useContext(ScreensListen);
	const listen: KeyHandler = (input, key) => {
		if (listening()) {
			handler(input, key);
		}
	};

	useBusListener(bus, listen, active, options.takesText);
	useInput(listen, {isActive: active && bus === undefined});
}
