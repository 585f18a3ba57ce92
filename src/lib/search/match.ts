import { localName } from '../i18n/index.ts';
import type { SearchEntry } from './types.ts';

/**
 * Place search over the entries of public/data/search.json: Chinese substrings, English words and prefixes,
 * pinyin ("fudan", "fu dan"), syllable initials ("fd", "fddx") and, for Latin input of five letters or more,
 * small typos ("tongij"). Pure and DOM-free; the pinyin is precomputed by the build.
 */

export interface SearchOptions {
  /** Most results to return (default 8). */
  limit?: number;
  /** The interface language: names in it break ties by length (default 'zh'). */
  lang?: 'zh' | 'en';
}

/** How an entry matched, best first. */
export const RANK = {
  exact: 0,
  prefix: 1,
  wordPrefix: 2,
  substring: 3,
  initials: 4,
  initialsInside: 5,
  fuzzy: 6,
} as const;

// Latin letters and digits, and the CJK ideographs; everything else separates words.
const WORD_CHARS = /[a-z0-9\u3400-\u9fff]+/g;
const CJK = /[\u3400-\u9fff]/;
const QUALIFIER = /[（(][^）)]*[）)]/g;

/** Lower case, half-width, without accents: the form names and queries are compared in. */
function fold(s: string): string {
  return s
    .normalize('NFKC')
    .toLowerCase()
    .replace(/ü/g, 'v')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '');
}
const words = (s: string): string[] => s.match(WORD_CHARS) ?? [];

/** An entry's searchable forms, computed once per entry object. */
interface Prepared {
  /** Chinese name without punctuation ("“长阳秀带”在线…" → "长阳秀带在线…"). */
  zh: string;
  /** …and without parenthesised qualifiers ("五角场（环岛“彩蛋”）" → "五角场"). */
  zhBase: string;
  /** English name, words separated by single spaces. */
  en: string;
  /** Offsets of the English words after the first. */
  enStarts: number[];
  /** English name without spaces, and where its words start in it. */
  enCompact: string;
  enCompactStarts: number[];
  pinyin: string;
  initials: string;
}

const cache = new WeakMap<SearchEntry, Prepared>();

function prepare(e: SearchEntry): Prepared {
  let p = cache.get(e);
  if (p) return p;
  const enWords = words(fold(e.name_en));
  const en = enWords.join(' ');
  const enStarts: number[] = [];
  const enCompactStarts: number[] = [];
  let offset = 0;
  let compactOffset = 0;
  for (const w of enWords) {
    enStarts.push(offset);
    enCompactStarts.push(compactOffset);
    offset += w.length + 1;
    compactOffset += w.length;
  }
  const zhFolded = fold(e.name_zh);
  p = {
    zh: words(zhFolded).join(''),
    zhBase: words(zhFolded.replace(QUALIFIER, '')).join(''),
    en,
    enStarts: enStarts.slice(1),
    enCompact: enWords.join(''),
    enCompactStarts,
    pinyin: fold(e.pinyin).replace(/[^a-z0-9]/g, ''),
    initials: fold(e.initials).replace(/[^a-z0-9]/g, ''),
  };
  cache.set(e, p);
  return p;
}

/** A query in the forms it is compared in; built once per search. */
interface Query {
  /** Words joined by single spaces (for English phrases). */
  text: string;
  /** Words joined without spaces (for Chinese, pinyin and initials: "fu dan" → "fudan"). */
  compact: string;
  /** The words, when there are several. */
  tokens: string[];
  cjk: boolean;
  /** Edits tolerated for a typo (0: none). */
  edits: number;
}

function parseQuery(query: string): Query | null {
  const tokens = words(fold(query));
  const compact = tokens.join('');
  if (!compact) return null;
  const cjk = CJK.test(compact);
  const letters = cjk ? 0 : compact.replace(/[^a-z]/g, '').length;
  return { text: tokens.join(' '), compact, tokens, cjk, edits: letters >= 9 ? 2 : letters >= 5 ? 1 : 0 };
}

function startsAtAny(s: string, q: string, starts: number[]): boolean {
  for (const i of starts) if (s.startsWith(q, i)) return true;
  return false;
}

/** Whether one word of a several-word query occurs in the entry somewhere. */
function tokenMatches(p: Prepared, t: string): boolean {
  if (CJK.test(t)) return p.zh.includes(t);
  return p.enCompact.startsWith(t) || startsAtAny(p.enCompact, t, p.enCompactStarts) || p.pinyin.includes(t) || p.initials.startsWith(t) || p.zh.includes(t);
}

/** How well an entry matches a query (a RANK value), or -1 when it does not. */
function rankEntry(entry: SearchEntry, query: Query): number {
  const p = prepare(entry);
  const { text, compact } = query;
  if (query.cjk) {
    if (p.zh === compact || p.zhBase === compact) return RANK.exact;
    if (p.zh.startsWith(compact)) return RANK.prefix;
    if (p.zh.includes(compact)) return RANK.substring;
    if (query.tokens.length > 1 && query.tokens.every((t) => tokenMatches(p, t))) return RANK.substring;
    return -1;
  }
  if (p.en === text || p.enCompact === compact || p.pinyin === compact || p.zh === compact) return RANK.exact;
  if (p.en.startsWith(text) || p.enCompact.startsWith(compact) || p.pinyin.startsWith(compact) || p.zh.startsWith(compact)) return RANK.prefix;
  if (startsAtAny(p.en, text, p.enStarts) || startsAtAny(p.enCompact, compact, p.enCompactStarts)) return RANK.wordPrefix;
  // Inside words only from three letters on: two letters occur inside too many syllables to mean anything.
  if (compact.length >= 3 && (p.en.includes(text) || p.pinyin.includes(compact))) return RANK.substring;
  if (p.zh.includes(compact)) return RANK.substring;
  if (query.tokens.length > 1 && query.tokens.every((t) => tokenMatches(p, t))) return RANK.substring;
  if (p.initials.startsWith(compact)) return RANK.initials;
  if (compact.length >= 2 && p.initials.includes(compact)) return RANK.initialsInside;
  if (query.edits > 0) {
    if (prefixDistance(compact, p.pinyin, 0, query.edits) <= query.edits) return RANK.fuzzy;
    for (const i of p.enCompactStarts) if (prefixDistance(compact, p.enCompact, i, query.edits) <= query.edits) return RANK.fuzzy;
  }
  return -1;
}

// Rows of the edit-distance table, reused across calls (grown when a longer query comes).
let rows = [new Int32Array(32), new Int32Array(32), new Int32Array(32)];

/**
 * Fewest edits (insertions, deletions, substitutions, swaps of neighbours) turning `q` into some prefix of
 * `s.slice(start)`: how far a partly typed word is from the start of a name. Gives up above `max`.
 */
export function prefixDistance(q: string, s: string, start: number, max: number): number {
  const m = q.length;
  const n = Math.min(s.length - start, m + max);
  if (n < m - max) return max + 1;
  if (rows[0]!.length < n + 1) rows = [new Int32Array(n + 1), new Int32Array(n + 1), new Int32Array(n + 1)];
  let [before, prev, cur] = rows as [Int32Array, Int32Array, Int32Array];
  for (let j = 0; j <= n; j++) prev[j] = j;
  for (let i = 1; i <= m; i++) {
    const qc = q.charCodeAt(i - 1);
    cur[0] = i;
    let rowMin = i;
    for (let j = 1; j <= n; j++) {
      const sc = s.charCodeAt(start + j - 1);
      let v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (qc === sc ? 0 : 1));
      if (i > 1 && j > 1 && qc === s.charCodeAt(start + j - 2) && q.charCodeAt(i - 2) === sc) v = Math.min(v, before[j - 2]! + 1);
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    [before, prev, cur] = [prev, cur, before];
  }
  let best = max + 1;
  for (let j = Math.max(0, m - max); j <= n; j++) if (prev[j]! < best) best = prev[j]!;
  return best;
}

/**
 * The entries matching `query`, best first: exact name, then prefix, word prefix, substring, initials, typo;
 * at equal rank plan places before basemap places, then shorter names (in `lang`), then index order.
 */
export function searchPlaces(entries: SearchEntry[], query: string, options: SearchOptions = {}): SearchEntry[] {
  const q = parseQuery(query);
  const limit = options.limit ?? 8;
  if (!q || limit <= 0) return [];
  const lang = options.lang ?? 'zh';
  const hits: { entry: SearchEntry; rank: number; plan: number; len: number; index: number }[] = [];
  for (let index = 0; index < entries.length; index++) {
    const entry = entries[index]!;
    const rank = rankEntry(entry, q);
    if (rank < 0) continue;
    hits.push({ entry, rank, plan: entry.kind === 'plan' ? 0 : 1, len: localName(entry, lang).length, index });
  }
  hits.sort((a, b) => a.rank - b.rank || a.plan - b.plan || a.len - b.len || a.index - b.index);
  return hits.slice(0, limit).map((h) => h.entry);
}
