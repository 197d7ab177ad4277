import {writeFile} from 'node:fs/promises';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {copyThroughTerminal, queryTmux, type TmuxQuery, tmuxVersion} from '../../source/app/clipboard.js';
import {temporaryDirectory} from '../_helpers/cli.js';
import {startTmuxServer, type TmuxServer} from '../_helpers/tmux-server.js';

/**
 * The copy decides by the terminal it runs in: the real decision, asking a real tmux server
 * (private socket, no configuration) how it treats OSC 52, and the exact bytes it would write.
 */

const token = 'eyJhbGciOiJSUzI1NiJ9.eyJza3lwZWlkIjoiYWNzOnVzZXIifQ.c2lnbmF0dXJl';
const base64 = Buffer.from(token).toString('base64');
const esc = '\u001B';
const plain = `${esc}]52;c;${base64}\u0007`;
const passthrough = `${esc}Ptmux;${esc}${esc}]52;c;${base64}\u0007${esc}\\`;

/** Writes bytes from a program in the server's pane, as the wizard would, and waits for tmux to read them. */
async function writeInPane(server: TmuxServer, bytes: string): Promise<void> {
	const file = path.join(await temporaryDirectory('acs-tokens-clipboard-'), 'bytes');
	await writeFile(file, bytes);
	await server.tmux('respawn-pane', '-k', '-t', server.env.TMUX_PANE, `cat '${file}'; echo written; sleep 600`);
	for (let tries = 0; tries < 100; tries++) {
		if ((await server.tmux('capture-pane', '-p', '-t', server.env.TMUX_PANE)).includes('written')) {
			return;
		}

		await new Promise(resolve => setTimeout(resolve, 20));
	}

	throw new Error('The pane did not write the bytes.');
}

describe('copy to the clipboard, as the terminal allows', () => {
	it('outside tmux and screen: plain OSC 52', async () => {
		const copy = await copyThroughTerminal(token, {TERM: 'xterm-256color'});
		expect(copy.sequence).toBe(plain);
		expect(copy.message).toBe(
			'Sent to the terminal with OSC 52: it reaches the clipboard if your terminal allows clipboard writes (some ask first, some need it turned on).',
		);
	});

	it('tmux with set-clipboard on: plain OSC 52, which lands in tmux’s buffer', async () => {
		const server = await startTmuxServer();
		await server.set('set-clipboard', 'on');
		const copy = await copyThroughTerminal(token, server.env);
		expect(copy.route).toEqual({via: 'tmux'});
		expect(copy.sequence).toBe(plain);
		expect(copy.message).toContain("tmux's set-clipboard is on, so it reaches tmux's buffer and the outer terminal if that allows clipboard writes");

		await writeInPane(server, copy.sequence ?? '');
		expect(await server.buffer()).toBe(token);
		await server.kill();
	});

	for (const setClipboard of ['external', 'off']) {
		it(`tmux with set-clipboard ${setClipboard} and allow-passthrough on: the passthrough wrapping`, async () => {
			const server = await startTmuxServer();
			await server.set('set-clipboard', setClipboard);
			await server.set('allow-passthrough', 'on');
			const copy = await copyThroughTerminal(token, server.env);
			expect(copy.route).toEqual({via: 'tmux-passthrough', setClipboard});
			expect(copy.sequence).toBe(passthrough);
			expect(copy.message).toBe(
				`Sent through tmux's passthrough with OSC 52 (set-clipboard is ${setClipboard}, allow-passthrough is on): it reaches the outer terminal's clipboard if that allows clipboard writes, not tmux's buffer.`,
			);
			await server.kill();
		});

		it(`tmux with set-clipboard ${setClipboard} and allow-passthrough off: nothing is sent, and the file is offered`, async () => {
			const server = await startTmuxServer();
			await server.set('set-clipboard', setClipboard);
			await server.set('allow-passthrough', 'off');
			const copy = await copyThroughTerminal(token, server.env);
			expect(copy.route).toEqual({via: 'tmux-blocked', setClipboard});
			expect(copy.sequence).toBeUndefined();
			expect(copy.message).toBe(
				`Not copied: tmux's set-clipboard is ${setClipboard} and allow-passthrough is off, so nothing can reach the clipboard from here (tmux set -g set-clipboard on would let it).`,
			);

			// Why nothing is sent: tmux drops an application's plain OSC 52 unless set-clipboard is on.
			await writeInPane(server, plain);
			expect(await server.buffer()).toBeUndefined();
			await server.kill();
		});
	}

	it('a pane option allow-passthrough on counts, as the pane sees it', async () => {
		const server = await startTmuxServer();
		await server.set('set-clipboard', 'off');
		await server.tmux('set-option', '-p', '-t', server.env.TMUX_PANE, 'allow-passthrough', 'on');
		const copy = await copyThroughTerminal(token, server.env);
		expect(copy.sequence).toBe(passthrough);
		await server.kill();
	});

	it('tmux before 3.3, by its version: the passthrough, whatever its show-options says', async () => {
		const server = await startTmuxServer();
		await server.set('set-clipboard', 'external');
		const real = queryTmux(server.env);
		const asked: string[][] = [];
		// The real server, reporting the version of a tmux 3.2: that tmux has no allow-passthrough
		// and refuses to show it (how it words the refusal is not what decides).
		const tmux32: TmuxQuery = async args => {
			asked.push([...args]);
			if (args.includes('#{version}')) {
				return '3.2a';
			}

			if (args.includes('allow-passthrough')) {
				throw Object.assign(new Error('exit 1'), {code: 1, stderr: ''});
			}

			return real(args);
		};

		const copy = await copyThroughTerminal(token, server.env, tmux32);
		expect(copy.route).toEqual({via: 'tmux-passthrough', setClipboard: 'external'});
		expect(copy.sequence).toBe(passthrough);
		expect(asked.some(args => args.includes('allow-passthrough'))).toBe(false);
		await server.kill();
	});

	it('reads tmux versions as tmux writes them', async () => {
		expect(tmuxVersion('3.3a')).toBe(303);
		expect(tmuxVersion('3.2')).toBe(302);
		expect(tmuxVersion('next-3.4')).toBe(304);
		expect(tmuxVersion('3.10')).toBe(310);
		expect(tmuxVersion('master')).toBeUndefined();
		// This machine's real tmux answers its version through the same query the copy uses.
		const server = await startTmuxServer();
		expect(tmuxVersion(await queryTmux(server.env)(['display-message', '-p', '#{version}']))).toBeGreaterThanOrEqual(300);
		await server.kill();
	});

	it('tmux that does not answer: plain OSC 52, said as a guess', async () => {
		const copy = await copyThroughTerminal(token, {TMUX: '/nonexistent/acs-tokens-test-socket,1,0', TMUX_PANE: '%0'});
		expect(copy.route).toEqual({via: 'tmux-unknown'});
		expect(copy.sequence).toBe(plain);
		expect(copy.message).toContain("tmux did not say how it treats it: it reaches the clipboard only if tmux's set-clipboard is on");
	});

	it('GNU screen: its DCS passthrough, in pieces screen does not cut', async () => {
		const long = 'x'.repeat(700);
		const sequence = `${esc}]52;c;${Buffer.from(long).toString('base64')}\u0007`;
		const copy = await copyThroughTerminal(long, {STY: '1234.pts-0.host'});
		expect(copy.route).toEqual({via: 'screen'});
		const pieces = copy.sequence?.split(`${esc}\\`).filter(piece => piece !== '') ?? [];
		expect(pieces.length).toBe(Math.ceil(sequence.length / 252));
		for (const piece of pieces) {
			expect(piece.startsWith(`${esc}P`)).toBe(true);
			expect(piece.length).toBeLessThanOrEqual(254);
		}

		expect(pieces.map(piece => piece.slice(2)).join('')).toBe(sequence);
		expect(copy.message).toBe(
			"Sent through GNU screen's passthrough with OSC 52: it reaches the outer terminal's clipboard if that allows clipboard writes.",
		);
	});
});
