import {text} from '../text/index.js';
import {formatDateTime, formatDuration} from '../text/format.js';

/** `Dec 2, 2026, 6:34:56 AM GMT+8 (in 23h 59m)`, in the user's time zone (TZ) and language. */
export function formatExpiry(expiresOn: Date | string, now = Date.now()): string {
	const date = new Date(expiresOn);
	const left = date.getTime() - now;
	return text.commands.expiry(formatDateTime(date), formatDuration(left, {precision: 2}), left <= 0);
}
