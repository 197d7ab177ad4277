import textWidth from './width.js';

/** Never at the start of a line (kinsoku): closing brackets and punctuation, CJK and Latin. */
const noLineStart = new Set([...'，。、；：！？）」』】〉》,.;:!?)']);
/** Never at the end of a line: opening brackets. */
const noLineEnd = new Set([...'（「『【〈《(']);

/** CJK characters are a word each; Latin runs are words; spaces are their own tokens. */
const tokens = /[\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uff00-\uffef]|[^\s\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uff00-\uffef]+|\s+/gu;

/** A word wider than the line, cut at display width. */
function cut(word: string, width: number): string[] {
	const pieces: string[] = [];
	let piece = '';
	for (const character of word) {
		if (piece !== '' && textWidth(piece + character) > width) {
			// A piece does not start with closing punctuation: the character before goes with it.
			// Nor does one end with an opening bracket: it goes on with what it opens.
			const characters = [...piece];
			const moved =
				(noLineStart.has(character) || noLineEnd.has(characters.at(-1) as string)) && characters.length > 1
					? (characters.pop() as string)
					: '';
			pieces.push(characters.join(''));
			piece = moved;
		}

		piece += character;
	}

	return piece === '' ? pieces : [...pieces, piece];
}

function wrapParagraph(paragraph: string, width: number): string[] {
	const lines: string[][] = [[]];
	let used = 0;
	const words = paragraph.match(tokens) ?? [];
	for (const [index, word] of words.entries()) {
		const line = lines.at(-1) as string[];
		if (/^\s+$/.test(word)) {
			// A space at a break is dropped: no line starts (or ends) with one. One that fills the
			// line still takes its room, so the word after it goes to the next line, not onto this one.
			if (line.length > 0) {
				if (used + textWidth(word) < width) {
					line.push(word);
				}

				used += textWidth(word);
			}

			continue;
		}

		const wide = textWidth(word);
		if (wide > width && used < width - 1) {
			// A word longer than any line (an id, a URL) starts where it is, as a terminal would.
			const room = width - used;
			let first = '';
			for (const character of word) {
				if (textWidth(first + character) > room) {
					break;
				}

				first += character;
			}

			let rest = word.slice(first.length);
			while (first.length > 1 && (noLineStart.has([...rest][0] ?? '') || noLineEnd.has([...first].at(-1) ?? ''))) {
				rest = first.slice(-1) + rest;
				first = first.slice(0, -1);
			}

			const pieces = cut(rest, width);
			line.push(first);
			for (const piece of pieces) {
				lines.push([piece]);
			}

			used = textWidth(lines.at(-1)?.join('') ?? '');
			continue;
		}

		const closesNext = noLineStart.has(words[index + 1] ?? '');
		const needs = wide + (closesNext ? textWidth(words[index + 1] as string) : 0);
		if (used + wide <= width && !(closesNext && used + needs > width && line.length > 0 && needs <= width)) {
			line.push(word);
			used += wide;
			continue;
		}

		// A new line: without trailing spaces, and taking an opening bracket along.
		while (line.length > 0 && /^\s+$/.test(line.at(-1) as string)) {
			line.pop();
		}

		const carried: string[] = [];
		while (line.length > 0 && noLineEnd.has(line.at(-1) as string)) {
			carried.unshift(line.pop() as string);
		}

		// Closing punctuation does not start the line: characters before it come along, up to
		// one that may start a line.
		if (carried.length === 0 && noLineStart.has([...word][0] as string)) {
			const before = [...line.join('')];
			const moved: string[] = [];
			while (before.length > 1 && (moved.length === 0 || noLineStart.has(moved[0] as string))) {
				moved.unshift(before.pop() as string);
			}

			if (moved.length > 0 && !noLineStart.has(moved[0] as string) && textWidth(moved.join('') + word) <= width) {
				line.splice(0, line.length, before.join(''));
				carried.push(moved.join(''));
			}
		}
		const next = carried.join('') + word;
		if (textWidth(next) > width) {
			const pieces = cut(next, width);
			for (const piece of pieces) {
				lines.push([piece]);
			}

			used = textWidth(pieces.at(-1) as string);
			continue;
		}

		lines.push([...carried, word]);
		used = textWidth(lines.at(-1)?.join('') ?? '');
	}

	return lines.map(line => line.join('').trimEnd()).filter((line, index, all) => line !== '' || all.length === 1 || index < all.length - 1);
}

/**
 * Prose wrapped at a display width: CJK breaks between characters, Latin between words, no
 * line starts with a space or with closing punctuation, none ends with an opening bracket.
 * Line breaks already in the text are kept.
 */
export function wrapProse(text: string, width: number): string {
	if (width < 4) {
		return text;
	}

	return text
		.split('\n')
		.map(paragraph => wrapParagraph(paragraph, width).join('\n'))
		.join('\n');
}
