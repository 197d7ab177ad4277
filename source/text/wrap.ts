import textWidth from './width.js';

/** Never at the start of a line (kinsoku): closing brackets and punctuation, CJK and Latin. */
const noLineStart = new Set([...'，。、；：！？）」』】〉》,.;:!?)']);
/** Never at the end of a line: opening brackets. */
const noLineEnd = new Set([...'（「『【〈《(']);

/** CJK characters are a word each; Latin runs are words; spaces are their own tokens. */
const tokens = /[\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uff00-\uffef]|[^\s\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uff00-\uffef]+|\s+/gu;

/** Where a word too long for the line breaks if it can: after a hyphen or an underscore (the groups of a GUID, an ACS id). */
const separators = new Set([...'-_']);

/** The last group of a Latin run after its last hyphen or underscore (`…-a9ef-fd4727df90d2` gives `fd4727df90d2`). */
const lastGroup = /(?<=[^\s\-_][-_])[^\s\-_\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uff00-\uffef]+$/u;

/** How many of the characters fit in `room` columns (at least one: a line holds something). */
function fitting(characters: readonly string[], room: number): number {
	let count = 0;
	let used = 0;
	for (const character of characters) {
		used += textWidth(character);
		if (used > room && count > 0) {
			break;
		}

		count++;
	}

	return count;
}

/**
 * How many of the first `count` characters go before a break after a hyphen or underscore, the
 * last one there is; 0 if none (a separator that starts the word, or is followed by closing
 * punctuation, is no place to break).
 */
function separatorBreak(characters: readonly string[], count: number): number {
	for (let index = Math.min(count, characters.length - 1) - 1; index > 0; index--) {
		if (separators.has(characters[index] as string) && !noLineStart.has(characters[index + 1] as string)) {
			return index + 1;
		}
	}

	return 0;
}

/**
 * How many characters of a word wider than `width` make its next line: up to its last hyphen or
 * underscore that fits, else as many as fit, less one if that would start the next line with
 * closing punctuation or end this one with an opening bracket.
 */
function breakAt(characters: readonly string[], width: number): number {
	const fit = fitting(characters, width);
	const separator = separatorBreak(characters, fit);
	if (separator > 0) {
		return separator;
	}

	return fit > 1 && (noLineStart.has(characters[fit] as string) || noLineEnd.has(characters[fit - 1] as string)) ? fit - 1 : fit;
}

/** A word wider than the line, cut at display width: after a hyphen or underscore where it has one. */
function cut(word: string, width: number): string[] {
	const pieces: string[] = [];
	let rest = [...word];
	while (rest.length > 0 && textWidth(rest.join('')) > width) {
		const count = breakAt(rest, width);
		pieces.push(rest.slice(0, count).join(''));
		rest = rest.slice(count);
	}

	return rest.length > 0 ? [...pieces, rest.join('')] : pieces;
}

/**
 * How many characters of a word wider than any line go on the line it starts on, in the `room`
 * left: up to a hyphen or underscore that fits; none if it has one only further on, within the
 * first line's worth (it starts the next line, and breaks there); else as many as fit, as a
 * terminal would, keeping closing punctuation off the next line's start and an opening bracket
 * off this one's end.
 */
function startOf(characters: readonly string[], room: number, width: number): number {
	const fit = fitting(characters, room);
	const separator = separatorBreak(characters, fit);
	if (separator > 0 || separatorBreak(characters, fitting(characters, width)) > 0) {
		return separator;
	}

	let count = fit;
	while (count > 1 && (noLineStart.has(characters[count] as string) || noLineEnd.has(characters[count - 1] as string))) {
		count--;
	}

	return count;
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
			// A word longer than any line (an id, a URL) starts where it is, as a terminal would,
			// unless its first break after a hyphen or underscore is only on the next line.
			const characters = [...word];
			const count = startOf(characters, width - used, width);
			if (count > 0) {
				line.push(characters.slice(0, count).join(''));
				for (const piece of cut(characters.slice(count).join(''), width)) {
					lines.push([piece]);
				}

				used = textWidth(lines.at(-1)?.join('') ?? '');
				continue;
			}
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

			// In an id, its whole last group comes along: a GUID is not split inside a group.
			const group = [...(lastGroup.exec(before.join('') + moved.join(''))?.[0] ?? '')];
			if (group.length > moved.length && textWidth(group.join('') + word) <= width) {
				moved.unshift(...before.splice(before.length - (group.length - moved.length)));
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

	// A line left empty (all it held carried to the next: an opening bracket before a word too
	// long for the line) is no line; an empty paragraph is one empty line.
	const filled = lines.map(line => line.join('').trimEnd()).filter(line => line !== '');
	return filled.length > 0 ? filled : [''];
}

/**
 * Prose wrapped at a display width: CJK breaks between characters, Latin between words, a word
 * longer than the line (an ACS id) after a hyphen or underscore where it has one; no line starts
 * with a space or with closing punctuation, none ends with an opening bracket. Line breaks
 * already in the text are kept.
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
