import {existsSync} from 'node:fs';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {commands} from '../../source/commands/registry.js';
import {createSandbox, runCli, stackTraceLine} from '../_helpers/cli.js';

const commandNames = Object.keys(commands);

describe('acs-tokens --help', () => {
	it.each([[['--help']], [['-h']], [['help']]])('%j prints the commands, the exit codes and examples', async args => {
		const result = await runCli(args);
		expect(result).toMatchObject({code: 0, stderr: ''});
		expect(result.stdout).toMatch(/^Usage: acs-tokens .*\n {7}acs-tokens <command> \[options\] /);
		for (const name of [...commandNames, 'emulator']) {
			expect(result.stdout).toMatch(new RegExp(`^  ${name} {2,}\\S`, 'm'));
		}

		expect(result.stdout).toContain('2 usage or refused input   3 authentication   4 not found');
		expect(result.stdout).toMatch(/\nExamples\n {2}acs-tokens user create --emulator/);
	});

	it('a lone --help, answered before the program loads, is the page the program prints', async () => {
		const sandbox = await createSandbox();
		const same = async (env: Record<string, string>, expected: RegExp) => {
			const alone = await sandbox.run(['--help'], {env});
			const byTheProgram = await sandbox.run(['--help', '--config-dir', sandbox.configDirectory], {env});
			expect(alone).toMatchObject({code: 0, stderr: ''});
			expect(alone.stdout).toBe(byTheProgram.stdout);
			expect(alone.stdout).toMatch(expected);
		};

		for (const LANG of ['en_US.UTF-8', 'zh_TW.UTF-8']) {
			await same({LANG, LC_ALL: '', LC_MESSAGES: ''}, LANG.startsWith('zh') ? /^用法：acs-tokens/ : /^Usage: acs-tokens/);
		}

		// LC_ALL before LANG, as terminals choose.
		await same({LANG: 'en_US.UTF-8', LC_ALL: 'zh_TW.UTF-8', LC_MESSAGES: ''}, /^用法：acs-tokens/);
		// The saved setting before the locale, from the config directory ACS_TOKENS_CONFIG_DIR names.
		const saved = await sandbox.run(['settings', '--lang', 'zh-TW']);
		expect(saved.code).toBe(0);
		await same({LANG: 'en_US.UTF-8', LC_ALL: '', LC_MESSAGES: ''}, /^用法：acs-tokens/);
	});

	it.each(commandNames)('%s --help shows its usage, its options and examples, and touches no store', async name => {
		const sandbox = await createSandbox();
		const configDirectory = path.join(sandbox.configDirectory, 'not-created');
		for (const flag of ['--help', '-h']) {
			const result = await sandbox.run([...name.split(' '), flag], {env: {ACS_TOKENS_CONFIG_DIR: configDirectory}});
			expect(result).toMatchObject({code: 0, stderr: ''});
			expect(result.stdout).toMatch(new RegExp(`^Usage: acs-tokens ${name}\\b`));
			expect(result.stdout).toContain('--json');
			expect(result.stdout).toMatch(new RegExp(`\\nExamples\\n(?: {2}.*acs-tokens ${name}\\b.*\\n)+`));
		}

		expect(existsSync(configDirectory)).toBe(false);
	});

	it.each(['access show', 'access assign', 'access unassign'])('%s --help lists, under Options, every flag its usage line names', async name => {
		for (const lang of ['en', 'zh-TW']) {
			const {stdout} = await runCli([...name.split(' '), '--help', '--lang', lang]);
			const [usage = '', ...rest] = stdout.split('\n\n');
			const options = rest.find(part => /^(?:Options|選項)\n/.test(part)) ?? '';
			const named = [...usage.matchAll(/--[a-z-]+/g)].map(match => match[0]);
			expect(named.length, `${name} (${lang})`).toBeGreaterThan(0);
			for (const flag of named) {
				expect(options, `${name} (${lang}): ${flag}`).toMatch(new RegExp(`^ {2}(?:-\\w, )?${flag}\\b`, 'm'));
			}
		}
	});

	it('--help wins over anything else on the line, even flags the command would refuse', async () => {
		const result = await runCli(['token', 'issue', '--scopes', 'nonsense', '--help']);
		expect(result.code).toBe(0);
		expect(result.stdout).toMatch(/^Usage: acs-tokens token issue /);
	});
});

describe('calling it wrongly', () => {
	it.each([
		[['nope'], 'Unknown command "nope". Run "acs-tokens --help" to see the commands.'],
		[['token'], '"token" is not a command. Try: acs-tokens token issue, acs-tokens token revoke, acs-tokens token teams, acs-tokens token exchange, acs-tokens token decode, acs-tokens token verify.'],
		[['user', 'make'], '"user make" is not a command. Try: acs-tokens user create, acs-tokens user delete, acs-tokens user forget, acs-tokens user rename.'],
		[['user', 'create', '--bogus'], 'Unknown option --bogus. Run "acs-tokens user create --help".'],
		// A command a typo away is named.
		[['tokn', 'issue'], 'Unknown command "tokn". Did you mean "acs-tokens token issue"? Run "acs-tokens --help" to see the commands.'],
		[['usrs'], 'Unknown command "usrs". Did you mean "acs-tokens users"? Run "acs-tokens --help" to see the commands.'],
		[
			['token', 'isue'],
			'"token isue" is not a command. Did you mean "acs-tokens token issue"? The others: acs-tokens token revoke, acs-tokens token teams, acs-tokens token exchange, acs-tokens token decode, acs-tokens token verify.',
		],
		[['user', '--emulator'], '"user" is not a command. Try: acs-tokens user create, acs-tokens user delete, acs-tokens user forget, acs-tokens user rename.'],
		[['users', 'extra'], 'Unexpected argument "extra". Run "acs-tokens users --help".'],
		[['users', '--lang'], '--lang needs a value: en, zh-TW, auto.'],
		// A flag first makes it the wizard's: a command after it is said to come first.
		[
			['--emulator', 'users'],
			'Unexpected argument "users": a command comes first and its options after it (acs-tokens users --emulator). Run "acs-tokens --help" for the commands.',
		],
		[['token', 'issue', '--user'], '--user needs a value. Run "acs-tokens token issue --help".'],
	])('%j exits 2 with one line saying what to do, and no stack trace', async (args, message) => {
		const sandbox = await createSandbox();
		const result = await sandbox.run(args);
		expect(result).toEqual({code: 2, stdout: '', stderr: `acs-tokens: ${message}\n`});
		expect(result.stderr).not.toMatch(stackTraceLine);
	});

	it('with --json, also prints the error as the one JSON document on stdout', async () => {
		const sandbox = await createSandbox();
		const result = await sandbox.run(['user', 'create', '--bogus', '--json']);
		expect(result.code).toBe(2);
		expect(JSON.parse(result.stdout)).toEqual({
			error: {kind: 'usage', message: 'Unknown option --bogus. Run "acs-tokens user create --help".'},
		});
	});
});
