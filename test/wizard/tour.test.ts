import {describe, expect, it} from 'vitest';
import {defaultLifetimeMinutes} from '../../source/protocol/scopes.js';
import {
	connected,
	connectExchanges,
	createdUserId,
	createExchanges,
	deleteExchanges,
	emulatorChoice,
	emulatorConnection,
	issueExchanges,
	profileChoice,
	profileConnection,
	freshTokenExchanges,
	startWizard,
	storedIdentities,
	tokenFor,
	tourToToken,
} from '../_helpers/wizard.js';

describe('connecting', () => {
	it('connects at once with the auto-connect choice and lands on the menu', async () => {
		const {actor, fakes, waitUntil, context} = startWizard({autoConnect: emulatorChoice});
		expect(actor.getSnapshot().matches('connecting')).toBe(true);
		expect(actor.getSnapshot().hasTag('busy')).toBe(true);
		await waitUntil(s => s.matches('menu'));
		expect(fakes.connect).toHaveBeenCalledTimes(1);
		expect(fakes.connect.mock.calls[0]?.[0]).toEqual({choice: emulatorChoice});
		expect(context()).toMatchObject({
			connection: emulatorConnection,
			identities: storedIdentities,
			exchanges: connectExchanges,
			error: undefined,
		});
		actor.stop();
	});

	it('connects with the chosen profile from the first screen', async () => {
		const {actor, fakes, sendAndWait, context} = startWizard();
		expect(actor.getSnapshot().matches('choosingConnection')).toBe(true);
		expect(fakes.connect).not.toHaveBeenCalled();
		await sendAndWait({type: 'CHOOSE_CONNECTION', choice: profileChoice}, s => s.matches('menu'));
		expect(fakes.connect.mock.calls[0]?.[0]).toEqual({choice: profileChoice});
		expect(context().connection).toEqual(profileConnection);
		expect(context().pendingChoice).toEqual(profileChoice);
		actor.stop();
	});

	it('connects with a pasted connection string, and Esc leaves the paste screen', async () => {
		const {actor, fakes, sendAndWait} = startWizard();
		await sendAndWait({type: 'PASTE_CONNECTION_STRING'}, s => s.matches('pastingConnectionString'));
		await sendAndWait({type: 'BACK'}, s => s.matches('choosingConnection'));
		await sendAndWait({type: 'PASTE_CONNECTION_STRING'}, s => s.matches('pastingConnectionString'));
		const pasted = {kind: 'pasted', connectionString: 'endpoint=https://x.communication.azure.com/;accesskey=a2V5'} as const;
		await sendAndWait({type: 'CHOOSE_CONNECTION', choice: pasted}, s => s.matches('menu'));
		expect(fakes.connect.mock.calls[0]?.[0]).toEqual({choice: pasted});
		actor.stop();
	});

	it('switches to another connection from the menu', async () => {
		const harness = await connected();
		await harness.sendAndWait({type: 'SWITCH_CONNECTION'}, s => s.matches('choosingConnection'));
		await harness.sendAndWait({type: 'CHOOSE_CONNECTION', choice: profileChoice}, s => s.matches('menu'));
		expect(harness.context().connection).toEqual(profileConnection);
		expect(harness.fakes.connect).toHaveBeenCalledTimes(2);
		harness.actor.stop();
	});
});

describe('the guided tour', () => {
	it('walks connect → create user → scopes → lifetime → token → revoke → delete → finished → menu', async () => {
		const {actor, fakes, recorders, watchers, sendAndWait, context} = await connected();

		await sendAndWait({type: 'START_TOUR'}, s => s.matches({tour: 'connected'}));
		expect(context()).toMatchObject({userId: undefined, exchanges: [], connection: emulatorConnection});

		// Step 2: create a user.
		await sendAndWait({type: 'SUBMIT'}, s => s.matches({tour: {creatingUser: 'ready'}}));
		expect(fakes.createUser).not.toHaveBeenCalled();
		actor.send({type: 'SUBMIT'});
		expect(actor.getSnapshot().matches({tour: {creatingUser: 'running'}})).toBe(true);
		await sendAndWait({type: 'TOGGLE_CODE_LANGUAGE'}, s => s.matches({tour: {creatingUser: 'done'}}));
		expect(context()).toMatchObject({userId: createdUserId, exchanges: createExchanges, codeLanguage: 'python'});
		expect(recorders.recordIdentity).toHaveBeenCalledTimes(1);
		const identityRecord = recorders.recordIdentity.mock.calls[0]?.[0];
		expect(identityRecord?.context.userId).toBe(createdUserId);
		expect(identityRecord?.event).toMatchObject({output: {id: createdUserId}});

		// Step 3: choose scopes; at least one is required.
		await sendAndWait({type: 'SUBMIT'}, s => s.matches({tour: 'choosingScopes'}));
		expect(context().scopes).toEqual(['chat', 'voip']);
		actor.send({type: 'TOGGLE_SCOPE', scope: 'chat'});
		actor.send({type: 'TOGGLE_SCOPE', scope: 'voip'});
		expect(context().scopes).toEqual([]);
		actor.send({type: 'SUBMIT'});
		expect(actor.getSnapshot().matches({tour: 'choosingScopes'})).toBe(true);
		actor.send({type: 'TOGGLE_SCOPE', scope: 'voip'});
		actor.send({type: 'TOGGLE_SCOPE', scope: 'chat.join'});
		expect(context().scopes).toEqual(['voip', 'chat.join']);

		// Step 3b: lifetime, 1440 minutes unless changed.
		await sendAndWait({type: 'SUBMIT'}, s => s.matches({tour: 'choosingLifetime'}));
		expect(context().lifetimeMinutes).toBe(defaultLifetimeMinutes);
		actor.send({type: 'SET_LIFETIME', minutes: 90});
		expect(context().lifetimeMinutes).toBe(90);

		// Step 4: issue the token.
		actor.send({type: 'SUBMIT'});
		expect(actor.getSnapshot().matches({tour: {issuingToken: 'running'}})).toBe(true);
		await sendAndWait({type: 'TOGGLE_CODE_LANGUAGE'}, s => s.matches({tour: 'viewingToken'}));
		expect(context().codeLanguage).toBe('typescript');
		expect(fakes.issueToken).toHaveBeenCalledTimes(1);
		const issueInput = {userId: createdUserId, scopes: ['voip', 'chat.join'], lifetimeMinutes: 90} as const;
		expect(fakes.issueToken.mock.calls[0]?.[0]).toEqual(issueInput);
		const token = tokenFor(issueInput, 1);
		expect(context()).toMatchObject({token, tokenStatus: 'checking', revealed: false, exchanges: issueExchanges});
		expect(recorders.recordToken).toHaveBeenCalledTimes(1);
		expect(recorders.recordToken.mock.calls[0]?.[0].context).toMatchObject({userId: createdUserId, token});

		// The token view: reveal toggles; the watcher's status lands in context.
		actor.send({type: 'TOGGLE_REVEAL'});
		expect(context().revealed).toBe(true);
		actor.send({type: 'TOGGLE_REVEAL'});
		expect(context().revealed).toBe(false);
		expect(watchers).toHaveLength(1);
		expect(watchers[0]?.token).toBe(token.token);
		watchers[0]?.report({type: 'TOKEN_STATUS', status: 'valid'});
		expect(context().tokenStatus).toBe('valid');

		// Step 5: revoke; the status keeps being watched on this screen, so the learner sees it flip.
		await sendAndWait({type: 'SUBMIT'}, s => s.matches({tour: {revokingTokens: 'ready'}}));
		expect(watchers[0]?.stopped).toBe(true);
		expect(watchers).toHaveLength(2);
		await sendAndWait({type: 'SUBMIT'}, s => s.matches({tour: {revokingTokens: 'done'}}));
		// Revoked, then a new token for the same identity, scopes and lifetime: both checked once, then watched.
		expect(fakes.revokeAndReissue.mock.calls).toEqual([
			[{...issueInput, revokedToken: token.token}, expect.any(AbortSignal)],
		]);
		expect(fakes.revokeTokens).not.toHaveBeenCalled();
		expect(context().exchanges).toEqual(freshTokenExchanges);
		const fresh = context().freshToken;
		expect(fresh?.token).not.toBe(token.token);
		expect(fresh?.scopes).toEqual(issueInput.scopes);
		expect(context()).toMatchObject({tokenStatus: 'revoked', freshTokenStatus: 'valid'});
		expect(recorders.recordRevoke).toHaveBeenCalledTimes(1);
		expect(recorders.recordRevoke.mock.calls[0]?.[0].context.userId).toBe(createdUserId);
		expect(recorders.recordFreshToken).toHaveBeenCalledTimes(1);
		expect(watchers).toHaveLength(3);
		expect(watchers[2]).toMatchObject({token: fresh?.token, of: 'fresh', stopped: false});
		watchers[1]?.report({type: 'TOKEN_STATUS', status: 'checking'});
		watchers[2]?.report({type: 'TOKEN_STATUS', status: 'expired', of: 'fresh'});
		expect(context()).toMatchObject({tokenStatus: 'checking', freshTokenStatus: 'expired'});
		expect(watchers[1]?.stopped).toBe(false);

		// Step 6: delete the user.
		await sendAndWait({type: 'SUBMIT'}, s => s.matches({tour: {deletingUser: 'ready'}}));
		await sendAndWait({type: 'SUBMIT'}, s => s.matches({tour: {deletingUser: 'done'}}));
		expect(fakes.deleteUser.mock.calls).toEqual([[{userId: createdUserId}, expect.any(AbortSignal)]]);
		expect(context().exchanges).toEqual(deleteExchanges);
		expect(recorders.recordDelete).toHaveBeenCalledTimes(1);
		expect(recorders.recordDelete.mock.calls[0]?.[0].context.userId).toBe(createdUserId);
		expect(watchers[2]?.stopped).toBe(true);
		watchers[3]?.report({type: 'TOKEN_STATUS', status: 'deleted'});
		expect(context().tokenStatus).toBe('deleted');

		await sendAndWait({type: 'SUBMIT'}, s => s.matches({tour: 'finished'}));
		expect(watchers.every(watcher => watcher.stopped)).toBe(true);
		await sendAndWait({type: 'SUBMIT'}, s => s.matches('menu'));
		expect(context()).toMatchObject({
			token: undefined,
			tokenStatus: undefined,
			freshToken: undefined,
			freshTokenStatus: undefined,
			revealed: false,
			error: undefined,
		});

		// Each store write happened exactly once over the whole tour.
		expect(recorders.recordIdentity).toHaveBeenCalledTimes(1);
		expect(recorders.recordToken).toHaveBeenCalledTimes(1);
		expect(recorders.recordRevoke).toHaveBeenCalledTimes(1);
		expect(recorders.recordDelete).toHaveBeenCalledTimes(1);
		expect(fakes.createUser).toHaveBeenCalledTimes(1);
		actor.stop();
	});

	it('goes back a step at a time without losing the user, scopes or lifetime', async () => {
		const harness = await connected();
		const {actor, sendAndWait, context, fakes, recorders} = harness;
		await tourToToken(harness);
		await sendAndWait({type: 'BACK'}, s => s.matches({tour: 'choosingLifetime'}));
		await sendAndWait({type: 'BACK'}, s => s.matches({tour: 'choosingScopes'}));
		await sendAndWait({type: 'BACK'}, s => s.matches({tour: {creatingUser: 'done'}}));
		expect(context()).toMatchObject({userId: createdUserId, scopes: ['chat', 'voip'], lifetimeMinutes: defaultLifetimeMinutes});
		await sendAndWait({type: 'BACK'}, s => s.matches({tour: 'connected'}));
		await sendAndWait({type: 'BACK'}, s => s.matches('menu'));
		expect(fakes.createUser).toHaveBeenCalledTimes(1);
		expect(recorders.recordIdentity).toHaveBeenCalledTimes(1);
		actor.stop();
	});

	it('goes back from the revoke and delete steps to the previous screens', async () => {
		const harness = await connected();
		const {actor, sendAndWait} = harness;
		await tourToToken(harness);
		await sendAndWait({type: 'SUBMIT'}, s => s.matches({tour: {revokingTokens: 'ready'}}));
		await sendAndWait({type: 'BACK'}, s => s.matches({tour: 'viewingToken'}));
		await sendAndWait({type: 'SUBMIT'}, s => s.matches({tour: {revokingTokens: 'ready'}}));
		await sendAndWait({type: 'SUBMIT'}, s => s.matches({tour: {revokingTokens: 'done'}}));
		await sendAndWait({type: 'BACK'}, s => s.matches({tour: 'viewingToken'}));
		await sendAndWait({type: 'SUBMIT'}, s => s.matches({tour: {revokingTokens: 'ready'}}));
		await sendAndWait({type: 'SUBMIT'}, s => s.matches({tour: {revokingTokens: 'done'}}));
		await sendAndWait({type: 'SUBMIT'}, s => s.matches({tour: {deletingUser: 'ready'}}));
		await sendAndWait({type: 'BACK'}, s => s.matches({tour: {revokingTokens: 'done'}}));
		await sendAndWait({type: 'SUBMIT'}, s => s.matches({tour: {deletingUser: 'ready'}}));
		await sendAndWait({type: 'SUBMIT'}, s => s.matches({tour: {deletingUser: 'done'}}));
		await sendAndWait({type: 'SUBMIT'}, s => s.matches({tour: 'finished'}));
		await sendAndWait({type: 'BACK'}, s => s.matches('menu'));
		expect(actor.getSnapshot().matches('menu')).toBe(true);
		actor.stop();
	});

	it('starts a second tour afresh, without the first tour’s user', async () => {
		const harness = await connected();
		await tourToToken(harness);
		harness.actor.send({type: 'BACK'});
		harness.actor.send({type: 'BACK'});
		harness.actor.send({type: 'BACK'});
		harness.actor.send({type: 'BACK'});
		await harness.sendAndWait({type: 'BACK'}, s => s.matches('menu'));
		await harness.sendAndWait({type: 'START_TOUR'}, s => s.matches({tour: 'connected'}));
		expect(harness.context()).toMatchObject({userId: undefined, token: undefined, exchanges: []});
		harness.actor.stop();
	});
});

describe('presenter mode and the code language', () => {
	it('refuses to reveal the token in presenter mode', async () => {
		const harness = await connected({presenter: true});
		expect(harness.context().presenter).toBe(true);
		await tourToToken(harness);
		harness.actor.send({type: 'TOGGLE_REVEAL'});
		expect(harness.context().revealed).toBe(false);
		harness.actor.stop();
	});

	it('hides a revealed token when presenter mode is switched on, and reveals again once it is off', async () => {
		const harness = await connected();
		await tourToToken(harness);
		const {actor, context} = harness;
		actor.send({type: 'TOGGLE_REVEAL'});
		expect(context().revealed).toBe(true);
		actor.send({type: 'TOGGLE_PRESENTER'});
		expect(context()).toMatchObject({presenter: true, revealed: false});
		actor.send({type: 'TOGGLE_REVEAL'});
		expect(context().revealed).toBe(false);
		actor.send({type: 'TOGGLE_PRESENTER'});
		actor.send({type: 'TOGGLE_REVEAL'});
		expect(context()).toMatchObject({presenter: false, revealed: true});
		expect(actor.getSnapshot().matches({tour: 'viewingToken'})).toBe(true);
		actor.stop();
	});

	it('flips the code language between TypeScript and Python on any screen', async () => {
		const {actor, context} = startWizard();
		expect(context().codeLanguage).toBe('typescript');
		actor.send({type: 'TOGGLE_CODE_LANGUAGE'});
		expect(context().codeLanguage).toBe('python');
		actor.send({type: 'TOGGLE_CODE_LANGUAGE'});
		expect(context().codeLanguage).toBe('typescript');
		expect(actor.getSnapshot().matches('choosingConnection')).toBe(true);
		actor.stop();
	});

	it('shows a failed store write as a notice without leaving the screen', async () => {
		const harness = await connected();
		harness.actor.send({type: 'STORE_FAILED', message: 'The store at /tmp/x is locked.'});
		expect(harness.context().notice).toBe('The store at /tmp/x is locked.');
		expect(harness.actor.getSnapshot().matches('menu')).toBe(true);
		harness.actor.stop();
	});
});
