import {afterEach, describe, expect, it} from 'vitest';
import {text} from '../../source/text/index.js';
import {keys, renderConnected, tourToToken, unmountAll} from '../_helpers/ink.js';

afterEach(unmountAll);

/** The token's "save to file" prompt, prefilled with access-token.txt, cursor at its end. */
async function filePrompt() {
	const app = await renderConnected();
	await tourToToken(app);
	await app.press('f', text.wizard.token.filePrompt);
	return app;
}

async function submitted(app: Awaited<ReturnType<typeof filePrompt>>): Promise<string> {
	await app.press(keys.enter, frame => !frame.includes(text.wizard.token.filePrompt));
	return app.effects.saveTokenToFile.mock.calls.at(-1)?.[1] as string;
}

describe('the text input', () => {
	it('takes five Backspaces that arrive in one write as five, and stores no control character', async () => {
		const app = await filePrompt();
		await app.press('\u007F\u007F\u007F\u007F\u007F', frame => !frame.includes('access-token'));
		await app.type('.txt');
		expect(await submitted(app)).toBe('access-toke.txt');
	});

	it('takes a name and Enter typed in one write: the name, then Enter submits it', async () => {
		const app = await filePrompt();
		await app.press('\u0015x.txt\r', frame => !frame.includes(text.wizard.token.filePrompt));
		expect(app.effects.saveTokenToFile.mock.calls.at(-1)?.[1]).toBe('x.txt');
	});

	it('moves with ← → Home End, deletes with Delete, and edits at the cursor', async () => {
		const app = await filePrompt();
		// ←←←← puts the cursor before ".txt"; type "-1" there; Home, Delete drops the "a".
		await app.press(`${keys.left}${keys.left}${keys.left}${keys.left}`);
		await app.type('-1');
		await app.press(keys.home);
		await app.press('\u001B[3~', 'ccess-token-1.txt');
		await app.press(keys.end);
		await app.type('x');
		expect(await submitted(app)).toBe('ccess-token-1.txtx');
	});

	it('knows Ctrl+A, E, U, W and K, one by one or together in one write', async () => {
		const app = await filePrompt();
		// Ctrl+W deletes the word before the cursor; Ctrl+U all before it.
		await app.press('\u0017', frame => !frame.includes('access-token.txt'));
		await app.type('my file.txt');
		await app.press('\u0017');
		await app.press('\u0001\u000B', frame => !frame.includes('my file'));
		await app.type('tokens/a.txt');
		await app.press('\u0001');
		await app.press('\u0005\u0015', frame => !frame.includes('tokens/a.txt'));
		await app.type('b.txt');
		// A paste with a line break and control characters keeps only its text.
		await app.press('\u001B[200~\u0007-2\n\u0000\u001B[201~');
		expect(await submitted(app)).toBe('b.txt-2');
	});

	it('moves and deletes by whole characters: an Extension B character (two UTF-16 units) is never split', async () => {
		const app = await filePrompt();
		await app.press('\u0015', frame => !frame.includes('access-token.txt'));
		await app.press('\u{20000}\u{20001}');
		await app.press(keys.left);
		await app.press('\u007F');
		await app.press('x');
		const value = await submitted(app);
		expect(value).toBe('x\u{20001}');
		expect(value).not.toMatch(/[\uD800-\uDFFF](?![\uDC00-\uDFFF])/u);
	});
});
