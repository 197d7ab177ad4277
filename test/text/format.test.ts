import {afterEach, describe, expect, it} from 'vitest';
import {formatDuration} from '../../source/text/format.js';
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
