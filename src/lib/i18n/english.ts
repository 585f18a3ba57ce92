import { en } from './en.ts';
import { faultsEn } from './faults-en.ts';
import { registerMessages } from './index.ts';

/*
 * The first view's words in English, as a chunk of their own (see loadLanguage): a Chinese page never waits for
 * them, an English one loads them before it starts, and a Chinese page fetches them once it has drawn its first
 * view, so that switching the language is instant.
 */
registerMessages({ zh: {}, en: { ...en, ...faultsEn } });
