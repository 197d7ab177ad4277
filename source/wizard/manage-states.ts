import {assign} from 'xstate';
import {identityCreated, issueInput, newLabel, tokenIssued, tokenViewState, withFields, wizardSetup} from './wizard-setup.js';

/** The stored identities of the connection: list (and create one), then on one: issue, rename, revoke, delete, forget. */
export const manageStates = wizardSetup.createStateConfig({
		initial: 'loading',
		states: {
			loading: {
				tags: ['busy'],
				meta: {view: 'busy', busy: 'loading'},
				entry: 'clearError',
				invoke: {
					src: 'loadIdentities',
					onDone: {target: 'list', actions: assign({identities: ({event}) => event.output.identities})},
					onError: {target: 'loadFailed', actions: 'setError'},
				},
			},
			loadFailed: {tags: ['failed'], meta: {view: 'error'}, on: {RETRY: 'loading', BACK: '#wizard.menu'}},
			list: withFields({
				meta: {view: 'identities'},
				entry: 'forgetToken',
				on: {
					SELECT_IDENTITY: {
						target: 'identity',
						actions: assign({userId: ({event}) => event.id, listFilter: ({event}) => (event.filter === '' ? undefined : event.filter), notice: undefined}),
					},
					CREATE_IDENTITY: {target: 'naming', actions: assign({pendingLabel: undefined, error: undefined, notice: undefined})},
					BACK: '#wizard.menu',
				},
			}, ['filter']),
			naming: {
				tags: ['typing'],
				meta: {view: 'newLabel'},
				on: {
					SUBMIT_LABEL: {target: 'creating', actions: assign({pendingLabel: ({event}) => event.label})},
					BACK: 'list',
				},
			},
			creating: {
				tags: ['busy'],
				meta: {view: 'busy', busy: 'createUser'},
				entry: 'clearError',
				invoke: {
					src: 'createUser',
					input: ({context}) => newLabel(context),
					// Loading waits for the record to be written: the list then shows it, selected.
					onDone: {target: 'loading', actions: [assign(identityCreated), 'recordIdentity']},
					// The label stays typed: fix it (a label in use, say) or Enter tries again.
					onError: {target: 'naming', actions: 'setError'},
				},
				on: {BACK: 'naming'},
			},
			identity: {
				meta: {view: 'identity'},
				entry: 'clearError',
				on: {
					CHOOSE_ACTION: [
						// A deleted identity has nothing left on the service to issue for, revoke or delete.
						{guard: 'deletedChoseServiceAction'},
						{guard: {type: 'chose', params: {action: 'issue'}}, target: 'choosingScopes', actions: assign({action: 'issue'})},
						{guard: {type: 'chose', params: {action: 'rename'}}, target: 'renaming', actions: assign({action: 'rename'})},
						{target: 'confirming', actions: assign({action: ({event}) => event.action})},
					],
					VIEW_STORED_TOKEN: {guard: 'hasStoredToken', target: 'viewingToken', actions: 'openStoredToken'},
					BACK: [
						// Opened from a filtered list: back to that list, the filter open as it was.
						{guard: 'hasListFilter', target: 'list.field', actions: ['backToList', 'reopenFilter']},
						{target: 'list', actions: 'backToList'},
					],
				},
			},
			choosingScopes: {
				meta: {view: 'scopes', issuing: true},
				on: {
					TOGGLE_SCOPE: {actions: 'toggleScope'},
					SUBMIT: {guard: 'hasScopes', target: 'choosingLifetime'},
					BACK: 'identity',
				},
			},
			choosingLifetime: withFields({
				meta: {view: 'lifetime', issuing: true},
				on: {
					SET_LIFETIME: {guard: 'validLifetime', actions: 'setLifetime'},
					SUBMIT: 'issuing',
					BACK: 'choosingScopes',
				},
			}, ['minutes']),
			issuing: {
				tags: ['busy'],
				meta: {view: 'busy', busy: 'issueToken'},
				entry: ['clearError', 'forgetToken'],
				invoke: {
					src: 'issueToken',
					input: ({context}) => issueInput(context),
					onDone: {target: 'viewingToken', actions: [assign(tokenIssued), 'recordToken']},
					onError: {target: 'failed', actions: 'setError'},
				},
				on: {BACK: 'choosingLifetime'},
			},
			viewingToken: tokenViewState({meta: {view: 'token', issuing: true}, submit: 'refreshing', back: 'refreshing'}),
			renaming: {
				tags: ['typing'],
				meta: {view: 'rename'},
				on: {
					SUBMIT_LABEL: {target: 'savingLabel', actions: assign({pendingLabel: ({event}) => event.label})},
					// After a failed save the label is still in context: retry without typing it again.
					RETRY: {guard: 'canRetryLabel', target: 'savingLabel'},
					BACK: 'identity',
				},
			},
			savingLabel: {
				tags: ['busy'],
				meta: {view: 'busy', busy: 'saving'},
				entry: 'clearError',
				invoke: {
					src: 'renameIdentity',
					input: ({context}) => ({userId: context.userId as string, label: context.pendingLabel ?? ''}),
					onDone: {target: 'identity', actions: assign({identities: ({event}) => event.output.identities})},
					onError: {target: 'renaming', actions: 'setError'},
				},
			},
			confirming: {
				meta: {view: 'confirm'},
				on: {
					SUBMIT: [
						{guard: {type: 'actionIs', params: {action: 'revoke'}}, target: 'revoking'},
						{guard: {type: 'actionIs', params: {action: 'delete'}}, target: 'deleting'},
						{target: 'forgetting'},
					],
					BACK: 'identity',
				},
			},
			revoking: {
				tags: ['busy'],
				meta: {view: 'busy', busy: 'revoke'},
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
				meta: {view: 'busy', busy: 'deleteUser'},
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
				meta: {view: 'busy', busy: 'forgetting'},
				entry: 'clearError',
				invoke: {
					src: 'forgetIdentity',
					input: ({context}) => ({userId: context.userId as string}),
					onDone: [
						{
							guard: 'hasListFilter',
							target: 'list.field',
							actions: [assign({identities: ({event}) => event.output.identities, userId: undefined, listedId: undefined}), 'reopenFilter'],
						},
						{target: 'list', actions: assign({identities: ({event}) => event.output.identities, userId: undefined, listedId: undefined})},
					],
					onError: {target: 'failed', actions: 'setError'},
				},
			},
			refreshing: {
				tags: ['busy'],
				meta: {view: 'busy', busy: 'loading'},
				entry: 'clearError',
				invoke: {
					src: 'loadIdentities',
					onDone: {target: 'identity', actions: assign({identities: ({event}) => event.output.identities})},
					// The action itself succeeded: RETRY must re-run the refresh, not issue, revoke or delete again.
					onError: {target: 'failed', actions: ['setError', assign({action: undefined})]},
				},
			},
			failed: {
				tags: ['failed'],
				meta: {view: 'error'},
				on: {
					RETRY: [
						{guard: {type: 'actionIs', params: {action: 'issue'}}, target: 'issuing'},
						{guard: {type: 'actionIs', params: {action: 'revoke'}}, target: 'revoking'},
						{guard: {type: 'actionIs', params: {action: 'delete'}}, target: 'deleting'},
						{guard: {type: 'actionIs', params: {action: 'forget'}}, target: 'forgetting'},
						{target: 'refreshing'},
					],
					BACK: 'identity',
				},
			},
		},
});
