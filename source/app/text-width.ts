import stringWidth from 'string-width';

type Options = Parameters<typeof stringWidth>[1];

/**
 * Symbols the screens draw that are always a grapheme cluster of their own and one column
 * wide: East Asian Width N or A (narrow unless asked otherwise), not emoji, not combining,
 * never joined to a neighbour. `test/app/text-width.test.ts` checks each against
 * string-width.
 */
const singleColumnSymbols = new Set([
	0x00_b7, // · middle dot
	0x20_13, // – en dash
	0x20_14, // — em dash
	0x20_22, // • bullet
	0x20_26, // … ellipsis
	0x21_90, // ←
	0x21_91, // ↑
	0x21_92, // →
	0x21_93, // ↓
	0x25_cb, // ○
	0x25_cf, // ●
	0x27_6f, // ❯ (figures.pointer, ink-select-input's indicator)
]);

const isBoxDrawing = (code: number) => code >= 0x25_00 && code <= 0x25_7f;

/**
 * string-width with a fast path for printable ASCII and the symbols above. The full measure
 * segments graphemes and matches Unicode emoji sequences: its first use costs about 45 ms
 * (the RGI_Emoji set), which the first frame does not need to pay for `❯` or `…`. Anything
 * else (CJK, emoji, combining marks, escape codes) is measured by string-width itself.
 * The build hands this to Ink and its helpers in place of string-width (scripts/build.mjs).
 */
export default function textWidth(text: string, options?: Options): number {
	if (typeof text !== 'string' || options?.ambiguousIsNarrow === false) {
		return stringWidth(text, options);
	}

	for (let index = 0; index < text.length; index++) {
		const code = text.charCodeAt(index);
		if (!((code >= 0x20 && code <= 0x7e) || singleColumnSymbols.has(code) || isBoxDrawing(code))) {
			return stringWidth(text, options);
		}
	}

	return text.length;
}

export const fastPathSymbols: readonly number[] = [...singleColumnSymbols];
