import type {Catalogue} from './catalogue.js';
import {zhTWCommands} from './zh-tw-commands.js';
import {zhTWCore} from './zh-tw-core.js';
import {zhTWHelp} from './zh-tw-help.js';

/**
 * Every sentence acs-tokens shows a person, in Traditional Chinese (Taiwan), in the words of
 * the zh-TW quickstart it follows (使用者存取權杖, 連接字串, 身分識別, 撤銷, 範圍, 存留期).
 */
export const zhTW: Catalogue = {...zhTWCore, help: zhTWHelp, commands: zhTWCommands};
