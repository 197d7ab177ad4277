import {text} from '../text/index.js';

/** `23h 59m`, `5m`, `45s`. */
export function formatDuration(milliseconds: number): string {
	const seconds = Math.round(Math.abs(milliseconds) / 1000);
	const hours = Math.floor(seconds / 3600);
	const minutes = Math.floor((seconds % 3600) / 60);
	if (hours > 0) {
		return `${hours}h ${minutes}m`;
	}

	return minutes > 0 ? `${minutes}m` : `${seconds % 60}s`;
}

/** `2026-11-26 12:34:56 (in 23h 59m)` in the local time zone. */
export function formatExpiry(expiresOn: Date | string, now = Date.now()): string {
	const date = new Date(expiresOn);
	const left = date.getTime() - now;
	return text.commands.expiry(formatLocalTime(date), formatDuration(left), left <= 0);
}

export function formatLocalTime(date: Date): string {
	const pad = (value: number) => String(value).padStart(2, '0');
	const offset = -date.getTimezoneOffset();
	const zone = offset === 0 ? 'UTC' : `UTC${offset > 0 ? '+' : '-'}${pad(Math.floor(Math.abs(offset) / 60))}:${pad(Math.abs(offset) % 60)}`;
	return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())} ${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())} ${zone}`;
}

/** Left-aligned columns, for lists that fit a terminal. */
export function table(rows: readonly (readonly string[])[]): string {
	const widths: number[] = [];
	for (const row of rows) {
		for (const [index, cell] of row.entries()) {
			widths[index] = Math.max(widths[index] ?? 0, cell.length);
		}
	}

	return rows
		.map(row =>
			row
				.map((cell, index) => (index === row.length - 1 ? cell : cell.padEnd(widths[index] ?? 0)))
				.join('  ')
				.trimEnd(),
		)
		.join('\n');
}
