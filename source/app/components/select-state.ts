/**
 * The pure part of a list: which items a filter keeps, where the cursor may go and which rows
 * are in view. No Ink here (as ink-ui's use-select-state), so that it is easy to reason about.
 */

/** The items whose label or extra filter text holds every word of the filter, case-insensitively. */
export function filterItems<T extends {readonly label: string; readonly filterText?: string}>(
	items: readonly T[],
	filter: string,
): readonly T[] {
	const words = filter.toLocaleLowerCase().split(/\s+/u).filter(word => word !== '');
	if (words.length === 0) {
		return items;
	}

	return items.filter(item => {
		const haystack = (item.filterText ?? item.label).toLocaleLowerCase();
		return words.every(word => haystack.includes(word));
	});
}

/** The cursor moved to `to`, stopping at the first and the last item (never wrapping around). */
export function clampCursor(to: number, count: number): number {
	return count === 0 ? 0 : Math.max(0, Math.min(to, count - 1));
}

/**
 * The first row in view: the one before, moved only as far as needed to keep the cursor in a
 * window of `limit` rows, and never past the end (a short last page shows no blank rows).
 */
export function scrollTop(previousTop: number, cursor: number, count: number, limit: number): number {
	if (count <= limit) {
		return 0;
	}

	let top = previousTop;
	if (cursor < top) {
		top = cursor;
	} else if (cursor >= top + limit) {
		top = cursor - limit + 1;
	}

	return Math.max(0, Math.min(top, count - limit));
}
