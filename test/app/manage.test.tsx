import stringWidth from 'string-width';
import {afterEach, describe, expect, it} from 'vitest';
import {aliceId, bobId, cjkId, footerOf, keys, openIdentity, renderConnected, unmountAll} from '../_helpers/ink.js';

afterEach(unmountAll);

const manageItem = '❯ Manage identities';

/** The display column where each row's id starts: equal on every row when the columns line up. */
function idColumns(frame: string): number[] {
	return frame
		.split('\n')
		.filter(line => line.includes('8:acs:'))
		.map(line => stringWidth(line.slice(0, line.indexOf('8:acs:'))));
}

describe('the identity list', () => {
	it('lists the stored identities with their label, short id and state', async () => {
		const app = await renderConnected();
		await app.press(keys.down, manageItem);
		const frame = await app.press(keys.enter, 'Identities of emulator');
		expect(frame).toContain('❯ alice        8:acs:2dee53b4…_00000020…0001  token valid');
		expect(frame).toContain('  測試使用者   8:acs:2dee53b4…_00000020…0002  no token');
		expect(frame).toContain('  —            8:acs:2dee53b4…_00000020…0003  deleted');
		expect(footerOf(frame)).toEqual(['↑↓/jk move', 'Enter choose', '/ filter', 'Esc back', 'p presenter', '? help', 'q quit']);
		expect(app.fakes.loadIdentities).toHaveBeenCalledTimes(1);

		await app.press(keys.escape, 'What next?');
	});

	it('keeps the columns aligned with a CJK label, which is two columns a character', async () => {
		const app = await renderConnected();
		await app.press(keys.down, manageItem);
		const frame = await app.press(keys.enter, 'Identities of emulator');
		const columns = idColumns(frame);
		expect(columns).toHaveLength(3);
		expect(new Set(columns).size).toBe(1);
	});

	it('gives long labels the room the row leaves: two that differ at the end both show whole at 80 columns', async () => {
		const app = await renderConnected({
			configure(fakes) {
				fakes.loadIdentities.mockResolvedValue({
					identities: [
						{id: aliceId, label: 'customer-support-1', createdAt: new Date().toISOString()},
						{id: cjkId, label: '客服-Agent 李', createdAt: new Date().toISOString()},
						{id: bobId, label: 'customer-support-2', createdAt: new Date().toISOString()},
					],
				});
			},
		});
		await app.press(keys.down, manageItem);
		const frame = await app.press(keys.enter, 'Identities of emulator');
		expect(frame).toContain('❯ customer-support-1 8:acs:2dee53b4…_00000020…0001  no token');
		expect(frame).toContain('  customer-support-2 8:acs:');
		expect(frame).toContain('  客服-Agent 李      8:acs:');
		expect(new Set(idColumns(frame)).size).toBe(1);
		expect(Math.max(...frame.split('\n').map(line => stringWidth(line)))).toBeLessThanOrEqual(80);
	});

	it('shows whole ids on a wide terminal, and cuts a label longer than the room left to its column', async () => {
		const app = await renderConnected({
			columns: 120,
			configure(fakes) {
				fakes.loadIdentities.mockResolvedValue({
					identities: [
						{id: aliceId, label: 'a label far longer than its column', createdAt: new Date().toISOString()},
						{id: cjkId, label: '測試使用者測試使用者', createdAt: new Date().toISOString()},
					],
				});
			},
		});
		await app.press(keys.down, manageItem);
		const frame = await app.press(keys.enter, 'Identities of emulator');
		expect(frame).toContain(`❯ a label far longer th… ${aliceId}  no token`);
		expect(frame).toContain(`  測試使用者測試使用者   ${cjkId}  no token`);
		expect(Math.max(...frame.split('\n').map(line => stringWidth(line)))).toBeLessThanOrEqual(120);
		const columns = idColumns(frame);
		expect(new Set(columns).size).toBe(1);
	});

	it('says so when there are no identities yet', async () => {
		const app = await renderConnected({
			configure(fakes) {
				fakes.loadIdentities.mockResolvedValue({identities: []});
			},
		});
		await app.press(keys.down, manageItem);
		const frame = await app.press(keys.enter, 'No identities yet for this connection.');
		expect(frame).toContain('No identities yet for this connection.');
	});
});

describe('one identity', () => {
	it("says of its last token when it expires (to the nearest hour), when it expired, or why it no longer works", async () => {
		const now = Date.now();
		const at = (ms: number) => new Date(now + ms).toISOString();
		const minute = 60_000;
		const token = (expiresInMs: number) => ({scopes: ['chat'], issuedAt: at(-30 * minute), expiresOn: at(expiresInMs)});
		const app = await renderConnected({
			configure(fakes) {
				fakes.loadIdentities.mockResolvedValue({
					identities: [
						{id: aliceId, label: 'soon', createdAt: at(-60 * minute), lastToken: token(119 * minute)},
						{id: bobId, label: 'expired', createdAt: at(-60 * minute), lastToken: token(-10 * minute)},
						{id: cjkId, label: 'revoked', createdAt: at(-60 * minute), lastToken: token(60 * minute), revokedAt: at(-minute)},
						{id: `${aliceId}9`, label: 'deleted', createdAt: at(-60 * minute), lastToken: token(60 * minute), deletedAt: at(-minute)},
					],
				});
			},
		});
		const lastToken = (frame: string) => frame.split('\n').find(line => line.startsWith('Last token'));
		expect(lastToken(await openIdentity(app, 0))).toMatch(/^Last token chat · expires .+ \(in 2 hours\)$/);
		for (const [row, expected] of [
			[1, /^Last token chat · expired .+ \(10 minutes ago\)$/],
			[2, /^Last token chat · no longer valid: revoked$/],
			[3, /^Last token chat · no longer valid: the identity was deleted$/],
		] as const) {
			// Back in the list at the row just opened: one down is the next.
			await app.press(keys.escape, 'Identities of emulator');
			await app.press(keys.down);
			const frame = await app.press(keys.enter, 'Rename (local label)');
			expect(frame).toContain(`${['', 'expired', 'revoked', 'deleted'][row]} (8:acs:`);
			expect(lastToken(frame)).toMatch(expected);
		}
	});

	it('shows its details and the actions on it; Esc goes back to the list', async () => {
		const app = await renderConnected();
		const frame = await openIdentity(app, 0);
		expect(frame).toContain(`alice (${aliceId.slice(0, 40)}`);
		expect(frame).toContain('token valid');
		expect(frame).toMatch(/Created {4}[A-Z][a-z]{2} \d{1,2}, \d{4}, .+ \(3 hours ago\)/);
		expect(frame).toContain('Last token chat, voip · expires ');
		const actions = frame.split('\n').filter(line => /^[❯ ] \S/.test(line));
		expect(actions).toEqual([
			'❯ Issue a new token',
			'  Revoke its tokens',
			'  Delete the identity',
			'  Rename (local label)',
			'  Forget locally (the identity stays on the service)',
		]);
		expect(footerOf(frame)).toEqual(['↑↓/jk move', 'Enter choose', 'Esc back', 'p presenter', '? help', 'q quit']);
		await app.press(keys.escape, 'Identities of emulator');
	});

	it('comes back to the list on the identity it opened, not the top of it', async () => {
		const app = await renderConnected();
		await openIdentity(app, 2);
		const list = await app.press(keys.escape, 'Identities of emulator');
		const highlighted = list.split('\n').filter(line => line.startsWith('❯'));
		expect(highlighted).toHaveLength(1);
		expect(highlighted[0]).toContain(bobId.slice(0, 12));
		// And Enter opens that one again.
		expect(await app.press(keys.enter, 'deleted')).toContain(bobId.slice(0, 40));
	});

	it('offers only rename and forget on a deleted identity, and says forgetting only tidies this machine', async () => {
		const app = await renderConnected();
		const frame = await openIdentity(app, 2);
		expect(frame).toContain(bobId.slice(0, 40));
		expect(frame).toContain('deleted');
		expect(frame).toContain('Deleted    ');
		const actions = frame.split('\n').filter(line => /^[❯ ] \S/.test(line));
		expect(actions).toEqual(['❯ Rename (local label)', "  Forget locally (only removes it from this machine's list)"]);
		expect(frame).not.toContain('stays on the service');

		await app.press(keys.down, "❯ Forget locally (only removes it from this machine's list)");
		const confirm = await app.press(keys.enter, 'Enter confirms');
		expect(confirm.replaceAll(/[│\n]/g, ' ').replaceAll(/\s+/g, ' ')).toContain('It is already deleted on the service.');
		expect(confirm).not.toContain('stays on the service');
	});

	it('says on the confirmation that a live identity stays on the service when forgotten', async () => {
		const app = await renderConnected();
		await openIdentity(app, 0);
		for (let index = 0; index < 4; index += 1) {
			await app.press(keys.down);
		}

		const confirm = await app.press(keys.enter, 'Enter confirms');
		expect(confirm.replaceAll(/[│\n]/g, ' ').replaceAll(/\s+/g, ' ')).toContain(
			'The identity stays on the service and its tokens keep working.',
		);
		await app.press(keys.escape, '❯ Issue a new token');
	});

	it('asks before revoking: Esc cancels, Enter revokes and refreshes', async () => {
		const app = await renderConnected();
		await openIdentity(app, 0);
		await app.press(keys.down, '❯ Revoke its tokens');
		const confirm = await app.press(keys.enter, 'Revoke every token of alice (');
		expect(confirm).toContain('Enter confirms, Esc cancels.');
		// The footer says what the box says.
		expect(footerOf(confirm)).toEqual(['Enter confirm', 'Esc cancel', 'p presenter', '? help', 'q quit']);

		await app.press(keys.escape, '❯ Issue a new token');
		expect(app.fakes.revokeTokens).not.toHaveBeenCalled();

		await app.press(keys.down, '❯ Revoke its tokens');
		await app.press(keys.enter, 'Revoke every token of alice (');
		await app.press(keys.enter, frame => frame.includes('❯ Issue a new token') && !frame.includes('Revoke every token'));
		expect(app.fakes.revokeTokens.mock.calls[0]?.[0]).toEqual({userId: aliceId});
		// Back on the identity after the list was read again.
		expect(app.fakes.loadIdentities).toHaveBeenCalledTimes(2);
	});

	it('asks before deleting, then deletes', async () => {
		const app = await renderConnected();
		await openIdentity(app, 1);
		await app.press(keys.down);
		await app.press(keys.down, '❯ Delete the identity');
		const confirm = await app.press(keys.enter, 'Delete 測試使用者 (');
		expect(confirm).toContain('and invalidate all its tokens? Enter confirms, Esc');
		await app.press(keys.enter, frame => !frame.includes('Enter confirms') && frame.includes('Rename (local label)'));
		expect(app.fakes.deleteUser.mock.calls[0]?.[0]).toEqual({userId: cjkId});
	});

	it('forgets locally after asking, and the list no longer shows it', async () => {
		const app = await renderConnected();
		await openIdentity(app, 0);
		for (let index = 0; index < 4; index += 1) {
			await app.press(keys.down);
		}

		expect(app.lastFrame()).toContain('❯ Forget locally (the identity stays on the service)');
		await app.press(keys.enter, 'Forget alice (');
		const list = await app.press(keys.enter, 'Identities of emulator');
		expect(list).not.toContain('alice');
		expect(list).toContain('❯ 測試使用者');
		expect(app.fakes.forgetIdentity.mock.calls[0]?.[0]).toEqual({userId: aliceId});
	});

	it('renames: the current label to edit, Enter saves, Esc leaves', async () => {
		const app = await renderConnected();
		await openIdentity(app, 0);
		await app.press(keys.down);
		await app.press(keys.down);
		await app.press(keys.down, '❯ Rename (local label)');
		const rename = await app.press(keys.enter, 'New label (empty removes it): alice');
		expect(footerOf(rename)).toEqual(['Enter continue', 'Esc back']);

		// Letters are typed here, never shortcuts.
		await app.type('-qv');
		expect(app.effects.quit).not.toHaveBeenCalled();
		const saved = await app.press(keys.enter, `alice-qv (${aliceId.slice(0, 20)}`);
		expect(saved).toContain('❯ Issue a new token');
		expect(app.fakes.renameIdentity.mock.calls[0]?.[0]).toEqual({userId: aliceId, label: 'alice-qv'});

		await app.press(keys.down);
		await app.press(keys.down);
		await app.press(keys.down, '❯ Rename (local label)');
		await app.press(keys.enter, 'New label (empty removes it): alice-qv');
		await app.press(keys.escape, '❯ Issue a new token');
		expect(app.fakes.renameIdentity).toHaveBeenCalledTimes(1);
	});

	it('keeps the typed label and says why when saving it fails', async () => {
		const app = await renderConnected({
			configure(fakes) {
				fakes.renameIdentity.mockRejectedValueOnce(new Error('Could not write /home/me/.config/acs-tokens/config.json: EROFS'));
			},
		});
		await openIdentity(app, 1);
		await app.press(keys.down);
		await app.press(keys.down);
		await app.press(keys.down, '❯ Rename (local label)');
		await app.press(keys.enter, 'New label (empty removes it): 測試使用者');
		await app.type('2');
		const failed = await app.press(keys.enter, 'EROFS');
		expect(failed).toContain('New label (empty removes it): 測試使用者2');
		await app.press(keys.enter, '測試使用者2 (');
		expect(app.fakes.renameIdentity).toHaveBeenCalledTimes(2);
	});

	it('issues a new token: scopes, lifetime, the token view, then back to the identity', async () => {
		const app = await renderConnected();
		await openIdentity(app, 1);
		const scopes = await app.press(keys.enter, '[x] chat: create, join and manage chat threads');
		expect(scopes).not.toContain('Step 3 of 6');
		expect(scopes).not.toContain('t TS/Python');
		// Whose token, on each of its screens, by its label.
		expect(scopes).toContain('A new token for 測試使用者: what it may do.');
		const lifetime = await app.press(keys.enter, '❯ 24 hours (1440 minutes) — default');
		expect(lifetime).toContain('A new token for 測試使用者: how long it lives.');
		const token = await app.press(keys.enter, 'Access token:');
		expect(token).toContain('Issued to 測試使用者.');
		expect(app.fakes.issueToken.mock.calls[0]?.[0]).toEqual({userId: cjkId, scopes: ['chat', 'voip'], lifetimeMinutes: 1440});
		expect(token).toContain('Status: checking…');
		app.reportStatus('valid');
		await app.waitForText('Status: valid');
		await app.press(keys.enter, '❯ Issue a new token');
	});

	it('shows a failed revoke, retries it with r, or goes back with Esc', async () => {
		const app = await renderConnected({
			configure(fakes) {
				const denied = 'https://127.0.0.1:41234/ refused the access key (401 Denied): the key is wrong, or it was rotated.';
				fakes.revokeTokens.mockRejectedValueOnce(new Error(denied)).mockRejectedValueOnce(new Error(denied));
			},
		});
		await openIdentity(app, 0);
		await app.press(keys.down, '❯ Revoke its tokens');
		await app.press(keys.enter, 'Revoke every token');
		const failed = await app.press(keys.enter, 'Something went wrong');
		expect(failed).toContain('(401 Denied)');
		expect(footerOf(failed)).toEqual(['r retry', 'Esc back', 'q quit', '? help']);
		await app.press(keys.escape, '❯ Issue a new token');

		await app.press(keys.down, '❯ Revoke its tokens');
		await app.press(keys.enter, 'Revoke every token');
		await app.press(keys.enter, 'Something went wrong');
		await app.press('r', frame => frame.includes('❯ Issue a new token'));
		expect(app.fakes.revokeTokens).toHaveBeenCalledTimes(3);
	});
});
