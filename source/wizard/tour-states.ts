import {assign} from 'xstate';
import {issueInput, tokenIssued, watchToken, wizardSetup} from './wizard-setup.js';

/** The quickstart's steps after connecting: create user, scopes, lifetime, token, revoke, delete. */
export const tourStates = wizardSetup.createStateConfig({
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
					failed: {tags: ['failed'], on: {RETRY: 'running', BACK: 'ready'}},
				},
			},
			choosingScopes: {
				on: {
					TOGGLE_SCOPE: {actions: 'toggleScope'},
					SUBMIT: {guard: 'hasScopes', target: 'choosingLifetime'},
					BACK: 'creatingUser.done',
				},
			},
			choosingLifetime: {
				on: {
					SET_LIFETIME: {actions: 'setLifetime'},
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
					failed: {tags: ['failed'], on: {RETRY: 'running', BACK: '#wizard.tour.choosingLifetime'}},
				},
			},
			viewingToken: {
				invoke: watchToken,
				on: {
					TOGGLE_REVEAL: {guard: 'canReveal', actions: 'toggleReveal'},
					SUBMIT: 'revokingTokens',
					BACK: 'choosingLifetime',
				},
			},
			revokingTokens: {
				initial: 'ready',
				invoke: watchToken,
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
					failed: {tags: ['failed'], on: {RETRY: 'running', BACK: 'ready'}},
				},
			},
			deletingUser: {
				initial: 'ready',
				invoke: watchToken,
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
					failed: {tags: ['failed'], on: {RETRY: 'running', BACK: 'ready'}},
				},
			},
			finished: {on: {SUBMIT: '#wizard.menu', BACK: '#wizard.menu'}},
		},
});
