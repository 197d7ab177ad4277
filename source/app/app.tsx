import {Box, Text, useInput, useStdout} from 'ink';
import {useCallback, useEffect, useRef, useState} from 'react';
import {text} from '../text/index.js';
import type {WizardEvent} from '../wizard/types.js';
import {Footer} from './components/footer.js';
import {Header} from './components/header.js';
import {HelpOverlay} from './components/help-overlay.js';
import type {UiEffects} from './effects.js';
import {useWizard, type WizardActor, type WizardSnapshot} from './hooks/use-wizard.js';
import {BusyScreen} from './screens/busy-screen.js';
import {ConfirmScreen} from './screens/confirm-screen.js';
import {ConnectScreen} from './screens/connect-screen.js';
import {ErrorScreen} from './screens/error-screen.js';
import {IdentityScreen, identityName} from './screens/identity-screen.js';
import {LifetimeScreen} from './screens/lifetime-screen.js';
import {ManageScreen} from './screens/manage-screen.js';
import {MenuScreen} from './screens/menu-screen.js';
import {PasteScreen} from './screens/paste-screen.js';
import {RenameScreen} from './screens/rename-screen.js';
import {ScopesScreen} from './screens/scopes-screen.js';
import {TokenScreen} from './screens/token-screen.js';
import {TourScreen} from './screens/tour-screen.js';


function matchesAny(snapshot: WizardSnapshot, states: readonly string[]): boolean {
	return states.some(state => snapshot.matches(state as never));
}

/** The keys that work here, for the footer. */
function footerKeys(snapshot: WizardSnapshot, typing: boolean): string[] {
	const {keys} = text.wizard;
	if (typing) {
		return [keys.submit, keys.back];
	}

	// Only where Esc does something: the menu, the last tour steps and some manage steps have no way back.
	const canGoBack = snapshot.can({type: 'BACK'});
	if (snapshot.hasTag('busy')) {
		return canGoBack ? [keys.cancel, keys.quit] : [keys.quit];
	}

	if (snapshot.hasTag('failed')) {
		return [keys.retry, keys.back, keys.quit, keys.help];
	}

	const plainTourStep =
		snapshot.matches('tour') &&
		!matchesAny(snapshot, ['tour.choosingScopes', 'tour.choosingLifetime', 'tour.viewingToken']);
	const list: string[] = plainTourStep ? [keys.submit] : [keys.move, keys.choose];
	if (matchesAny(snapshot, ['tour.choosingScopes', 'manage.choosingScopes'])) {
		list.splice(1, 1, keys.toggle, keys.submit);
	}

	if (matchesAny(snapshot, ['tour.viewingToken', 'manage.viewingToken'])) {
		list.splice(0, 2, keys.submit, keys.reveal, keys.copy, keys.file, keys.dotenv);
	}

	if (snapshot.matches('tour')) {
		list.push(keys.code);
	}

	if (canGoBack) {
		list.push(keys.back);
	}

	list.push(keys.presenter, keys.help, keys.quit);
	return list;
}

export function App({actor, effects}: {readonly actor: WizardActor; readonly effects: UiEffects}) {
	const snapshot = useWizard(actor);
	// A terminal's stream, which has a size (Ink types it as any writable).
	const stdout = useStdout().stdout as NodeJS.WriteStream;
	const [size, setSize] = useState({columns: stdout.columns || 80, rows: stdout.rows || 24});
	const [help, setHelpState] = useState(false);
	const [askQuit, setAskQuitState] = useState(false);
	const [tokenTyping, setTokenTyping] = useState(false);
	// Ink swaps in a changed input handler only after the frame is on screen (a passive effect),
	// so a key pressed right after a frame can reach the handler of the frame before: "n" at the
	// quit question was lost, or "y" did not quit. The handler reads this, set with the state.
	const latest = useRef({help: false, askQuit: false, tokenTyping: false});
	const setHelp = useCallback((value: boolean) => {
		latest.current.help = value;
		setHelpState(value);
	}, []);
	const setAskQuit = useCallback((value: boolean) => {
		latest.current.askQuit = value;
		setAskQuitState(value);
	}, []);
	const send = useCallback((event: WizardEvent) => actor.send(event), [actor]);
	const onTyping = useCallback((typing: boolean) => {
		latest.current.tokenTyping = typing;
		setTokenTyping(typing);
	}, []);

	useEffect(() => {
		const onResize = () => setSize({columns: stdout.columns || 80, rows: stdout.rows || 24});
		stdout.on('resize', onResize);
		return () => {
			stdout.off('resize', onResize);
		};
	}, [stdout]);

	// The machine says where the keyboard types text (single-letter shortcuts must not fire there).
	const typing = tokenTyping || snapshot.hasTag('typing');
	const active = !help && !askQuit;

	// Global keys. Ink's own Esc handling only clears focus, and the app uses no focusable
	// components, so Esc is ours: back, or cancel the request in flight.
	useInput((input, key) => {
		const state = latest.current;
		const current = actor.getSnapshot();
		if (state.askQuit) {
			setAskQuit(false);
			if (input === 'y') {
				effects.quit();
			}

			return;
		}

		if (state.help) {
			setHelp(false);
			return;
		}

		if (key.escape) {
			if (!state.tokenTyping) {
				send({type: 'BACK'});
			}

			return;
		}

		if (state.tokenTyping || current.hasTag('typing')) {
			return;
		}

		if (input === '?') {
			setHelp(true);
		} else if (input === 'q') {
			if (current.hasTag('busy')) {
				setAskQuit(true);
			} else {
				effects.quit();
			}
		} else if (input === 'p') {
			send({type: 'TOGGLE_PRESENTER'});
		} else if (input === 't' && current.matches('tour')) {
			send({type: 'TOGGLE_CODE_LANGUAGE'});
		} else if (input === 'v') {
			send({type: 'TOGGLE_REVEAL'});
		} else if (input === 'r' && current.hasTag('failed')) {
			send({type: 'RETRY'});
		}
	});

	const context = snapshot.context;
	const compact = size.rows < 32;
	let screen: React.ReactNode;
	if (help) {
		screen = <HelpOverlay />;
	} else if (snapshot.matches('choosingConnection')) {
		screen = <ConnectScreen choices={context.choices} send={send} active={active} />;
	} else if (snapshot.matches('pastingConnectionString')) {
		screen = <PasteScreen send={send} active={active} />;
	} else if (snapshot.matches('connecting')) {
		screen = <BusyScreen label={text.wizard.connect.connecting} />;
	} else if (snapshot.matches('connectionFailed')) {
		screen = <ErrorScreen error={context.error} heading={text.wizard.connect.failed} />;
	} else if (snapshot.matches('menu')) {
		screen = <MenuScreen identityCount={context.identities.length} send={send} active={active} />;
	} else if (snapshot.matches('tour')) {
		screen = (
			<TourScreen snapshot={snapshot} send={send} effects={effects} active={active} compact={compact} onTyping={onTyping} />
		);
	} else {
		screen = <ManageView snapshot={snapshot} send={send} effects={effects} active={active} rows={size.rows} columns={size.columns} onTyping={onTyping} />;
	}

	return (
		// No fixed width: Ink lays the root out at the terminal's width as soon as it changes;
		// `size` catches up a render later, and a frame as wide as the old width would be
		// rewrapped by the terminal and left behind as garbage when it narrows.
		<Box flexDirection="column">
			<Header connection={context.connection} presenter={context.presenter} />
			<Box flexDirection="column" marginY={compact ? 0 : 1} flexGrow={1}>
				{screen}
			</Box>
			{context.emulatorNews ? <Text color="yellow">{context.emulatorNews}</Text> : undefined}
			{askQuit ? <Text color="yellow">{text.wizard.quitConfirm}</Text> : undefined}
			<Footer keys={footerKeys(snapshot, typing)} width={size.columns} />
		</Box>
	);
}

function ManageView(props: {
	readonly snapshot: WizardSnapshot;
	readonly send: (event: WizardEvent) => void;
	readonly effects: UiEffects;
	readonly active: boolean;
	readonly rows: number;
	readonly columns: number;
	readonly onTyping: (typing: boolean) => void;
}) {
	const {snapshot, send, active} = props;
	const context = snapshot.context;
	const is = (state: string) => snapshot.matches(state as never);
	const identity = context.identities.find(candidate => candidate.id === context.userId);
	const name = identityName(identity, context.userId ?? '', context.presenter);
	if (snapshot.hasTag('busy')) {
		return <BusyScreen cancellable={snapshot.can({type: 'BACK'})} label={is('manage.issuing') ? text.wizard.busy.issueToken : is('manage.revoking') ? text.wizard.busy.revoke : is('manage.deleting') ? text.wizard.busy.deleteUser : is('manage.savingLabel') ? text.wizard.busy.saving : text.wizard.busy.loading} />;
	}

	if (is('manage.loadFailed') || is('manage.failed')) {
		return <ErrorScreen error={context.error} />;
	}

	if (is('manage.list')) {
		return (
			<ManageScreen
				profile={context.connection?.profileName ?? ''}
				identities={context.identities}
				presenter={context.presenter}
				notice={context.notice}
				send={send}
				active={active}
				rows={props.rows}
				columns={props.columns}
			/>
		);
	}

	if (is('manage.choosingScopes')) {
		return <ScopesScreen selected={context.scopes} send={send} active={active} />;
	}

	if (is('manage.choosingLifetime')) {
		return <LifetimeScreen minutes={context.lifetimeMinutes} send={send} active={active} />;
	}

	if (is('manage.viewingToken') && context.token) {
		return (
			<TokenScreen
				token={context.token}
				status={context.tokenStatus}
				revealed={context.revealed}
				presenter={context.presenter}
				effects={props.effects}
				active={active}
				onTyping={props.onTyping}
				send={send}
			/>
		);
	}

	if (is('manage.renaming')) {
		return (
			<RenameScreen
				initial={context.error && context.pendingLabel !== undefined ? context.pendingLabel : (identity?.label ?? '')}
				error={context.error}
				send={send}
				active={active}
			/>
		);
	}

	if (is('manage.confirming') && context.action) {
		return <ConfirmScreen question={text.wizard.manage.confirm[context.action](name)} send={send} active={active} />;
	}

	return (
		<IdentityScreen
			id={context.userId ?? ''}
			identity={identity}
			presenter={context.presenter}
			notice={context.notice}
			send={send}
			active={active}
		/>
	);
}
