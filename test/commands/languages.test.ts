import {mkdtemp, rm} from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import {PassThrough} from 'node:stream';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import type {CommandIo} from '../../source/commands/context.js';
import {emulatorHelp, runEmulatorCommand} from '../../source/commands/emulator.js';
import type {DenialReason} from '../../source/emulator/warnings.js';
import {commands} from '../../source/commands/registry.js';
import {en} from '../../source/text/en.js';
import {switchLanguage, text, useCatalogue} from '../../source/text/index.js';
import textWidth from '../../source/text/width.js';
import {englishIn, pseudoCatalogue} from '../_helpers/pseudo-locale.js';

/** A command run in this process, with the real store in a temporary directory and the embedded emulator. */
async function run(argv: readonly string[], directory: string): Promise<{code: number; stdout: string; stderr: string}> {
	const stdout = new PassThrough();
	const stderr = new PassThrough();
	const chunks = {stdout: [] as Buffer[], stderr: [] as Buffer[]};
	stdout.on('data', (chunk: Buffer) => chunks.stdout.push(chunk));
	stderr.on('data', (chunk: Buffer) => chunks.stderr.push(chunk));
	const io: CommandIo = {stdout, stderr, stdin: new PassThrough(), env: {ACS_TOKENS_CONFIG_DIR: directory}, cwd: directory};
	const [first, second, ...rest] = argv;
	const twoWords = `${first} ${second ?? ''}`.trim();
	const load = commands[twoWords] ?? commands[first as string];
	if (!load) {
		throw new Error(`no command ${twoWords}`);
	}

	let code: number;
	try {
		code = await (await load()).run(commands[twoWords] ? rest : argv.slice(1), io);
	} catch (error) {
		// What cli.tsx prints for a refused command: the error's message.
		stderr.write(`${(error as Error).message}\n`);
		code = 2;
	}

	return {code, stdout: Buffer.concat(chunks.stdout).toString(), stderr: Buffer.concat(chunks.stderr).toString()};
}

/** What a person sees from every command: each --help, the output of a whole flow, and usage errors. */
async function everyOutput(directory: string): Promise<string[]> {
	const seen: string[] = [text.help.root, text.help.wizard, emulatorHelp()];
	for (const load of Object.values(commands)) {
		seen.push((await load()).help);
	}

	const flow = [
		['user', 'create', '--emulator', '--label', 'alice', '--scopes', 'chat,voip'],
		['user', 'create', '--emulator', '--label', 'bob'],
		['users'],
		['profiles'],
		['settings'],
		['token', 'issue', '--emulator', '--user', 'alice', '--scopes', 'voip', '--expires-in', '60'],
		['token', 'revoke', '--emulator', '--user', 'alice', '--yes'],
		['user', 'rename', '--user', 'bob', '--label', 'robert'],
		['user', 'delete', '--emulator', '--user', 'robert', '--yes'],
		['users'],
		['user', 'forget', '--user', 'robert', '--yes'],
		// Usage errors: an unknown option, a missing value, a bad value, a missing confirmation.
		['user', 'create', '--bogus'],
		['token', 'issue', '--user'],
		['token', 'issue', '--emulator', '--user', 'alice', '--scopes', 'chat', '--expires-in', '5'],
		['token', 'issue', '--emulator', '--user', 'alice', '--scopes', 'nope'],
		['token', 'revoke', '--emulator', '--user', 'alice'],
		['settings', '--store-tokens', 'maybe'],
		['users', '--profile', 'nope'],
		['token', 'decode', 'not-a-token'],
	];
	for (const argv of flow) {
		const result = await run(argv, directory);
		seen.push(result.stdout, result.stderr);
	}

	const emulator = new PassThrough();
	const said: Buffer[] = [];
	emulator.on('data', (chunk: Buffer) => said.push(chunk));
	await runEmulatorCommand(['--port', 'nope'], {stdout: emulator, stderr: emulator, env: {}}).catch((error: Error) => said.push(Buffer.from(error.message)));
	seen.push(Buffer.concat(said).toString());
	return seen;
}

describe('every command in the pseudo-locale', () => {
	let directory: string;
	beforeAll(async () => {
		directory = await mkdtemp(path.join(os.tmpdir(), 'acs-tokens-pseudo-'));
		useCatalogue(pseudoCatalogue(en));
	});

	afterAll(async () => {
		useCatalogue(en);
		await rm(directory, {recursive: true, force: true});
	});

	it('says nothing in English that is not in the catalogue: help pages, output, prompts and usage errors', async () => {
		const outputs = await everyOutput(directory);
		expect(outputs.join('').length).toBeGreaterThan(5000);
		const english = [...new Set(outputs.flatMap(output => englishIn(output)))];
		expect(english, 'English that did not come from the catalogue').toEqual([]);
	});
});

describe('every command in zh-TW', () => {
	let directory: string;
	beforeAll(async () => {
		directory = await mkdtemp(path.join(os.tmpdir(), 'acs-tokens-zh-'));
		await switchLanguage('zh-TW');
	});

	afterAll(async () => {
		await switchLanguage('en');
		await rm(directory, {recursive: true, force: true});
	});

	it('has every help page within 80 columns by display width, with no line starting in a stray space', async () => {
		const pages = [text.help.root, text.help.wizard, emulatorHelp(), ...(await Promise.all(Object.values(commands).map(async load => (await load()).help)))];
		for (const page of pages) {
			expect(page).toMatch(/\p{Script=Han}/u);
			for (const line of page.split('\n')) {
				expect(textWidth(line), line).toBeLessThanOrEqual(80);
			}
		}
	});

	/** Every reason a plain 401 Denied can have, one of each: the type refuses a list with one left out. */
	const denialReasons = Object.values({
		'no-authorization': {why: 'no-authorization'},
		'not-hmac': {why: 'not-hmac'},
		'signature-not-canonical': {why: 'signature-not-canonical'},
		'headers-outside-scheme': {why: 'headers-outside-scheme'},
		'signed-header-absent': {why: 'signed-header-absent', header: 'date'},
		'required-unsigned': {why: 'required-unsigned', missing: ['host', 'x-ms-content-sha256']},
		'date-unreadable': {why: 'date-unreadable', header: 'x-ms-date'},
		'clock-skew': {why: 'clock-skew', header: 'x-ms-date', sentAt: '2026-12-02T20:00:00.000Z', minutes: 60, allowedMinutes: 15},
		'bearer-not-enabled': {why: 'bearer-not-enabled'},
		'bearer-needs-https': {why: 'bearer-needs-https'},
		'bearer-not-jwt': {why: 'bearer-not-jwt'},
		'bearer-wrong-audience': {why: 'bearer-wrong-audience'},
		'bearer-expired': {why: 'bearer-expired'},
	} satisfies {[Why in DenialReason['why']]: Extract<DenialReason, {why: Why}>}) as DenialReason[];

	it("says the emulator's log lines in zh-TW, from the emulator's data", () => {
		const lines = [
			text.commands.emulator.warning({kind: 'unknown-api-version', version: '2099-01-01', answeredAs: '2026-09-23'}),
			text.commands.emulator.warning({kind: 'torn-journal', path: '/data/identities.journal', bytes: 10, at: 326}),
			text.commands.emulator.warning({
				kind: 'signature-mismatch',
				method: 'POST',
				target: '/identities?api-version=2023-10-01',
				signedHeaders: ['x-ms-date', 'host', 'x-ms-content-sha256'],
				stringToSign: '"POST\\n/identities"',
				culprit: {part: 'query-left-out'},
			}),
			...denialReasons.map(reason => text.commands.emulator.warning({kind: 'request-denied', method: 'POST', target: '/identities?api-version=2023-10-01', reason})),
		];
		for (const line of lines) {
			expect(line).toMatch(/\p{Script=Han}/u);
			expect(englishIn(line)).toEqual([]);
		}

		expect(lines[0]).toContain('2099-01-01');
	});

	it('answers usage errors in zh-TW, and takes 是 for yes', async () => {
		const result = await run(['user', 'create', '--bogus'], directory);
		expect(result.stderr).toBe('不明的選項 --bogus。請執行「acs-tokens user create --help」。\n');
		expect(text.commands.yes.test('是')).toBe(true);
		expect(text.commands.yes.test('y')).toBe(true);
		expect(text.commands.yes.test('不')).toBe(false);
	});
});
