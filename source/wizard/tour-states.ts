import {assign} from 'xstate';
import {identityCreated, issueInput, newLabel, reissueInput, revokedAndReissued, tokenIssued, tokenViewState, watchFreshToken, watchToken, withFields, wizardSetup} from './wizard-setup.js';

/** The quickstart's steps after connecting: create user, scopes, lifetime, token, revoke, delete. */
export const tourStates = wizardSetup.createStateConfig({
		initial: 'connected',
		entry: assign({userId: undefined, exchanges: [], pendingLabel: undefined}),
		states: {
			connected: {
				meta: {view: 'tourIntro', step: 1, snippet: 'connect', enterSubmits: true},
				on: {SUBMIT: 'creatingUser', BACK: '#wizard.menu'},
			},
			creatingUser: {
				initial: 'ready',
				meta: {step: 2, snippet: 'createUser'},
				states: {
					ready: {
						meta: {view: 'createUser', enterSubmits: true},
						on: {SUBMIT: 'running', NAME_IDENTITY: 'naming', BACK: '#wizard.tour.connected'},
					},
					// The label (optional) before creating it: kept in context until the identity exists.
					naming: {
						tags: ['typing'],
						meta: {view: 'newLabel'},
						entry: 'hideSigning',
						on: {SUBMIT_LABEL: {target: 'ready', actions: assign({pendingLabel: ({event}) => event.label})}, BACK: 'ready'},
					},
					running: {
						tags: ['busy'],
						meta: {view: 'busy', busy: 'createUser'},
						entry: 'clearError',
						invoke: {
							src: 'createUser',
							input: ({context}) => newLabel(context),
							// The menu's "N stored" counts it at once; Manage reloads the store anyway.
							// The label is this identity's once stored: the next one created (back in the tour) starts without it.
							onDone: {target: 'done', actions: [assign(identityCreated), 'recordIdentity', assign({pendingLabel: undefined})]},
							onError: {target: 'failed', actions: 'setError'},
						},
						on: {BACK: 'ready'},
					},
					done: {
						meta: {view: 'userCreated', enterSubmits: true, showsExchange: true},
						on: {SUBMIT: '#wizard.tour.choosingScopes', NAME_IDENTITY: 'renaming', BACK: '#wizard.tour.connected'},
					},
					// The label after creating it: saved in the store at once.
					renaming: {
						tags: ['typing'],
						meta: {view: 'rename', showsExchange: true},
						entry: 'hideSigning',
						on: {SUBMIT_LABEL: {target: 'savingLabel', actions: assign({pendingLabel: ({event}) => event.label})}, BACK: 'done'},
					},
					savingLabel: {
						tags: ['busy'],
						meta: {view: 'busy', busy: 'saving'},
						entry: 'clearError',
						invoke: {
							src: 'renameIdentity',
							input: ({context}) => ({userId: context.userId as string, label: context.pendingLabel ?? ''}),
							onDone: {target: 'done', actions: assign({identities: ({event}) => event.output.identities})},
							onError: {target: 'renaming', actions: 'setError'},
						},
					},
					failed: {tags: ['failed'], meta: {view: 'error'}, on: {RETRY: 'running', BACK: 'ready'}},
				},
			},
			choosingScopes: {
				meta: {view: 'scopes', step: 3, snippet: 'issueToken'},
				on: {
					TOGGLE_SCOPE: {actions: 'toggleScope'},
					SUBMIT: {guard: 'hasScopes', target: 'choosingLifetime'},
					BACK: 'creatingUser.done',
				},
			},
			choosingLifetime: withFields({
				meta: {view: 'lifetime', step: 3, snippet: 'issueToken'},
				on: {
					SET_LIFETIME: {guard: 'validLifetime', actions: 'setLifetime'},
					SUBMIT: 'issuingToken',
					BACK: 'choosingScopes',
				},
			}, ['minutes']),
			issuingToken: {
				initial: 'running',
				meta: {step: 4, snippet: 'issueToken'},
				states: {
					running: {
						tags: ['busy'],
						meta: {view: 'busy', busy: 'issueToken'},
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
					failed: {tags: ['failed'], meta: {view: 'error'}, on: {RETRY: 'running', BACK: '#wizard.tour.choosingLifetime'}},
				},
			},
			viewingToken: tokenViewState({
				meta: {view: 'token', step: 4, snippet: 'issueToken', showsExchange: true},
				submit: 'revokingTokens',
				back: 'choosingLifetime',
			}),
			revokingTokens: {
				initial: 'ready',
				meta: {step: 5, snippet: 'revokeTokens'},
				invoke: watchToken,
				states: {
					ready: {meta: {view: 'revoke', enterSubmits: true}, on: {SUBMIT: 'running', BACK: '#wizard.tour.viewingToken'}},
					running: {
						tags: ['busy'],
						meta: {view: 'busy', busy: 'revoke'},
						entry: 'clearError',
						// Revoke, then a new token for the same identity: revocation ends the tokens issued before it, not the identity.
						invoke: {
							src: 'revokeAndReissue',
							input: ({context}) => reissueInput(context),
							onDone: {
								target: 'done',
								actions: [assign(revokedAndReissued), 'recordRevoke', 'recordFreshToken'],
							},
							onError: {target: 'failed', actions: 'setError'},
						},
						on: {BACK: 'ready'},
					},
					done: {
						meta: {view: 'revoked', enterSubmits: true, showsExchange: true},
						invoke: watchFreshToken,
						on: {SUBMIT: '#wizard.tour.deletingUser', BACK: '#wizard.tour.viewingToken'},
					},
					failed: {tags: ['failed'], meta: {view: 'error'}, on: {RETRY: 'running', BACK: 'ready'}},
				},
			},
			deletingUser: {
				initial: 'ready',
				meta: {step: 6, snippet: 'deleteUser'},
				// Both tokens of the revoke step, checked live: the delete ends the new one too.
				invoke: [watchToken, watchFreshToken],
				states: {
					ready: {meta: {view: 'deleteUser', enterSubmits: true}, on: {SUBMIT: 'running', BACK: '#wizard.tour.revokingTokens.done'}},
					running: {
						tags: ['busy'],
						meta: {view: 'busy', busy: 'deleteUser'},
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
					done: {meta: {view: 'userDeleted', enterSubmits: true, showsExchange: true}, on: {SUBMIT: '#wizard.tour.finished'}},
					failed: {tags: ['failed'], meta: {view: 'error'}, on: {RETRY: 'running', BACK: 'ready'}},
				},
			},
			finished: {
				meta: {view: 'finished', step: 6, snippet: 'deleteUser', enterSubmits: true, showsExchange: true},
				on: {SUBMIT: '#wizard.menu', BACK: '#wizard.menu'},
			},
		},
});
