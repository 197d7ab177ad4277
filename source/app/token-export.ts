import {chmod, readFile, writeFile} from 'node:fs/promises';
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
 * Writes the token (or the claims) to `file`, private to the user. A file that exists is left as
 * it is unless `replace` says the user chose to replace it: the answer then says it exists.
 */
export async function saveTokenToFile(token: string, file: string, cwd: string, replace = false): Promise<FileSave> {
	if (file.trim() === '') {
		throw new UserError('usage', text.wizard.token.noFileName);
	}

	const target = path.resolve(cwd, file.trim());
	try {
		await writeFile(target, `${token}\n`, {mode: 0o600, flag: replace ? 'w' : 'wx'});
		// The mode above applies only to a new file: a replaced one must not stay readable by others.
		await chmod(target, 0o600);
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
		await writeFile(target, `${lines.join('\n')}\n`, {mode: 0o600});
		await chmod(target, 0o600);
	} catch (error) {
		throw refused(target, error);
	}

	return text.wizard.token.savedDotenv(name, target);
}
