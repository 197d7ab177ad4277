import {languageSettings} from '../text/locale.js';
import type {Options, Schema} from 'conf';
import {connectionStringVariables, type KeySourceKind, type StoreData} from './types.js';

type ValueSchema = NonNullable<Schema<StoreData>['settings']>;

/**
 * Names and labels are typed at a prompt and on the command line: no edge whitespace, no
 * control characters, short enough for a table column. validate.ts checks the same rules.
 */
export const namePattern = '^[^\\s\\p{Cc}](?:[^\\p{Cc}]*[^\\s\\p{Cc}])?$';
export const nameMaxLength = 64;
/** Far longer than any resource's endpoint; the URL check after the schema reads at most this. */
export const endpointMaxLength = 2048;
/** A scheme, a host and optionally more, with no whitespace; the URL parser checks the rest. */
export const endpointPattern = '^https?://[^\\s/?#]+(?:[/?#]\\S*)?$';
export const dotenvVariablePattern = '^[A-Za-z_][A-Za-z0-9_]*$';

const nameSchema: ValueSchema = {type: 'string', minLength: 1, maxLength: nameMaxLength, pattern: namePattern};
const timestampSchema: ValueSchema = {type: 'string', format: 'date-time'};
const textSchema: ValueSchema = {type: 'string', minLength: 1};

function objectSchema(properties: Record<string, ValueSchema>, required: readonly string[]): ValueSchema {
	return {type: 'object', properties, required, additionalProperties: false};
}

/** One entry per kind of key source; see `KeySource` in types.ts for adding one. */
export const keySourceSchemas: {readonly [Kind in KeySourceKind]: ValueSchema} = {
	environment: objectSchema(
		{kind: {const: 'environment'}, variable: {enum: [...connectionStringVariables]}},
		['kind', 'variable'],
	),
	dotenv: objectSchema(
		{kind: {const: 'dotenv'}, path: textSchema, variable: {type: 'string', pattern: dotenvVariablePattern}},
		['kind', 'path', 'variable'],
	),
	emulator: objectSchema({kind: {const: 'emulator'}}, ['kind']),
	'command-line': objectSchema({kind: {const: 'command-line'}}, ['kind']),
	saved: objectSchema({kind: {const: 'saved'}, accessKey: textSchema}, ['kind', 'accessKey']),
	entra: objectSchema({kind: {const: 'entra'}, tenantId: textSchema}, ['kind']),
};

const issuedTokenSchema = objectSchema(
	{
		scopes: {type: 'array', minItems: 1, items: textSchema},
		issuedAt: timestampSchema,
		expiresOn: timestampSchema,
		token: textSchema,
	},
	['scopes', 'issuedAt', 'expiresOn'],
);

const identitySchema = objectSchema(
	{
		id: textSchema,
		label: nameSchema,
		createdAt: timestampSchema,
		lastToken: issuedTokenSchema,
		revokedAt: timestampSchema,
		deletedAt: timestampSchema,
	},
	['id', 'createdAt'],
);

const profileSchema = objectSchema(
	{
		name: nameSchema,
		// A pattern, not ajv-formats' `uri`: that regular expression alone costs some 15 ms to
		// compile on every start. Whether the rest parses as a URL is checked after the schema
		// (store-validator.ts), as the WHATWG parser the program uses reads it.
		endpoint: {type: 'string', maxLength: endpointMaxLength, pattern: endpointPattern},
		keySource: {oneOf: Object.values(keySourceSchemas)},
		createdAt: timestampSchema,
		identities: {type: 'array', items: identitySchema},
	},
	['name', 'endpoint', 'keySource', 'createdAt', 'identities'],
);

/** conf's `schema` option: the properties of the top-level object. */
export const storeSchema: Schema<StoreData> = {
	profiles: {type: 'array', items: profileSchema},
	defaultProfile: nameSchema,
	settings: objectSchema(
		{
			storeTokens: {type: 'boolean'},
			language: {enum: [...languageSettings]},
			symbols: {enum: ['unicode', 'plain']},
		},
		['storeTokens', 'language', 'symbols'],
	),
};

/** A key the schema does not know means the file is not ours, or was mistyped by hand. */
export const storeRootSchema: NonNullable<Options<StoreData>['rootSchema']> = {
	required: ['profiles', 'settings'],
	// conf keeps its migration bookkeeping under `__internal__`.
	patternProperties: {'^__internal__$': {type: 'object'}},
	additionalProperties: false,
};
