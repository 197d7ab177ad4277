import {assign} from 'xstate';
import {defaultLifetimeMinutes} from '../protocol/scopes.js';
import {entraStates} from './entra-states.js';
import {manageStates} from './manage-states.js';
import {teamsStates} from './teams-states.js';
import {tourStates} from './tour-states.js';
import type {ConnectionChoice} from './types.js';
import {wizardSetup} from './wizard-setup.js';

export type {IssueInput, ReissueInput, WatchInput} from './wizard-setup.js';

/**
 * The wizard: connect, then the quickstart's guided tour or the manager of stored identities.
 * No Ink and no SDK here: every effect is a named actor or action that the app supplies with
 * `.provide()`, so the machine runs headless in tests with fakes.
 */
export const wizardMachine = wizardSetup.createMachine({
	id: 'wizard',
	context: ({input}) => ({
		choices: input.choices,
		autoConnect: input.autoConnect,
		pendingChoice: undefined,
		pendingLabel: undefined,
		connection: undefined,
		signedIn: undefined,
		identities: [],
		userId: undefined,
		listedId: undefined,
		listFilter: undefined,
		scopes: ['chat', 'voip'],
		lifetimeMinutes: defaultLifetimeMinutes,
		token: undefined,
		tokenStatus: undefined,
		freshToken: undefined,
		freshTokenStatus: undefined,
		revealed: false,
		claimsShown: false,
		presenter: input.presenter ?? false,
		presenterHeld: input.presenter ?? false,
		codeLanguage: 'typescript',
		signingShown: false,
		exchanges: [],
		error: undefined,
		action: undefined,
		notice: undefined,
		emulatorNews: undefined,
		storeNews: undefined,
		teamsAppId: undefined,
		teamsDeviceCode: undefined,
		teamsUser: undefined,
		teamsUserId: undefined,
		entraKind: 'entra',
		assignments: [],
		pendingAssignment: undefined,
		entraAction: undefined,
		entraUser: undefined,
		entraIdentity: undefined,
		openField: undefined,
	}),
	initial: 'start',
	on: {
		TOGGLE_PRESENTER: {guard: 'presenterNotHeld', actions: assign({presenter: ({context}) => !context.presenter, revealed: false})},
		TOGGLE_CODE_LANGUAGE: {
			actions: assign({codeLanguage: ({context}) => (context.codeLanguage === 'typescript' ? 'python' : 'typescript')}),
		},
		TOGGLE_SIGNING: {actions: assign({signingShown: ({context}) => !context.signingShown})},
		TOKEN_STATUS: [
			{guard: 'aboutFreshToken', actions: assign({freshTokenStatus: ({event}) => event.status})},
			{actions: assign({tokenStatus: ({event}) => event.status})},
		],
		STORE_FAILED: {actions: assign({notice: ({event}) => event.message})},
		EMULATOR_EVENT: {actions: assign({emulatorNews: ({event}) => event.message})},
		// The first frame's saved profiles were read from the file before the store checked it:
		// once it is moved aside, they are gone, and the choices say so.
		STORE_WARNING: {actions: assign({storeNews: ({event}) => event.message, choices: ({event}) => event.choices})},
		SIGNED_IN: {guard: 'keyless', actions: assign({signedIn: ({event}) => event.signedIn})},
	},
	states: {
		start: {
			always: [
				{guard: 'hasAutoConnect', target: 'connecting', actions: assign({pendingChoice: ({context}) => context.autoConnect})},
				{target: 'choosingConnection'},
			],
		},
		choosingConnection: {
			meta: {view: 'connect'},
			on: {
				CHOOSE_CONNECTION: [
					// The paste screen then asks for that profile's key (pendingChoice says which).
					{guard: 'choiceNeedsKey', target: 'pastingConnectionString', actions: assign({pendingChoice: ({event}) => event.choice})},
					{target: 'connecting', actions: assign({pendingChoice: ({event}) => event.choice})},
				],
				PASTE_CONNECTION_STRING: {target: 'pastingConnectionString', actions: assign({pendingChoice: undefined})},
				SIGN_IN_WITH_ENTRA: {target: 'enteringEndpoint', actions: assign({pendingChoice: undefined})},
			},
		},
		// Keyless: the endpoint (pendingChoice keeps it for Esc from the tenant), then the tenant.
		enteringEndpoint: {
			tags: ['typing'],
			meta: {view: 'entraEndpoint'},
			on: {
				SUBMIT_ENDPOINT: {target: 'enteringTenant', actions: assign({pendingChoice: ({event}) => ({kind: 'entra', endpoint: event.endpoint})})},
				BACK: 'choosingConnection',
			},
		},
		enteringTenant: {
			tags: ['typing'],
			meta: {view: 'entraTenant'},
			on: {
				CHOOSE_CONNECTION: {target: 'connecting', actions: assign({pendingChoice: ({event}) => event.choice})},
				BACK: 'enteringEndpoint',
			},
		},
		pastingConnectionString: {
			tags: ['typing'],
			meta: {view: 'paste'},
			on: {
				CHOOSE_CONNECTION: {target: 'connecting', actions: assign({pendingChoice: ({event}) => event.choice})},
				BACK: 'choosingConnection',
			},
		},
		connecting: {
			tags: ['busy'],
			meta: {view: 'busy', busy: 'connecting'},
			entry: ['clearError', assign({signedIn: undefined})],
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
			tags: ['failed'],
			meta: {view: 'connectionFailed'},
			on: {RETRY: 'connecting', BACK: 'choosingConnection'},
		},
		menu: {
			meta: {view: 'menu'},
			entry: ['clearError', 'forgetToken'],

			on: {START_TOUR: 'tour', MANAGE: 'manage', TEAMS: 'teams', ENTRA: 'entra', SWITCH_CONNECTION: 'choosingConnection'},
		},
		tour: tourStates,
		manage: manageStates,
		teams: teamsStates,
		entra: entraStates,
	},
});

export type WizardMachine = typeof wizardMachine;
