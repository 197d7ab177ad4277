/**
 * JSON.parse with its work bounded first. V8's parser copes with deep nesting, but what is
 * done with the value afterwards (JSON.stringify, structured clone, recursion) overflows the
 * stack: a 16 KB body of 6,000 nested arrays was enough to crash the emulator. So the depth
 * is measured on the text, in one pass, before anything is built.
 */
export const maxJsonDepth = 64;

export class JsonLimitError extends Error {
	override name = 'JsonLimitError';

	constructor(
		readonly limit: 'depth' | 'size',
		message: string,
	) {
		super(message);
	}
}

export type JsonLimits = {
	/** Arrays and objects nested deeper than this are refused (System.Text.Json's default is 64). */
	readonly maxDepth?: number;
	/** Characters; longer text is refused before it is scanned. */
	readonly maxLength?: number;
};

/** Throws JsonLimitError over a limit, SyntaxError for text that is not JSON. */
export function parseBoundedJson(text: string, limits: JsonLimits = {}): unknown {
	const maxDepth = limits.maxDepth ?? maxJsonDepth;
	if (limits.maxLength !== undefined && text.length > limits.maxLength) {
		throw new JsonLimitError('size', `JSON text of ${text.length} characters is over the limit of ${limits.maxLength}.`);
	}

	if (nestingDepth(text, maxDepth) > maxDepth) {
		throw new JsonLimitError('depth', `JSON nested deeper than ${maxDepth} levels.`);
	}

	return JSON.parse(text);
}

/** The deepest nesting of `[` and `{` outside strings, stopping as soon as it passes `stopAbove`. */
function nestingDepth(text: string, stopAbove: number): number {
	let depth = 0;
	let deepest = 0;
	let inString = false;
	for (let index = 0; index < text.length; index++) {
		const code = text.charCodeAt(index);
		if (inString) {
			if (code === 0x5c) {
				index++;
			} else if (code === 0x22) {
				inString = false;
			}

			continue;
		}

		if (code === 0x22) {
			inString = true;
		} else if (code === 0x5b || code === 0x7b) {
			depth++;
			if (depth > deepest) {
				deepest = depth;
				if (deepest > stopAbove) {
					return deepest;
				}
			}
		} else if (code === 0x5d || code === 0x7d) {
			depth--;
		}
	}

	return deepest;
}
