import {describe, expect, it} from 'vitest';
import {alice, bob, connected, manageIdentity} from '../_helpers/wizard.js';

const storedToken = 'eyJhbGciOiJSUzI1NiJ9.eyJza3lwZWlkIjoiYWNzOmFsaWNlIn0.c2lnbmF0dXJl';
const aliceWithToken = {...alice, lastToken: {scopes: ['chat', 'not-a-scope'], issuedAt: '2024-05-03T10:00:00.000Z', expiresOn: '2024-05-04T10:00:00.000Z', token: storedToken}};

describe('VIEW_STORED_TOKEN', () => {
	it("opens the token view with the identity's stored token, watched live; BACK refreshes and returns to the identity", async () => {
		const harness = await connected({}, fakes => {
			fakes.connect.mockImplementation(async input => ({
				connection: {profileName: 'emulator', endpoint: 'http://127.0.0.1:41234/', isEmulator: input.choice.kind === 'emulator'},
				identities: [aliceWithToken, bob],
				exchanges: [],
			}));
			fakes.loadIdentities.mockImplementation(async () => ({identities: [aliceWithToken, bob]}));
		});
		await manageIdentity(harness);
		const viewing = await harness.sendAndWait({type: 'VIEW_STORED_TOKEN'}, s => s.matches({manage: 'viewingToken'}));
		expect(viewing.context.token).toEqual({token: storedToken, scopes: ['chat'], issuedAt: '2024-05-03T10:00:00.000Z', expiresOn: '2024-05-04T10:00:00.000Z'});
		expect(viewing.context.tokenStatus).toBe('checking');
		expect(viewing.context.revealed).toBe(false);
		expect(harness.watchers.at(-1)?.token).toBe(storedToken);
		expect(harness.fakes.issueToken).not.toHaveBeenCalled();
		await harness.sendAndWait({type: 'BACK'}, s => s.matches({manage: 'identity'}));
		expect(harness.watchers.at(-1)?.stopped).toBe(true);
	});

	it('is refused for an identity without a stored token', async () => {
		const harness = await connected();
		await manageIdentity(harness, bob.id);
		harness.actor.send({type: 'VIEW_STORED_TOKEN'});
		expect(harness.actor.getSnapshot().matches({manage: 'identity'})).toBe(true);
		expect(harness.context().token).toBeUndefined();
	});
});
