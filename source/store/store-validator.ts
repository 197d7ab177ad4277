import type {ErrorObject} from 'ajv/dist/2020.js';
import {text} from '../text/index.js';
// The schema compiled ahead of time (scripts/generate-store-validator.ts): nothing is compiled at run time.
import validateStore from './generated/validate-store.js';

type Validate = ((data: unknown) => boolean) & {errors?: ErrorObject[] | null};
const validate = validateStore as Validate;

/** `profiles/0/keySource`, or the key a rule about a level's keys names. */
function keyOf({instancePath, params}: ErrorObject): string {
	const level = instancePath.slice(1).replaceAll(/~([01])/g, (_match, code: string) => (code === '0' ? '~' : '/'));
	const {additionalProperty, unevaluatedProperty, propertyName, missingProperty} = params as Record<string, string | undefined>;
	const key = additionalProperty ?? unevaluatedProperty ?? propertyName ?? missingProperty;
	if (key === undefined) {
		return level;
	}

	return level === '' ? key : `${level}/${key}`;
}

/**
 * What in the data the acs-tokens format refuses, one phrase per rule broken (at most three, the rest counted); undefined when
 * it is all well. Our own check, made on every read and before every write, so that a damaged
 * file is known by this answer and never by the text of a library's error.
 */
export function storeViolations(data: unknown): string | undefined {
	if (validate(data)) {
		return endpointViolations(data as {profiles: readonly {endpoint: string}[]});
	}

	return phrases(validate.errors ?? []);
}

/** At most this many rules are named; the rest are counted. */
const shownViolations = 3;

/**
 * One phrase a rule, for a person: a value that fits none of the forms it may take (a key
 * source, a token's record) is named once, not with each form's own complaints beside it.
 */
function phrases(errors: readonly ErrorObject[]): string {
	const rules = text.store.rules;
	const inBranch = /\/(?:oneOf|anyOf)\/\d+\//;
	const said = [
		...new Set(
			errors
				.filter(error => !inBranch.test(error.schemaPath))
				.map(error => {
					const key = keyOf(error);
					switch (error.keyword) {
						case 'required': {
							return rules.missing(key);
						}

						case 'additionalProperties':
						case 'unevaluatedProperties': {
							return rules.notInTheFormat(key);
						}

						case 'oneOf':
						case 'anyOf': {
							return rules.noneOfTheForms(key);
						}

						case 'type': {
							return rules.wrongType(key, String((error.params as {type?: unknown}).type));
						}

						case 'pattern':
						case 'format':
						case 'const':
						case 'enum':
						case 'minimum':
						case 'maximum':
						case 'minLength':
						case 'maxLength':
						case 'minItems':
						case 'maxItems': {
							return rules.notAllowed(key);
						}

						default: {
							return rules.other(key, error.message ?? error.keyword);
						}
					}
				}),
		),
	];
	return rules.list(said.slice(0, shownViolations), Math.max(0, said.length - shownViolations));
}

/** An endpoint the schema's pattern lets through that the URL parser still refuses (`https://[::1`). */
function endpointViolations({profiles}: {profiles: readonly {endpoint: string}[]}): string | undefined {
	const refused = profiles.flatMap(({endpoint}, index) => (URL.canParse(endpoint) ? [] : [`\`profiles/${index}/endpoint\` must be a URL`]));
	return refused.length === 0 ? undefined : refused.join('; ');
}
