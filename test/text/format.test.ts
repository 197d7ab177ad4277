import {afterEach, describe, expect, it} from 'vitest';
import {formatDuration, formatRelative} from '../../source/text/format.js';
import {switchLanguage} from '../../source/text/index.js';

afterEach(async () => {
	await switchLanguage('en');
});

const seconds = (hours: number, minutes: number, rest: number) => ((hours * 60 + minutes) * 60 + rest) * 1000;

describe('a duration', () => {
	it('shows the minutes whenever it shows the hours, 0 included: 1h 0m 58s, not 1h 58s', () => {
		expect(formatDuration(seconds(1, 0, 58))).toBe('1h 0m 58s');
		expect(formatDuration(seconds(1, 29, 0))).toBe('1h 29m 0s');
		expect(formatDuration(seconds(23, 59, 58))).toBe('23h 59m 58s');
		expect(formatDuration(seconds(0, 59, 58))).toBe('59m 58s');
		expect(formatDuration(seconds(0, 0, 7))).toBe('7s');
		expect(formatDuration(0)).toBe('0s');
		// As the claims and the commands show it, two units at most.
		expect(formatDuration(seconds(1, 0, 58), {precision: 2})).toBe('1h 0m');
		// An expired token's time since, the same way.
		expect(formatDuration(-seconds(2, 0, 5))).toBe('2h 0m 5s');
	});

	it('in Traditional Chinese, the minutes too', async () => {
		await switchLanguage('zh-TW');
		expect(formatDuration(seconds(1, 0, 58))).toBe('1 小時 0 分鐘 58 秒');
		expect(formatDuration(seconds(1, 0, 58), {precision: 2})).toBe('1 小時 0 分鐘');
	});
});

describe('a time from now', () => {
	it('says the largest unit, rounded to the nearest: 1 h 59 min is in 2 hours, not in 1 hour', () => {
		expect(formatRelative(seconds(1, 59, 0))).toBe('in 2 hours');
		expect(formatRelative(seconds(1, 29, 0))).toBe('in 1 hour');
		expect(formatRelative(seconds(0, 59, 40))).toBe('in 1 hour');
		expect(formatRelative(seconds(0, 1, 29))).toBe('in 1 minute');
		expect(formatRelative(-seconds(0, 10, 0))).toBe('10 minutes ago');
		expect(formatRelative(seconds(0, 0, 59))).toBe('in 59 seconds');
		expect(formatRelative(0)).toBe('now');
	});

	it('counts days as days: 23 h 40 min ahead is in 1 day, not tomorrow (it is often today still)', () => {
		expect(formatRelative(seconds(23, 40, 0))).toBe('in 1 day');
		expect(formatRelative(-seconds(30, 0, 0))).toBe('1 day ago');
		expect(formatRelative(seconds(60, 0, 0))).toBe('in 3 days');
	});

	it('in Traditional Chinese', async () => {
		await switchLanguage('zh-TW');
		expect(formatRelative(seconds(1, 59, 0))).toBe('2 小時後');
		expect(formatRelative(seconds(23, 40, 0))).toBe('1 天後');
		expect(formatRelative(-seconds(0, 10, 0))).toBe('10 分鐘前');
	});
});
