import {text} from '../text/index.js';
import {IdentityError} from './errors.js';

/** `ACS_TOKENS_EMULATOR_PORT`, checked: a port number, or 0 for any free port. */
export function emulatorPortOf(env: NodeJS.ProcessEnv): number | undefined {
	const value = env['ACS_TOKENS_EMULATOR_PORT'];
	if (value === undefined || value === '') {
		return undefined;
	}

	const port = /^\d{1,5}$/.test(value) ? Number(value) : Number.NaN;
	if (!(port >= 0 && port <= 65_535)) {
		throw new IdentityError('validation', text.errors.emulatorPortVariable(value));
	}

	return port;
}
