import type {Catalogue} from '../../source/text/catalogue.js';

/**
 * The pseudo-locale: every message of a catalogue transformed visibly and made about 40 %
 * wider, as Windows' qps-ploc does. Letters get accents (a → á), so any plain ASCII English
 * left on a screen is text that did not come from the catalogue; the padding (·) shows layouts
 * that break when a translation is longer than the English.
 */
const accented: Record<string, string> = Object.fromEntries(
	[...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ'].map((letter, index) => [
		letter,
		[...'áƀçðéƒĝĥíĵķĺɱñóþǫŕšţúṽŵẋýžÁƁÇÐÉƑĜĤÍĴĶĹṀÑÓÞǪŔŠŢÚṼŴẊÝŽ'][index] as string,
	]),
);

export function pseudo(message: string): string {
	const letters = [...message].filter(character => /[A-Za-z]/.test(character)).length;
	return `${[...message].map(character => accented[character] ?? character).join('')}${'·'.repeat(Math.ceil(letters * 0.4))}`;
}

function transform(value: unknown): unknown {
	if (typeof value === 'string') {
		return pseudo(value);
	}

	if (typeof value === 'function') {
		return (...args: unknown[]) => transform((value as (...parameters: unknown[]) => unknown)(...args));
	}

	if (value instanceof RegExp) {
		return value;
	}

	if (Array.isArray(value)) {
		return value.map(transform);
	}

	if (value && typeof value === 'object') {
		return Object.fromEntries(Object.entries(value).map(([key, entry]) => [key, transform(entry)]));
	}

	return value;
}

export function pseudoCatalogue(catalogue: Catalogue): Catalogue {
	return transform(catalogue) as Catalogue;
}

/** A line of the SDK code or the HTTP exchange: code, which stays as it is in every language. */
const codeLine = /^(?:import|from|const|await|client|user|token_result|print|console|process|os|POST|GET|DELETE|PATCH|[→←{}()\]])\b|^[→←]/;

/**
 * English left on a screen or in output: three or more plain ASCII words in a row (a
 * sentence, not an id, a URL, a flag or a code identifier). Box borders are taken off; lines of
 * code (the SDK panel, the HTTP exchange) are not read.
 */
export function englishIn(output: string): string[] {
	return output
		.split('\n')
		.map(line => line.replace(/^[\s│┌└╭╰├]+|[\s│┐┘╮╯┤]+$/g, ''))
		.filter(line => !codeLine.test(line))
		.flatMap(line => line.match(/\b[A-Za-z]{2,}[,.]?(?: [A-Za-z]{2,}[,.]?){2,}/g) ?? []);
}
