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

	it('breaks an ACS id too long for the line after a hyphen or an underscore, never inside a group', () => {
		const id = '8:acs:2dee53b4-368b-45b4-ab52-8493fb117652_c4562f69-227b-4eac-a9ef-fd4727df90d2';
		expect(wrapProse(`Created alice (${id}). Next, choose what its token may do.`, 80)).toBe(
			'Created alice (8:acs:2dee53b4-368b-45b4-ab52-8493fb117652_c4562f69-227b-4eac-\na9ef-fd4727df90d2). Next, choose what its token may do.',
		);
		expect(wrapProse(id, 30)).toBe('8:acs:2dee53b4-368b-45b4-ab52-\n8493fb117652_c4562f69-227b-\n4eac-a9ef-fd4727df90d2');
		// Where the room left has no hyphen, the id starts the next line rather than split a group.
		expect(wrapProse(`Created alice and bob (${id})`, 30)).toBe('Created alice and bob\n(8:acs:2dee53b4-368b-45b4-\nab52-8493fb117652_c4562f69-\n227b-4eac-a9ef-fd4727df90d2)');
		// The full stop may not start a line: the id's whole last group comes down with it.
		expect(wrapProse(`已建立 ${id}。接下來`, 80)).toBe(`已建立\n${id.slice(0, -12)}\nfd4727df90d2。接下來`);
		// A group wider than the line is cut where the line ends: there is nowhere else.
		expect(wrapProse('abcdefghij-k', 6)).toBe('abcdef\nghij-k');
	});

	it('never breaks an ACS id inside a group, whatever surrounds it and whatever the width (seeded)', () => {
		const seed = seedFrom('WRAP_ID_SEED');
		console.log(`wrap ids: seed ${seed} (replay with WRAP_ID_SEED=${seed})`);
		const random = prng(seed);
		const hex = (length: number) => Array.from({length}, () => '0123456789abcdef'[Math.floor(random() * 16)]).join('');
		const guid = () => `${hex(8)}-${hex(4)}-${hex(4)}-${hex(4)}-${hex(12)}`;
		const alphanumeric = /[0-9A-Za-z]/;
		for (let sample = 0; sample < 2000; sample++) {
			const id = `8:acs:${guid()}_${guid()}`;
			const pieces = ['Created', 'alice', 'the', 'identity', 'Next,', '已建立', '權杖', `(${id})`, `(${id}).`, `${id}。`, id, `${id}.`];
			let text = '';
			const length = 1 + Math.floor(random() * 12);
			for (let index = 0; index < length; index++) {
				const piece = pieces[Math.floor(random() * pieces.length)] as string;
				// No space next to CJK, at times, as the zh-TW catalogue writes; Latin words always have one.
				const cjk = /\p{Script=Han}|。$/u.test(text.slice(-1)) || /^\p{Script=Han}/u.test(piece);
				text += (index === 0 ? '' : cjk && random() < 0.5 ? '' : ' ') + piece;
			}

			const width = 20 + Math.floor(random() * 81);
			expectWrapped(text, width);
			// Each break, found in the text: never between two letters or digits.
			let at = 0;
			for (const line of wrapProse(text, width).split('\n')) {
				while (/\s/.test(text[at] ?? '')) {
					at++;
				}

				expect(text.startsWith(line, at), `${JSON.stringify(line)} of ${JSON.stringify(text)} at ${width}`).toBe(true);
				at += line.length;
				const split = alphanumeric.test(text[at - 1] ?? '') && alphanumeric.test(text[at] ?? '');
				expect(split, `a break inside ${JSON.stringify(text.slice(at - 6, at + 6))} of ${JSON.stringify(text)} at ${width} (seed ${seed})`).toBe(false);
			}
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

describe('an opening bracket before a word too long for any line', () => {
	it('starts the line with the bracket and the word, leaving no empty line before them', () => {
		const id = '8:acs:2dee53b4-368b-45b4-ab52-8493fb117652_00000020-aaaa-4bbb-8ccc-000000000001';
		const wrapped = wrapProse(`（${id}）`, 80);
		expect(wrapped.split('\n')[0]).toMatch(/^（8:acs:/);
		expect(wrapped.replaceAll('\n', '')).toBe(`（${id}）`);
		expect(wrapProse(`See (${id}).`, 40).split('\n').every(line => line !== '')).toBe(true);
	});
});
