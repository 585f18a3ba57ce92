import type { Lang } from './index.ts';

// Apart from index.ts, which the import workers bundle: a worker is one file, with no chunk of its own to load.
const languages: Partial<Record<Lang, Promise<void>>> = { zh: Promise.resolve() };

/**
 * Loads the first view's words in `lang`, once (Chinese is always there). The page awaits it before it starts in
 * English; a Chinese page asks for English after its first view, and the language switch awaits it, so that no
 * page ever shows one language's words in the other's place. A failed load can be asked for again.
 */
export function loadLanguage(lang: Lang): Promise<void> {
  languages[lang] ??= import('./english.ts').then(
    () => undefined,
    (err: unknown) => {
      delete languages[lang];
      throw err;
    },
  );
  return languages[lang];
}
