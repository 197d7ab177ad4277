import {assign, fromCallback, fromPromise, setup} from 'xstate';
import type {TokenScope} from '../identity/scopes.js';
import {defaultLifetimeMinutes} from '../identity/scopes.js';
import type {
	ConnectionChoice,
	ConnectionInfo,
	IdentitySummary,
	IssuedToken,
	TokenStatus,
	Traced,
	WizardContext,
	WizardError,
	WizardEvent,
	WizardInput,
} from './types.js';

/**
 * The wizard: connect, then the quickstart's guided tour or the manager of stored identities.
 * No Ink and no SDK here: every effect is a named actor or action that the app supplies with
 * `.provide()`, so the machine runs headless in tests with fakes.
 */

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

export const wizardMachine = setup({
	types: {
		context: {} as WizardContext,
		events: {} as WizardEvent,
		input: {} as WizardInput,
	},
	actors: {
		connect: fromPromise<Traced<{connection: ConnectionInfo; identities: readonly IdentitySummary[]}>, {choice: ConnectionChoice}>(
			notProvided('connect'),
		),
		loadIdentities: fromPromise<{identities: readonly IdentitySummary[]}, void>(notProvided('loadIdentities')),
		createUser: fromPromise<Traced<{id: string}>, void>(notProvided('createUser')),
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
		hasScopes: ({context}) => context.scopes.length > 0,
		canReveal: ({context}) => !context.presenter,
		onEmulator: ({context}) => context.connection?.isEmulator === true,
		hasUser: ({context}) => context.userId !== undefined,
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
	},
}).createMachine({
	id: 'wizard',
	context: ({input}) => ({
		choices: input.choices,
		autoConnect: input.autoConnect,
		pendingChoice: undefined,
		pendingLabel: undefined,
		connection: undefined,
		identities: [],
		userId: undefined,
		scopes: ['chat', 'voip'],
		lifetimeMinutes: defaultLifetimeMinutes,
		token: undefined,
		tokenStatus: undefined,
		revealed: false,
		presenter: input.presenter ?? false,
		codeLanguage: 'typescript',
		exchanges: [],
		error: undefined,
		action: undefined,
		notice: undefined,
	}),
	initial: 'start',
	on: {
		TOGGLE_PRESENTER: {actions: assign({presenter: ({context}) => !context.presenter, revealed: false})},
		TOGGLE_CODE_LANGUAGE: {
			actions: assign({codeLanguage: ({context}) => (context.codeLanguage === 'typescript' ? 'python' : 'typescript')}),
		},
		TOKEN_STATUS: {actions: assign({tokenStatus: ({event}) => event.status})},
		STORE_FAILED: {actions: assign({notice: ({event}) => event.message})},
	},
	states: {
		start: {
			always: [
				{guard: 'hasAutoConnect', target: 'connecting', actions: assign({pendingChoice: ({context}) => context.autoConnect})},
				{target: 'choosingConnection'},
			],
		},
		choosingConnection: {
			on: {
				CHOOSE_CONNECTION: {target: 'connecting', actions: assign({pendingChoice: ({event}) => event.choice})},
				PASTE_CONNECTION_STRING: 'pastingConnectionString',
			},
		},
		pastingConnectionString: {
			on: {
				CHOOSE_CONNECTION: {target: 'connecting', actions: assign({pendingChoice: ({event}) => event.choice})},
				BACK: 'choosingConnection',
			},
		},
		connecting: {
			tags: ['busy'],
			entry: 'clearError',
			invoke: {
				src: 'connect',
				input: ({context}) => ({choice: context.pendingChoice as ConnectionChoice}),
				onDone: {
					target: 'menu',
					actions: assign({
						connection: ({event}) => event.output.connection,
						identities: ({event}) => event.output.identities,
						exchanges: ({event}) => event.output.exchanges,
					}),
				},
				onError: {target: 'connectionFailed', actions: 'setError'},
			},
			on: {BACK: 'choosingConnection'},
		},
		connectionFailed: {
			on: {RETRY: 'connecting', BACK: 'choosingConnection'},
		},
		menu: {
			entry: ['clearError', 'forgetToken'],

			on: {START_TOUR: 'tour', MANAGE: 'manage', SWITCH_CONNECTION: 'choosingConnection'},
		},
		tour: {
			initial: 'connected',
			entry: assign({userId: undefined, exchanges: []}),
			states: {
				connected: {
					on: {SUBMIT: 'creatingUser', BACK: '#wizard.menu'},
				},
				creatingUser: {
					initial: 'ready',
					states: {
						ready: {on: {SUBMIT: 'running', BACK: '#wizard.tour.connected'}},
						running: {
							tags: ['busy'],
							entry: 'clearError',
							invoke: {
								src: 'createUser',
								onDone: {
									target: 'done',
									actions: [
										assign({
											userId: ({event}) => event.output.id,
											exchanges: ({event}) => event.output.exchanges,
											// The menu's "N stored" counts it at once; Manage reloads the store anyway.
											identities: ({context, event}) => [
												{id: event.output.id, createdAt: new Date().toISOString()},
												...context.identities,
											],
										}),
										'recordIdentity',
									],
								},
								onError: {target: 'failed', actions: 'setError'},
							},
							on: {BACK: 'ready'},
						},
						done: {on: {SUBMIT: '#wizard.tour.choosingScopes', BACK: '#wizard.tour.connected'}},
						failed: {on: {RETRY: 'running', BACK: 'ready'}},
					},
				},
				choosingScopes: {
					on: {
						TOGGLE_SCOPE: {actions: assign({scopes: ({context, event}) => toggle(context.scopes, event.scope)})},
						SUBMIT: {guard: 'hasScopes', target: 'choosingLifetime'},
						BACK: 'creatingUser.done',
					},
				},
				choosingLifetime: {
					on: {
						SET_LIFETIME: {actions: assign({lifetimeMinutes: ({event}) => event.minutes})},
						SUBMIT: 'issuingToken',
						BACK: 'choosingScopes',
					},
				},
				issuingToken: {
					initial: 'running',
					states: {
						running: {
							tags: ['busy'],
							entry: ['clearError', 'forgetToken'],
							invoke: {
								src: 'issueToken',
								input: ({context}) => issueInput(context),
								onDone: {
									target: '#wizard.tour.viewingToken',
									actions: [assign(tokenIssued), 'recordToken'],
								},
								onError: {target: 'failed', actions: 'setError'},
							},
							on: {BACK: '#wizard.tour.choosingLifetime'},
						},
						failed: {on: {RETRY: 'running', BACK: '#wizard.tour.choosingLifetime'}},
					},
				},
				viewingToken: {
					invoke: {src: 'watchToken', input: ({context}) => ({token: context.token?.token ?? ''})},
					on: {
						TOGGLE_REVEAL: {guard: 'canReveal', actions: assign({revealed: ({context}) => !context.revealed})},
						SUBMIT: 'revokingTokens',
						BACK: 'choosingLifetime',
					},
				},
				revokingTokens: {
					initial: 'ready',
					invoke: {src: 'watchToken', input: ({context}) => ({token: context.token?.token ?? ''})},
					states: {
						ready: {on: {SUBMIT: 'running', BACK: '#wizard.tour.viewingToken'}},
						running: {
							tags: ['busy'],
							entry: 'clearError',
							invoke: {
								src: 'revokeTokens',
								input: ({context}) => ({userId: context.userId as string}),
								onDone: {
									target: 'done',
									actions: [assign({exchanges: ({event}) => event.output.exchanges}), 'recordRevoke'],
								},
								onError: {target: 'failed', actions: 'setError'},
							},
							on: {BACK: 'ready'},
						},
						done: {on: {SUBMIT: '#wizard.tour.deletingUser', BACK: '#wizard.tour.viewingToken'}},
						failed: {on: {RETRY: 'running', BACK: 'ready'}},
					},
				},
				deletingUser: {
					initial: 'ready',
					invoke: {src: 'watchToken', input: ({context}) => ({token: context.token?.token ?? ''})},
					states: {
						ready: {on: {SUBMIT: 'running', BACK: '#wizard.tour.revokingTokens.done'}},
						running: {
							tags: ['busy'],
							entry: 'clearError',
							invoke: {
								src: 'deleteUser',
								input: ({context}) => ({userId: context.userId as string}),
								onDone: {
									target: 'done',
									actions: [assign({exchanges: ({event}) => event.output.exchanges}), 'recordDelete'],
								},
								onError: {target: 'failed', actions: 'setError'},
							},
							on: {BACK: 'ready'},
						},
						done: {on: {SUBMIT: '#wizard.tour.finished'}},
						failed: {on: {RETRY: 'running', BACK: 'ready'}},
					},
				},
				finished: {on: {SUBMIT: '#wizard.menu', BACK: '#wizard.menu'}},
			},
		},
		manage: {
			initial: 'loading',
			states: {
				loading: {
					tags: ['busy'],
					entry: 'clearError',
					invoke: {
						src: 'loadIdentities',
						onDone: {target: 'list', actions: assign({identities: ({event}) => event.output.identities})},
						onError: {target: 'loadFailed', actions: 'setError'},
					},
				},
				loadFailed: {on: {RETRY: 'loading', BACK: '#wizard.menu'}},
				list: {
					entry: 'forgetToken',
					on: {
						SELECT_IDENTITY: {target: 'identity', actions: assign({userId: ({event}) => event.id, notice: undefined})},
						BACK: '#wizard.menu',
					},
				},
				identity: {
					entry: 'clearError',
					on: {
						CHOOSE_ACTION: [
							{guard: ({event}) => event.action === 'issue', target: 'choosingScopes', actions: assign({action: 'issue'})},
							{guard: ({event}) => event.action === 'rename', target: 'renaming', actions: assign({action: 'rename'})},
							{target: 'confirming', actions: assign({action: ({event}) => event.action})},
						],
						BACK: {target: 'list', actions: assign({userId: undefined, notice: undefined})},
					},
				},
				choosingScopes: {
					on: {
						TOGGLE_SCOPE: {actions: assign({scopes: ({context, event}) => toggle(context.scopes, event.scope)})},
						SUBMIT: {guard: 'hasScopes', target: 'choosingLifetime'},
						BACK: 'identity',
					},
				},
				choosingLifetime: {
					on: {
						SET_LIFETIME: {actions: assign({lifetimeMinutes: ({event}) => event.minutes})},
						SUBMIT: 'issuing',
						BACK: 'choosingScopes',
					},
				},
				issuing: {
					tags: ['busy'],
					entry: ['clearError', 'forgetToken'],
					invoke: {
						src: 'issueToken',
						input: ({context}) => issueInput(context),
						onDone: {target: 'viewingToken', actions: [assign(tokenIssued), 'recordToken']},
						onError: {target: 'failed', actions: 'setError'},
					},
					on: {BACK: 'choosingLifetime'},
				},
				viewingToken: {
					invoke: {src: 'watchToken', input: ({context}) => ({token: context.token?.token ?? ''})},
					on: {
						TOGGLE_REVEAL: {guard: 'canReveal', actions: assign({revealed: ({context}) => !context.revealed})},
						SUBMIT: 'refreshing',
						BACK: 'refreshing',
					},
				},
				renaming: {
					on: {
						SUBMIT_LABEL: {target: 'savingLabel', actions: assign({pendingLabel: ({event}) => event.label})},
						// After a failed save the label is still in context: retry without typing it again.
						RETRY: {guard: ({context}) => context.error !== undefined && context.pendingLabel !== undefined, target: 'savingLabel'},
						BACK: 'identity',
					},
				},
				savingLabel: {
					tags: ['busy'],
					entry: 'clearError',
					invoke: {
						src: 'renameIdentity',
						input: ({context}) => ({userId: context.userId as string, label: context.pendingLabel ?? ''}),
						onDone: {target: 'identity', actions: assign({identities: ({event}) => event.output.identities})},
						onError: {target: 'renaming', actions: 'setError'},
					},
				},
				confirming: {
					on: {
						SUBMIT: [
							{guard: ({context}) => context.action === 'revoke', target: 'revoking'},
							{guard: ({context}) => context.action === 'delete', target: 'deleting'},
							{target: 'forgetting'},
						],
						BACK: 'identity',
					},
				},
				revoking: {
					tags: ['busy'],
					entry: 'clearError',
					invoke: {
						src: 'revokeTokens',
						input: ({context}) => ({userId: context.userId as string}),
						onDone: {target: 'refreshing', actions: [assign({exchanges: ({event}) => event.output.exchanges}), 'recordRevoke']},
						onError: {target: 'failed', actions: 'setError'},
					},
					on: {BACK: 'identity'},
				},
				deleting: {
					tags: ['busy'],
					entry: 'clearError',
					invoke: {
						src: 'deleteUser',
						input: ({context}) => ({userId: context.userId as string}),
						onDone: {target: 'refreshing', actions: [assign({exchanges: ({event}) => event.output.exchanges}), 'recordDelete']},
						onError: {target: 'failed', actions: 'setError'},
					},
					on: {BACK: 'identity'},
				},
				forgetting: {
					tags: ['busy'],
					entry: 'clearError',
					invoke: {
						src: 'forgetIdentity',
						input: ({context}) => ({userId: context.userId as string}),
						onDone: {
							target: 'list',
							actions: assign({identities: ({event}) => event.output.identities, userId: undefined}),
						},
						onError: {target: 'failed', actions: 'setError'},
					},
				},
				refreshing: {
					tags: ['busy'],
					entry: 'clearError',
					invoke: {
						src: 'loadIdentities',
						onDone: {target: 'identity', actions: assign({identities: ({event}) => event.output.identities})},
						// The action itself succeeded: RETRY must re-run the refresh, not issue, revoke or delete again.
						onError: {target: 'failed', actions: ['setError', assign({action: undefined})]},
					},
				},
				failed: {
					on: {
						RETRY: [
							{guard: ({context}) => context.action === 'issue', target: 'issuing'},
							{guard: ({context}) => context.action === 'revoke', target: 'revoking'},
							{guard: ({context}) => context.action === 'delete', target: 'deleting'},
							{guard: ({context}) => context.action === 'forget', target: 'forgetting'},
							{target: 'refreshing'},
						],
						BACK: 'identity',
					},
				},
			},
		},
	},
});

function toggle(scopes: readonly TokenScope[], scope: TokenScope): TokenScope[] {
	return scopes.includes(scope) ? scopes.filter(candidate => candidate !== scope) : [...scopes, scope];
}

function issueInput(context: WizardContext): IssueInput {
	return {userId: context.userId as string, scopes: context.scopes, lifetimeMinutes: context.lifetimeMinutes};
}

function tokenIssued({event}: {event: unknown}) {
	const {output} = event as {output: Traced<IssuedToken>};
	const {exchanges, ...token} = output;
	return {token, exchanges, tokenStatus: 'checking' as TokenStatus, revealed: false};
}

export type WizardMachine = typeof wizardMachine;
