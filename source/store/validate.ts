import {text} from '../text/index.js';
import {InvalidStoreValueError} from './errors.js';
import {dotenvVariablePattern, endpointMaxLength, endpointPattern, nameMaxLength, namePattern} from './schema.js';
import {isLanguageSetting, languageSettings} from '../text/locale.js';
import {connectionStringVariables, type KeySource, keySourceFields, type Settings} from './types.js';

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
	// Characters as the schema counts them (code points): an emoji is one, as a CJK character is.
	if (typeof value !== 'string' || [...value].length > nameMaxLength || !nameExpression.test(value)) {
		throw new InvalidStoreValueError(
			field,
			text.store.invalid.name(field, quote(value), nameMaxLength),
		);
	}

	return value;
}

const endpointExpression = new RegExp(endpointPattern, 'u');

export function checkEndpoint(value: unknown): string {
	let url: URL | undefined;
	try {
		url = typeof value === 'string' ? new URL(value) : undefined;
	} catch {
		url = undefined;
	}

	if (!url || (url.protocol !== 'https:' && url.protocol !== 'http:')) {
		const shown = typeof value === 'string' ? quote(redact(value)) : quote(value);
		throw new InvalidStoreValueError('endpoint', text.store.invalid.endpoint(shown));
	}

	// The schema's own rules too, so that what is refused here is never written and then refused.
	if ((value as string).length > endpointMaxLength || !endpointExpression.test(value as string)) {
		throw new InvalidStoreValueError('endpoint', text.store.invalid.endpointShape(quote(redact(value as string)), endpointMaxLength));
	}

	return value as string;
}

export function checkTimestamp(field: string, value: unknown): string {
	if (typeof value !== 'string' || !timestampExpression.test(value) || Number.isNaN(Date.parse(value))) {
		throw new InvalidStoreValueError(
			field,
			text.store.invalid.timestamp(field, quote(value)),
		);
	}

	return value;
}

export function checkIdentityId(value: unknown): string {
	if (typeof value !== 'string' || value.trim() === '' || value.trim() !== value) {
		throw new InvalidStoreValueError(
			'id',
			text.store.invalid.identityId(quote(value)),
		);
	}

	return value;
}

export function checkScopes(value: unknown): readonly string[] {
	if (!Array.isArray(value) || value.length === 0 || value.some(scope => typeof scope !== 'string' || scope === '')) {
		throw new InvalidStoreValueError(
			'scopes',
			text.store.invalid.scopes(JSON.stringify(value)),
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
			text.store.invalid.keySourceKind(quote(kind), Object.keys(keySourceFields)),
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
					text.store.invalid.environmentVariable(quote(clean.variable), connectionStringVariables),
				);
			}

			break;
		}

		case 'dotenv': {
			if (typeof clean.path !== 'string' || clean.path === '') {
				throw new InvalidStoreValueError('keySource.path', text.store.invalid.dotenvPathEmpty);
			}

			if (typeof clean.variable !== 'string' || !dotenvVariableExpression.test(clean.variable)) {
				throw new InvalidStoreValueError(
					'keySource.variable',
					text.store.invalid.dotenvVariable(quote(clean.variable)),
				);
			}

			break;
		}

		case 'saved': {
			if (typeof clean.accessKey !== 'string' || clean.accessKey === '') {
				throw new InvalidStoreValueError('keySource.accessKey', text.store.invalid.accessKeyEmpty);
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

/** A change of settings, each value checked: the settings command checks its flags first. */
export function checkSettings(patch: Partial<Settings>): Partial<Settings> {
	const {storeTokens, language, symbols} = patch;
	if (storeTokens !== undefined && typeof storeTokens !== 'boolean') {
		throw new InvalidStoreValueError('storeTokens', text.store.invalid.storeTokens(quote(storeTokens)));
	}

	if (language !== undefined && !isLanguageSetting(language)) {
		throw new InvalidStoreValueError('language', text.store.invalid.language(quote(language), languageSettings));
	}

	if (symbols !== undefined && symbols !== 'unicode' && symbols !== 'plain') {
		throw new InvalidStoreValueError('symbols', text.store.invalid.symbols(quote(symbols)));
	}

	return Object.fromEntries(Object.entries(patch).filter(([, value]) => value !== undefined)) as Partial<Settings>;
}
