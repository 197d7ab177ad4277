import {assign, fromCallback, fromPromise, setup} from 'xstate';
import {maximumLifetimeMinutes, minimumLifetimeMinutes, type TokenScope} from '../protocol/scopes.js';
import type {
	ConnectionChoice,
	ConnectionInfo,
	IdentitySummary,
	IssuedToken,
	ManageAction,
	ScreenMeta,
	TokenStatus,
	Traced,
	WizardContext,
	WizardError,
	WizardEvent,
	WizardInput,
	WizardTag,
} from './types.js';

const notProvided = (name: string) => () => {
	throw new Error(`The wizard's "${name}" implementation was not provided.`);
};

export type IssueInput = {readonly userId: string; readonly scopes: readonly TokenScope[]; readonly lifetimeMinutes: number};

function toWizardError(error: unknown): WizardError {
	const {message, kind} = (error ?? {}) as {message?: unknown; kind?: unknown};
	return {
		message: typeof message === 'string' ? message : String(error),
		kind: typeof kind === 'string' ? kind : 'unexpected',
	};
}

/**
 * The wizard's named effects, guards and shared actions. Every actor and store action is a
 * placeholder here: the app supplies them with `.provide()`, tests with fakes. The states use
 * it through `createStateConfig` (tour-states.ts, manage-states.ts) and wizard-machine.ts.
 */
export const wizardSetup = setup({
	types: {
		context: {} as WizardContext,
		events: {} as WizardEvent,
		input: {} as WizardInput,
		tags: {} as WizardTag,
		meta: {} as ScreenMeta,
	},
	actors: {
		connect: fromPromise<Traced<{connection: ConnectionInfo; identities: readonly IdentitySummary[]}>, {choice: ConnectionChoice}>(
			notProvided('connect'),
		),
		loadIdentities: fromPromise<{identities: readonly IdentitySummary[]}, void>(notProvided('loadIdentities')),
		/** Creates the identity; a label is checked (valid, free) before anything is sent. */
		createUser: fromPromise<Traced<{id: string}>, {label: string | undefined}>(notProvided('createUser')),
		issueToken: fromPromise<Traced<IssuedToken>, IssueInput>(notProvided('issueToken')),
		revokeTokens: fromPromise<Traced<{at: string}>, {userId: string}>(notProvided('revokeTokens')),
		deleteUser: fromPromise<Traced<{at: string}>, {userId: string}>(notProvided('deleteUser')),
		renameIdentity: fromPromise<{identities: readonly IdentitySummary[]}, {userId: string; label: string}>(
			notProvided('renameIdentity'),
		),
		forgetIdentity: fromPromise<{identities: readonly IdentitySummary[]}, {userId: string}>(notProvided('forgetIdentity')),
		/** Sends TOKEN_STATUS while the token is on screen (the emulator's verify extension). */
		watchToken: fromCallback<WizardEvent, {token: string}>(() => () => {}),
	},
	guards: {
		hasAutoConnect: ({context}) => context.autoConnect !== undefined,
		/** A saved profile that keeps no key: its key is asked for first. */
		choiceNeedsKey: ({event}) => event.type === 'CHOOSE_CONNECTION' && event.choice.kind === 'profile' && event.choice.key?.kind === 'none',
		hasScopes: ({context}) => context.scopes.length > 0,
		/** Whole minutes the service accepts (60–1440): anything else leaves the lifetime as it was. */
		validLifetime: ({event}) =>
			event.type === 'SET_LIFETIME' &&
			Number.isInteger(event.minutes) &&
			event.minutes >= minimumLifetimeMinutes &&
			event.minutes <= maximumLifetimeMinutes,
		canReveal: ({context}) => !context.presenter,
		/** Presenter mode turned on by p can be turned off by p; one the session started in cannot. */
		presenterNotHeld: ({context}) => !context.presenterHeld,
		onEmulator: ({context}) => context.connection?.isEmulator === true,
		hasUser: ({context}) => context.userId !== undefined,
		/** Issue, revoke or delete chosen on an identity already deleted on the service: refused. */
		deletedChoseServiceAction: ({context, event}) =>
			event.type === 'CHOOSE_ACTION' &&
			['issue', 'revoke', 'delete'].includes(event.action) &&
			context.identities.find(identity => identity.id === context.userId)?.deletedAt !== undefined,
		/** The action chosen in the identity's menu is this one. */
		chose: ({event}, params: {action: ManageAction}) => event.type === 'CHOOSE_ACTION' && event.action === params.action,
		/** The action under way (confirmed, or failed and retried) is this one. */
		actionIs: ({context}, params: {action: ManageAction}) => context.action === params.action,
		/** A label save failed, and the label is kept to try again. */
		canRetryLabel: ({context}) => context.error !== undefined && context.pendingLabel !== undefined,
	},
	actions: {
		/** Store writes: supplied by the app; no-ops in a headless machine. */
		recordIdentity: () => {},
		recordToken: () => {},
		recordRevoke: () => {},
		recordDelete: () => {},
		setError: assign({
			error: ({event}) => toWizardError((event as {error?: unknown}).error),
			// A failed call still shows its HTTP exchange: a 401 teaches as much as a 201.
			exchanges: ({context, event}) => {
				const {exchanges} = ((event as {error?: unknown}).error ?? {}) as {exchanges?: unknown};
				return Array.isArray(exchanges) ? (exchanges as WizardContext['exchanges']) : context.exchanges;
			},
		}),
		clearError: assign({error: undefined, notice: undefined}),
		forgetToken: assign({token: undefined, tokenStatus: undefined, revealed: false}),
		toggleScope: assign({scopes: ({context, event}) => (event.type === 'TOGGLE_SCOPE' ? toggle(context.scopes, event.scope) : context.scopes)}),
		setLifetime: assign({lifetimeMinutes: ({context, event}) => (event.type === 'SET_LIFETIME' ? event.minutes : context.lifetimeMinutes)}),
		toggleReveal: assign({revealed: ({context}) => !context.revealed}),
	},
});

/** Keeps the token on screen checked (valid / revoked / …) while a state that shows it lasts. */
export const watchToken = {src: 'watchToken', input: ({context}: {context: WizardContext}) => ({token: context.token?.token ?? ''})} as const;

function toggle(scopes: readonly TokenScope[], scope: TokenScope): TokenScope[] {
	return scopes.includes(scope) ? scopes.filter(candidate => candidate !== scope) : [...scopes, scope];
}

export function issueInput(context: WizardContext): IssueInput {
	return {userId: context.userId as string, scopes: context.scopes, lifetimeMinutes: context.lifetimeMinutes};
}

/** The label typed for a new identity: the empty one is none. */
export function newLabel(context: WizardContext): {label: string | undefined} {
	return {label: context.pendingLabel === '' ? undefined : context.pendingLabel};
}

/** The context after an identity was created: it is the one in hand, and counted at once. */
export function identityCreated({context, event}: {context: WizardContext; event: unknown}) {
	const {output} = event as {output: Traced<{id: string}>};
	const {label} = newLabel(context);
	return {
		userId: output.id,
		exchanges: output.exchanges,
		identities: [{id: output.id, createdAt: new Date().toISOString(), ...(label ? {label} : {})}, ...context.identities],
	};
}

export function tokenIssued({event}: {event: unknown}) {
	const {output} = event as {output: Traced<IssuedToken>};
	const {exchanges, ...token} = output;
	return {token, exchanges, tokenStatus: 'checking' as TokenStatus, revealed: false};
}
