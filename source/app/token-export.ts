import {chmod, readFile, writeFile} from 'node:fs/promises';
import path from 'node:path';
import {UserError} from '../errors/user-error.js';
import {text} from '../text/index.js';

export async function saveTokenToFile(token: string, file: string, cwd: string): Promise<string> {
	if (file.trim() === '') {
		throw new UserError('usage', text.wizard.token.noFileName);
	}

	const target = path.resolve(cwd, file.trim());
	await writeFile(target, `${token}\n`, {mode: 0o600});
	// The mode above applies only to a new file: an existing one must not stay readable by others.
	await chmod(target, 0o600);
	return text.wizard.token.savedFile(target);
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

		throw error;
	});
	const lines = before === '' ? [] : before.replace(/\n$/, '').split('\n');
	const entry = `${name}=${token}`;
	const index = lines.findIndex(line => line.startsWith(`${name}=`));
	if (index === -1) {
		lines.push(entry);
	} else {
		lines[index] = entry;
	}

	await writeFile(target, `${lines.join('\n')}\n`, {mode: 0o600});
	await chmod(target, 0o600);
	return text.wizard.token.savedDotenv(name, target);
}
