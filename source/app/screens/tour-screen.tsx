import {Box, Text, useInput} from 'ink';
import type {Exchange} from '../../identity/trace.js';
import {text} from '../../text/index.js';
import type {SnippetStep} from '../../text/snippets.js';
import type {WizardContext, WizardEvent} from '../../wizard/types.js';
import {CodePanel} from '../components/code-panel.js';
import {HttpPanel} from '../components/http-panel.js';
import {StepIndicator} from '../components/step-indicator.js';
import type {UiEffects} from '../effects.js';
import type {WizardSnapshot} from '../hooks/use-wizard.js';
import {showId} from '../present.js';
import {BusyScreen} from './busy-screen.js';
import {ErrorScreen} from './error-screen.js';
import {LifetimeScreen} from './lifetime-screen.js';
import {ScopesScreen} from './scopes-screen.js';
import {TokenScreen, TokenStatusLine} from './token-screen.js';

/** The step (1–6) of the quickstart that a tour state belongs to. */
export function tourStep(snapshot: WizardSnapshot): number {
	const steps: [string, number][] = [
		['tour.connected', 1],
		['tour.creatingUser', 2],
		['tour.choosingScopes', 3],
		['tour.choosingLifetime', 3],
		['tour.issuingToken', 4],
		['tour.viewingToken', 4],
		['tour.revokingTokens', 5],
		['tour.deletingUser', 6],
		['tour.finished', 6],
	];
	const state = snapshot.value as {tour?: unknown};
	const path = typeof state.tour === 'string' ? state.tour : Object.keys(state.tour ?? {})[0];
	return steps.find(([name]) => name === `tour.${path}`)?.[1] ?? 1;
}

const snippetOfStep: Record<number, SnippetStep> = {
	1: 'connect',
	2: 'createUser',
	3: 'issueToken',
	4: 'issueToken',
	5: 'revokeTokens',
	6: 'deleteUser',
};

function Prompt({what}: {readonly what: string}) {
	return <Text color="cyan">{text.wizard.run(what)}</Text>;
}

/** Enter sends SUBMIT on the steps that are a sentence and a prompt. */
function useSubmitOnEnter(send: (event: WizardEvent) => void, active: boolean) {
	useInput(
		(_input, key) => {
			if (key.return) {
				send({type: 'SUBMIT'});
			}
		},
		{isActive: active},
	);
}

export function TourScreen(props: {
	readonly snapshot: WizardSnapshot;
	readonly send: (event: WizardEvent) => void;
	readonly effects: UiEffects;
	readonly active: boolean;
	readonly compact: boolean;
	readonly onTyping: (typing: boolean) => void;
}) {
	const {snapshot, send, active} = props;
	const context: WizardContext = snapshot.context;
	const step = tourStep(snapshot);
	const is = (state: string) => snapshot.matches(state as never);
	const explain = text.wizard.explain;
	const userId = context.userId ? showId(context.userId, context.presenter) : '';
	const plainStep =
		is('tour.connected') ||
		is('tour.creatingUser.ready') ||
		is('tour.creatingUser.done') ||
		is('tour.revokingTokens.ready') ||
		is('tour.revokingTokens.done') ||
		is('tour.deletingUser.ready') ||
		is('tour.deletingUser.done') ||
		is('tour.finished');
	useSubmitOnEnter(send, active && plainStep);

	let body: React.ReactNode;
	if (snapshot.hasTag('busy')) {
		const label = is('tour.creatingUser')
			? text.wizard.busy.createUser
			: is('tour.issuingToken')
				? text.wizard.busy.issueToken
				: is('tour.revokingTokens')
					? text.wizard.busy.revoke
					: text.wizard.busy.deleteUser;
		body = <BusyScreen label={label} />;
	} else if (is('tour.creatingUser.failed') || is('tour.issuingToken.failed') || is('tour.revokingTokens.failed') || is('tour.deletingUser.failed')) {
		body = <ErrorScreen error={context.error} />;
	} else if (is('tour.connected')) {
		body = (
			<>
				<Text wrap="wrap">{explain.connect(context.connection?.endpoint ?? '')}</Text>
				<Prompt what={text.wizard.actions.next} />
			</>
		);
	} else if (is('tour.creatingUser.ready')) {
		body = (
			<>
				<Text wrap="wrap">{explain.createUser}</Text>
				<Prompt what={text.wizard.actions.createUser} />
			</>
		);
	} else if (is('tour.creatingUser.done')) {
		body = (
			<>
				<Text wrap="wrap">{explain.createUserDone(userId)}</Text>
				<Text wrap="wrap">{explain.createUserNext}</Text>
				<Prompt what={text.wizard.actions.next} />
			</>
		);
	} else if (is('tour.choosingScopes')) {
		body = (
			<>
				<Text wrap="wrap">{explain.scopes}</Text>
				<ScopesScreen selected={context.scopes} send={send} active={active} />
			</>
		);
	} else if (is('tour.choosingLifetime')) {
		body = (
			<>
				<Text wrap="wrap">{explain.lifetime}</Text>
				<LifetimeScreen minutes={context.lifetimeMinutes} send={send} active={active} />
			</>
		);
	} else if (is('tour.viewingToken') && context.token) {
		body = (
			<>
				<Text wrap="wrap">{explain.token}</Text>
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
			</>
		);
	} else if (is('tour.revokingTokens')) {
		body = (
			<>
				<Text wrap="wrap">{is('tour.revokingTokens.done') ? explain.revokeDone : explain.revoke}</Text>
				<TokenStatusLine status={context.tokenStatus} />
				<Prompt what={is('tour.revokingTokens.done') ? text.wizard.actions.next : text.wizard.actions.revoke} />
			</>
		);
	} else if (is('tour.deletingUser')) {
		body = (
			<>
				<Text wrap="wrap">{is('tour.deletingUser.done') ? explain.deleteDone : explain.deleteUser}</Text>
				<TokenStatusLine status={context.tokenStatus} />
				<Prompt what={is('tour.deletingUser.done') ? text.wizard.actions.next : text.wizard.actions.deleteUser} />
			</>
		);
	} else {
		body = <Text wrap="wrap">{explain.finished}</Text>;
	}

	const showsExchange =
		is('tour.creatingUser.done') ||
		is('tour.viewingToken') ||
		is('tour.revokingTokens.done') ||
		is('tour.deletingUser.done') ||
		is('tour.finished') ||
		context.error !== undefined;
	const exchanges: readonly Exchange[] = showsExchange ? context.exchanges : [];
	// A revealed token takes ten lines or more: on a short terminal it gets the panels' room.
	const panels = !(props.compact && context.revealed && is('tour.viewingToken'));
	return (
		<Box flexDirection="column">
			<StepIndicator step={step} />
			<Box flexDirection="column" marginY={props.compact ? 0 : 1}>
				{body}
			</Box>
			{panels ? (
				<>
					<CodePanel
						step={snippetOfStep[step] ?? 'connect'}
						language={context.codeLanguage}
						scopes={context.scopes}
						minutes={context.lifetimeMinutes}
					/>
					{step === 1 ? undefined : <HttpPanel exchanges={exchanges} compact={props.compact || context.presenter} />}
				</>
			) : undefined}
		</Box>
	);
}
