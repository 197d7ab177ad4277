import {language} from './index.js';

/**
 * Dates, times, durations, lists and counts for a person, by Intl in the language in use:
 * one module for the wizard and the commands, in both languages. Nothing here is by hand.
 */

const localeOf = (): string => (language === 'zh-TW' ? 'zh-Hant-TW' : 'en');

type Cache<T> = Map<string, T>;
const dateFormats: Cache<Intl.DateTimeFormat> = new Map();
const unitFormats: Cache<Intl.NumberFormat> = new Map();

/** `Dec 2, 2026, 6:34:56 AM GMT+8` / `2026年12月2日 清晨6:34:56 [GMT+8]`, in the user's time zone (TZ), with the zone. */
export function formatDateTime(date: Date | string | number, options: {readonly timeZone?: string} = {}): string {
	const key = `${localeOf()} ${options.timeZone ?? ''}`;
	let format = dateFormats.get(key);
	if (!format) {
		format = new Intl.DateTimeFormat(localeOf(), {dateStyle: 'medium', timeStyle: 'long', ...(options.timeZone ? {timeZone: options.timeZone} : {})});
		dateFormats.set(key, format);
	}

	return format.format(new Date(date));
}

/** `10:05:03 PM` / `下午10:05:03`: a moment of today, to tell two tokens apart by when they were issued. */
export function formatTime(date: Date | string | number): string {
	const key = `${localeOf()} time`;
	let format = dateFormats.get(key);
	if (!format) {
		format = new Intl.DateTimeFormat(localeOf(), {timeStyle: 'medium'});
		dateFormats.set(key, format);
	}

	return format.format(new Date(date));
}

function unit(value: number, name: 'hour' | 'minute' | 'second' | 'day', display: 'narrow' | 'long'): string {
	const key = `${localeOf()} ${name} ${display}`;
	let format = unitFormats.get(key);
	if (!format) {
		format = new Intl.NumberFormat(localeOf(), {style: 'unit', unit: name, unitDisplay: display});
		unitFormats.set(key, format);
	}

	return format.format(value);
}

/**
 * A length of time: `23h 59m 58s` / `23小時59分鐘58秒` (narrow, for a live countdown), or with
 * `long` words: `23 hours, 59 minutes` / `23 小時 59 分鐘`. Whole units only, the largest first;
 * `precision` says how many units to show at most, counted from the largest one that is not 0,
 * and each of them shows even when it is 0: `1h 0m 58s`, never `1h 58s`. (Intl.DurationFormat
 * is not in Node 22.)
 */
export function formatDuration(
	milliseconds: number,
	options: {readonly display?: 'narrow' | 'long'; readonly precision?: number} = {},
): string {
	const total = Math.floor(Math.abs(milliseconds) / 1000);
	const parts: [number, 'day' | 'hour' | 'minute' | 'second'][] = [
		[Math.floor(total / 86_400), 'day'],
		[Math.floor((total % 86_400) / 3600), 'hour'],
		[Math.floor((total % 3600) / 60), 'minute'],
		[total % 60, 'second'],
	];
	const first = parts.findIndex(([value]) => value > 0);
	const shown = first === -1 ? parts.slice(-1) : parts.slice(first, first + (options.precision ?? 3));
	const display = options.display ?? 'narrow';
	// zh's narrow unit list has no spaces (23 小時59 分鐘): its short one reads as written.
	const style = display === 'narrow' && language === 'en' ? 'narrow' : 'short';
	return new Intl.ListFormat(localeOf(), {type: 'unit', style}).format(
		shown.map(([value, name]) => unit(value, name, display)),
	);
}

/**
 * `in 3 hours` / `3 小時後`, `5 minutes ago` / `5 分鐘前`: the largest unit, rounded to the
 * nearest (1 h 59 min is `in 2 hours`, not `in 1 hour`; 59 min 40 s is `in 1 hour`; 23 h 40 min
 * is `in 1 day`).
 */
export function formatRelative(milliseconds: number): string {
	const seconds = Math.round(milliseconds / 1000);
	const magnitude = Math.abs(seconds);
	const [value, name]: [number, Intl.RelativeTimeFormatUnit] =
		Math.round(magnitude / 3600) >= 24
			? [Math.round(seconds / 86_400), 'day']
			: Math.round(magnitude / 60) >= 60
				? [Math.round(seconds / 3600), 'hour']
				: magnitude >= 60
					? [Math.round(seconds / 60), 'minute']
					: [seconds, 'second'];
	// `now` for 0 seconds, but `in 1 day`, not `tomorrow`: 23 h 40 min ahead is often today still.
	return new Intl.RelativeTimeFormat(localeOf(), {numeric: name === 'second' ? 'auto' : 'always'}).format(value, name);
}

/** `chat, voip, and chat.join` / `chat、voip和chat.join`. */
export function formatList(items: readonly string[], type: 'conjunction' | 'disjunction' = 'conjunction'): string {
	return new Intl.ListFormat(localeOf(), {type}).format(items);
}

/** The plural category of a count in the language in use (`one`, `other`; Chinese has only `other`). */
export function pluralOf(count: number): Intl.LDMLPluralRule {
	return new Intl.PluralRules(localeOf()).select(count);
}

/** A count with the right form: `plural(3, {one: 'identity', other: 'identities'})`. */
export function plural(count: number, forms: {readonly one?: string; readonly other: string}): string {
	return pluralOf(count) === 'one' && forms.one !== undefined ? forms.one : forms.other;
}
