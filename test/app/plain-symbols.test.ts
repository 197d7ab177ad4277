import stringWidth from 'string-width';
import {describe, expect, it} from 'vitest';
import {toPlainSymbols} from '../../source/app/plain-symbols.js';

describe('the plain-symbol style', () => {
	it('writes each ambiguous-width symbol as one ASCII column, so the frame keeps its layout', () => {
		const drawn = '╭─┬│❯ ● ○ … · • ← → ↑ ↓ — – ┌┐└┘╮╰╯├┤';
		const plain = toPlainSymbols(drawn);
		expect(plain).toBe('+-┬|> * o ~ | * < > ^ v - - +++++++++');
		for (const [index, symbol] of [...drawn].entries()) {
			const replaced = [...plain][index] as string;
			if (replaced !== symbol) {
				// ❯ is East Asian Width N, but CJK fonts draw it wide as they do the ambiguous ones.
				expect(symbol === '❯' ? 2 : stringWidth(symbol, {ambiguousIsNarrow: false}), `${symbol} is ambiguous`).toBe(2);
				expect(stringWidth(symbol)).toBe(1);
				expect(replaced).toMatch(/^[\x20-\x7e]$/);
			}
		}
	});

	it('leaves CJK text, ASCII and escape sequences as they are', () => {
		expect(toPlainSymbols('\u001B[1m步驟 2/6：建立使用者\u001B[22m q 結束')).toBe('\u001B[1m步驟 2/6：建立使用者\u001B[22m q 結束');
	});
});
