import textWidth from '../text/width.js';

/** `8:acs:2dee53b4…_00000005…0081`: enough to tell ids apart on a projector. */
export function shortId(id: string): string {
	const match = /^(8:[a-z-]+:)([0-9a-f-]{36})_(.+)$/i.exec(id);
	if (!match) {
		return id.length > 24 ? `${id.slice(0, 12)}…${id.slice(-6)}` : id;
	}

	const [, prefix, resource, user] = match as unknown as [string, string, string, string];
	return `${prefix}${resource.slice(0, 8)}…_${user.slice(0, 8)}…${user.slice(-4)}`;
}

export function showId(id: string, presenter: boolean): string {
	return presenter ? shortId(id) : id;
}

/** Pads (or cuts, with `…`) to a width in terminal columns: `測試` is 4 columns, not 2. */
export function fitWidth(value: string, width: number): string {
	let fitted = value;
	if (textWidth(fitted) > width) {
		const characters = [...fitted];
		while (characters.length > 0 && textWidth(`${characters.join('')}…`) > width) {
			characters.pop();
		}

		fitted = `${characters.join('')}…`;
	}

	return fitted + ' '.repeat(Math.max(0, width - textWidth(fitted)));
}
