import {readdir, readFile} from 'node:fs/promises';
import path from 'node:path';
import stringWidth from 'string-width';
import {describe, expect, it} from 'vitest';
import textWidth, {fastPathSymbols, wideRanges} from '../../source/text/width.js';

const root = path.resolve(import.meta.dirname, '../..');
const boxDrawing = Array.from({length: 0x80}, (_, offset) => 0x25_00 + offset);

/** A small deterministic generator, so a failure can be replayed. */
function generator(seed: number) {
	let state = seed;
	return (limit: number) => {
		state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
		return state % limit;
	};
}

describe('textWidth', () => {
	it('gives each fast-path symbol the width string-width gives it, one column, standing alone', () => {
		for (const code of [...fastPathSymbols, ...boxDrawing]) {
			const symbol = String.fromCodePoint(code);
			expect(stringWidth(symbol), `U+${code.toString(16)}`).toBe(1);
			expect(textWidth(symbol)).toBe(1);
			// Never part of a larger grapheme cluster, never drawn as an emoji.
			expect(symbol).not.toMatch(/\p{Extended_Pictographic}|\p{Emoji_Presentation}|\p{Grapheme_Extend}|\p{Default_Ignorable_Code_Point}/u);
		}
	});

	it('gives each wide fast-path character two columns, as string-width does, standing alone', () => {
		for (const [first, last] of wideRanges) {
			for (let code = first; code <= last; code++) {
				const character = String.fromCodePoint(code);
				expect(stringWidth(character), `U+${code.toString(16)}`).toBe(2);
				expect(textWidth(character)).toBe(2);
				expect(character).not.toMatch(/\p{Extended_Pictographic}|\p{Emoji_Presentation}|\p{Grapheme_Extend}|\p{Default_Ignorable_Code_Point}/u);
			}
		}
	});

	it('agrees with string-width on mixed strings of ASCII, symbols, CJK, emoji, marks and escape codes', () => {
		const pieces = [
			'a',
			'Z',
			' ',
			'~',
			...fastPathSymbols.map(code => String.fromCodePoint(code)),
			'─',
			'╭',
			'測',
			'試',
			'，',
			'「',
			'」',
			'。',
			'👍',
			'👩‍💻',
			'\u0301',
			'\u200D',
			'\uFE0F',
			'\u001B[31m',
			'\u001B[39m',
			'\u001B[1m',
			'\u001B[22m',
			'\u001B[38;5;12m',
			'\u001B[38;2;255;0;10m',
			'\u001B[m',
			'\u001B[12345m',
			'\u001B[;5m',
			'\u001B[1;;2m',
			'\u001B[',
			'\u001B',
			'\u001B[31',
			'\u001B]8;;https://example.com\u0007',
			'\u009B31m',
			'1',
			';',
			'm',
			'\t',
			'é',
		];
		const next = generator(20_261_125);
		for (let sample = 0; sample < 20_000; sample++) {
			let text = '';
			const length = next(12);
			for (let index = 0; index < length; index++) {
				text += pieces[next(pieces.length)];
			}

			expect(textWidth(text), JSON.stringify(text)).toBe(stringWidth(text));
			expect(textWidth(text, {ambiguousIsNarrow: false}), JSON.stringify(text)).toBe(stringWidth(text, {ambiguousIsNarrow: false}));
			expect(textWidth(text, {countAnsiEscapeCodes: true}), JSON.stringify(text)).toBe(stringWidth(text, {countAnsiEscapeCodes: true}));
		}
	});

	it('measures CJK, emoji and wide ambiguous symbols like string-width', () => {
		expect(textWidth('測試')).toBe(4);
		expect(textWidth('👍 ok')).toBe(5);
		expect(textWidth('…', {ambiguousIsNarrow: false})).toBe(2);
		expect(textWidth('')).toBe(0);
		expect(textWidth('\u001B[33mPOST\u001B[39m ← \u001B[32m201\u001B[39m …')).toBe(12);
	});

	it('covers every symbol the screens and texts use, CJK text and punctuation included', async () => {
		const files: string[] = [];
		for (const directory of ['source/app', 'source/text']) {
			for (const name of await readdir(path.join(root, directory), {recursive: true})) {
				if (/\.tsx?$/.test(name)) {
					files.push(path.join(root, directory, name));
				}
			}
		}

		const used = new Set<string>();
		for (const file of files) {
			for (const character of await readFile(file, 'utf8')) {
				if (character > '\u007E' && !/\p{Script=Han}|\s/u.test(character)) {
					used.add(character);
				}
			}
		}

		const fast = new Set(fastPathSymbols.map(code => String.fromCodePoint(code)));
		const wide = (character: string) => wideRanges.some(([first, last]) => (character.codePointAt(0) ?? 0) >= first && (character.codePointAt(0) ?? 0) <= last);
		const box = (character: string) => boxDrawing.includes(character.codePointAt(0) ?? 0);
		expect([...used].filter(character => !fast.has(character) && !wide(character) && !box(character))).toEqual([]);
	});
});
