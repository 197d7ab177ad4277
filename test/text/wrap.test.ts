import {describe, expect, it} from 'vitest';
import {en} from '../../source/text/en.js';
import textWidth from '../../source/text/width.js';
import {wrapProse} from '../../source/text/wrap.js';
import {zhTW} from '../../source/text/zh-tw.js';
import {prng, seedFrom} from '../_helpers/prng.js';

const noLineStart = /^[，。、；：！？）」』】〉》,.;:!?)]/u;

function expectWrapped(text: string, width: number): void {
	const wrapped = wrapProse(text, width);
	const lines = wrapped.split('\n');
	for (const [index, line] of lines.entries()) {
		expect(textWidth(line), `${JSON.stringify(line)} at ${width}`).toBeLessThanOrEqual(width);
		expect(line, 'no line starts with a space').not.toMatch(/^ /);
		if (index > 0) {
			expect(line, 'no line starts with closing punctuation').not.toMatch(noLineStart);
		}
		if (index < lines.length - 1) {
			expect(line, 'no line ends with an opening bracket').not.toMatch(/[（「『【〈《(]$/u);
		}
	}

	// Nothing is lost but the spaces at the breaks.
	expect(wrapped.replaceAll(/\s/g, '')).toBe(text.replaceAll(/\s/g, ''));
}

describe('wrapping prose at a display width', () => {
	it('wraps every explanation of the tour, in both languages, at every width from 20 to 80', () => {
		for (const catalogue of [en, zhTW]) {
			const explain = catalogue.wizard.explain;
			const texts = [
				explain.connect('https://contoso.communication.azure.com/'),
				explain.createUser,
				explain.scopes,
				explain.lifetime,
				explain.token,
				explain.revoke,
				explain.deleteUser,
				catalogue.errors.network('https://127.0.0.1:41234/', 'ECONNREFUSED'),
				catalogue.wizard.connect.explain,
			];
			for (let width = 20; width <= 80; width++) {
				for (const text of texts) {
					expectWrapped(text, width);
				}
			}
		}
	});

	it('breaks CJK between characters and Latin between words', () => {
		expect(wrapProse('使用者存取權杖是短期的認證', 10)).toBe('使用者存取\n權杖是短期\n的認證');
		expect(wrapProse('the quick brown fox', 10)).toBe('the quick\nbrown fox');
		expect(wrapProse('請執行「acs-tokens emulator」。', 16)).toBe('請執行\n「acs-tokens\nemulator」。');
	});

	it('keeps the space before a word when the line before it ends exactly at the width', () => {
		// "…Use it when" is 99 columns: its space fills the 100th, so "a" starts the next line.
		expect(wrapProse(en.wizard.explain.revoke, 100)).toBe(
			'Revoking invalidates every token issued to this identity so far; new tokens still work. Use it when\na device is lost or a user signs out everywhere.',
		);
		expect(wrapProse('abc d e', 6)).toBe('abc d\ne');
		expect(wrapProse('ab  c', 4)).toBe('ab\nc');
	});

	it('never loses or glues words: the lines joined with spaces give back the words (seeded)', () => {
		const seed = seedFrom('WRAP_WORDS_SEED');
		console.log(`wrap words: seed ${seed} (replay with WRAP_WORDS_SEED=${seed})`);
		const random = prng(seed);
		const letters = 'abcdefghijklmnopqrstuvwxyz';
		for (let sample = 0; sample < 3000; sample++) {
			const width = 4 + Math.floor(random() * 97);
			const words: string[] = [];
			let text = '';
			const count = 1 + Math.floor(random() * 40);
			for (let index = 0; index < count; index++) {
				// Words no wider than the line (a longer one is cut, by design), many of one or two letters.
				const length = 1 + Math.floor(random() ** 2 * Math.min(width, 14));
				let word = '';
				for (let letter = 0; letter < length; letter++) {
					word += letters[Math.floor(random() * letters.length)];
				}

				words.push(word);
				text += (index === 0 ? '' : ' '.repeat(1 + Math.floor(random() * 2))) + word;
			}

			const lines = wrapProse(text, width).split('\n');
			const context = `${JSON.stringify(text)} at ${width} (seed ${seed})`;
			for (const line of lines) {
				expect(textWidth(line), context).toBeLessThanOrEqual(width);
			}

			expect(lines.join(' ').split(/\s+/), context).toEqual(words);
		}
	});

	it('keeps any mix of CJK, Latin, spaces and punctuation within the width (seeded)', () => {
		const seed = seedFrom('WRAP_SEED');
		console.log(`wrap: seed ${seed} (replay with WRAP_SEED=${seed})`);
		const random = prng(seed);
		// Words, spaces, punctuation after words, and bracketed phrases as the catalogues write them.
		const pieces = ['權杖', '身分識別', ' ', '  ', 'acs-tokens', 'a', 'communication', '權杖，', '到期。', '「acs-tokens emulator」', '（離線）', '(offline)', '8:acs:2dee53b4-368b-45b4-ab52-8493fb117652_00000020', 'voip'];
		for (let sample = 0; sample < 2000; sample++) {
			let text = '';
			const length = 1 + Math.floor(random() * 30);
			for (let index = 0; index < length; index++) {
				text += pieces[Math.floor(random() * pieces.length)];
			}

			expectWrapped(text.trim(), 8 + Math.floor(random() * 60));
		}
	});
});
