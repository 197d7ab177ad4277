import {describe, expect, it} from 'vitest';
import type {WizardContext} from '../../source/wizard/types.js';
import {
	alice,
	bob,
	connected,
	createdUserId,
	createExchanges,
	emulatorChoice,
	emulatorConnection,
	exchange,
	type Fakes,
	type Harness,
	manageIdentity,
	profileChoice,
	serviceError,
	startWizard,
	tourToToken,
	type WizardSnapshot,
} from '../_helpers/wizard.js';

type Matcher = (snapshot: WizardSnapshot) => boolean;

type ErrorCase = {
	readonly name: string;
	/** The actor that fails once, then succeeds. */
	readonly failing: keyof Fakes;
	/** Drives the machine up to the state before the failing request. */
	readonly setUp: (harness: Harness) => Promise<void>;
	/** Sends the event that starts the failing request. */
	readonly trigger: (harness: Harness) => void;
	readonly failed: Matcher;
	readonly afterRetry: Matcher;
	readonly afterBack: Matcher;
	/** What must survive the error. */
	readonly kept: Partial<WizardContext>;
	/** What the context holds once the retry succeeded, if not `kept`. */
	readonly retried?: Partial<WizardContext>;
	readonly connect?: boolean;
};

const inTour = async (harness: Harness) => {
	await harness.sendAndWait({type: 'START_TOUR'}, s => s.matches({tour: 'connected'}));
	await harness.sendAndWait({type: 'SUBMIT'}, s => s.matches({tour: {creatingUser: 'ready'}}));
};

const tourAtLifetime = async (harness: Harness) => {
	await inTour(harness);
	await harness.sendAndWait({type: 'SUBMIT'}, s => s.matches({tour: {creatingUser: 'done'}}));
	await harness.sendAndWait({type: 'SUBMIT'}, s => s.matches({tour: 'choosingScopes'}));
	harness.actor.send({type: 'TOGGLE_SCOPE', scope: 'chat.join'});
	await harness.sendAndWait({type: 'SUBMIT'}, s => s.matches({tour: 'choosingLifetime'}));
	harness.actor.send({type: 'SET_LIFETIME', minutes: 120});
};

const tourAtRevoke = async (harness: Harness) => {
	await tourToToken(harness);
	await harness.sendAndWait({type: 'SUBMIT'}, s => s.matches({tour: {revokingTokens: 'ready'}}));
};

const tourAtDelete = async (harness: Harness) => {
	await tourAtRevoke(harness);
	await harness.sendAndWait({type: 'SUBMIT'}, s => s.matches({tour: {revokingTokens: 'done'}}));
	await harness.sendAndWait({type: 'SUBMIT'}, s => s.matches({tour: {deletingUser: 'ready'}}));
};

const manageAtLifetime = async (harness: Harness) => {
	await manageIdentity(harness);
	await harness.sendAndWait({type: 'CHOOSE_ACTION', action: 'issue'}, s => s.matches({manage: 'choosingScopes'}));
	harness.actor.send({type: 'TOGGLE_SCOPE', scope: 'voip'});
	await harness.sendAndWait({type: 'SUBMIT'}, s => s.matches({manage: 'choosingLifetime'}));
	harness.actor.send({type: 'SET_LIFETIME', minutes: 60});
};

const confirmingThen = (action: 'revoke' | 'delete' | 'forget') => async (harness: Harness) => {
	await manageIdentity(harness);
	await harness.sendAndWait({type: 'CHOOSE_ACTION', action}, s => s.matches({manage: 'confirming'}));
};

const submit = (harness: Harness) => harness.actor.send({type: 'SUBMIT'});
const nothing = async () => {};

const cases: readonly ErrorCase[] = [
	{
		name: 'connecting',
		failing: 'connect',
		connect: false,
		setUp: nothing,
		trigger: harness => harness.actor.send({type: 'CHOOSE_CONNECTION', choice: profileChoice}),
		failed: s => s.matches('connectionFailed'),
		afterRetry: s => s.matches('menu'),
		afterBack: s => s.matches('choosingConnection'),
		kept: {pendingChoice: profileChoice},
	},
	{
		name: 'tour: creating the user',
		failing: 'createUser',
		setUp: inTour,
		trigger: submit,
		failed: s => s.matches({tour: {creatingUser: 'failed'}}),
		afterRetry: s => s.matches({tour: {creatingUser: 'done'}}),
		afterBack: s => s.matches({tour: {creatingUser: 'ready'}}),
		kept: {connection: emulatorConnection},
	},
	{
		name: 'tour: issuing the token',
		failing: 'issueToken',
		setUp: tourAtLifetime,
		trigger: submit,
		failed: s => s.matches({tour: {issuingToken: 'failed'}}),
		afterRetry: s => s.matches({tour: 'viewingToken'}),
		afterBack: s => s.matches({tour: 'choosingLifetime'}),
		kept: {userId: createdUserId, scopes: ['chat', 'voip', 'chat.join'], lifetimeMinutes: 120, connection: emulatorConnection},
	},
	{
		name: 'tour: revoking the tokens',
		failing: 'revokeAndReissue',
		setUp: tourAtRevoke,
		trigger: submit,
		failed: s => s.matches({tour: {revokingTokens: 'failed'}}),
		afterRetry: s => s.matches({tour: {revokingTokens: 'done'}}),
		afterBack: s => s.matches({tour: {revokingTokens: 'ready'}}),
		kept: {userId: createdUserId, scopes: ['chat', 'voip']},
	},
	{
		name: 'tour: deleting the user',
		failing: 'deleteUser',
		setUp: tourAtDelete,
		trigger: submit,
		failed: s => s.matches({tour: {deletingUser: 'failed'}}),
		afterRetry: s => s.matches({tour: {deletingUser: 'done'}}),
		afterBack: s => s.matches({tour: {deletingUser: 'ready'}}),
		kept: {userId: createdUserId},
	},
	{
		name: 'manage: loading the list',
		failing: 'loadIdentities',
		setUp: nothing,
		trigger: harness => harness.actor.send({type: 'MANAGE'}),
		failed: s => s.matches({manage: 'loadFailed'}),
		afterRetry: s => s.matches({manage: 'list'}),
		afterBack: s => s.matches('menu'),
		kept: {connection: emulatorConnection},
	},
	{
		name: 'manage: issuing a token',
		failing: 'issueToken',
		setUp: manageAtLifetime,
		trigger: submit,
		failed: s => s.matches({manage: 'failed'}),
		afterRetry: s => s.matches({manage: 'viewingToken'}),
		afterBack: s => s.matches({manage: 'identity'}),
		kept: {userId: alice.id, scopes: ['chat'], lifetimeMinutes: 60, action: 'issue'},
	},
	{
		name: 'manage: revoking',
		failing: 'revokeTokens',
		setUp: confirmingThen('revoke'),
		trigger: submit,
		failed: s => s.matches({manage: 'failed'}),
		afterRetry: s => s.matches({manage: 'identity'}),
		afterBack: s => s.matches({manage: 'identity'}),
		kept: {userId: alice.id, action: 'revoke'},
	},
	{
		name: 'manage: deleting',
		failing: 'deleteUser',
		setUp: confirmingThen('delete'),
		trigger: submit,
		failed: s => s.matches({manage: 'failed'}),
		afterRetry: s => s.matches({manage: 'identity'}),
		afterBack: s => s.matches({manage: 'identity'}),
		kept: {userId: alice.id, action: 'delete'},
	},
	{
		name: 'manage: forgetting',
		failing: 'forgetIdentity',
		setUp: confirmingThen('forget'),
		trigger: submit,
		failed: s => s.matches({manage: 'failed'}),
		afterRetry: s => s.matches({manage: 'list'}),
		afterBack: s => s.matches({manage: 'identity'}),
		kept: {userId: alice.id, action: 'forget'},
		retried: {userId: undefined, identities: [bob]},
	},
];

describe.each(cases)('when a request fails: $name', errorCase => {
	const error = serviceError(`The ${errorCase.failing} request failed: connection refused.`, 'network');

	async function fail(): Promise<Harness> {
		const configure = (fakes: Fakes) => {
			fakes[errorCase.failing].mockRejectedValueOnce(error);
		};
		const harness = errorCase.connect === false ? startWizard({}, configure) : await connected({}, configure);
		await errorCase.setUp(harness);
		errorCase.trigger(harness);
		expect(harness.actor.getSnapshot().hasTag('busy')).toBe(true);
		const failed = await harness.waitUntil(errorCase.failed);
		expect(failed.context.error).toEqual({message: error.message, kind: 'network'});
		expect(failed.context).toMatchObject(errorCase.kept);
		expect(failed.hasTag('busy')).toBe(false);
		return harness;
	}

	it('lands in its failed state with the error, keeping what was entered', async () => {
		const harness = await fail();
		expect(harness.fakes[errorCase.failing]).toHaveBeenCalledTimes(1);
		harness.actor.stop();
	});

	it('RETRY runs the request again and carries on', async () => {
		const harness = await fail();
		harness.actor.send({type: 'RETRY'});
		expect(harness.context().error).toBeUndefined();
		await harness.waitUntil(errorCase.afterRetry);
		expect(harness.fakes[errorCase.failing]).toHaveBeenCalledTimes(2);
		const [first, second] = harness.fakes[errorCase.failing].mock.calls;
		expect(second?.[0]).toEqual(first?.[0]);
		expect(harness.context()).toMatchObject({...(errorCase.retried ?? errorCase.kept), error: undefined});
		harness.actor.stop();
	});

	it('BACK leaves the failed state without running the request again', async () => {
		const harness = await fail();
		await harness.sendAndWait({type: 'BACK'}, errorCase.afterBack);
		expect(harness.fakes[errorCase.failing]).toHaveBeenCalledTimes(1);
		expect(harness.context()).toMatchObject(errorCase.kept);
		harness.actor.stop();
	});
});

describe('errors with consequences for the store and the next retry', () => {
	it('records the identity, the token, the revoke and the delete once each, even after retries', async () => {
		const harness = await connected({}, fakes => {
			fakes.createUser.mockRejectedValueOnce(serviceError('create failed', 'network'));
			fakes.issueToken.mockRejectedValueOnce(serviceError('issue failed', 'service'));
			fakes.revokeAndReissue.mockRejectedValueOnce(serviceError('revoke failed', 'network'));
			fakes.deleteUser.mockRejectedValueOnce(serviceError('delete failed', 'network'));
		});
		const {sendAndWait, recorders} = harness;
		await inTour(harness);
		await sendAndWait({type: 'SUBMIT'}, s => s.matches({tour: {creatingUser: 'failed'}}));
		await sendAndWait({type: 'RETRY'}, s => s.matches({tour: {creatingUser: 'done'}}));
		await sendAndWait({type: 'SUBMIT'}, s => s.matches({tour: 'choosingScopes'}));
		await sendAndWait({type: 'SUBMIT'}, s => s.matches({tour: 'choosingLifetime'}));
		await sendAndWait({type: 'SUBMIT'}, s => s.matches({tour: {issuingToken: 'failed'}}));
		expect(harness.context().error).toEqual({message: 'issue failed', kind: 'service'});
		await sendAndWait({type: 'RETRY'}, s => s.matches({tour: 'viewingToken'}));
		await sendAndWait({type: 'SUBMIT'}, s => s.matches({tour: {revokingTokens: 'ready'}}));
		await sendAndWait({type: 'SUBMIT'}, s => s.matches({tour: {revokingTokens: 'failed'}}));
		await sendAndWait({type: 'RETRY'}, s => s.matches({tour: {revokingTokens: 'done'}}));
		await sendAndWait({type: 'SUBMIT'}, s => s.matches({tour: {deletingUser: 'ready'}}));
		await sendAndWait({type: 'SUBMIT'}, s => s.matches({tour: {deletingUser: 'failed'}}));
		await sendAndWait({type: 'RETRY'}, s => s.matches({tour: {deletingUser: 'done'}}));
		expect(recorders.recordIdentity).toHaveBeenCalledTimes(1);
		expect(recorders.recordToken).toHaveBeenCalledTimes(1);
		expect(recorders.recordRevoke).toHaveBeenCalledTimes(1);
		expect(recorders.recordFreshToken).toHaveBeenCalledTimes(1);
		expect(recorders.recordDelete).toHaveBeenCalledTimes(1);
		harness.actor.stop();
	});

	it('keeps the previous connection when switching to another one fails', async () => {
		const harness = await connected({}, fakes => {
			fakes.connect.mockImplementationOnce(async () => ({
				connection: emulatorConnection,
				identities: [],
				exchanges: [],
			}));
			fakes.connect.mockRejectedValueOnce(serviceError('The key of "work" was rejected.', 'authentication'));
		});
		await harness.sendAndWait({type: 'SWITCH_CONNECTION'}, s => s.matches('choosingConnection'));
		await harness.sendAndWait({type: 'CHOOSE_CONNECTION', choice: profileChoice}, s => s.matches('connectionFailed'));
		expect(harness.context()).toMatchObject({
			connection: emulatorConnection,
			error: {message: 'The key of "work" was rejected.', kind: 'authentication'},
		});
		harness.actor.stop();
	});

	it('shows the exchanges of a failed call, and keeps the previous ones when the error has none', async () => {
		const failedExchanges = [exchange('POST', '/identities?api-version=2023-10-01', 401)];
		const harness = await connected({}, fakes => {
			fakes.createUser.mockRejectedValueOnce(Object.assign(serviceError('The access key was rejected.', 'authentication'), {exchanges: failedExchanges}));
			fakes.issueToken.mockRejectedValueOnce(serviceError('issue failed', 'network'));
		});
		const {sendAndWait} = harness;
		await inTour(harness);
		await sendAndWait({type: 'SUBMIT'}, s => s.matches({tour: {creatingUser: 'failed'}}));
		expect(harness.context().exchanges).toEqual(failedExchanges);
		await sendAndWait({type: 'RETRY'}, s => s.matches({tour: {creatingUser: 'done'}}));
		expect(harness.context().exchanges).toEqual(createExchanges);
		await sendAndWait({type: 'SUBMIT'}, s => s.matches({tour: 'choosingScopes'}));
		await sendAndWait({type: 'SUBMIT'}, s => s.matches({tour: 'choosingLifetime'}));
		await sendAndWait({type: 'SUBMIT'}, s => s.matches({tour: {issuingToken: 'failed'}}));
		expect(harness.context().exchanges).toEqual(createExchanges);
		harness.actor.stop();
	});

	it('reports a rejection that is not an Error as a bug, with its text', async () => {
		const harness = startWizard({autoConnect: emulatorChoice}, fakes => {
			fakes.connect.mockRejectedValueOnce('socket hang up');
		});
		await harness.waitUntil(s => s.matches('connectionFailed'));
		expect(harness.context().error).toEqual({message: 'socket hang up', kind: 'bug'});
		harness.actor.stop();
	});

	it('after an action succeeded but the refresh failed, RETRY refreshes instead of repeating the action', async () => {
		const harness = await connected();
		const {actor, fakes, recorders, sendAndWait} = harness;
		await confirmingThen('revoke')(harness);
		fakes.loadIdentities.mockRejectedValueOnce(serviceError('The store is locked.', 'local'));
		await sendAndWait({type: 'SUBMIT'}, s => s.matches({manage: 'failed'}));
		expect(harness.context().error).toEqual({message: 'The store is locked.', kind: 'local'});
		actor.send({type: 'RETRY'});
		expect(actor.getSnapshot().matches({manage: 'refreshing'})).toBe(true);
		await harness.waitUntil(s => s.matches({manage: 'identity'}));
		expect(fakes.revokeTokens).toHaveBeenCalledTimes(1);
		expect(recorders.recordRevoke).toHaveBeenCalledTimes(1);
		expect(fakes.loadIdentities).toHaveBeenCalledTimes(3);
		actor.stop();
	});

	it('after a token was issued but the refresh failed, RETRY does not issue another token', async () => {
		const harness = await connected();
		const {actor, fakes, recorders, sendAndWait} = harness;
		await manageAtLifetime(harness);
		await sendAndWait({type: 'SUBMIT'}, s => s.matches({manage: 'viewingToken'}));
		fakes.loadIdentities.mockRejectedValueOnce(serviceError('The store is locked.', 'local'));
		await sendAndWait({type: 'BACK'}, s => s.matches({manage: 'failed'}));
		await sendAndWait({type: 'RETRY'}, s => s.matches({manage: 'identity'}));
		expect(fakes.issueToken).toHaveBeenCalledTimes(1);
		expect(recorders.recordToken).toHaveBeenCalledTimes(1);
		await sendAndWait({type: 'CHOOSE_ACTION', action: 'delete'}, s => s.matches({manage: 'confirming'}));
		fakes.loadIdentities.mockRejectedValueOnce(serviceError('The store is locked.', 'local'));
		await sendAndWait({type: 'SUBMIT'}, s => s.matches({manage: 'failed'}));
		await sendAndWait({type: 'BACK'}, s => s.matches({manage: 'identity'}));
		expect(fakes.deleteUser).toHaveBeenCalledTimes(1);
		actor.stop();
	});

	it('keeps the label when saving it fails: RETRY saves it again, BACK returns to the identity', async () => {
		const harness = await connected({}, fakes => {
			fakes.renameIdentity.mockRejectedValueOnce(serviceError('The store is read-only.', 'local'));
		});
		const {actor, fakes, sendAndWait} = harness;
		await manageIdentity(harness);
		await sendAndWait({type: 'CHOOSE_ACTION', action: 'rename'}, s => s.matches({manage: 'renaming'}));
		actor.send({type: 'RETRY'});
		expect(actor.getSnapshot().matches({manage: 'renaming'})).toBe(true);
		actor.send({type: 'SUBMIT_LABEL', label: 'Alice (demo)'});
		expect(actor.getSnapshot().matches({manage: 'savingLabel'})).toBe(true);
		const failed = await harness.waitUntil(s => s.matches({manage: 'renaming'}));
		expect(failed.context).toMatchObject({
			error: {message: 'The store is read-only.', kind: 'local'},
			pendingLabel: 'Alice (demo)',
			userId: alice.id,
		});
		actor.send({type: 'RETRY'});
		expect(harness.context().error).toBeUndefined();
		await harness.waitUntil(s => s.matches({manage: 'identity'}));
		expect(fakes.renameIdentity.mock.calls.map(call => call[0])).toEqual([
			{userId: alice.id, label: 'Alice (demo)'},
			{userId: alice.id, label: 'Alice (demo)'},
		]);
		expect(harness.context().identities.find(identity => identity.id === alice.id)?.label).toBe('Alice (demo)');

		// A fresh rename screen has nothing to retry: the last saved label is not saved again.
		await sendAndWait({type: 'CHOOSE_ACTION', action: 'rename'}, s => s.matches({manage: 'renaming'}));
		actor.send({type: 'RETRY'});
		expect(actor.getSnapshot().matches({manage: 'renaming'})).toBe(true);
		await sendAndWait({type: 'BACK'}, s => s.matches({manage: 'identity'}));
		expect(fakes.renameIdentity).toHaveBeenCalledTimes(2);

		fakes.renameIdentity.mockRejectedValueOnce(serviceError('The store is read-only.', 'local'));
		await sendAndWait({type: 'CHOOSE_ACTION', action: 'rename'}, s => s.matches({manage: 'renaming'}));
		await sendAndWait({type: 'SUBMIT_LABEL', label: 'Al'}, s => s.matches({manage: 'renaming'}) && s.context.error !== undefined);
		await sendAndWait({type: 'BACK'}, s => s.matches({manage: 'identity'}));
		expect(harness.context().error).toBeUndefined();
		expect(fakes.renameIdentity).toHaveBeenCalledTimes(3);
		actor.stop();
	});
});
