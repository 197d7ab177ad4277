import {describe, expect, it} from 'vitest';
import {
	alice,
	connected,
	createdUserId,
	createExchanges,
	type Fakes,
	type Harness,
	manageIdentity,
	pendingUntilAborted,
	profileChoice,
	startWizard,
	tourToToken,
	type WizardSnapshot,
} from '../_helpers/wizard.js';

type Matcher = (snapshot: WizardSnapshot) => boolean;

type CancelCase = {
	readonly name: string;
	readonly actor: keyof Fakes;
	readonly connect?: boolean;
	/** Drives the machine to the state before the request and starts it. */
	readonly start: (harness: Harness) => Promise<void>;
	readonly running: Matcher;
	readonly afterBack: Matcher;
};

const submitFrom = (reach: (harness: Harness) => Promise<unknown>) => async (harness: Harness) => {
	await reach(harness);
	harness.actor.send({type: 'SUBMIT'});
};

const cases: readonly CancelCase[] = [
	{
		name: 'connecting',
		actor: 'connect',
		connect: false,
		start: async harness => harness.actor.send({type: 'CHOOSE_CONNECTION', choice: profileChoice}),
		running: s => s.matches('connecting'),
		afterBack: s => s.matches('choosingConnection'),
	},
	{
		name: 'tour: creating the user',
		actor: 'createUser',
		start: submitFrom(async harness => {
			await harness.sendAndWait({type: 'START_TOUR'}, s => s.matches({tour: 'connected'}));
			await harness.sendAndWait({type: 'SUBMIT'}, s => s.matches({tour: {creatingUser: 'ready'}}));
		}),
		running: s => s.matches({tour: {creatingUser: 'running'}}),
		afterBack: s => s.matches({tour: {creatingUser: 'ready'}}),
	},
	{
		name: 'tour: issuing the token',
		actor: 'issueToken',
		start: submitFrom(async harness => {
			await harness.sendAndWait({type: 'START_TOUR'}, s => s.matches({tour: 'connected'}));
			await harness.sendAndWait({type: 'SUBMIT'}, s => s.matches({tour: {creatingUser: 'ready'}}));
			await harness.sendAndWait({type: 'SUBMIT'}, s => s.matches({tour: {creatingUser: 'done'}}));
			await harness.sendAndWait({type: 'SUBMIT'}, s => s.matches({tour: 'choosingScopes'}));
			await harness.sendAndWait({type: 'SUBMIT'}, s => s.matches({tour: 'choosingLifetime'}));
		}),
		running: s => s.matches({tour: {issuingToken: 'running'}}),
		afterBack: s => s.matches({tour: 'choosingLifetime'}),
	},
	{
		name: 'tour: revoking the tokens',
		actor: 'revokeAndReissue',
		start: submitFrom(async harness => {
			await tourToToken(harness);
			await harness.sendAndWait({type: 'SUBMIT'}, s => s.matches({tour: {revokingTokens: 'ready'}}));
		}),
		running: s => s.matches({tour: {revokingTokens: 'running'}}),
		afterBack: s => s.matches({tour: {revokingTokens: 'ready'}}),
	},
	{
		name: 'tour: deleting the user',
		actor: 'deleteUser',
		start: submitFrom(async harness => {
			await tourToToken(harness);
			await harness.sendAndWait({type: 'SUBMIT'}, s => s.matches({tour: {revokingTokens: 'ready'}}));
			await harness.sendAndWait({type: 'SUBMIT'}, s => s.matches({tour: {revokingTokens: 'done'}}));
			await harness.sendAndWait({type: 'SUBMIT'}, s => s.matches({tour: {deletingUser: 'ready'}}));
		}),
		running: s => s.matches({tour: {deletingUser: 'running'}}),
		afterBack: s => s.matches({tour: {deletingUser: 'ready'}}),
	},
	{
		name: 'manage: issuing a token',
		actor: 'issueToken',
		start: submitFrom(async harness => {
			await manageIdentity(harness);
			await harness.sendAndWait({type: 'CHOOSE_ACTION', action: 'issue'}, s => s.matches({manage: 'choosingScopes'}));
			await harness.sendAndWait({type: 'SUBMIT'}, s => s.matches({manage: 'choosingLifetime'}));
		}),
		running: s => s.matches({manage: 'issuing'}),
		afterBack: s => s.matches({manage: 'choosingLifetime'}),
	},
	{
		name: 'manage: revoking',
		actor: 'revokeTokens',
		start: submitFrom(async harness => {
			await manageIdentity(harness);
			await harness.sendAndWait({type: 'CHOOSE_ACTION', action: 'revoke'}, s => s.matches({manage: 'confirming'}));
		}),
		running: s => s.matches({manage: 'revoking'}),
		afterBack: s => s.matches({manage: 'identity'}),
	},
	{
		name: 'manage: deleting',
		actor: 'deleteUser',
		start: submitFrom(async harness => {
			await manageIdentity(harness);
			await harness.sendAndWait({type: 'CHOOSE_ACTION', action: 'delete'}, s => s.matches({manage: 'confirming'}));
		}),
		running: s => s.matches({manage: 'deleting'}),
		afterBack: s => s.matches({manage: 'identity'}),
	},
];

describe.each(cases)('Esc while a request is in flight: $name', cancelCase => {
	async function inFlight(): Promise<{harness: Harness; signal: AbortSignal}> {
		const configure = (fakes: Fakes) => {
			fakes[cancelCase.actor].mockImplementationOnce((_input: unknown, signal: AbortSignal) => pendingUntilAborted(signal));
		};
		const harness = cancelCase.connect === false ? startWizard({}, configure) : await connected({}, configure);
		await cancelCase.start(harness);
		await harness.waitUntil(cancelCase.running);
		const signal = harness.fakes[cancelCase.actor].mock.calls[0]?.[1];
		if (signal === undefined) {
			throw new Error(`${cancelCase.actor} was not started`);
		}
		expect(signal.aborted).toBe(false);
		return {harness, signal};
	}

	it('aborts the request’s signal and goes back', async () => {
		const {harness, signal} = await inFlight();
		await harness.sendAndWait({type: 'BACK'}, cancelCase.afterBack);
		expect(signal.aborted).toBe(true);
		expect(harness.context().error).toBeUndefined();
		expect(harness.actor.getSnapshot().hasTag('busy')).toBe(false);
		harness.actor.stop();
	});

	it('aborts the request’s signal when the wizard quits', async () => {
		const {harness, signal} = await inFlight();
		harness.actor.stop();
		expect(signal.aborted).toBe(true);
	});
});

describe('a cancelled request', () => {
	it('is ignored if it answers anyway, and a new attempt runs afresh', async () => {
		let answer: (() => void) | undefined;
		const late = new Promise<void>(resolve => {
			answer = resolve;
		});
		const harness = await connected({}, fakes => {
			fakes.createUser.mockImplementationOnce(async () => {
				await late;
				return {id: '8:acs:late', exchanges: createExchanges};
			});
		});
		const {actor, fakes, recorders, sendAndWait} = harness;
		await sendAndWait({type: 'START_TOUR'}, s => s.matches({tour: 'connected'}));
		await sendAndWait({type: 'SUBMIT'}, s => s.matches({tour: {creatingUser: 'ready'}}));
		await sendAndWait({type: 'SUBMIT'}, s => s.matches({tour: {creatingUser: 'running'}}));
		await sendAndWait({type: 'BACK'}, s => s.matches({tour: {creatingUser: 'ready'}}));
		answer?.();
		await fakes.createUser.mock.results[0]?.value;
		expect(actor.getSnapshot().matches({tour: {creatingUser: 'ready'}})).toBe(true);
		expect(harness.context().userId).toBeUndefined();
		expect(recorders.recordIdentity).not.toHaveBeenCalled();

		await sendAndWait({type: 'SUBMIT'}, s => s.matches({tour: {creatingUser: 'done'}}));
		expect(harness.context().userId).toBe(createdUserId);
		expect(recorders.recordIdentity).toHaveBeenCalledTimes(1);
		expect(fakes.createUser).toHaveBeenCalledTimes(2);
		actor.stop();
	});

	it('keeps the scopes, lifetime and user when an issue is cancelled', async () => {
		const harness = await connected({}, fakes => {
			fakes.issueToken.mockImplementationOnce((_input, signal) => pendingUntilAborted(signal));
		});
		await manageIdentity(harness);
		await harness.sendAndWait({type: 'CHOOSE_ACTION', action: 'issue'}, s => s.matches({manage: 'choosingScopes'}));
		harness.actor.send({type: 'TOGGLE_SCOPE', scope: 'chat'});
		await harness.sendAndWait({type: 'SUBMIT'}, s => s.matches({manage: 'choosingLifetime'}));
		harness.actor.send({type: 'SET_LIFETIME', minutes: 75});
		await harness.sendAndWait({type: 'SUBMIT'}, s => s.matches({manage: 'issuing'}));
		await harness.sendAndWait({type: 'BACK'}, s => s.matches({manage: 'choosingLifetime'}));
		expect(harness.context()).toMatchObject({userId: alice.id, scopes: ['voip'], lifetimeMinutes: 75, token: undefined});
		harness.actor.stop();
	});
});
