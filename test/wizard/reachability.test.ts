import {UserError} from '../../source/errors/user-error.js';
import {describe, expect, it} from 'vitest';
import type {AnyEventObject} from 'xstate';
import {getShortestPaths, getStateNodes, type StatePath} from 'xstate/graph';
import type {AccessAssignment, ManageAction, WizardEvent, WizardInput} from '../../source/wizard/types.js';
import {wizardMachine} from '../../source/wizard/wizard-machine.js';
import {
	alice,
	connectExchanges,
	createdUserId,
	createExchanges,
	emulatorChoice,
	emulatorConnection,
	issueExchanges,
	profileChoice,
	revokedAt,
	revokeExchanges,
	serviceError,
	startWizard,
	storedIdentities,
	tokenFor,
	type WizardSnapshot,
} from '../_helpers/wizard.js';

/**
 * The graph traversal calls `machine.transition()` with a mock actor scope: invoked actors are
 * created but never started. So the traversal itself plays each actor's part, sending the
 * `xstate.done.actor.<invoke id>` and `xstate.error.actor.<invoke id>` events it would send.
 */

const allNodes = getStateNodes(wizardMachine.root);
const allStateIds = allNodes.map(node => node.id);
/** `start` only decides where to go (`always`): a snapshot never rests there. */
const transientStateIds = allNodes.filter(node => node.always !== undefined && node.always.length > 0).map(node => node.id);

const teamsOid = '00000000-0000-4000-8000-0000000c1e47';
const tenantId = '00000000-0000-4000-8000-00000000e57a';
const entraAssignment: AccessAssignment = {objectId: teamsOid, tenantId, principalType: 'user'};
/** `acs-tokens emulator --allow-entra`, shared through the lock: https, where the exchange is offered. */
const httpsEmulatorConnection = {...emulatorConnection, endpoint: 'https://127.0.0.1:41235/'};

const outputs: Record<string, unknown> = {
	connect: {connection: emulatorConnection, identities: storedIdentities, exchanges: connectExchanges},
	loadIdentities: {identities: storedIdentities},
	createUser: {id: createdUserId, exchanges: createExchanges},
	issueToken: {...tokenFor({userId: createdUserId, scopes: ['chat'], lifetimeMinutes: 60}, 1), exchanges: issueExchanges},
	revokeTokens: {at: revokedAt, exchanges: revokeExchanges},
	revokeAndReissue: {
		at: revokedAt,
		fresh: tokenFor({userId: createdUserId, scopes: ['chat'], lifetimeMinutes: 60}, 2),
		checked: {revoked: 'revoked', fresh: 'valid'},
		exchanges: revokeExchanges,
	},
	deleteUser: {at: revokedAt, exchanges: revokeExchanges},
	renameIdentity: {identities: storedIdentities},
	forgetIdentity: {identities: storedIdentities.slice(1)},
	loadAssignments: {assignments: [entraAssignment], exchanges: issueExchanges},
	assign: {assignment: entraAssignment, exchanges: issueExchanges},
	lookUpAssignment: {assignment: entraAssignment, exchanges: issueExchanges},
	unassign: {at: revokedAt, exchanges: issueExchanges},
	exchangeEntraToken: {...tokenFor({userId: createdUserId, scopes: ['chat'], lifetimeMinutes: 60}, 4), identity: '8:acs:entra-user', exchanges: issueExchanges},
	exchangeTeamsToken: {...tokenFor({userId: createdUserId, scopes: ['voip', 'chat'], lifetimeMinutes: 60}, 3), userId: teamsOid, exchanges: issueExchanges},
};

/**
 * The done and error events of the actors that the snapshot's active states invoke. Only those:
 * an error event that no state handles would put the whole machine in its error status.
 */
function actorEvents(snapshot: WizardSnapshot): AnyEventObject[] {
	return snapshot._nodes.flatMap(node =>
		node.invoke.flatMap(invoke => {
			const src = typeof invoke.src === 'string' ? invoke.src : '';
			if (!(src in outputs)) {
				return [];
			}
			return [
				// The third run's emulator is https (the exchange is offered there).
				{type: `xstate.done.actor.${invoke.id}`, output: src === 'connect' && httpsRun ? {...(outputs[src] as object), connection: httpsEmulatorConnection} : outputs[src]},
				{type: `xstate.error.actor.${invoke.id}`, error: serviceError(`${src} failed`, 'network')},
				// A 403 exchange: a opens the assignments.
				...(src === 'exchangeEntraToken'
					? [{type: `xstate.error.actor.${invoke.id}`, error: new UserError('authentication', 'not assigned', {details: {statusCode: 403}})}]
					: []),
			];
		}),
	);
}

const manageActions: readonly ManageAction[] = ['issue', 'revoke', 'delete', 'rename', 'forget'];

/** Every event a person (or the watchToken actor) can send, with a payload where it needs one. */
const userEvents: WizardEvent[] = [
	{type: 'CHOOSE_CONNECTION', choice: profileChoice},
	{type: 'PASTE_CONNECTION_STRING'},
	{type: 'SIGN_IN_WITH_ENTRA'},
	{type: 'SUBMIT_ENDPOINT', endpoint: 'https://127.0.0.1:10430/'},
	{type: 'START_TOUR'},
	{type: 'MANAGE'},
	{type: 'SWITCH_CONNECTION'},
	{type: 'SUBMIT'},
	{type: 'BACK'},
	{type: 'RETRY'},
	{type: 'TOGGLE_SCOPE', scope: 'chat'},
	{type: 'TOGGLE_SCOPE', scope: 'voip'},
	{type: 'SET_LIFETIME', minutes: 60},
	{type: 'SELECT_IDENTITY', id: alice.id},
	...manageActions.map((action): WizardEvent => ({type: 'CHOOSE_ACTION', action})),
	{type: 'SUBMIT_LABEL', label: 'renamed'},
	{type: 'CREATE_IDENTITY'},
	{type: 'NAME_IDENTITY'},
	{type: 'TOGGLE_REVEAL'},
	...(['file', 'dotenv', 'filter', 'minutes'] as const).map((field): WizardEvent => ({type: 'OPEN_FIELD', field})),
	{type: 'CLOSE_FIELD'},
	{type: 'TOGGLE_PRESENTER'},
	{type: 'TOGGLE_CODE_LANGUAGE'},
	{type: 'TOKEN_STATUS', status: 'revoked'},
	{type: 'STORE_FAILED', message: 'The store is locked.'},
	{type: 'TEAMS'},
	{type: 'SUBMIT_APP_ID', appId: '5b8f6a3e-2c1d-4e7f-9a0b-1c2d3e4f5a6b'},
	{type: 'CHOOSE_TEAMS_METHOD', method: 'simulated'},
	{type: 'CHOOSE_TEAMS_METHOD', method: 'sign-in'},
	{type: 'TEAMS_DEVICE_CODE', deviceCode: {verificationUri: 'https://microsoft.com/devicelogin', userCode: 'ABC123', expiresOn: revokedAt}},
	{type: 'TEAMS_SIGNED_IN', teamsToken: 'eyJ.teams.token', userId: teamsOid},
	{type: 'TEAMS_SIGN_IN_FAILED', error: serviceError('expired', 'authentication')},
	{type: 'ENTRA'},
	{type: 'ENTRA_EXCHANGE'},
	{type: 'ENTRA_ASSIGNMENTS'},
	{type: 'TOGGLE_ENTRA_KIND'},
	{type: 'CHOOSE_ENTRA_METHOD', method: 'simulated'},
	{type: 'CHOOSE_ENTRA_METHOD', method: 'paste'},
	{type: 'SUBMIT_ENTRA_TOKEN', entraToken: 'eyJ.entra.token'},
	{type: 'ASSIGN'},
	{type: 'LOOK_UP'},
	{type: 'SUBMIT_ASSIGNMENT', assignment: entraAssignment},
	{type: 'SUBMIT_LOOK_UP', tenantId, objectId: teamsOid},
	{type: 'REMOVE_ASSIGNMENT', assignment: entraAssignment},
];

/** The typed events, plus the actors' done and error events (which `WizardEvent` does not list). */
const events = (snapshot: WizardSnapshot) => [...userEvents, ...(actorEvents(snapshot) as WizardEvent[])];

/** The state value plus the context that guards read, so that guarded branches are explored. */
function serializeState(snapshot: WizardSnapshot): string {
	const {action, scopes, presenter, pendingLabel} = snapshot.context;
	return JSON.stringify({
		value: snapshot.value,
		action,
		hasScopes: scopes.length > 0,
		presenter,
		hasPendingLabel: pendingLabel !== undefined,
		hasTeamsUser: snapshot.context.teamsUser !== undefined,
		// The client app exchange's guards, each only where it is read.
		...(snapshot.matches('entra') ? {https: snapshot.context.connection?.endpoint.startsWith('https:'), entraKind: snapshot.context.entraKind} : {}),
		...(snapshot.matches({entra: 'assignmentsFailed'}) ? {entraAction: snapshot.context.entraAction} : {}),
		...(snapshot.matches({entra: 'failed'}) ? {errorStatus: snapshot.context.error?.status} : {}),
	});
}

function shortestPaths(input: WizardInput): Array<StatePath<WizardSnapshot, WizardEvent>> {
	return getShortestPaths(wizardMachine, {input, events, serializeState, limit: 400_000});
}

/** The third run connects to an https emulator as well, where the client app exchange is offered. */
let httpsRun = false;
const paths = [
	...shortestPaths({choices: [emulatorChoice, profileChoice]}),
	...shortestPaths({choices: [emulatorChoice], autoConnect: emulatorChoice}),
	...(() => {
		httpsRun = true;
		return shortestPaths({choices: [emulatorChoice], autoConnect: emulatorChoice});
	})(),
];

function pathTo(stateId: string): StatePath<WizardSnapshot, WizardEvent> | undefined {
	return paths
		.filter(path => path.state._nodes.some(node => node.id === stateId))
		.sort((a, b) => a.steps.length - b.steps.length)[0];
}

describe('every state of the wizard is reachable', () => {
	it('lists the state nodes it checks (a rename or a new state shows up here)', () => {
		// 77, and a viewing and a field state in each of the 7 views a field opens in (withFields).
		expect(allStateIds).toHaveLength(77 + 7 * 2);
		expect(transientStateIds).toEqual(['wizard.start']);
	});

	it('reaches all of them, and no path puts the machine in its error status', () => {
		const reached = new Set(paths.flatMap(path => path.state._nodes.map(node => node.id)));
		expect(allStateIds.filter(id => !reached.has(id))).toEqual(transientStateIds);
		expect(paths.filter(path => path.state.status !== 'active')).toEqual([]);
	});

	it.each(allStateIds.filter(id => !transientStateIds.includes(id)))('reaches %s', stateId => {
		const path = pathTo(stateId);
		expect(path, `no path reaches ${stateId}`).toBeDefined();
		expect(path?.state.status).toBe('active');
	});

	it('passes through the transient start state to the first screen or straight to connecting', () => {
		const chooser = startWizard({choices: [emulatorChoice]});
		expect(chooser.actor.getSnapshot().value).toBe('choosingConnection');
		chooser.actor.stop();
		const auto = startWizard({choices: [], autoConnect: emulatorChoice});
		expect(auto.actor.getSnapshot().value).toBe('connecting');
		auto.actor.stop();
	});

	it('marks every state that waits on a request as busy, so quitting asks first', () => {
		for (const node of allNodes) {
			const waitsOnRequest = node.invoke.some(invoke => invoke.src !== 'watchToken');
			expect(node.tags.includes('busy'), node.id).toBe(waitsOnRequest);
		}
	});

	it("tags exactly the states a request's failure leads to as failed: the UI offers r to retry there", () => {
		const failureTargets = new Set(
			allNodes.flatMap(node =>
				node.invoke.flatMap(invoke =>
					(node.transitions.get(`xstate.error.actor.${invoke.id}`) ?? []).flatMap(transition =>
						(transition.target ?? []).map(target => target.id),
					),
				),
			),
		);
		// A failed rename stays on its form, where the error shows beside what was typed.
		failureTargets.delete('wizard.manage.renaming');
		failureTargets.delete('wizard.tour.creatingUser.renaming');
		// So does a failed creation in the manager, with the label it was to get.
		failureTargets.delete('wizard.manage.naming');
		for (const node of allNodes) {
			expect(node.tags.includes('failed'), node.id).toBe(failureTargets.has(node.id));
			if (node.tags.includes('failed')) {
				expect(node.on['RETRY'], `${node.id} has RETRY`).toBeDefined();
			}
		}
	});

	it('tags the states where the keyboard types text as typing, so single-letter shortcuts stay off there', () => {
		const typing = allNodes.filter(node => node.tags.includes('typing')).map(node => node.id);
		expect(typing.toSorted()).toEqual([
			'wizard.enteringEndpoint',
			'wizard.enteringTenant',
			'wizard.entra.assignForm',
			'wizard.entra.lookUpForm',
			'wizard.entra.pasting',
			'wizard.entra.viewingToken.field',
			'wizard.manage.choosingLifetime.field',
			'wizard.manage.list.field',
			'wizard.manage.naming',
			'wizard.manage.renaming',
			'wizard.manage.viewingToken.field',
			'wizard.pastingConnectionString',
			'wizard.teams.appId',
			'wizard.teams.viewingToken.field',
			'wizard.tour.choosingLifetime.field',
			'wizard.tour.creatingUser.naming',
			'wizard.tour.creatingUser.renaming',
			'wizard.tour.viewingToken.field',
		]);
	});

	it("names a screen in its meta for every state a snapshot can rest in, and a step and its code for every tour state", () => {
		const ancestorsOf = (node: (typeof allNodes)[number]) => {
			const chain = [];
			for (let current: typeof node | undefined = node; current; current = current.parent) {
				chain.unshift(current);
			}

			return chain;
		};

		const resting = allNodes.filter(node => node.type === 'atomic' && !transientStateIds.includes(node.id));
		for (const node of resting) {
			const meta = Object.assign({}, ...ancestorsOf(node).map(each => each.meta ?? {}));
			expect(meta.view, `${node.id} names its view`).toBeTypeOf('string');
			// The Teams sign-in waits on a screen of its own: the device code must show while it waits.
			expect(meta.view === 'busy' || meta.view === 'teamsSignIn', `${node.id}: busy view exactly when tagged busy`).toBe(node.tags.includes('busy'));
			if (node.tags.includes('busy')) {
				expect(meta.busy, `${node.id} says what it is doing`).toBeTypeOf('string');
			}

			if (node.id.startsWith('wizard.tour.')) {
				expect(meta.step, `${node.id} has its step`).toBeGreaterThanOrEqual(1);
				expect(meta.snippet, `${node.id} has its code`).toBeTypeOf('string');
			} else {
				expect(meta.step, `${node.id} is not a tour step`).toBeUndefined();
			}
		}

		expect(resting.length).toBeGreaterThan(30);
	});
});
