import {randomBytes} from 'node:crypto';
import {readFile, rename, rm, writeFile} from 'node:fs/promises';
import path from 'node:path';
import {UserError} from '../errors/user-error.js';
import {text} from '../text/index.js';
import type {FileSave} from './effects.js';

/** A write the system refused, said with the file's path and the system's code. */
function refused(target: string, error: unknown): unknown {
	const {code} = error as NodeJS.ErrnoException;
	return typeof code === 'string' ? new UserError('local', text.wizard.token.saveFailed(target, code), {cause: error}) : error;
}

/**
 * Puts `content` in `target` whole or not at all, private to the user from its first byte: a
 * new file beside it (mode 600) renamed over it. A disk that fills up halfway leaves the old
 * file as it was (a .env with a connection string in it), never a truncated one.
 */
async function replaceWhole(target: string, content: string): Promise<void> {
	const temporary = `${target}.${randomBytes(6).toString('hex')}.tmp`;
	try {
		await writeFile(temporary, content, {mode: 0o600, flag: 'wx'});
		await rename(temporary, target);
	} catch (error) {
		await rm(temporary, {force: true}).catch(() => undefined);
		throw error;
	}
}

/**
 * Writes the token (or the claims) to `file`, private to the user. A file that exists is left as
 * it is unless `replace` says the user chose to replace it: the answer then says it exists.
 */
export async function saveTokenToFile(token: string, file: string, cwd: string, replace = false): Promise<FileSave> {
	if (file.trim() === '') {
		throw new UserError('usage', text.wizard.token.noFileName);
	}

	const target = path.resolve(cwd, file.trim());
	try {
		if (replace) {
			await replaceWhole(target, `${token}\n`);
		} else {
			await writeFile(target, `${token}\n`, {mode: 0o600, flag: 'wx'});
		}
	} catch (error) {
		if (!replace && (error as NodeJS.ErrnoException).code === 'EEXIST') {
			return {kind: 'exists', file: target};
		}

		throw refused(target, error);
	}

	return {kind: 'saved', message: text.wizard.token.savedFile(target)};
}

/** Sets `VARIABLE=token` in ./.env, replacing an earlier value and keeping every other line. */
export async function saveTokenToDotenv(token: string, variable: string, cwd: string): Promise<string> {
	const name = variable.trim();
	if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) {
		throw new UserError('usage', text.wizard.token.notAVariable(name));
	}

	const target = path.join(cwd, '.env');
	const before = await readFile(target, 'utf8').catch((error: NodeJS.ErrnoException) => {
		if (error.code === 'ENOENT') {
			return '';
		}

		throw refused(target, error);
	});
	const lines = before === '' ? [] : before.replace(/\n$/, '').split('\n');
	const entry = `${name}=${token}`;
	const index = lines.findIndex(line => line.startsWith(`${name}=`));
	if (index === -1) {
		lines.push(entry);
	} else {
		lines[index] = entry;
	}

	try {
		await replaceWhole(target, `${lines.join('\n')}\n`);
	} catch (error) {
		throw refused(target, error);
	}

	return text.wizard.token.savedDotenv(name, target);
}
