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
	0x00_d7, // × (the size notice: 80×24)
	0x20_1c, // “
	0x20_1d, // ”
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
	0x27_13, // ✓
	0x27_6f, // ❯ (figures.pointer, ink-select-input's indicator)
]);

const isBoxDrawing = (code: number) => code >= 0x25_00 && code <= 0x25_7f;

/**
 * Two columns wide, each a grapheme of its own, never emoji: CJK ideographs (the BMP's
 * unified ones and extension A), CJK punctuation (、。〃 and the brackets 〈〉《》「」『』【】)
 * and the fullwidth forms (，：；？！（）…). zh-TW text stays on the fast path.
 */
export const wideRanges: readonly (readonly [number, number])[] = [
	[0x30_01, 0x30_03],
	[0x30_08, 0x30_11],
	[0x34_00, 0x4d_bf],
	[0x4e_00, 0x9f_ff],
	[0xff_01, 0xff_60],
	[0xff_e0, 0xff_e6],
];

const isWide = (code: number) => wideRanges.some(([first, last]) => code >= first && code <= last);

/**
 * The index of the `m` that ends a colour or style sequence (ESC [ n;n… m, as chalk writes
 * them) starting at `start`, or -1 for anything else.
 */
function styleSequenceEnd(text: string, start: number): number {
	if (text.charCodeAt(start + 1) !== 0x5b) {
		return -1;
	}

	for (let index = start + 2; index < text.length; index++) {
		const code = text.charCodeAt(index);
		if (code === 0x6d) {
			return index;
		}

		if (!((code >= 0x30 && code <= 0x39) || code === 0x3b)) {
			return -1;
		}
	}

	return -1;
}

/**
 * string-width with a fast path for printable ASCII, the symbols above and colour sequences
 * (Ink measures styled text too). The full measure segments graphemes and matches Unicode
 * emoji sequences: its first use costs about 45 ms and several MiB (the RGI_Emoji set), which
 * the screens do not need for `❯` or `…`. Anything else (CJK, emoji, combining marks, other
 * escape sequences) is measured by string-width itself. Our own screens and tables measure
 * with this; Ink and its helpers use string-width as they ship (no dependency is patched).
 */
export default function textWidth(text: string, options?: Options): number {
	if (typeof text !== 'string' || options?.ambiguousIsNarrow === false || options?.countAnsiEscapeCodes) {
		return stringWidth(text, options);
	}

	let width = 0;
	for (let index = 0; index < text.length; index++) {
		const code = text.charCodeAt(index);
		if ((code >= 0x20 && code <= 0x7e) || singleColumnSymbols.has(code) || isBoxDrawing(code)) {
			width++;
			continue;
		}

		if (code >= 0x30_01 && isWide(code)) {
			width += 2;
			continue;
		}

		const end = code === 0x1b ? styleSequenceEnd(text, index) : -1;
		if (end === -1) {
			return stringWidth(text, options);
		}

		index = end;
	}

	return width;
}

export const fastPathSymbols: readonly number[] = [...singleColumnSymbols];
