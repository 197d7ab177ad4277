import {assign, fromCallback, fromPromise, setup} from 'xstate';
import {UserError} from '../errors/user-error.js';
import {isGuid} from '../protocol/identifiers.js';
import {isTokenScope, maximumLifetimeMinutes, minimumLifetimeMinutes, type TokenScope, tokenScopes} from '../protocol/scopes.js';
import {isLoopbackHost} from '../protocol/connection-string.js';
import type {
	AccessAssignment,
	ConnectionChoice,
	ConnectionInfo,
	EntraKind,
	EntraUser,
	IdentitySummary,
	IssuedToken,
	ManageAction,
	OpenField,
	RevokeAndReissue,
	ScreenMeta,
	TeamsUser,
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

/** What the tour's revoke step needs: the identity, the token to revoke, and the scopes and lifetime of the new one. */
export type ReissueInput = IssueInput & {readonly revokedToken: string};

export type WatchInput = {readonly token: string; readonly of?: 'fresh'};

function toWizardError(error: unknown): WizardError {
	// A UserError's kind is its own; anything else that reaches a step is a bug, said in its message.
	const status = error instanceof UserError ? error.details.statusCode : undefined;
	return {
		message: error instanceof UserError ? error.inWizard : error instanceof Error ? error.message : String(error),
		kind: error instanceof UserError ? error.kind : 'bug',
		...(typeof status === 'number' ? {status} : {}),
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
		revokeAndReissue: fromPromise<Traced<RevokeAndReissue>, ReissueInput>(notProvided('revokeAndReissue')),
		deleteUser: fromPromise<Traced<{at: string}>, {userId: string}>(notProvided('deleteUser')),
		renameIdentity: fromPromise<{identities: readonly IdentitySummary[]}, {userId: string; label: string}>(
			notProvided('renameIdentity'),
		),
		forgetIdentity: fromPromise<{identities: readonly IdentitySummary[]}, {userId: string}>(notProvided('forgetIdentity')),
		/** A Teams user's sign-in: sends TEAMS_DEVICE_CODE, then TEAMS_SIGNED_IN or TEAMS_SIGN_IN_FAILED; stopped, it cancels. */
		signInTeams: fromCallback<WizardEvent, {appId: string}>(() => () => {}),
		/** The Custom Teams Endpoint exchange: the Teams user's Entra ID token (a simulated one made locally) for an ACS token. */
		exchangeTeamsToken: fromPromise<Traced<IssuedToken & {userId: string}>, {appId: string; user: TeamsUser}>(notProvided('exchangeTeamsToken')),
		/** The assignments of the kind: listed (Entra ID users); Teams Extension has no list, so those `known` are checked again. */
		loadAssignments: fromPromise<Traced<{assignments: readonly AccessAssignment[]}>, {kind: EntraKind; known: readonly AccessAssignment[]}>(
			notProvided('loadAssignments'),
		),
		assign: fromPromise<Traced<{assignment: AccessAssignment}>, {kind: EntraKind; assignment: AccessAssignment}>(notProvided('assign')),
		/** A Teams Extension assignment, by tenant and object id. */
		lookUpAssignment: fromPromise<Traced<{assignment: AccessAssignment}>, {tenantId: string; objectId: string}>(notProvided('lookUpAssignment')),
		unassign: fromPromise<Traced<{at: string}>, {kind: EntraKind; assignment: AccessAssignment}>(notProvided('unassign')),
		/** The client app exchange (AzureCommunicationTokenCredential): an Entra ID token (a simulated user's, made locally) for an ACS token. */
		exchangeEntraToken: fromPromise<Traced<IssuedToken & {identity: string | undefined}>, {kind: EntraKind; user: EntraUser}>(
			notProvided('exchangeEntraToken'),
		),
		/** Sends TOKEN_STATUS while the token is on screen (the emulator's verify extension). */
		watchToken: fromCallback<WizardEvent, WatchInput>(() => () => {}),
	},
	guards: {
		hasAutoConnect: ({context}) => context.autoConnect !== undefined,
		/** Manage's list was filtered when the identity in hand was opened from it. */
		hasListFilter: ({context}) => context.listFilter !== undefined,
		/** A field this view has. */
		fieldOf: ({event}, params: {fields: readonly OpenField[]}) => event.type === 'OPEN_FIELD' && params.fields.includes(event.field),
		/** A status of the token issued right after a revoke (`of: 'fresh'`), kept apart from the revoked one's. */
		aboutFreshToken: ({event}) => event.type === 'TOKEN_STATUS' && event.of === 'fresh',
		/** An app (client) id is a GUID: anything else stays on the screen that asks for it. */
		validAppId: ({event}) => event.type === 'SUBMIT_APP_ID' && isGuid(event.appId),
		/** On the emulator, the simulated Teams user was chosen (no sign-in). */
		choseSimulatedTeamsUser: ({event}) => event.type === 'CHOOSE_TEAMS_METHOD' && event.method === 'simulated',
		/** A valid app id, on the emulator (which offers a simulated Teams user) or not. */
		validAppIdOn: ({context, event}, params: {emulator: boolean}) =>
			event.type === 'SUBMIT_APP_ID' && isGuid(event.appId) && (context.connection?.isEmulator === true) === params.emulator,
		/** The Teams flow's user is known (signed in, or simulated): a retry exchanges again without signing in again. */
		hasTeamsUser: ({context}) => context.teamsUser !== undefined,
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
		/** The chosen identity's last token was kept by the store (settings --store-tokens on). */
		hasStoredToken: ({context}) => storedTokenOf(context) !== undefined,
		/** The token view shows the claims: Esc goes back to the token, not out of the view. */
		claimsShown: ({context}) => context.claimsShown,
		/** Presenter mode turned on by p can be turned off by p; one the session started in cannot. */
		presenterNotHeld: ({context}) => !context.presenterHeld,
		onEmulator: ({context}) => context.connection?.isEmulator === true,
		/** The local emulator, with a key or keyless: the one that takes a simulated user's token. */
		onLocalEmulator: ({context}) => isLocal(context),
		/** Plain http:// (the wizard's embedded emulator): no Entra ID token is sent over it. */
		plainHttp: ({context}) => context.connection?.endpoint.startsWith('http:') === true,
		choseSimulatedEntraUser: ({event}) => event.type === 'CHOOSE_ENTRA_METHOD' && event.method === 'simulated',
		entraKindIs: ({context}, params: {kind: EntraKind}) => context.entraKind === params.kind,
		entraActionIs: ({context}, params: {action: NonNullable<WizardContext['entraAction']>}) => context.entraAction === params.action,
		/** The exchange was refused with 403: nobody assigned this user. */
		notAssigned: ({context}) => context.error?.status === 403,
		/** Signed in with Microsoft Entra ID rather than an access key. */
		keyless: ({context}) => context.connection?.keyless === true,
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
		// The signing panel takes the step's place on a short terminal: a field opened closes it,
		// so that what is typed, and what the step then says (saved, refused), is seen. s shows it again.
		openField: assign({openField: ({event}) => (event.type === 'OPEN_FIELD' ? event.field : undefined), signingShown: false}),
		/** The same for a step that is all field (a label typed). */
		hideSigning: assign({signingShown: false}),
		closeField: assign({openField: undefined}),
		/** Back to Manage's list from an identity: it comes back highlighted. */
		backToList: assign({listedId: ({context}) => context.userId, userId: undefined, notice: undefined}),
		/** Back to Manage's list with the filter the identity was opened from, open again. */
		reopenFilter: assign({openField: 'filter' as const}),
		/** Store writes: supplied by the app; no-ops in a headless machine. */
		recordIdentity: () => {},
		recordToken: () => {},
		recordRevoke: () => {},
		/** The token issued right after the tour's revoke. */
		recordFreshToken: () => {},
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
		forgetToken: assign({token: undefined, tokenStatus: undefined, freshToken: undefined, freshTokenStatus: undefined, revealed: false, claimsShown: false}),
		/** The chosen identity's stored token on screen, checked live as an issued one is. */
		openStoredToken: assign(({context}) => ({token: storedTokenOf(context), tokenStatus: 'checking' as TokenStatus, revealed: false, claimsShown: false})),
		/** The assignment being assigned or removed: none once the screen goes back to the list. */
		forgetAssignment: assign({pendingAssignment: undefined}),
		toggleClaims: assign({claimsShown: ({context}) => !context.claimsShown}),
		hideClaims: assign({claimsShown: false}),
		toggleScope: assign({scopes: ({context, event}) => (event.type === 'TOGGLE_SCOPE' ? toggle(context.scopes, event.scope) : context.scopes)}),
		setLifetime: assign({lifetimeMinutes: ({context, event}) => (event.type === 'SET_LIFETIME' ? event.minutes : context.lifetimeMinutes)}),
		toggleReveal: assign({revealed: ({context}) => !context.revealed}),
	},
});

/** What every state that shows the token takes: its claims on i, and Esc from them back to the token. */
export const claimsToggle = {
	TOGGLE_CLAIMS: {actions: 'toggleClaims'},
} as const;

/** Keeps the token on screen checked (valid / revoked / …) while a state that shows it lasts. */
export const watchToken = {src: 'watchToken', input: ({context}: {context: WizardContext}): WatchInput => ({token: context.token?.token ?? ''})} as const;

/**
 * The token view, wherever a flow ends in a token (the tour, the manager, the Teams and client
 * app exchanges): checked live, revealable, its claims a key away; Esc closes the claims first.
 */
/**
 * A view in which a field opens (the token's file or .env name, the identities' filter, a custom
 * lifetime). While one is open the view is in its `field` state, tagged `typing`: letters are
 * typed, not shortcuts; Esc (BACK) closes the field instead of leaving the view, and Enter
 * (SUBMIT) is the field's. The screen shows the field that `openField` names.
 */
export function withFields<const View extends object>(view: View, fields: readonly OpenField[]) {
	return {
		...view,
		initial: 'viewing',
		states: {
			viewing: {on: {OPEN_FIELD: {guard: {type: 'fieldOf', params: {fields}}, target: 'field', actions: 'openField'}}},
			field: {
				tags: ['typing'],
				exit: 'closeField',
				on: {CLOSE_FIELD: 'viewing', BACK: 'viewing', SUBMIT: {actions: []}},
			},
		},
	} as const;
}

export function tokenViewState(options: {readonly meta: ScreenMeta; readonly submit: string; readonly back: string}) {
	return withFields({
		meta: options.meta,
		entry: 'hideClaims',
		invoke: watchToken,
		on: {
			...claimsToggle,
			TOGGLE_REVEAL: {guard: 'canReveal', actions: 'toggleReveal'},
			SUBMIT: options.submit,
			BACK: [{guard: 'claimsShown', actions: 'toggleClaims'}, {target: options.back}],
		},
	} as const, ['file', 'dotenv']);
}

/** The same for the token issued after the tour's revoke, shown beside the revoked one. */
export const watchFreshToken = {
	src: 'watchToken',
	input: ({context}: {context: WizardContext}): WatchInput => ({token: context.freshToken?.token ?? '', of: 'fresh'}),
} as const;

/** The token the store kept for the identity chosen in Manage, as the token view shows one. */
export function storedTokenOf(context: WizardContext): IssuedToken | undefined {
	const last = context.identities.find(identity => identity.id === context.userId)?.lastToken;
	if (last?.token === undefined || last.token === '') {
		return undefined;
	}

	return {token: last.token, expiresOn: last.expiresOn, issuedAt: last.issuedAt, scopes: last.scopes.filter(isTokenScope)};
}

/** The local emulator: the embedded one, or a loopback endpoint (`acs-tokens emulator --allow-entra`, keyless). */
export function isLocal(context: WizardContext): boolean {
	const {connection} = context;
	return connection !== undefined && (connection.isEmulator || isLoopbackHost(new URL(connection.endpoint).hostname));
}

/** The scopes with one turned on or off, always in the list's order: the code shown and the request match the screen. */
function toggle(scopes: readonly TokenScope[], scope: TokenScope): TokenScope[] {
	return tokenScopes.filter(candidate => (candidate === scope ? !scopes.includes(candidate) : scopes.includes(candidate)));
}

export function issueInput(context: WizardContext): IssueInput {
	return {userId: context.userId as string, scopes: context.scopes, lifetimeMinutes: context.lifetimeMinutes};
}

export function reissueInput(context: WizardContext): ReissueInput {
	return {...issueInput(context), revokedToken: context.token?.token ?? ''};
}

/** The revoke step's result: the new token, and both tokens' statuses as first checked. */
export function revokedAndReissued({context, event}: {context: WizardContext; event: unknown}) {
	const {output} = event as {output: Traced<RevokeAndReissue>};
	return {
		exchanges: output.exchanges,
		freshToken: output.fresh,
		tokenStatus: output.checked?.revoked ?? context.tokenStatus,
		freshTokenStatus: output.checked?.fresh ?? ('checking' as TokenStatus),
	};
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
