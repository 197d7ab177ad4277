import {text} from '../text/index.js';
import {UserError} from '../errors/user-error.js';
import {IdentityError} from './errors.js';

/** How long one operation may take, retries included, unless `ACS_TOKENS_REQUEST_TIMEOUT` says otherwise. */
export const defaultRequestTimeoutSeconds = 30;

/** `ACS_TOKENS_REQUEST_TIMEOUT`, checked: whole seconds from 1 to 3600; unset or empty gives 30. */
export function requestTimeoutOf(env: NodeJS.ProcessEnv): number {
	const value = env['ACS_TOKENS_REQUEST_TIMEOUT'];
	if (value === undefined || value === '') {
		return defaultRequestTimeoutSeconds;
	}

	const seconds = /^\d{1,4}$/.test(value.trim()) ? Number(value.trim()) : Number.NaN;
	if (!(seconds >= 1 && seconds <= 3600)) {
		throw new UserError('usage', text.errors.timeoutVariable(value));
	}

	return seconds;
}

/** What a call given up at its deadline is: a network error that says how long it waited and how to wait longer. */
export function timedOutError(endpoint: string, seconds: number, cause?: unknown): IdentityError {
	const message = text.errors.timedOut(endpoint, seconds);
	return new IdentityError('network', message, {serviceMessage: message}, {...(cause === undefined ? {} : {cause}), abandoned: true});
}
