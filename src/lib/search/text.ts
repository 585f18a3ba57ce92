/**
 * The forms names, addresses, industries and queries are compared in, shared by the matchers of this folder.
 */

/** How an entry matched, best first. */
export const RANK = {
  exact: 0,
  /** The query names one of the place's industries ("人工智能", "AI"): after exact names, before the rest. */
  industry: 1,
  prefix: 2,
  wordPrefix: 3,
  substring: 4,
  /** The query is part of an industry's name ("智能", "intel"). */
  industryPart: 5,
  initials: 6,
  initialsInside: 7,
  fuzzy: 8,
} as const;

// Latin letters and digits, and the CJK ideographs; everything else separates words.
const WORD_CHARS = /[a-z0-9\u3400-\u9fff]+/g;
export const CJK = /[\u3400-\u9fff]/;

/** Lower case, half-width, without accents, ü as v (as the index writes pinyin). */
export function fold(s: string): string {
  return s
    .normalize('NFKC')
    .toLowerCase()
    .replace(/ü/g, 'v')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '');
}

/** The words of a folded text. */
export const words = (s: string): string[] => s.match(WORD_CHARS) ?? [];

/** A query in the forms it is compared in; built once per search. */
export interface Query {
  /** Words joined by single spaces (for English phrases). */
  text: string;
  /** Words joined without spaces (for Chinese, pinyin and initials: "fu dan" → "fudan"). */
  compact: string;
  /** The words. */
  tokens: string[];
  cjk: boolean;
  /** Edits tolerated for a typo (0: none). */
  edits: number;
}

export function parseQuery(query: string): Query | null {
  const tokens = words(fold(query));
  const compact = tokens.join('');
  if (!compact) return null;
  const cjk = CJK.test(compact);
  const letters = cjk ? 0 : compact.replace(/[^a-z]/g, '').length;
  return { text: tokens.join(' '), compact, tokens, cjk, edits: letters >= 9 ? 2 : letters >= 5 ? 1 : 0 };
}
