import {afterEach, describe, expect, it} from 'vitest';
import {clampCursor, filterItems, scrollTop} from '../../source/app/components/select-state.js';
import type {IdentitySummary} from '../../source/wizard/types.js';
import {footerOf, keys, renderConnected, unmountAll} from '../_helpers/ink.js';

afterEach(unmountAll);

const resource = '2dee53b4-368b-45b4-ab52-8493fb117652';
const count = 45;
const two = (n: number) => String(n).padStart(2, '0');
/** 45 identities, newest first as the store lists them: user-01 … user-45, each id ending in its number. */
const many: IdentitySummary[] = Array.from({length: count}, (_, index) => ({
	id: `8:acs:${resource}_00000020-aaaa-4bbb-8ccc-0000000000${two(index + 1)}`,
	label: `user-${two(index + 1)}`,
	createdAt: new Date(Date.now() - index * 60_000).toISOString(),
}));

const rowsOf = (frame: string) => frame.split('\n').filter(line => /^[❯ ] user-\d\d/.test(line));
const selected = (frame: string) => frame.split('\n').find(line => line.startsWith('❯ user-'))?.slice(2, 9);

async function openList(rows = 24) {
	const app = await renderConnected({
		rows,
		configure(fakes) {
			fakes.loadIdentities.mockResolvedValue({identities: many});
		},
	});
	await app.press(keys.down, '❯ Manage identities');
	const frame = await app.press(keys.enter, 'Identities of emulator');
	return {app, frame};
}

describe('a list of 45 identities at 80×24', () => {
	it('shows a screenful with the position, scrolls with the cursor and stops at both ends', async () => {
		const {app, frame} = await openList();
		expect(frame.split('\n').length).toBeLessThanOrEqual(24);
		// The create choice first, then the identities: the first identity is highlighted.
		expect(frame).toContain('  + Create an identity…');
		expect(rowsOf(frame)).toHaveLength(11);
		expect(selected(frame)).toBe('user-01');
		// The position counts the identities, not the create choice.
		expect(frame).toContain('1 of 45');

		// ↑ on the first item stays there (no jump to the last page): the ↓ after it goes to the second.
		await app.press(keys.up, '❯ + Create an identity…');
		app.write(keys.up);
		expect(selected(await app.press(keys.down, '1 of 45'))).toBe('user-01');

		for (let index = 1; index < 11; index += 1) {
			await app.press(keys.down);
		}

		let now = await app.press(keys.down, '12 of 45');
		expect(selected(now)).toBe('user-12');
		expect(rowsOf(now)[0]).toContain('user-01');
		expect(now).not.toContain('Create an identity');
		expect(rowsOf(now)).toHaveLength(12);

		now = await app.press('\u001B[6~', '24 of 45');
		expect(selected(now)).toBe('user-24');
		now = await app.press('\u001B[F', '45 of 45');
		expect(selected(now)).toBe('user-45');
		expect(rowsOf(now).at(-1)).toContain('user-45');
		expect(now.split('\n').length).toBeLessThanOrEqual(24);

		// ↓ on the last item stays there (no jump back to the first): the ↑ after it goes to the one before.
		app.write(keys.down);
		expect(selected(await app.press(keys.up, '44 of 45'))).toBe('user-44');
		now = await app.press('\u001B[H', '45 in all');
		expect(now).toContain('❯ + Create an identity…');

		// Enter takes the item under the cursor after a scroll.
		for (let index = 0; index < 21; index += 1) {
			await app.press(keys.down);
		}

		await app.press(keys.enter, 'Rename (local label)');
		expect(app.lastFrame()).toContain('user-21 (');
	});

	it('filters as you type after /, on the label and on the id; Esc clears; Enter chooses', async () => {
		const {app} = await openList();
		let frame = await app.press('/', 'Filter:');
		// Typing, not shortcuts: the footer says so and q does not quit.
		expect(footerOf(frame)).toEqual(['Enter choose', 'Esc clear filter']);
		frame = await app.type('user-1q');
		expect(app.effects.quit).not.toHaveBeenCalled();
		expect(frame).toContain('Nothing matches “user-1q”. Esc clears the filter.');
		expect(rowsOf(frame)).toHaveLength(0);

		await app.press('\u007f', '1 of 10 matching (45 in all)');
		frame = app.lastFrame();
		expect(rowsOf(frame).map(row => row.slice(2, 9))).toEqual([
			'user-10',
			'user-11',
			'user-12',
			'user-13',
			'user-14',
			'user-15',
			'user-16',
			'user-17',
			'user-18',
			'user-19',
		]);
		// j and k are letters in the filter; ↓ moves among the matches.
		frame = await app.press(keys.down, '2 of 10 matching');
		expect(selected(frame)).toBe('user-11');

		// Esc clears the filter and stays on the list (it does not go back to the menu).
		frame = await app.press(keys.escape, '45 in all');
		expect(frame).not.toContain('Filter:');
		expect(frame).toContain('Identities of emulator');
		expect(rowsOf(frame)).toHaveLength(11);

		// By the end of the id: the 37th identity's id ends in 0037.
		await app.press('/', 'Filter:');
		frame = await app.type('0037');
		expect(frame).toContain('1 of 1 matching (45 in all)');
		expect(selected(frame)).toBe('user-37');
		await app.press(keys.enter, 'Rename (local label)');
		expect(app.lastFrame()).toContain('user-37 (');

		// Esc on the identity goes back to the list filtered as it was, the filter still open; Esc
		// there clears the filter, and Esc on the whole list goes to the menu.
		frame = await app.press(keys.escape, 'Identities of emulator');
		expect(frame).toContain('Filter: 0037');
		expect(frame).toContain('1 of 1 matching (45 in all)');
		expect(selected(frame)).toBe('user-37');
		frame = await app.press(keys.escape, '45 in all');
		expect(frame).not.toContain('Filter:');
		await app.press(keys.escape, 'What next?');
	});

	it('comes back from an identity opened from a filtered list to that list, on that identity, and can go on filtering', async () => {
		const {app} = await openList();
		await app.press('/', 'Filter:');
		await app.type('user-1');
		await app.press(keys.down);
		let frame = await app.press(keys.down, '3 of 10 matching');
		expect(selected(frame)).toBe('user-12');
		await app.press(keys.enter, 'Rename (local label)');
		expect(app.lastFrame()).toContain('user-12 (');

		frame = await app.press(keys.escape, '3 of 10 matching (45 in all)');
		expect(frame).toContain('Filter: user-1');
		expect(selected(frame)).toBe('user-12');
		// Still typing into the filter: q is a letter, not quit.
		frame = await app.type('5');
		expect(app.effects.quit).not.toHaveBeenCalled();
		expect(frame).toContain('1 of 1 matching (45 in all)');
		expect(selected(frame)).toBe('user-15');

		// An identity opened from the whole list comes back to the whole list.
		await app.press(keys.escape, '45 in all');
		await app.press(keys.down);
		await app.press(keys.enter, 'Rename (local label)');
		frame = await app.press(keys.escape, 'Identities of emulator');
		expect(frame).not.toContain('Filter:');
		expect(selected(frame)).toBe('user-01');
	});

	it('fits a taller terminal with more rows', async () => {
		const {frame} = await openList(40);
		expect(rowsOf(frame)).toHaveLength(27);
		expect(frame.split('\n').length).toBeLessThanOrEqual(40);
	});
});

describe('the list state', () => {
	it('keeps the window still until the cursor leaves it, and never past the end', () => {
		expect(scrollTop(0, 5, 45, 12)).toBe(0);
		expect(scrollTop(0, 12, 45, 12)).toBe(1);
		expect(scrollTop(10, 9, 45, 12)).toBe(9);
		expect(scrollTop(40, 44, 45, 12)).toBe(33);
		expect(scrollTop(7, 3, 5, 12)).toBe(0);
		expect(clampCursor(-1, 45)).toBe(0);
		expect(clampCursor(99, 45)).toBe(44);
	});

	it('matches every word of the filter, case-insensitively, in the filter text where an item has one, else in its label', () => {
		const items = [
			{label: 'Alice  8:acs:1  token valid', filterText: 'Alice 8:acs:1'},
			{label: '測試使用者  8:acs:2  no token', filterText: '測試使用者 8:acs:2'},
			{label: 'Create an identity…'},
		];
		expect(filterItems(items, 'ALI')).toEqual([items[0]]);
		expect(filterItems(items, 'acs:2')).toEqual([items[1]]);
		expect(filterItems(items, '測試 acs')).toEqual([items[1]]);
		// Not the state column: "valid" and "token" are in labels only.
		expect(filterItems(items, 'valid')).toEqual([]);
		expect(filterItems(items, 'token')).toEqual([]);
		expect(filterItems(items, 'create')).toEqual([items[2]]);
		expect(filterItems(items, '  ')).toEqual(items);
	});
});
