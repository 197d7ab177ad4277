import {describe, expect, it} from 'vitest';
import {closestOption} from '../../source/commands/parse-command.js';
import {createSandbox} from '../_helpers/cli.js';

describe('an unknown option', () => {
	it('names the one it most likely meant, in the user\'s language, and exits 2', async () => {
		const sandbox = await createSandbox();
		const issue = (flag: string, lang = 'en_US.UTF-8') =>
			sandbox.run(['token', 'issue', '--emulator', '--user', 'alice', '--scopes', 'chat', flag, '90'], {env: {LANG: lang}});
		expect(await issue('--minutes')).toMatchObject({
			code: 2,
			stdout: '',
			stderr: 'acs-tokens: Unknown option --minutes: did you mean --expires-in? Run "acs-tokens token issue --help".\n',
		});
		expect((await issue('--minutes', 'zh_TW.UTF-8')).stderr).toBe(
			'acs-tokens: 不明的選項 --minutes：您是指 --expires-in 嗎？請執行「acs-tokens token issue --help」。\n',
		);
		expect((await sandbox.run(['user', 'create', '--emulator', '--lable', 'x'])).stderr).toBe(
			'acs-tokens: Unknown option --lable: did you mean --label? Run "acs-tokens user create --help".\n',
		);
		// Nothing close: no guess.
		expect((await issue('--zzz')).stderr).toBe('acs-tokens: Unknown option --zzz. Run "acs-tokens token issue --help".\n');
	});

	it('is matched by a typo or two, a prefix, or a word for the lifetime', () => {
		const known = ['user', 'scopes', 'expires-in', 'emulator', 'connection-string', 'json', 'label'];
		expect(closestOption('scope', known)).toBe('--scopes');
		expect(closestOption('emulatr', known)).toBe('--emulator');
		expect(closestOption('lable', known)).toBe('--label');
		expect(closestOption('connection-strng', known)).toBe('--connection-string');
		expect(closestOption('expires', known)).toBe('--expires-in');
		expect(closestOption('conn', known)).toBe('--connection-string');
		for (const word of ['minutes', 'lifetime', 'ttl', 'expires-in-minutes', 'Minutes']) {
			expect(closestOption(word, known)).toBe('--expires-in');
		}

		expect(closestOption('minutes', ['user', 'json'])).toBeUndefined();
		expect(closestOption('zzz', known)).toBeUndefined();
		expect(closestOption('x'.repeat(10_000), known)).toBeUndefined();
	});
});
