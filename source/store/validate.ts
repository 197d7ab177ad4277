import {InvalidStoreValueError} from './errors.js';
import {dotenvVariablePattern, nameMaxLength, namePattern} from './schema.js';
import {connectionStringVariables, type KeySource, keySourceFields} from './types.js';

/**
 * The checks the schema makes, made first on what a caller hands in, so that the error
 * names the value and says what to do instead of pointing at a JSON path.
 */
const nameExpression = new RegExp(namePattern, 'u');
const dotenvVariableExpression = new RegExp(dotenvVariablePattern);
const timestampExpression = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})$/i;

function quote(value: unknown): string {
	return typeof value === 'string' ? JSON.stringify(value) : String(value);
}

/** A mistyped endpoint may be a whole connection string: never repeat its key. */
function redact(value: string): string {
	return value.replace(/(accesskey\s*=\s*)[^;]*/gi, '$1<hidden>');
}

export function checkName(field: 'profile name' | 'label', value: unknown): string {
	if (typeof value !== 'string' || value.length > nameMaxLength || !nameExpression.test(value)) {
		throw new InvalidStoreValueError(
			field,
			`The ${field} ${quote(value)} is not valid: use 1 to ${nameMaxLength} characters, without control characters or spaces at either end.`,
		);
	}

	return value;
}

export function checkEndpoint(value: unknown): string {
	let url: URL | undefined;
	try {
		url = typeof value === 'string' ? new URL(value) : undefined;
	} catch {
		url = undefined;
	}

	if (!url || (url.protocol !== 'https:' && url.protocol !== 'http:')) {
		const shown = typeof value === 'string' ? quote(redact(value)) : quote(value);
		throw new InvalidStoreValueError(
			'endpoint',
			`The endpoint ${shown} is not an http(s) URL. Use the resource's endpoint, e.g. https://<resource>.communication.azure.com/.`,
		);
	}

	return value as string;
}

export function checkTimestamp(field: string, value: unknown): string {
	if (typeof value !== 'string' || !timestampExpression.test(value) || Number.isNaN(Date.parse(value))) {
		throw new InvalidStoreValueError(
			field,
			`${field} ${quote(value)} is not an ISO 8601 date and time. Pass e.g. new Date().toISOString().`,
		);
	}

	return value;
}

export function checkIdentityId(value: unknown): string {
	if (typeof value !== 'string' || value.trim() === '' || value.trim() !== value) {
		throw new InvalidStoreValueError(
			'id',
			`The identity id ${quote(value)} is not valid: pass the id ACS returned, e.g. 8:acs:<resource>_<guid>.`,
		);
	}

	return value;
}

export function checkScopes(value: unknown): readonly string[] {
	if (!Array.isArray(value) || value.length === 0 || value.some(scope => typeof scope !== 'string' || scope === '')) {
		throw new InvalidStoreValueError(
			'scopes',
			`The token scopes ${JSON.stringify(value)} are not valid: pass the non-empty list of scopes the token was issued for, e.g. ["chat", "voip"].`,
		);
	}

	return [...(value as string[])];
}

/** A copy with only the fields its kind keeps, so that nothing else (an access key above all) is written by accident. */
export function cleanKeySource(value: KeySource): KeySource {
	const kind = (value as {kind?: unknown} | undefined)?.kind;
	if (typeof kind !== 'string' || !Object.hasOwn(keySourceFields, kind)) {
		throw new InvalidStoreValueError(
			'keySource',
			`The key source kind ${quote(kind)} is unknown. Use one of: ${Object.keys(keySourceFields).join(', ')}.`,
		);
	}

	const fields = keySourceFields[value.kind] as readonly string[];
	const clean = Object.fromEntries([
		['kind', value.kind],
		...fields.map(field => [field, (value as Record<string, unknown>)[field]]),
	]) as KeySource;

	switch (clean.kind) {
		case 'environment': {
			if (!(connectionStringVariables as readonly string[]).includes(clean.variable)) {
				throw new InvalidStoreValueError(
					'keySource.variable',
					`The environment variable ${quote(clean.variable)} is not one acs-tokens reads. Use ${connectionStringVariables.join(' or ')}.`,
				);
			}

			break;
		}

		case 'dotenv': {
			if (typeof clean.path !== 'string' || clean.path === '') {
				throw new InvalidStoreValueError('keySource.path', 'The .env file path is empty. Pass the path of the .env file that holds the connection string.');
			}

			if (typeof clean.variable !== 'string' || !dotenvVariableExpression.test(clean.variable)) {
				throw new InvalidStoreValueError(
					'keySource.variable',
					`The variable name ${quote(clean.variable)} is not valid in a .env file: use letters, digits and _, not starting with a digit.`,
				);
			}

			break;
		}

		case 'saved': {
			if (typeof clean.accessKey !== 'string' || clean.accessKey === '') {
				throw new InvalidStoreValueError('keySource.accessKey', 'The access key to save is empty. Pass the key from the resource\'s Keys page.');
			}

			break;
		}

		case 'emulator':
		case 'command-line': {
			break;
		}
	}

	return clean;
}
