import {assign} from 'xstate';
import type {TeamsUser, WizardContext} from './types.js';
import {tokenIssued, tokenViewState, wizardSetup} from './wizard-setup.js';

const meta = {flow: 'teams', snippet: 'teamsToken'} as const;

/**
 * "Teams user token (Custom Teams Endpoint)": the app id, then a Teams user's Entra ID token (a
 * real sign-in with a device code, or on the emulator a simulated user made locally) exchanged
 * for an ACS token, shown in the token view with its HTTP exchange.
 */
export const teamsStates = wizardSetup.createStateConfig({
	initial: 'appId',
	entry: assign({teamsAppId: undefined, teamsDeviceCode: undefined, teamsUser: undefined, teamsUserId: undefined, exchanges: []}),
	states: {
		appId: {
			tags: ['typing'],
			meta: {...meta, view: 'teamsAppId'},
			entry: ['clearError', 'forgetToken', assign({teamsUser: undefined, teamsDeviceCode: undefined})],
			on: {
				SUBMIT_APP_ID: [
					{guard: {type: 'validAppIdOn', params: {emulator: true}}, target: 'method', actions: assign({teamsAppId: ({event}) => event.appId})},
					{guard: 'validAppId', target: 'signingIn', actions: assign({teamsAppId: ({event}) => event.appId})},
				],
				BACK: '#wizard.menu',
			},
		},
		method: {
			meta: {...meta, view: 'teamsMethod'},
			on: {
				CHOOSE_TEAMS_METHOD: [
					{guard: 'choseSimulatedTeamsUser', target: 'exchanging', actions: assign({teamsUser: {kind: 'simulated'} as TeamsUser})},
					{target: 'signingIn'},
				],
				BACK: 'appId',
			},
		},
		signingIn: {
			tags: ['busy'],
			// Its own view, not the busy one: the device code must be on screen while it waits.
			meta: {...meta, view: 'teamsSignIn', busy: 'teamsSignIn'},
			entry: ['clearError', assign({teamsDeviceCode: undefined})],
			invoke: {src: 'signInTeams', input: ({context}) => ({appId: context.teamsAppId as string})},
			on: {
				TEAMS_DEVICE_CODE: {actions: assign({teamsDeviceCode: ({event}) => event.deviceCode})},
				TEAMS_SIGNED_IN: {
					target: 'exchanging',
					actions: assign({
						teamsUser: ({event}): TeamsUser => ({kind: 'signed-in', teamsToken: event.teamsToken, userId: event.userId}),
					}),
				},
				TEAMS_SIGN_IN_FAILED: {target: 'failed', actions: 'setError'},
				// Leaving the state stops the actor, which cancels the sign-in.
				BACK: 'appId',
			},
		},
		exchanging: {
			tags: ['busy'],
			meta: {...meta, view: 'busy', busy: 'teamsExchange'},
			entry: ['clearError', 'forgetToken'],
			invoke: {
				src: 'exchangeTeamsToken',
				input: ({context}) => ({appId: context.teamsAppId as string, user: context.teamsUser as TeamsUser}),
				onDone: {
					target: 'viewingToken',
					actions: assign(({event}) => {
						const {userId, ...issued} = event.output;
						return {...tokenIssued({event: {output: issued}}), teamsUserId: userId};
					}),
				},
				onError: {target: 'failed', actions: 'setError'},
			},
			on: {BACK: 'appId'},
		},
		viewingToken: tokenViewState({meta: {...meta, view: 'token', showsExchange: true}, submit: '#wizard.menu', back: '#wizard.menu'}),
		failed: {
			tags: ['failed'],
			meta: {...meta, view: 'error'},
			on: {
				// A refused exchange is tried again with the same user; a failed sign-in signs in again.
				RETRY: [{guard: 'hasTeamsUser', target: 'exchanging'}, {target: 'signingIn'}],
				BACK: 'appId',
			},
		},
	},
});

/** The Teams user the token was exchanged for, as the token view names it. */
export function teamsUserOf(context: WizardContext): {readonly userId: string; readonly simulated: boolean} | undefined {
	return context.teamsUserId === undefined ? undefined : {userId: context.teamsUserId, simulated: context.teamsUser?.kind === 'simulated'};
}
