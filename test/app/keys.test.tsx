import {UserError} from '../../source/errors/user-error.js';
import {afterEach, describe, expect, it, vi} from 'vitest';
import {text} from '../../source/text/index.js';
import {
	type AppHarness,
	footerOf,
	keys,
	renderApp,
	renderConnected,
	traced,
	unmountAll,
	untilAborted,
	userId,
} from '../_helpers/ink.js';

afterEach(unmountAll);

/** Menu → tour → step 2 → the user created → the scopes. */
async function toScopes(app: AppHarness): Promise<string> {
	await app.press(keys.enter, 'Step 1 of 6');
	await app.press(keys.enter, 'Step 2 of 6');
	await app.press(keys.enter, 'Created');
	return app.press(keys.enter, 'Step 3 of 6');
}

describe('the error screen', () => {
	it("shows the actor's message, retries with r, and goes back with Esc", async () => {
		const refused =
			'Could not reach https://127.0.0.1:41234/ (ECONNREFUSED): nothing serves it. Start the emulator there (acs-tokens emulator --port 41234), or use --emulator, which starts one itself.';
		const app = await renderConnected({
			configure(fakes) {
				fakes.createUser.mockRejectedValueOnce(new Error(refused)).mockRejectedValueOnce(new Error(refused));
			},
		});
		await app.press(keys.enter, 'Step 1 of 6');
		await app.press(keys.enter, 'Step 2 of 6');
		const failed = await app.press(keys.enter, 'Something went wrong');
		expect(failed).toContain('Step 2 of 6: Create user');
		expect(failed.replaceAll('\n', ' ')).toMatch(/Could not reach https:\/\/127\.0\.0\.1:41234\/ \(ECONNREFUSED\)/);
		expect(failed).toContain('r retries · Esc goes back · nothing was lost');
		expect(footerOf(failed)).toEqual(['r retry', 'Esc back', 'q quit', '? help']);

		await app.press(keys.escape, 'Press Enter to create the user.');
		await app.press(keys.enter, 'Something went wrong');
		await app.press('r', `Created`);
		expect(app.fakes.createUser).toHaveBeenCalledTimes(3);
		expect(app.lastFrame().replaceAll('\n', '')).toContain(userId);
	});

	it('keeps the chosen scopes and lifetime after a failed issue, and shows the failed exchange', async () => {
		const forbidden = Object.assign(new UserError('service', 'The service answered 403 Forbidden: the resource is disabled.'), {
			exchanges: [
				traced('POST', `/identities/${encodeURIComponent(userId)}/:issueAccessToken?api-version=2023-10-01`, 403, {
					request: JSON.stringify({scopes: ['voip', 'chat.join'], expiresInMinutes: 480}),
					response: JSON.stringify({error: {code: 'Forbidden', message: 'The resource is disabled.'}}),
				}),
			],
		});
		const app = await renderConnected({
			configure(fakes) {
				fakes.issueToken.mockRejectedValueOnce(forbidden);
			},
		});
		await toScopes(app);
		await app.press(keys.space, '❯ [ ] chat:');
		await app.press(keys.down);
		await app.press(keys.down, '❯ [ ] chat.join');
		await app.press(keys.space, '❯ [x] chat.join');
		await app.press(keys.enter, 'How long the token lives');
		await app.press(keys.up);
		await app.press(keys.up, '❯ 8 hours (480 minutes)');
		const failed = await app.press(keys.enter, 'Something went wrong');
		expect(failed).toContain('The service answered 403 Forbidden: the resource is disabled.');
		expect(failed).toContain('← 403 {"error":{"code":"Forbidden"');

		const lifetime = await app.press(keys.escape, 'How long the token lives');
		expect(lifetime).toContain('❯ 8 hours (480 minutes)');
		const scopes = await app.press(keys.escape, 'A token carries scopes');
		expect(scopes).toContain('[ ] chat: create');
		expect(scopes).toContain('[x] voip: start');
		expect(scopes).toContain('[x] chat.join: join');

		await app.press(keys.enter, 'How long the token lives');
		await app.press(keys.enter, 'Step 4 of 6');
		expect(app.fakes.issueToken.mock.calls.map(([input]) => input)).toEqual([
			{userId, scopes: ['voip', 'chat.join'], lifetimeMinutes: 480},
			{userId, scopes: ['voip', 'chat.join'], lifetimeMinutes: 480},
		]);
	});
});

describe('the busy screen', () => {
	it('cancels the request in flight with Esc: the actor sees its AbortSignal fire', async () => {
		const signals: AbortSignal[] = [];
		const app = await renderConnected({
			configure(fakes) {
				fakes.createUser.mockImplementationOnce((_input, signal) => {
					signals.push(signal);
					return untilAborted(signal);
				});
			},
		});
		await app.press(keys.enter, 'Step 1 of 6');
		await app.press(keys.enter, 'Step 2 of 6');
		const busy = await app.press(keys.enter, 'Creating the user…');
		expect(busy).toContain('Esc cancels');
		expect(footerOf(busy)).toEqual(['Esc cancel', 'q quit']);
		// The HTTP panel says the request is on its way, not that there is none.
		expect(busy).toContain('Sending the request; its exchange shows here once it is answered.');
		expect(busy).not.toContain('No request yet in this step.');
		expect(signals[0]?.aborted).toBe(false);

		await app.press(keys.escape, 'Press Enter to create the user.');
		expect(signals[0]?.aborted).toBe(true);
		expect(app.lastFrame()).not.toContain('Something went wrong');

		// Nothing was lost: the next try goes through.
		await app.press(keys.enter, 'Created');
		expect(app.fakes.createUser).toHaveBeenCalledTimes(2);
	});

	it('does not offer Esc where the operation cannot be cancelled', async () => {
		let finish: (() => void) | undefined;
		const app = await renderConnected({
			configure(fakes) {
				fakes.loadIdentities.mockImplementationOnce(
					() =>
						new Promise(resolve => {
							finish = () => resolve({identities: []});
						}),
				);
			},
		});
		await app.press(keys.down, '❯ Manage');
		const loading = await app.press(keys.enter, 'Loading…');
		expect(loading).not.toContain('Esc cancels');
		expect(footerOf(loading)).toEqual(['q quit']);
		finish?.();
		await app.waitForText('No identities yet');
	});
});

describe('quitting', () => {
	it('quits at once with q when nothing is in flight', async () => {
		const app = await renderConnected();
		app.write('q');
		await vi.waitFor(() => {
			expect(app.effects.quit).toHaveBeenCalledTimes(1);
		});
	});

	it('asks first when a request is in flight: another key stays, y quits', async () => {
		const app = await renderConnected({
			configure(fakes) {
				fakes.createUser.mockImplementation((_input, signal) => untilAborted(signal));
			},
		});
		await app.press(keys.enter, 'Step 1 of 6');
		await app.press(keys.enter, 'Step 2 of 6');
		await app.press(keys.enter, 'Creating the user…');

		await app.press('q', 'An operation is in flight. Quit anyway? y quits, any other key stays.');
		expect(app.effects.quit).not.toHaveBeenCalled();
		const stayed = await app.press('n', frame => !frame.includes('Quit anyway?'));
		expect(stayed).toContain('Creating the user…');
		expect(app.effects.quit).not.toHaveBeenCalled();

		// Esc answers the question too, without cancelling the request.
		await app.press('q', 'Quit anyway?');
		await app.press(keys.escape, frame => !frame.includes('Quit anyway?'));
		expect(app.lastFrame()).toContain('Creating the user…');

		await app.press('q', 'Quit anyway?');
		app.write('y');
		await vi.waitFor(() => {
			expect(app.effects.quit).toHaveBeenCalledTimes(1);
		});
	});
});

describe('the quit question, when the request it asks about ends first', () => {
	it('goes away and the screen shows the result; y then does not quit', async () => {
		let finish: (() => void) | undefined;
		const app = await renderConnected({
			configure(fakes) {
				fakes.createUser.mockImplementationOnce(
					() =>
						new Promise(resolve => {
							finish = () =>
								resolve({id: userId, exchanges: [traced('POST', '/identities?api-version=2023-10-01', 201, {request: '{}'})]});
						}),
				);
			},
		});
		await app.press(keys.enter, 'Step 1 of 6');
		await app.press(keys.enter, 'Step 2 of 6');
		await app.press(keys.enter, 'Creating the user…');
		await app.press('q', 'Quit anyway?');
		finish?.();
		const done = await app.waitForFrame(frame => frame.includes('Created') && !frame.includes('Quit anyway?'));
		expect(done).not.toContain('Creating the user…');
		// The screen's own keys work again at once: Enter continues the tour.
		await app.press(keys.enter, 'Step 3 of 6');
		app.write('y');
		await app.press(keys.down);
		expect(app.effects.quit).not.toHaveBeenCalled();
	});

	it('goes away when the request fails, leaving the error on screen', async () => {
		let fail: (() => void) | undefined;
		const app = await renderConnected({
			configure(fakes) {
				fakes.createUser.mockImplementationOnce(
					() =>
						new Promise((_resolve, reject) => {
							fail = () => reject(new Error('The emulator stopped.'));
						}),
				);
			},
		});
		await app.press(keys.enter, 'Step 1 of 6');
		await app.press(keys.enter, 'Step 2 of 6');
		await app.press(keys.enter, 'Creating the user…');
		await app.press('q', 'Quit anyway?');
		fail?.();
		const failed = await app.waitForFrame(frame => frame.includes('Something went wrong') && !frame.includes('Quit anyway?'));
		expect(failed).toContain('The emulator stopped.');
		expect(footerOf(failed)).toEqual(['r retry', 'Esc back', 'q quit', '? help']);
		expect(app.effects.quit).not.toHaveBeenCalled();
	});
});

describe('the help overlay', () => {
	it('lists every key with ?, and any key closes it without acting', async () => {
		const app = await renderConnected();
		const help = await app.press('?', 'move in a list');
		for (const [key, meaning] of [
			['↑ ↓ or j k', 'move in a list'],
			['Enter', 'choose, confirm, continue'],
			['Space', 'toggle a scope'],
			['Esc', 'go back; cancel a request in flight'],
			['v', 'reveal or mask the token (not in presenter mode)'],
			['c', 'copy the token (OSC 52)'],
			['f / e', 'save the token to a file / as a .env entry'],
			['t', 'switch the SDK code between TypeScript and Python'],
			['p', 'presenter mode: secrets never shown, short ids'],
			['r', 'retry after an error'],
			['?', 'this help (any key closes it)'],
			['q / Ctrl+C', 'quit'],
		] as const) {
			expect(help).toMatch(new RegExp(`│ ${escapeRegExp(key)} +${escapeRegExp(meaning)}`));
		}

		expect(help).not.toContain('Guided tour');
		// The footer says the one thing keys do now.
		expect(footerOf(help)).toEqual(['any key closes the help']);

		// Enter closes the help; it does not also start the tour.
		const closed = await app.press(keys.enter, 'What next?');
		expect(closed).toContain('❯ Guided tour');
		expect(app.lastFrame()).not.toContain('Step 1 of 6');

		// q closes it too rather than quitting.
		await app.press('?', 'move in a list');
		await app.press('q', 'What next?');
		expect(app.effects.quit).not.toHaveBeenCalled();
	});

	it('opens over a tour step and returns to it', async () => {
		const app = await renderConnected();
		await toScopes(app);
		await app.press('?', 'toggle a scope');
		const back = await app.press(keys.space, 'Step 3 of 6');
		// The Space that closed the help toggled nothing.
		expect(back).toContain('[x] chat: create');
	});
});

function escapeRegExp(value: string): string {
	return value.replaceAll(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

describe('the footer', () => {
	it('lists the keys of each screen', async () => {
		const app = renderApp();
		expect(footerOf(app.lastFrame())).toEqual(['↑↓/jk move', 'Enter choose', 'p presenter', '? help', 'q quit']);
		await app.press(keys.enter, 'What next?');
		expect(footerOf(app.lastFrame())).toEqual(['↑↓/jk move', 'Enter choose', 'p presenter', '? help', 'q quit']);

		const plain = ['Enter continue', 't TS/Python', 's sign', 'Esc back', 'p presenter', '? help', 'q quit'];
		expect(footerOf(await app.press(keys.enter, 'Step 1 of 6'))).toEqual(plain);
		expect(footerOf(await app.press(keys.enter, 'Step 2 of 6'))).toEqual(plain);
		expect(footerOf(await app.press(keys.enter, 'Created'))).toEqual(plain);
		expect(footerOf(await app.press(keys.enter, 'Step 3 of 6'))).toEqual([
			'↑↓/jk move',
			'Space toggle',
			'Enter continue',
			't TS/Python',
			's sign',
			'Esc back',
			'p presenter',
			'? help',
			'q quit',
		]);
		expect(footerOf(await app.press(keys.enter, 'How long'))).toEqual([
			'↑↓/jk move',
			'Enter choose',
			't TS/Python',
			's sign',
			'Esc back',
			'p presenter',
			'? help',
			'q quit',
		]);
		expect(footerOf(await app.press(keys.enter, 'Step 4 of 6'))).toEqual([
			'Enter continue',
			'v reveal',
			'c copy',
			'f file',
			'e .env',
			'i claims',
			't TS/Python',
			's sign',
			'Esc back',
			'p presenter',
			'? help',
			'q quit',
		]);
		expect(footerOf(await app.press(keys.enter, 'Step 5 of 6'))).toEqual(plain);
		expect(footerOf(await app.press(keys.enter, 'Revoked.'))).toEqual(plain);
		expect(footerOf(await app.press(keys.enter, 'Step 6 of 6'))).toEqual(plain);
		// Once deleted there is no way back: Esc is not offered.
		const noBack = ['Enter continue', 't TS/Python', 's sign', 'p presenter', '? help', 'q quit'];
		expect(footerOf(await app.press(keys.enter, 'Deleted.'))).toEqual(noBack);
		expect(footerOf(await app.press(keys.enter, 'whole flow'))).toEqual(plain);
	});
});

describe('keys that arrive in one write', () => {
	// Ink hands plain keys of one write over as one string ("j\r"), and every key of a write
	// before React has drawn what the key before did. Each must act on the frame it meets.
	// j moves to Manage identities, and so do j j k, each letter its own key; Enter opens it.
	it.each([['j'], ['jjk']])('%s and Enter together open what the letters moved to', async letters => {
		const app = await renderConnected();
		const screen = await app.press(`${letters}${keys.enter}`, frame => !frame.includes('What next?'));
		expect(screen).toContain('Identities of emulator');
	});

	it('Enter twice together goes two steps: the second Enter is the step the first opened', async () => {
		const app = await renderConnected();
		const screen = await app.press(`${keys.enter}${keys.enter}`, 'Step 2 of 6');
		expect(screen).toContain('Press Enter to create the user.');
		expect(app.fakes.createUser).not.toHaveBeenCalled();
	});

	it('text typed into a field in the same write as the key that opened it is text, not shortcuts', async () => {
		const app = await renderConnected();
		await app.press(keys.down, frame => frame.includes('❯ Manage identities'));
		await app.press(keys.enter, 'Identities of emulator');
		// `/` opens the filter; p (presenter) and q (quit) behind it in the same write are typed.
		const screen = await app.press('/pq', 'Filter: pq');
		expect(screen).not.toContain(text.wizard.presenterBadge);
		expect(app.effects.quit).not.toHaveBeenCalled();
	});
});
