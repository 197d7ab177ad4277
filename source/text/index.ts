import {en} from './en.js';

/** The catalogue in use. Only English exists yet; zh-TW will be chosen here from --lang or LANG. */
export const text = en;
