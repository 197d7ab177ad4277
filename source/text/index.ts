import type {Catalogue} from './catalogue.js';
import {en} from './en.js';
import type {Language} from './locale.js';

export type {Catalogue} from './catalogue.js';
export type {Language, LanguageSetting} from './locale.js';

/**
 * The catalogue in use. A live binding: `switchLanguage()` replaces it before anything is shown,
 * and every `text.…` read after that is in the chosen language. So nothing reads a message at
 * module load: a message is read where it is shown.
 */
export let text: Catalogue = en;
/** The language of `text`, for Intl formatting (dates, lists, plurals). */
export let language: Language = 'en';

/** Switches the catalogue; zh-TW is loaded only when chosen. */
export async function switchLanguage(next: Language): Promise<void> {
	text = next === 'zh-TW' ? (await import('./zh-tw.js')).zhTW : en;
	language = next;
}

/** Tests: a catalogue of their own (the pseudo-locale), with the language its formatting follows. */
export function useCatalogue(catalogue: Catalogue, formatting: Language = 'en'): void {
	text = catalogue;
	language = formatting;
}
