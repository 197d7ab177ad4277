import {describe, expect, test} from 'vitest';
import {en} from '../../source/text/en.js';
import {zhTW} from '../../source/text/zh-tw.js';
import {cliPath, createSandbox, parseJson, type Sandbox, stackTraceLine} from '../_helpers/cli.js';
import {keys, TerminalSession} from '../_helpers/pty-terminal.js';

/**
 * The built binary in a real pseudo-terminal (80×24), in the language the locale gives: the
 * whole guided tour and the manager in zh-TW, with the store checked afterwards; --lang and
 * Simplified Chinese locales give English.
 */

const zh = zhTW.wizard;

function openWizard(sandbox: Sandbox, env: Record<string, string>, args: readonly string[] = []) {
	return TerminalSession.spawn(process.execPath, {
		args: [cliPath, ...args],
		cwd: sandbox.cwd,
		env: {ACS_TOKENS_CONFIG_DIR: sandbox.configDirectory, HOME: sandbox.cwd, LC_ALL: '', LC_MESSAGES: '', ...env},
	});
}

/** No line of the screen is wider than the terminal (xterm wraps what is): each row is its own. */
function expectWithin80Columns(screen: string): void {
	expect(screen.split('\n').length).toBeLessThanOrEqual(24);
}

describe('with LANG=zh_TW.UTF-8', () => {
	test('the whole tour and the manager are in Traditional Chinese, and the store holds what was done', async () => {
		const sandbox = await createSandbox();
		const session = openWizard(sandbox, {LANG: 'zh_TW.UTF-8', TZ: 'Asia/Taipei'});
		let screen = await session.waitFor(zh.connect.heading);
		expect(screen).toContain(zh.notConnected);
		screen = await session.press(keys.enter, zh.menu.heading);
		expect(screen).toContain(zh.menu.tour);

		const step = (n: number) => zh.stepOf(n, 6, zh.steps[n - 1] as string);
		screen = await session.press(keys.enter, step(1));
		expect(screen).toContain('存取金鑰');
		screen = await session.press(keys.enter, step(2));
		expect(screen).toContain(zh.run(zh.actions.createUser));
		screen = await session.press(keys.enter, zh.run(zh.actions.next));
		expect(screen).toMatch(/8:acs:/);
		screen = await session.press(keys.enter, step(3));
		expect(screen).toContain('範圍');
		screen = await session.press(keys.enter, zh.lifetime.minutes(1440));
		expect(screen).toContain('存留期');
		screen = await session.press(keys.enter, /存取權杖：eyJ\w+•••/);
		expect(screen).toContain(step(4));
		expect(screen).toMatch(/小時 \d+ 分鐘 \d+ 秒後/);
		await session.waitFor(zh.token.statuses.valid);
		screen = await session.press(keys.enter, step(5));
		expect(screen).toContain('撤銷');
		screen = await session.press(keys.enter, zh.run(zh.actions.next));
		await session.waitFor(zh.token.statuses.revoked);
		screen = await session.press(keys.enter, step(6));
		screen = await session.press(keys.enter, zh.explain.deleteDone.slice(0, 6));
		screen = await session.press(keys.enter, zh.explain.finished.slice(0, 6));
		expectWithin80Columns(screen);
		screen = await session.press(keys.enter, zh.menu.heading);

		// The manager: the identity the tour made (deleted), its details in local time with the zone.
		screen = await session.press(keys.down, `❯ ${zh.menu.manage(1)}`);
		screen = await session.press(keys.enter, zh.manage.heading('emulator'));
		expect(screen).toContain(zh.manage.states.deleted);
		screen = await session.press(keys.enter, zh.manage.details.created);
		expect(screen).toMatch(/GMT\+8/);
		expect(screen).toContain(zh.manage.actions.rename);
		screen = await session.press(keys.enter, zh.manage.renamePrompt);
		await session.press('測');
		await session.press('試');
		// The terminal's cursor is where the next character goes, after 測試 (two cells each): an
		// input method composes there (Ink's useCursor).
		await session.settled();
		const buffer = session.terminal.buffer.active;
		const row = session.lines().findIndex(line => line.includes('測試'));
		expect(buffer.cursorY).toBe(row);
		expect(buffer.cursorX).toBe((session.cellColumnOf('測試') ?? -10) + 4);
		screen = await session.press(keys.enter, /測試 \(8:acs:/);
		expect(screen).not.toMatch(stackTraceLine);
		session.process.write('q');
		await session.exit();

		const result = await sandbox.run(['users', '--json']);
		const {identities} = parseJson<{identities: {label?: string; state: string}[]}>(result);
		expect(identities).toEqual([expect.objectContaining({label: '測試', state: 'deleted'})]);
		// The commands speak it too, with dates in the zone TZ names.
		const table = await sandbox.run(['users'], {env: {LANG: 'zh_TW.UTF-8', TZ: 'Asia/Taipei'}});
		expect(table.stdout.split('\n')[0]).toMatch(/^設定檔 +標籤 +識別碼 +狀態$/);
		expect(table.stdout).toMatch(/已於 \d{4}年\d{1,2}月\d{1,2}日 .+\[GMT\+8\] 刪除/);
	});
});

describe('choosing English anyway', () => {
	test('--lang en under a zh-TW locale gives English', async () => {
		const sandbox = await createSandbox();
		const session = openWizard(sandbox, {LANG: 'zh_TW.UTF-8'}, ['--lang', 'en']);
		const screen = await session.waitFor(en.wizard.connect.heading);
		expect(screen).not.toMatch(/\p{Script=Han}/u);
		session.process.write('q');
		await session.exit();
	});

	test('a Simplified Chinese locale (zh_CN) gets English, never Traditional text', async () => {
		const sandbox = await createSandbox();
		const session = openWizard(sandbox, {LANG: 'zh_CN.UTF-8'});
		const screen = await session.waitFor(en.wizard.connect.heading);
		expect(screen).not.toMatch(/\p{Script=Han}/u);
		session.process.write('q');
		await session.exit();
		const help = await sandbox.run(['--help'], {env: {LANG: 'zh_CN.UTF-8'}});
		expect(help.stdout).toMatch(/^Usage: acs-tokens/);
	});

	test('settings --lang zh-TW is kept: the next run speaks it under an English locale', async () => {
		const sandbox = await createSandbox();
		expect((await sandbox.run(['settings', '--lang', 'zh-TW'], {env: {LANG: 'en_US.UTF-8'}})).stdout).toContain('lang：zh-TW');
		const help = await sandbox.run(['--help'], {env: {LANG: 'en_US.UTF-8'}});
		expect(help.stdout).toMatch(/^用法：acs-tokens/);
		const refused = await sandbox.run(['users', '--bogus'], {env: {LANG: 'en_US.UTF-8'}});
		expect(refused.stderr).toBe('acs-tokens: 不明的選項 --bogus。請執行「acs-tokens users --help」。\n');
	});
});
