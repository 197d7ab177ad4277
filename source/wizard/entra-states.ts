import {assign} from 'xstate';
import type {AccessAssignment, EntraUser, Traced, WizardContext} from './types.js';
import {tokenIssued, tokenViewState, wizardSetup} from './wizard-setup.js';

const meta = {flow: 'entra', snippet: 'entraToken'} as const;

const sameAssignment = (a: AccessAssignment, b: AccessAssignment) => a.objectId === b.objectId && a.tenantId === b.tenantId;

/** The assignments with this one in place of the one it replaces (or added first). */
function withAssignment(assignments: readonly AccessAssignment[], assignment: AccessAssignment): AccessAssignment[] {
	return [assignment, ...assignments.filter(other => !sameAssignment(other, assignment))];
}

/** An assignment the service answered with (made or looked up): in the list, its exchange shown. */
function savedAssignment({context, event}: {context: WizardContext; event: unknown}) {
	// The done event of `assign` or `lookUpAssignment`, as tokenIssued reads its own.
	const {output} = event as {output: Traced<{assignment: AccessAssignment}>};
	return {assignments: withAssignment(context.assignments, output.assignment), exchanges: output.exchanges, pendingAssignment: undefined};
}

const backToAssignments = {target: 'assignments', actions: 'forgetAssignment'} as const;

/**
 * "Entra ID user token (client app exchange)": a client app signs its user in with Entra ID and
 * trades that token for an ACS token (AzureCommunicationTokenCredential), no server of the
 * app's issuing tokens; an admin decides who may, with assignments. Entra ID users, or with
 * TOGGLE_ENTRA_KIND Teams Extension users (assignments per tenant, no list). On the emulator a
 * simulated user's token is made locally; elsewhere the user pastes one.
 */
export const entraStates = wizardSetup.createStateConfig({
	initial: 'intro',
	entry: assign({entraUser: undefined, entraIdentity: undefined, exchanges: []}),
	states: {
		intro: {
			meta: {...meta, view: 'entraIntro'},
			entry: ['clearError', 'forgetToken'],
			on: {
				ENTRA_EXCHANGE: [{guard: 'plainHttp'}, {guard: 'onLocalEmulator', target: 'method'}, {target: 'pasting'}],
				ENTRA_ASSIGNMENTS: 'loadingAssignments',
				TOGGLE_ENTRA_KIND: {
					actions: assign({entraKind: ({context}) => (context.entraKind === 'entra' ? 'teamsExtension' : 'entra'), assignments: []}),
				},
				BACK: '#wizard.menu',
			},
		},
		method: {
			meta: {...meta, view: 'entraMethod'},
			on: {
				CHOOSE_ENTRA_METHOD: [
					{guard: 'choseSimulatedEntraUser', target: 'exchanging', actions: assign({entraUser: {kind: 'simulated'} as EntraUser})},
					{target: 'pasting'},
				],
				BACK: 'intro',
			},
		},
		pasting: {
			tags: ['typing'],
			meta: {...meta, view: 'entraPaste'},
			on: {
				SUBMIT_ENTRA_TOKEN: {
					target: 'exchanging',
					actions: assign({entraUser: ({event}): EntraUser => ({kind: 'pasted', entraToken: event.entraToken})}),
				},
				BACK: 'intro',
			},
		},
		exchanging: {
			tags: ['busy'],
			meta: {...meta, view: 'busy', busy: 'entraExchange'},
			entry: ['clearError', 'forgetToken'],
			invoke: {
				src: 'exchangeEntraToken',
				input: ({context}) => ({kind: context.entraKind, user: context.entraUser as EntraUser}),
				onDone: {
					target: 'viewingToken',
					actions: assign(({event}) => {
						const {identity, ...issued} = event.output;
						return {...tokenIssued({event: {output: issued}}), entraIdentity: identity};
					}),
				},
				onError: {target: 'failed', actions: 'setError'},
			},
			on: {BACK: 'intro'},
		},
		viewingToken: tokenViewState({meta: {...meta, view: 'token', showsExchange: true}, submit: '#wizard.menu', back: 'intro'}),
		failed: {
			tags: ['failed'],
			meta: {...meta, view: 'entraFailed'},
			on: {
				RETRY: 'exchanging',
				// A 403 (nobody assigned this user): a goes to the assignments.
				ENTRA_ASSIGNMENTS: {guard: 'notAssigned', target: 'loadingAssignments'},
				BACK: 'intro',
			},
		},
		loadingAssignments: {
			tags: ['busy'],
			meta: {view: 'busy', busy: 'assignments'},
			entry: ['clearError', assign({entraAction: 'load'})],
			invoke: {
				src: 'loadAssignments',
				input: ({context}) => ({kind: context.entraKind, known: context.assignments}),
				onDone: {
					target: 'assignments',
					actions: assign({assignments: ({event}) => event.output.assignments, exchanges: ({event}) => event.output.exchanges}),
				},
				onError: {target: 'assignmentsFailed', actions: 'setError'},
			},
			on: {BACK: 'intro'},
		},
		assignments: {
			meta: {view: 'entraAssignments'},
			entry: 'clearError',
			on: {
				ASSIGN: 'assignForm',
				LOOK_UP: {guard: {type: 'entraKindIs', params: {kind: 'teamsExtension'}}, target: 'lookUpForm'},
				REMOVE_ASSIGNMENT: {target: 'confirmRemove', actions: assign({pendingAssignment: ({event}) => event.assignment})},
				ENTRA_EXCHANGE: [{guard: 'plainHttp'}, {guard: 'onLocalEmulator', target: 'method'}, {target: 'pasting'}],
				BACK: 'intro',
			},
		},
		assignForm: {
			tags: ['typing'],
			meta: {view: 'entraAssignForm'},
			on: {
				SUBMIT_ASSIGNMENT: {target: 'assigning', actions: assign({pendingAssignment: ({event}) => event.assignment})},
				BACK: backToAssignments,
			},
		},
		assigning: {
			tags: ['busy'],
			meta: {view: 'busy', busy: 'saving'},
			entry: ['clearError', assign({entraAction: 'assign'})],
			invoke: {
				src: 'assign',
				input: ({context}) => ({kind: context.entraKind, assignment: context.pendingAssignment as AccessAssignment}),
				onDone: {
					target: 'assignments',
					actions: assign(savedAssignment),
				},
				onError: {target: 'assignmentsFailed', actions: 'setError'},
			},
		},
		lookUpForm: {
			tags: ['typing'],
			meta: {view: 'entraLookUp'},
			on: {
				SUBMIT_LOOK_UP: {
					target: 'lookingUp',
					actions: assign({
						pendingAssignment: ({event}): AccessAssignment => ({tenantId: event.tenantId, objectId: event.objectId, principalType: 'user'}),
					}),
				},
				BACK: backToAssignments,
			},
		},
		lookingUp: {
			tags: ['busy'],
			meta: {view: 'busy', busy: 'loading'},
			entry: ['clearError', assign({entraAction: 'lookUp'})],
			invoke: {
				src: 'lookUpAssignment',
				input: ({context}) => ({tenantId: context.pendingAssignment?.tenantId ?? '', objectId: context.pendingAssignment?.objectId ?? ''}),
				onDone: {
					target: 'assignments',
					actions: assign(savedAssignment),
				},
				onError: {target: 'assignmentsFailed', actions: 'setError'},
			},
		},
		confirmRemove: {
			meta: {view: 'entraRemove'},
			on: {SUBMIT: 'removing', BACK: backToAssignments},
		},
		removing: {
			tags: ['busy'],
			meta: {view: 'busy', busy: 'saving'},
			entry: ['clearError', assign({entraAction: 'remove'})],
			invoke: {
				src: 'unassign',
				input: ({context}) => ({kind: context.entraKind, assignment: context.pendingAssignment as AccessAssignment}),
				onDone: {
					target: 'assignments',
					actions: assign({
						assignments: ({context}) =>
							context.assignments.filter(other => !context.pendingAssignment || !sameAssignment(other, context.pendingAssignment)),
						exchanges: ({event}) => event.output.exchanges,
						pendingAssignment: undefined,
					}),
				},
				onError: {target: 'assignmentsFailed', actions: 'setError'},
			},
		},
		assignmentsFailed: {
			tags: ['failed'],
			meta: {view: 'error'},
			on: {
				RETRY: [
					{guard: {type: 'entraActionIs', params: {action: 'assign'}}, target: 'assigning'},
					{guard: {type: 'entraActionIs', params: {action: 'lookUp'}}, target: 'lookingUp'},
					{guard: {type: 'entraActionIs', params: {action: 'remove'}}, target: 'removing'},
					{target: 'loadingAssignments'},
				],
				// A failed load has no list to go back to.
				BACK: [{guard: {type: 'entraActionIs', params: {action: 'load'}}, target: 'intro'}, backToAssignments],
			},
		},
	},
});

/** The ACS identity the exchange gave, as the token view names it. */
export function entraIdentityOf(context: WizardContext): {readonly identity: string; readonly simulated: boolean} | undefined {
	return context.entraIdentity === undefined ? undefined : {identity: context.entraIdentity, simulated: context.entraUser?.kind === 'simulated'};
}
