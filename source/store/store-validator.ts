import {Ajv2020, type ErrorObject, type ValidateFunction} from 'ajv/dist/2020.js';
import formatsModule from 'ajv-formats';
import {storeRootSchema, storeSchema} from './schema.js';

// ajv-formats is CommonJS with its function as `default` (ajv-validator/ajv#2047).
const addFormats = ((formatsModule as unknown as {default?: typeof formatsModule}).default ?? formatsModule) as unknown as (
	ajv: Ajv2020,
) => void;

let validator: ValidateFunction | undefined;

/** The schema, compiled on first use (compiling it is most of what opening the store costs). */
function compiled(): ValidateFunction {
	if (!validator) {
		// The schema is fixed, so checking it against the meta-schema on every start is skipped: a test checks it once.
		const ajv = new Ajv2020({allErrors: true, useDefaults: true, validateSchema: false});
		addFormats(ajv);
		validator = ajv.compile({...storeRootSchema, type: 'object', properties: storeSchema});
	}

	return validator;
}

/** `profiles/0/keySource`, or the key a rule about a level's keys names. */
function keyOf({instancePath, params}: ErrorObject): string {
	const level = instancePath.slice(1).replaceAll(/~([01])/g, (_match, code: string) => (code === '0' ? '~' : '/'));
	const {additionalProperty, unevaluatedProperty, propertyName} = params as Record<string, string | undefined>;
	const key = additionalProperty ?? unevaluatedProperty ?? propertyName;
	if (key === undefined) {
		return level;
	}

	return level === '' ? key : `${level}/${key}`;
}

/**
 * What in the data the acs-tokens format refuses, one phrase per rule broken; undefined when
 * it is all well. Our own check, made on every read and before every write, so that a damaged
 * file is known by this answer and never by the text of a library's error.
 */
export function storeViolations(data: unknown): string | undefined {
	const validate = compiled();
	if (validate(data)) {
		return undefined;
	}

	return (validate.errors ?? []).map(error => `\`${keyOf(error)}\` ${error.message ?? ''}`.trim()).join('; ');
}
