import {readFile, rm, writeFile} from 'node:fs/promises';
import path from 'node:path';
import {pathToFileURL} from 'node:url';
import {afterEach, describe, expect, it} from 'vitest';
import {DataDirectoryError} from '../../source/emulator/data-directory.js';
import {
	type AssignmentsProblem,
	type FileFailure,
	type JournalLineProblem,
	type SnapshotProblem,
	type StateProblem,
	stateProblemMessage,
} from '../../source/emulator/index.js';
import {createEmulator} from '../../source/emulator/server.js';
import {superviseEmulator} from '../../source/identity/emulator-supervisor.js';
import {en} from '../../source/text/en.js';
import {switchLanguage} from '../../source/text/index.js';
import {zhTW} from '../../source/text/zh-tw.js';
import {cliPath, createSandbox, temporaryDirectory} from '../_helpers/cli.js';
import {sdkClient} from '../_helpers/emulator.js';
import {englishIn} from '../_helpers/pseudo-locale.js';

/**
 * The emulator's refusals of its data directory, said in the user's language: the emulator
 * keeps its English `message` (state-files.test.ts checks those), the CLI and the wizard say
 * `problem` with the catalogue.
 */

const chinese = {LANG: 'zh_TW.UTF-8', LC_ALL: '', LC_MESSAGES: ''};
const english = {LANG: 'en_US.UTF-8', LC_ALL: '', LC_MESSAGES: ''};
const afresh =
	'restore it from a backup, or move the data directory away to start afresh (identities and tokens in it will be lost), or use --in-memory.';
const han = /\p{Script=Han}/u;

afterEach(async () => {
	await switchLanguage('en');
});

/** A data directory holding one identity with a token (two journal lines), written by the real emulator. */
async function withIdentity(directory: string): Promise<string> {
	const emulator = await createEmulator({port: 0, http: true, dataDirectory: directory});
	try {
		await sdkClient(emulator).createUserAndToken(['chat']);
	} finally {
		await emulator.close();
	}

	return directory;
}

async function damageJournal(directory: string): Promise<string> {
	const journalPath = path.join(directory, 'identities.journal');
	await writeFile(journalPath, `${await readFile(journalPath, 'utf8')}null\n`);
	return journalPath;
}

const escapeRegExp = (value: string) => value.replaceAll(/[.*+?^${}()|[\]\\]/g, '\\$&');

describe("the emulator's refusals in the user's language", () => {
	it('the emulator command says a damaged journal in zh-TW, naming the file, with exit code 1', async () => {
		const sandbox = await createSandbox();
		const directory = await withIdentity(await temporaryDirectory('acs-tokens-refusal-'));
		const journalPath = await damageJournal(directory);
		const args = ['emulator', '--http', '--port', '0', '--data-dir', directory];

		const zh = await sandbox.run(args, {env: chinese});
		expect(zh.code).toBe(1);
		expect(zh.stdout).toBe('');
		expect(zh.stderr).toMatch(
			new RegExp(`^acs-tokens: 模擬器的日誌 ${escapeRegExp(journalPath)} 在第 \\d+ 位元組（第 3 行）處已損毀：沒有檢查碼.*；請從備份還原它，或.*或使用 --in-memory。\\n$`),
		);
		expect(englishIn(zh.stderr)).toEqual([]);

		const said = await sandbox.run(args, {env: english});
		expect(said.code).toBe(1);
		expect(said.stdout).toBe('');
		expect(said.stderr).toMatch(
			new RegExp(
				`^acs-tokens: The emulator's journal ${escapeRegExp(journalPath)} is damaged at byte \\d+, line 3: it has no checksum \\(damaged, or written by an earlier version of acs-tokens\\); ${escapeRegExp(afresh)}\\n$`,
			),
		);
	});

	it('an --emulator command says a signing key missing beside identities in zh-TW, as text and in --json', async () => {
		const sandbox = await createSandbox();
		const directory = await withIdentity(path.join(sandbox.configDirectory, 'emulator'));
		const keyPath = path.join(directory, 'signing-key.pem');
		const journalPath = path.join(directory, 'identities.journal');
		await rm(keyPath);
		const args = ['user', 'create', '--emulator'];

		const zh = await sandbox.run(args, {env: chinese});
		expect(zh.code).toBe(1);
		expect(zh.stderr).toBe(
			`acs-tokens: 模擬器的簽署金鑰 ${keyPath} 不見了，但 ${journalPath} 中有身分識別（為它們發行的權杖將無法以新的金鑰驗證）；請從備份還原它，或將資料目錄移到別處以重新開始（其中的身分識別與權杖將會遺失），或使用 --in-memory。\n`,
		);
		expect(englishIn(zh.stderr)).toEqual([]);

		const json = await sandbox.run([...args, '--json'], {env: chinese});
		expect(json.code).toBe(1);
		const {error} = JSON.parse(json.stdout) as {error: {kind: string; message: string}};
		expect(error.kind).toBe('local');
		expect(error.message).toContain(keyPath);
		expect(error.message).toMatch(han);

		const said = await sandbox.run(args, {env: english});
		expect(said.code).toBe(1);
		expect(said.stderr).toBe(
			`acs-tokens: The emulator's signing key ${keyPath} is missing, but ${journalPath} holds identities (tokens issued for them would no longer verify with a new key); ${afresh}\n`,
		);
		await expect(readFile(keyPath)).rejects.toThrow();
	});

	it("the wizard's emulator thread passes the problem across, and its refusal is said in zh-TW", async () => {
		const directory = await withIdentity(await temporaryDirectory('acs-tokens-refusal-'));
		const journalPath = await damageJournal(directory);
		const entry = pathToFileURL(path.join(path.dirname(cliPath), 'emulator-worker.js'));
		await switchLanguage('zh-TW');
		const refusal = await superviseEmulator(entry, {dataDirectory: directory, http: true, port: 0, advertise: true}).then(
			() => undefined,
			(error: unknown) => error,
		);
		expect(refusal).toBeInstanceOf(DataDirectoryError);
		const {problem, message} = refusal as DataDirectoryError;
		expect(problem).toMatchObject({kind: 'damaged-journal', file: {role: 'journal', path: journalPath}, line: 3, problem: {kind: 'no-checksum'}});
		expect(message).toContain(journalPath);
		expect(message).toMatch(han);
		expect(englishIn(message)).toEqual([]);
	}, 30_000);
});

// ---------------------------------------------------------------------------------------------
// Every kind, said in both languages.

const file = (role: 'journal' | 'snapshot' | 'resource' | 'signing-key' | 'lock') => ({
	role,
	path: `/data/acs-tokens/${{journal: 'identities.journal', snapshot: 'identities.snapshot.json', resource: 'emulator.json', 'signing-key': 'signing-key.pem', lock: 'emulator.lock'}[role]}`,
});
const journal = file('journal');
const snapshot = file('snapshot');

const failures: Record<FileFailure['reason'], FileFailure> = {
	'is-directory': {reason: 'is-directory'},
	'permission-denied': {reason: 'permission-denied'},
	'disk-full': {reason: 'disk-full'},
	'not-regular-file': {reason: 'not-regular-file'},
	'not-a-file': {reason: 'not-a-file'},
	other: {reason: 'other', detail: 'EIO'},
};

const snapshotProblems: Record<SnapshotProblem['kind'], SnapshotProblem> = {
	'no-checksum': {kind: 'no-checksum'},
	'checksum-mismatch': {kind: 'checksum-mismatch'},
	'not-json': {kind: 'not-json'},
	'no-line-break': {kind: 'no-line-break'},
	'not-a-snapshot': {kind: 'not-a-snapshot'},
	'bad-seq-or-identities': {kind: 'bad-seq-or-identities'},
	'bad-identity': {kind: 'bad-identity', index: 4},
	'duplicate-id': {kind: 'duplicate-id', id: '8:acs:00000000-0000-0000-0000-000000000000_1'},
	'duplicate-custom-id': {kind: 'duplicate-custom-id', customId: 'alice'},
};

const journalProblems: Record<JournalLineProblem['kind'], JournalLineProblem> = {
	'no-checksum': {kind: 'no-checksum'},
	'checksum-mismatch': {kind: 'checksum-mismatch'},
	'not-json': {kind: 'not-json'},
	'line-too-long': {kind: 'line-too-long', maxBytes: 65_536},
	'empty-line': {kind: 'empty-line'},
	'not-a-change': {kind: 'not-a-change'},
	'seq-gap': {kind: 'seq-gap', seq: 9, after: 7},
	'identity-exists': {kind: 'identity-exists', seq: 3, op: 'create', id: '8:acs:00000000-0000-0000-0000-000000000000_1'},
	'identity-missing': {kind: 'identity-missing', seq: 3, op: 'issue', id: '8:acs:00000000-0000-0000-0000-000000000000_1'},
	'unfinished-line-too-long': {kind: 'unfinished-line-too-long', bytes: 70_000},
};

const assignmentsProblems: Record<AssignmentsProblem['kind'], readonly AssignmentsProblem[]> = {
	unreadable: [{kind: 'unreadable', code: 'EACCES'}, {kind: 'unreadable'}],
	'too-large': [{kind: 'too-large'}],
	'not-json': [{kind: 'not-json'}],
	'bad-checksum-or-shape': [{kind: 'bad-checksum-or-shape'}],
};

/** At least one of each kind (the Record's keys are checked by the compiler), and each nested kind. */
const problems: Record<StateProblem['kind'], readonly StateProblem[]> = {
	unusable: [
		...Object.values(failures).map(failure => ({kind: 'unusable', file: journal, failure}) as const),
		{kind: 'unusable', file: file('lock'), failure: {reason: 'not-a-file'}},
	],
	'too-large': [
		{kind: 'too-large', file: snapshot, bytes: 300_000_000, maxBytes: 268_435_456, limit: 'ever'},
		{kind: 'too-large', file: journal, bytes: 2_000_000_000, maxBytes: 1_073_741_824, limit: 'between-compactions'},
	],
	'missing-with-identities': [
		{kind: 'missing-with-identities', file: file('signing-key'), holder: journal.path},
		{kind: 'missing-with-identities', file: file('resource'), holder: snapshot.path},
	],
	'journal-missing': [{kind: 'journal-missing', file: journal}],
	'snapshot-missing': [{kind: 'snapshot-missing', file: snapshot, journalPath: journal.path, firstChange: 12}],
	'not-json': [{kind: 'not-json', file: file('resource')}],
	'no-resource-id': [{kind: 'no-resource-id', file: file('resource')}],
	'invalid-key': [{kind: 'invalid-key', file: file('signing-key')}],
	'damaged-snapshot': Object.values(snapshotProblems).map(problem => ({kind: 'damaged-snapshot', file: snapshot, problem}) as const),
	'damaged-journal': Object.values(journalProblems).map(
		problem => ({kind: 'damaged-journal', file: journal, offset: 326, line: 3, problem}) as const,
	),
	'changes-missing': [{kind: 'changes-missing', file: journal, snapshotPath: snapshot.path, firstChange: 20, snapshotChange: 15}],
	'journal-older': [{kind: 'journal-older', file: journal, snapshotPath: snapshot.path, lastChange: 10, snapshotChange: 15}],
	'damaged-assignments': Object.values(assignmentsProblems)
		.flat()
		.map(problem => ({kind: 'damaged-assignments', file: {role: 'assignments', path: '/data/acs-tokens/assignments.json'}, problem}) as const),
	'in-use': [{kind: 'in-use', directory: '/data/acs-tokens', pid: 4242, url: 'http://127.0.0.1:8765/'}],
	'lock-contended': [{kind: 'lock-contended', directory: '/data/acs-tokens'}],
	'cannot-make-directory': [{kind: 'cannot-make-directory', directory: '/data/acs-tokens', detail: 'EACCES'}],
};
const all = Object.values(problems).flat();

/** The paths, pids and numbers a refusal names: said as they are in every language. */
function named(problem: StateProblem): string[] {
	const values: string[] = [];
	const collect = (value: unknown, key: string) => {
		if (typeof value === 'string' && (value.startsWith('/') || value.startsWith('8:acs:') || /^E[A-Z]+$/.test(value))) {
			values.push(value);
		} else if (typeof value === 'number') {
			values.push(String(value));
		} else if (typeof value === 'object' && value !== null) {
			for (const [inner, entry] of Object.entries(value)) {
				collect(entry, inner);
			}
		} else if (key === 'customId' || key === 'op') {
			values.push(String(value));
		}
	};

	collect(problem, '');
	return values;
}

describe('every refusal, as data', () => {
	const titled = all.map(problem => {
		const detail = 'problem' in problem ? problem.problem.kind : 'failure' in problem ? problem.failure.reason : undefined;
		return [detail === undefined ? problem.kind : `${problem.kind} (${detail})`, problem] as const;
	});
	it.each(titled)(
		'%s is said in zh-TW without English, naming what the English names',
		(_name, problem) => {
			const zh = zhTW.commands.emulator.refusal(problem);
			expect(zh).toMatch(han);
			expect(englishIn(zh)).toEqual([]);
			expect(zh).toMatch(/[。]$/);
			for (const value of named(problem)) {
				expect(zh).toContain(value);
			}

			// English is the emulator's own message, the one its errors carry.
			const said = en.commands.emulator.refusal(problem);
			expect(said).toBe(stateProblemMessage(problem));
			expect(new DataDirectoryError(problem).message).toBe(said);
			expect(new DataDirectoryError(problem).problem).toBe(problem);
			expect(said).not.toMatch(han);
			for (const value of named(problem)) {
				expect(said).toContain(value);
			}
		},
	);

	it('a message alone still makes an error, with no problem', () => {
		const error = new DataDirectoryError('The data directory is odd.');
		expect(error.message).toBe('The data directory is odd.');
		expect(error.problem).toBeUndefined();
	});
});
