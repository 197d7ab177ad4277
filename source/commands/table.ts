import textWidth from '../text/width.js';

// Apart from format.ts: measuring text loads string-width, whose Unicode tables cost some 25 ms
// at load. Commands import this only when they print a table, never for --json.

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
