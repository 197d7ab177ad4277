import {readdir, readFile, stat, writeFile} from 'node:fs/promises';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {saveTokenToDotenv, saveTokenToFile} from '../../source/app/token-export.js';
import {UserError} from '../../source/errors/user-error.js';
import {temporaryDirectory} from '../_helpers/cli.js';

/** The token view's f and e, on a real directory. */
describe('saving a token to a file', () => {
	it('writes a new file private to the user, and says where', async () => {
		const cwd = await temporaryDirectory('acs-tokens-export-');
		const saved = await saveTokenToFile('eyJ.token', 'access-token.txt', cwd);
		const file = path.join(cwd, 'access-token.txt');
		expect(saved).toEqual({kind: 'saved', message: `Saved to ${file} (mode 600).`});
		expect(await readFile(file, 'utf8')).toBe('eyJ.token\n');
		expect((await stat(file)).mode & 0o777).toBe(0o600);
	});

	it('leaves a file that exists as it is, unless told to replace it; a replaced one is made private', async () => {
		const cwd = await temporaryDirectory('acs-tokens-export-');
		const file = path.join(cwd, 'notes.txt');
		await writeFile(file, 'my notes\n', {mode: 0o644});
		expect(await saveTokenToFile('eyJ.token', 'notes.txt', cwd)).toEqual({kind: 'exists', file});
		expect(await readFile(file, 'utf8')).toBe('my notes\n');

		expect(await saveTokenToFile('eyJ.token', 'notes.txt', cwd, true)).toMatchObject({kind: 'saved'});
		expect(await readFile(file, 'utf8')).toBe('eyJ.token\n');
		expect((await stat(file)).mode & 0o777).toBe(0o600);
		// Replaced whole, through a file renamed over it: nothing else is left in the directory.
		expect(await readdir(cwd)).toEqual(['notes.txt']);
	});

	it('names the file and the system code when it cannot be written', async () => {
		const cwd = await temporaryDirectory('acs-tokens-export-');
		const missing = path.join(cwd, 'no-such-directory', 'token.txt');
		const error = await saveTokenToFile('eyJ.token', 'no-such-directory/token.txt', cwd).catch((caught: unknown) => caught);
		expect(error).toBeInstanceOf(UserError);
		expect((error as UserError).kind).toBe('local');
		expect((error as Error).message).toBe(
			`Could not write ${missing} (ENOENT): check the directory exists and you may write there, then try again.`,
		);
		expect(String(error)).not.toContain('eyJ.token');
	});

	it('refuses an empty name, and a variable that is no name, as the user\'s mistake (usage), writing nothing', async () => {
		const cwd = await temporaryDirectory('acs-tokens-export-');
		for (const save of [saveTokenToFile('eyJ.token', '  ', cwd), saveTokenToDotenv('eyJ.token', '1BAD', cwd)]) {
			const error = await save.catch((caught: unknown) => caught);
			expect(error).toBeInstanceOf(UserError);
			expect((error as UserError).kind).toBe('usage');
		}

		await expect(saveTokenToFile('eyJ.token', '  ', cwd)).rejects.toThrow('Give a file name.');
		await expect(saveTokenToDotenv('eyJ.token', '1BAD', cwd)).rejects.toThrow('"1BAD" is not a variable name');
		await expect(readFile(path.join(cwd, '.env'), 'utf8')).rejects.toMatchObject({code: 'ENOENT'});
	});
});

describe('saving a token to .env', () => {
	it('sets the variable, keeping every other line, and names .env when it cannot be written', async () => {
		const cwd = await temporaryDirectory('acs-tokens-export-');
		const dotenv = path.join(cwd, '.env');
		await writeFile(dotenv, 'A=1\nACS_USER_ACCESS_TOKEN=old\nB=2\n');
		expect(await saveTokenToDotenv('eyJ.token', 'ACS_USER_ACCESS_TOKEN', cwd)).toBe(`Saved as ACS_USER_ACCESS_TOKEN in ${dotenv}.`);
		expect(await readFile(dotenv, 'utf8')).toBe('A=1\nACS_USER_ACCESS_TOKEN=eyJ.token\nB=2\n');
		expect((await stat(dotenv)).mode & 0o777).toBe(0o600);
		expect(await readdir(cwd)).toEqual(['.env']);

		// A "directory" that is a file: refused for root too (CI runs as root).
		const notADirectory = path.join(cwd, 'plain-file');
		await writeFile(notADirectory, '');
		const error = await saveTokenToDotenv('eyJ.token', 'T', notADirectory).catch((caught: unknown) => caught);
		expect(error).toBeInstanceOf(UserError);
		expect((error as Error).message).toBe(
			`Could not write ${path.join(notADirectory, '.env')} (ENOTDIR): check the directory exists and you may write there, then try again.`,
		);
	});
});
