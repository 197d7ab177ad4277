import {Box, Text} from 'ink';
import {useCallback, useEffect, useRef, useState} from 'react';
import {text} from '../text/index.js';
import type {ScreenMeta, View, WizardEvent} from '../wizard/types.js';
import {Footer} from './components/footer.js';
import {Header} from './components/header.js';
import {HelpOverlay} from './components/help-overlay.js';
import {SizeNotice} from './components/size-notice.js';
import type {UiEffects} from './effects.js';
import {usePrintedFrames} from './hooks/use-printed-frames.js';
import {isTooSmall, useTerminalSize} from './hooks/use-terminal-size.js';
import {screenOf, useWizard, type WizardActor, type WizardSnapshot} from './hooks/use-wizard.js';
import {TourScreen} from './screens/tour-screen.js';
import {ViewOf} from './views.js';
import {wrapProse} from '../text/wrap.js';
import {type KeyBus, KeyBusProvider, ScreensListen, useBusListener, useKeyBus} from './hooks/use-keys.js';

/** The keys that work here, for the footer: from the machine's tags and meta, and what it can do. */
function footerKeys(snapshot: WizardSnapshot, meta: ScreenMeta, typing: boolean): string[] {
	const {keys} = text.wizard;
	if (typing) {
		// Typing in the identities' filter: Enter takes the highlighted one, Esc clears the filter (not back).
		return meta.view === 'identities' ? [keys.choose, keys.clearFilter] : [keys.submit, keys.back];
	}

	// Only where Esc does something: the menu, the last tour steps and some manage steps have no way back.
	const canGoBack = snapshot.can({type: 'BACK'});
	if (snapshot.hasTag('busy')) {
		return canGoBack ? [keys.cancel, keys.quit] : [keys.quit];
	}

	if (snapshot.hasTag('failed')) {
		return failedKeys(snapshot);
	}

	// p is offered only where it does something: not in a session started in presenter mode.
	const presenterKey = snapshot.can({type: 'TOGGLE_PRESENTER'}) ? [keys.presenter] : [];
	// The box says it: Enter confirms, Esc cancels; nothing to move.
	if (meta.view === 'confirm') {
		return [keys.confirm, keys.cancel, ...presenterKey, keys.help, keys.quit];
	}

	const viewKeys: Partial<Record<View, string[]>> = {
		scopes: [keys.move, keys.toggle, keys.submit],
		identities: [keys.move, keys.choose, keys.filter],
		token: tokenKeys(snapshot),
	};
	const list = viewKeys[meta.view ?? 'menu'] ?? (meta.enterSubmits ? [keys.submit] : [keys.move, keys.choose]);
	const inTour = panelsShown(snapshot, meta);
	return [...list, ...(inTour ? [keys.code, keys.signing] : []), ...(canGoBack ? [keys.back] : []), ...presenterKey, keys.help, keys.quit];
}

/** The code and HTTP panels are on screen (t and s change them): a tour step, not under the claims. */
function panelsShown(snapshot: WizardSnapshot, meta: ScreenMeta): boolean {
	return hasPanels(meta) && !(meta.view === 'token' && snapshot.context.claimsShown);
}

/** The token view's own keys: v says what it will do (reveal, or mask again). */
function tokenKeys({context}: WizardSnapshot): string[] {
	const {keys} = text.wizard;
	if (context.claimsShown) {
		return [keys.scroll, keys.copy, keys.file, keys.token];
	}

	return [keys.submit, context.revealed && !context.presenter ? keys.mask : keys.reveal, keys.copy, keys.file, keys.dotenv, keys.claims];
}

/** A failed step's keys; after a 403 exchange, a opens the assignments. */
function failedKeys(snapshot: WizardSnapshot): string[] {
	const {keys} = text.wizard;
	const assignments = snapshot.can({type: 'ENTRA_ASSIGNMENTS'}) ? [keys.assignments] : [];
	return [keys.retry, ...assignments, keys.back, keys.quit, keys.help];
}

/** A tour step, or the Teams flow: the code and HTTP panels show, and t and s work. */
const hasPanels = (meta: ScreenMeta) => meta.step !== undefined || meta.flow !== undefined;

/** The single-letter keys that work on every screen where nothing is typed. */
function shortcut(input: string, snapshot: WizardSnapshot): WizardEvent | 'help' | 'quit' | undefined {
	const events: Record<string, WizardEvent | 'help' | 'quit' | undefined> = {
		'?': 'help',
		q: 'quit',
		p: {type: 'TOGGLE_PRESENTER'},
		t: hasPanels(screenOf(snapshot)) ? {type: 'TOGGLE_CODE_LANGUAGE'} : undefined,
		s: hasPanels(screenOf(snapshot)) ? {type: 'TOGGLE_SIGNING'} : undefined,
		v: {type: 'TOGGLE_REVEAL'},
		r: snapshot.hasTag('failed') ? {type: 'RETRY'} : undefined,
		a: snapshot.hasTag('failed') ? {type: 'ENTRA_ASSIGNMENTS'} : undefined,
		l: {type: 'NAME_IDENTITY'},
	};
	return Object.hasOwn(events, input) ? events[input] : undefined;
}

export function App({actor, effects, keyBus: givenBus}: {readonly actor: WizardActor; readonly effects: UiEffects; readonly keyBus?: KeyBus}) {
	const snapshot = useWizard(actor);
	const size = useTerminalSize();
	// Too small, only the notice is drawn; the screen below stays mounted, hidden and deaf, so
	// it comes back as it was (a half-typed field, a list's cursor) once the window is enlarged.
	// Printed frames scroll: they need no minimum.
	const tooSmall = !usePrintedFrames() && isTooSmall(size);
	const [help, setHelpState] = useState(false);
	const [askQuit, setAskQuitState] = useState(false);
	// The overlays' state as the keys read it: set with the state, so that a key right behind the
	// one that opened the quit question ("y") meets it even before React has drawn it.
	const latest = useRef({help: false, askQuit: false, tooSmall});
	latest.current.tooSmall = tooSmall;
	const setHelp = useCallback((value: boolean) => {
		latest.current.help = value;
		setHelpState(value);
	}, []);
	const setAskQuit = useCallback((value: boolean) => {
		latest.current.askQuit = value;
		setAskQuitState(value);
	}, []);
	const listening = useCallback(() => {
		const state = latest.current;
		return !state.tooSmall && !state.help && !state.askQuit;
	}, []);
	const send = useCallback((event: WizardEvent) => actor.send(event), [actor]);

	// The quit question is about the request in flight: once it has ended (done, failed or
	// cancelled), the question no longer applies and the screen shows what came of it.
	const busy = snapshot.hasTag('busy');
	useEffect(() => {
		if (!busy && latest.current.askQuit) {
			setAskQuit(false);
		}
	}, [busy, setAskQuit]);

	// The machine says where the keyboard types text (single-letter shortcuts must not fire there),
	// a field that opens in a view (the token's file name, the filter) included.
	const typing = snapshot.hasTag('typing');
	const active = !help && !askQuit && !tooSmall;

	// Global keys. Ink's own Esc handling only clears focus, and the app uses no focusable
	// components, so Esc is ours: back, or cancel the request in flight.
	const answerOverlay = (input: string) => {
		if (latest.current.askQuit) {
			setAskQuit(false);
			if (input === 'y') {
				effects.quit();
			}
		} else {
			setHelp(false);
		}
	};

	const perform = (action: ReturnType<typeof shortcut>, current: WizardSnapshot) => {
		if (action === 'help') {
			setHelp(true);
		} else if (action === 'quit') {
			// A request in flight is asked about first: quitting abandons it.
			current.hasTag('busy') ? setAskQuit(true) : effects.quit();
		} else if (action) {
			send(action);
		}
	};

	/** A key taken before the screen's own: by the size notice, the quit question or the help. */
	const takenFirst = (input: string): boolean => {
		const state = latest.current;
		if (state.tooSmall) {
			// Only the way out the notice names; Ctrl+C is Ink's, as everywhere.
			if (input === 'q') {
				effects.quit();
			}

			return true;
		}

		if (state.askQuit && !actor.getSnapshot().hasTag('busy')) {
			// Ended before this key was read: the key acts on the result's screen instead.
			setAskQuit(false);
		}

		if (state.askQuit || state.help) {
			answerOverlay(input);
			return true;
		}

		return false;
	};

	// The app's one Ink input handler feeds the bus its screens listen on (see KeyBus), and the
	// app's own keys are the bus's last listener, after the screens', as they always were.
	const keyBus = useKeyBus(givenBus);
	useBusListener(keyBus, (input, key) => {
		if (takenFirst(input)) {
			return;
		}

		// Esc is back, or cancel, or, in a field open in a view, closing the field: the machine's BACK.
		if (key.escape) {
			send({type: 'BACK'});
			return;
		}

		const current = actor.getSnapshot();
		if (!current.hasTag('typing')) {
			perform(shortcut(input, current), current);
		}
	}, true);

	const context = snapshot.context;
	const meta = screenOf(snapshot);
	const compact = size.rows < 32;
	// The news lines under the screen take rows the screen must leave them (the claims fill what they get).
	const storeNews = context.storeNews ? text.commands.warning(context.storeNews) : undefined;
	const newsRows = [storeNews, context.emulatorNews].reduce(
		(sum, line) => sum + (line ? wrapProse(line, size.columns).split('\n').length : 0),
		0,
	);
	const view = (
		<ViewOf
			snapshot={snapshot}
			meta={meta}
			send={send}
			effects={effects}
			active={active}
			rows={size.rows - newsRows}
			columns={size.columns}
		/>
	);
	const screen = help ? (
		<HelpOverlay presenterHeld={context.presenterHeld} />
	) : !hasPanels(meta) ? (
		view
	) : (
		<TourScreen context={context} meta={meta} send={send} active={active} compact={compact} columns={size.columns}>
			{view}
		</TourScreen>
	);

	return (
		// No fixed width: Ink lays the root out at the terminal's width as soon as it changes;
		// `size` catches up a render later, and a frame as wide as the old width would be
		// rewrapped by the terminal and left behind as garbage when it narrows.
		<KeyBusProvider value={keyBus}>
		<ScreensListen.Provider value={listening}>
		<Box flexDirection="column">
			{tooSmall ? <SizeNotice size={size} /> : undefined}
			<Box flexDirection="column" display={tooSmall ? 'none' : 'flex'}>
			<Header connection={context.connection} presenter={context.presenter} signedIn={context.signedIn} columns={size.columns} />
			<Box flexDirection="column" marginY={compact ? 0 : 1} flexGrow={1}>
				{screen}
			</Box>
			{storeNews ? <Text color="yellow">{storeNews}</Text> : undefined}
			{context.emulatorNews ? <Text color="yellow">{context.emulatorNews}</Text> : undefined}
			{askQuit ? <Text color="yellow">{text.wizard.quitConfirm}</Text> : undefined}
			<Footer keys={help ? [text.wizard.keys.closeHelp] : footerKeys(snapshot, meta, typing)} width={size.columns} />
			</Box>
		</Box>
		</ScreensListen.Provider>
		</KeyBusProvider>
	);
}
