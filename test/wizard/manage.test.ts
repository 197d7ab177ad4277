import {describe, expect, it} from 'vitest';
import {defaultLifetimeMinutes} from '../../source/protocol/scopes.js';
import {
	alice,
	bob,
	connected,
	createdUserId,
	deleteExchanges,
	issueExchanges,
	manageIdentity,
	revokeExchanges,
	serviceError,
	storedIdentities,
	tokenFor,
} from '../_helpers/wizard.js';

describe('manage', () => {
	it('lists the stored identities, opens one and goes back to the list and the menu', async () => {
		const harness = await connected();
		const {actor, fakes, sendAndWait, context} = harness;
		actor.send({type: 'MANAGE'});
		expect(actor.getSnapshot().matches({manage: 'loading'})).toBe(true);
		await harness.waitUntil(s => s.matches({manage: 'list'}));
		expect(fakes.loadIdentities).toHaveBeenCalledTimes(1);
		expect(context().identities).toEqual(storedIdentities);
		await sendAndWait({type: 'SELECT_IDENTITY', id: bob.id}, s => s.matches({manage: 'identity'}));
		expect(context().userId).toBe(bob.id);
		await sendAndWait({type: 'BACK'}, s => s.matches({manage: 'list'}));
		expect(context().userId).toBeUndefined();
		await sendAndWait({type: 'BACK'}, s => s.matches('menu'));
		actor.stop();
	});

	it('issues a token: scopes (one required), lifetime, issuing, the token, and back refreshes', async () => {
		const harness = await connected();
		const {actor, fakes, recorders, watchers, sendAndWait, context} = harness;
		await manageIdentity(harness);
		await sendAndWait({type: 'CHOOSE_ACTION', action: 'issue'}, s => s.matches({manage: 'choosingScopes'}));
		expect(context().action).toBe('issue');
		actor.send({type: 'TOGGLE_SCOPE', scope: 'chat'});
		actor.send({type: 'TOGGLE_SCOPE', scope: 'voip'});
		actor.send({type: 'SUBMIT'});
		expect(actor.getSnapshot().matches({manage: 'choosingScopes'})).toBe(true);
		actor.send({type: 'TOGGLE_SCOPE', scope: 'voip.join'});
		await sendAndWait({type: 'SUBMIT'}, s => s.matches({manage: 'choosingLifetime'}));
		await sendAndWait({type: 'BACK'}, s => s.matches({manage: 'choosingScopes'}));
		expect(context().scopes).toEqual(['voip.join']);
		// Whatever order they are ticked in, the scopes keep the list's order.
		actor.send({type: 'TOGGLE_SCOPE', scope: 'chat.join'});
		actor.send({type: 'TOGGLE_SCOPE', scope: 'chat'});
		expect(context().scopes).toEqual(['chat', 'chat.join', 'voip.join']);
		actor.send({type: 'TOGGLE_SCOPE', scope: 'chat.join'});
		actor.send({type: 'TOGGLE_SCOPE', scope: 'chat'});
		expect(context().scopes).toEqual(['voip.join']);
		await sendAndWait({type: 'SUBMIT'}, s => s.matches({manage: 'choosingLifetime'}));
		expect(context().lifetimeMinutes).toBe(defaultLifetimeMinutes);
		actor.send({type: 'SET_LIFETIME', minutes: 60});
		actor.send({type: 'SUBMIT'});
		expect(actor.getSnapshot().matches({manage: 'issuing'})).toBe(true);
		await harness.waitUntil(s => s.matches({manage: 'viewingToken'}));

		const input = {userId: alice.id, scopes: ['voip.join'], lifetimeMinutes: 60} as const;
		expect(fakes.issueToken.mock.calls[0]?.[0]).toEqual(input);
		const token = tokenFor(input, 1);
		expect(context()).toMatchObject({token, tokenStatus: 'checking', exchanges: issueExchanges, revealed: false});
		expect(recorders.recordToken).toHaveBeenCalledTimes(1);
		expect(recorders.recordToken.mock.calls[0]?.[0].context).toMatchObject({userId: alice.id, token});
		actor.send({type: 'TOGGLE_REVEAL'});
		expect(context().revealed).toBe(true);
		expect(watchers.map(watcher => watcher.token)).toEqual([token.token]);
		watchers[0]?.report({type: 'TOKEN_STATUS', status: 'valid'});
		expect(context().tokenStatus).toBe('valid');

		actor.send({type: 'BACK'});
		expect(actor.getSnapshot().matches({manage: 'refreshing'})).toBe(true);
		expect(watchers[0]?.stopped).toBe(true);
		await harness.waitUntil(s => s.matches({manage: 'identity'}));
		expect(fakes.loadIdentities).toHaveBeenCalledTimes(2);
		expect(context().userId).toBe(alice.id);
		actor.stop();
	});

	it('submitting on the token view refreshes too', async () => {
		const harness = await connected();
		await manageIdentity(harness);
		await harness.sendAndWait({type: 'CHOOSE_ACTION', action: 'issue'}, s => s.matches({manage: 'choosingScopes'}));
		await harness.sendAndWait({type: 'SUBMIT'}, s => s.matches({manage: 'choosingLifetime'}));
		await harness.sendAndWait({type: 'SUBMIT'}, s => s.matches({manage: 'viewingToken'}));
		await harness.sendAndWait({type: 'SUBMIT'}, s => s.matches({manage: 'identity'}));
		expect(harness.fakes.loadIdentities).toHaveBeenCalledTimes(2);
		harness.actor.stop();
	});

	it('refuses to reveal a token in presenter mode', async () => {
		const harness = await connected({presenter: true});
		await manageIdentity(harness);
		await harness.sendAndWait({type: 'CHOOSE_ACTION', action: 'issue'}, s => s.matches({manage: 'choosingScopes'}));
		await harness.sendAndWait({type: 'SUBMIT'}, s => s.matches({manage: 'choosingLifetime'}));
		await harness.sendAndWait({type: 'SUBMIT'}, s => s.matches({manage: 'viewingToken'}));
		harness.actor.send({type: 'TOGGLE_REVEAL'});
		expect(harness.context().revealed).toBe(false);
		harness.actor.stop();
	});

	it('revokes after confirming, records it once, and refreshes', async () => {
		const harness = await connected();
		const {actor, fakes, recorders, sendAndWait, context} = harness;
		await manageIdentity(harness);
		await sendAndWait({type: 'CHOOSE_ACTION', action: 'revoke'}, s => s.matches({manage: 'confirming'}));
		expect(context().action).toBe('revoke');
		expect(fakes.revokeTokens).not.toHaveBeenCalled();
		actor.send({type: 'SUBMIT'});
		expect(actor.getSnapshot().matches({manage: 'revoking'})).toBe(true);
		await harness.waitUntil(s => s.matches({manage: 'identity'}));
		expect(fakes.revokeTokens.mock.calls[0]?.[0]).toEqual({userId: alice.id});
		expect(fakes.loadIdentities).toHaveBeenCalledTimes(2);
		expect(context().exchanges).toEqual(revokeExchanges);
		expect(recorders.recordRevoke).toHaveBeenCalledTimes(1);
		expect(recorders.recordRevoke.mock.calls[0]?.[0].context.userId).toBe(alice.id);
		expect(recorders.recordDelete).not.toHaveBeenCalled();
		actor.stop();
	});

	it('deletes after confirming, records it once, and refreshes', async () => {
		const harness = await connected();
		const {actor, fakes, recorders, sendAndWait, context} = harness;
		await manageIdentity(harness, bob.id);
		await sendAndWait({type: 'CHOOSE_ACTION', action: 'delete'}, s => s.matches({manage: 'confirming'}));
		actor.send({type: 'SUBMIT'});
		expect(actor.getSnapshot().matches({manage: 'deleting'})).toBe(true);
		await harness.waitUntil(s => s.matches({manage: 'identity'}));
		expect(fakes.deleteUser.mock.calls[0]?.[0]).toEqual({userId: bob.id});
		expect(context().exchanges).toEqual(deleteExchanges);
		expect(recorders.recordDelete).toHaveBeenCalledTimes(1);
		expect(recorders.recordDelete.mock.calls[0]?.[0].context.userId).toBe(bob.id);
		expect(recorders.recordRevoke).not.toHaveBeenCalled();
		actor.stop();
	});

	it('forgets locally after confirming and returns to the shorter list', async () => {
		const harness = await connected();
		const {actor, fakes, recorders, sendAndWait, context} = harness;
		await manageIdentity(harness);
		await sendAndWait({type: 'CHOOSE_ACTION', action: 'forget'}, s => s.matches({manage: 'confirming'}));
		actor.send({type: 'SUBMIT'});
		expect(actor.getSnapshot().matches({manage: 'forgetting'})).toBe(true);
		await harness.waitUntil(s => s.matches({manage: 'list'}));
		expect(fakes.forgetIdentity.mock.calls[0]?.[0]).toEqual({userId: alice.id});
		expect(context()).toMatchObject({identities: [bob], userId: undefined});
		expect(fakes.deleteUser).not.toHaveBeenCalled();
		expect(recorders.recordDelete).not.toHaveBeenCalled();
		actor.stop();
	});

	it('cancels a destructive step at the confirmation', async () => {
		const harness = await connected();
		const {actor, fakes, sendAndWait} = harness;
		await manageIdentity(harness);
		for (const action of ['revoke', 'delete', 'forget'] as const) {
			await sendAndWait({type: 'CHOOSE_ACTION', action}, s => s.matches({manage: 'confirming'}));
			await sendAndWait({type: 'BACK'}, s => s.matches({manage: 'identity'}));
		}
		expect(fakes.revokeTokens).not.toHaveBeenCalled();
		expect(fakes.deleteUser).not.toHaveBeenCalled();
		expect(fakes.forgetIdentity).not.toHaveBeenCalled();
		actor.stop();
	});

	it('renames through renaming → savingLabel → identity', async () => {
		const harness = await connected();
		const {actor, fakes, sendAndWait, context} = harness;
		await manageIdentity(harness, bob.id);
		await sendAndWait({type: 'CHOOSE_ACTION', action: 'rename'}, s => s.matches({manage: 'renaming'}));
		await sendAndWait({type: 'BACK'}, s => s.matches({manage: 'identity'}));
		await sendAndWait({type: 'CHOOSE_ACTION', action: 'rename'}, s => s.matches({manage: 'renaming'}));
		actor.send({type: 'SUBMIT_LABEL', label: 'Bob (demo)'});
		expect(actor.getSnapshot().matches({manage: 'savingLabel'})).toBe(true);
		await harness.waitUntil(s => s.matches({manage: 'identity'}));
		expect(fakes.renameIdentity.mock.calls[0]?.[0]).toEqual({userId: bob.id, label: 'Bob (demo)'});
		expect(context().identities.find(identity => identity.id === bob.id)?.label).toBe('Bob (demo)');
		expect(context().userId).toBe(bob.id);
		actor.stop();
	});

	it('refuses issue, revoke and delete on an identity deleted on the service; rename and forget still work', async () => {
		const gone = {...bob, deletedAt: '2024-05-03T10:06:00.000Z'};
		const harness = await connected({}, fakes => {
			fakes.loadIdentities.mockResolvedValue({identities: [alice, gone]});
		});
		const {actor, sendAndWait} = harness;
		await manageIdentity(harness, gone.id);
		for (const action of ['issue', 'revoke', 'delete'] as const) {
			actor.send({type: 'CHOOSE_ACTION', action});
			expect(actor.getSnapshot().matches({manage: 'identity'})).toBe(true);
		}

		await sendAndWait({type: 'CHOOSE_ACTION', action: 'forget'}, s => s.matches({manage: 'confirming'}));
		await sendAndWait({type: 'BACK'}, s => s.matches({manage: 'identity'}));
		await sendAndWait({type: 'CHOOSE_ACTION', action: 'rename'}, s => s.matches({manage: 'renaming'}));
		actor.stop();
	});

	it('takes only whole minutes from 60 to 1440 as the lifetime', async () => {
		const harness = await connected();
		const {actor, sendAndWait, context} = harness;
		await manageIdentity(harness);
		await sendAndWait({type: 'CHOOSE_ACTION', action: 'issue'}, s => s.matches({manage: 'choosingScopes'}));
		await sendAndWait({type: 'SUBMIT'}, s => s.matches({manage: 'choosingLifetime'}));
		for (const minutes of [59, 1441, 90.5, Number.NaN]) {
			actor.send({type: 'SET_LIFETIME', minutes});
			expect(context().lifetimeMinutes).toBe(defaultLifetimeMinutes);
		}

		actor.send({type: 'SET_LIFETIME', minutes: 75});
		expect(context().lifetimeMinutes).toBe(75);
		actor.stop();
	});

	it("opens a view's field in the machine: typing while it is open, Esc closes the field and not the view, and only the view's own fields open", async () => {
		const harness = await connected();
		const {actor, sendAndWait, context} = harness;
		await sendAndWait({type: 'MANAGE'}, s => s.matches({manage: 'list'}));
		// The token view's fields do not open in the list.
		actor.send({type: 'OPEN_FIELD', field: 'file'});
		expect(actor.getSnapshot().matches({manage: {list: 'viewing'}})).toBe(true);
		await sendAndWait({type: 'OPEN_FIELD', field: 'filter'}, s => s.matches({manage: {list: 'field'}}));
		expect(actor.getSnapshot().hasTag('typing')).toBe(true);
		expect(context().openField).toBe('filter');
		// Enter is the field's: the list stays.
		actor.send({type: 'SUBMIT'});
		expect(actor.getSnapshot().matches({manage: {list: 'field'}})).toBe(true);
		await sendAndWait({type: 'BACK'}, s => s.matches({manage: {list: 'viewing'}}));
		expect(actor.getSnapshot().hasTag('typing')).toBe(false);
		expect(context().openField).toBeUndefined();
		// Esc again leaves the list.
		await sendAndWait({type: 'BACK'}, s => s.matches('menu'));
		actor.stop();
	});

	it('creates an identity with a label: naming → creating → loading → the list, with it in hand', async () => {
		const harness = await connected();
		const {actor, fakes, recorders, sendAndWait, context} = harness;
		await sendAndWait({type: 'MANAGE'}, s => s.matches({manage: 'list'}));
		await sendAndWait({type: 'CREATE_IDENTITY'}, s => s.matches({manage: 'naming'}));
		expect(actor.getSnapshot().hasTag('typing')).toBe(true);
		await sendAndWait({type: 'BACK'}, s => s.matches({manage: 'list'}));
		expect(fakes.createUser).not.toHaveBeenCalled();

		fakes.createUser.mockRejectedValueOnce(serviceError('The label carol is already used.', 'local'));
		await sendAndWait({type: 'CREATE_IDENTITY'}, s => s.matches({manage: 'naming'}));
		await sendAndWait({type: 'SUBMIT_LABEL', label: 'carol'}, s => s.matches({manage: 'naming'}) && s.context.error !== undefined);
		expect(context()).toMatchObject({pendingLabel: 'carol', error: {message: 'The label carol is already used.'}});
		expect(recorders.recordIdentity).not.toHaveBeenCalled();

		await sendAndWait({type: 'SUBMIT_LABEL', label: 'carol2'}, s => s.matches({manage: 'list'}));
		expect(fakes.createUser.mock.calls.map(call => call[0])).toEqual([{label: 'carol'}, {label: 'carol2'}]);
		expect(context().userId).toBe(createdUserId);
		expect(recorders.recordIdentity).toHaveBeenCalledTimes(1);
		expect(recorders.recordIdentity.mock.calls[0]?.[0].context).toMatchObject({userId: createdUserId, pendingLabel: 'carol2'});
		// The list was read again after the record.
		expect(fakes.loadIdentities).toHaveBeenCalledTimes(2);

		// An empty label is none.
		await sendAndWait({type: 'CREATE_IDENTITY'}, s => s.matches({manage: 'naming'}));
		await sendAndWait({type: 'SUBMIT_LABEL', label: ''}, s => s.matches({manage: 'list'}));
		expect(fakes.createUser.mock.calls[2]?.[0]).toEqual({label: undefined});
		actor.stop();
	});
});
