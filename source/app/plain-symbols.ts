/**
 * The plain-symbol style: every symbol the screens draw that East Asian Width calls ambiguous
 * (● ○ ❯ … · • ← → ↑ ↓ — × and the box lines) written as one ASCII character. Terminals that
 * draw those two columns wide (Windows consoles with a CJK code page, some CJK fonts) then
 * show the frame as Ink laid it out: each symbol keeps its one column, so nothing moves.
 */
const plain: Record<string, string> = {
	'●': '*',
	'○': 'o',
	'❯': '>',
	'…': '~',
	'·': '|',
	'•': '*',
	'←': '<',
	'→': '>',
	'↑': '^',
	'↓': 'v',
	'—': '-',
	'×': 'x',
	'“': '"',
	'”': '"',
	'–': '-',
	'─': '-',
	'│': '|',
	'┌': '+',
	'┐': '+',
	'└': '+',
	'┘': '+',
	'╭': '+',
	'╮': '+',
	'╰': '+',
	'╯': '+',
	'├': '+',
	'┤': '+',
};

const ambiguous = new RegExp(`[${Object.keys(plain).join('')}]`, 'g');

export function toPlainSymbols(value: string): string {
	return value.replace(ambiguous, symbol => plain[symbol] ?? symbol);
}

/** The terminal stream, with every frame written in plain symbols; all else passes through. */
export function withPlainSymbols(stream: NodeJS.WriteStream): NodeJS.WriteStream {
	return new Proxy(stream, {
		get(target, property) {
			if (property === 'write') {
				return (chunk: unknown, ...rest: unknown[]) =>
					(target.write as (...args: unknown[]) => boolean)(typeof chunk === 'string' ? toPlainSymbols(chunk) : chunk, ...rest);
			}

			const value: unknown = Reflect.get(target, property, target);
			return typeof value === 'function' ? value.bind(target) : value;
		},
	});
}
