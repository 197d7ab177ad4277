import {text} from '../text/index.js';
import {formatDateTime, formatDuration} from '../text/format.js';
import textWidth from '../text/width.js';

/** `Dec 2, 2026, 6:34:56 AM GMT+8 (in 23h 59m)`, in the user's time zone (TZ) and language. */
export function formatExpiry(expiresOn: Date | string, now = Date.now()): string {
	const date = new Date(expiresOn);
	const left = date.getTime() - now;
	return text.commands.expiry(formatDateTime(date), formatDuration(left, {precision: 2}), left <= 0);
}

/** Left-aligned columns, for lists that fit a terminal; padded by display width (測試 is four columns). */
export function table(rows: readonly (readonly string[])[]): string {
	const widths: number[] = [];
	for (const row of rows) {
		for (const [index, cell] of row.entries()) {
			widths[index] = Math.max(widths[index] ?? 0, textWidth(cell));
		}
	}

	return rows
		.map(row =>
			row
				.map((cell, index) => (index === row.length - 1 ? cell : cell + ' '.repeat((widths[index] ?? 0) - textWidth(cell))))
				.join('  ')
				.trimEnd(),
		)
		.join('\n');
}
