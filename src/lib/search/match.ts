import { localName, t, type Bilingual, type Lang } from '../i18n/index.ts';
import { addressForms, addressQuery, rankAddresses, type AddressQuery } from './addresses.ts';
import { matchIndustries, type IndustryMatch } from './industries.ts';
import { CJK, RANK, fold, parseQuery, words, type Query } from './text.ts';
import type { SearchAddress, SearchEntry } from './types.ts';

export { RANK };

/**
 * Place search over the entries of public/data/search.json: Chinese substrings, English words and prefixes,
 * pinyin ("fudan", "fu dan"), syllable initials ("fd", "fddx") and, for Latin input of five letters or more,
 * small typos ("tongij"); plan places also by their addresses and their industries. Pure and DOM-free; the
 * pinyin is precomputed by the build.
 */

export interface SearchOptions {
  /** Most results to return (default 8). */
  limit?: number;
  /** The interface language: names in it break ties by length (default 'zh'). */
  lang?: 'zh' | 'en';
  /**
   * The industries' labels by key (INDUSTRY_LABELS), to find places by the industries they list; without
   * them industries are not searched.
   */
  industries?: Readonly<Record<string, Bilingual>>;
}

/** Why a place was found when not by its name: one of its addresses, or one of its industries. */
export type Via = { address: SearchAddress } | { industry: string; label: Bilingual };

/** A result: the place, and why when its name is not what matched. */
export interface SearchHit {
  entry: SearchEntry;
  via?: Via;
}

const QUALIFIER = /[（(][^）)]*[）)]/g;

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

// Among equal ranks a match by name comes first, then by address, then by industry.
const HOW = { name: 0, address: 1, industry: 2 } as const;

/** How an entry matches through its addresses and industries, when that beats its name (or its name does not match). */
function rankVia(entry: SearchEntry, nameRank: number, address: AddressQuery | null, industries: Map<string, IndustryMatch>, options: SearchOptions) {
  let best: { rank: number; how: number; via?: Via } = { rank: nameRank, how: HOW.name };
  const better = (rank: number) => rank >= 0 && (best.rank < 0 || rank < best.rank);
  if (address && entry.addresses) {
    const found = rankAddresses(addressForms(entry.addresses), address);
    if (found && better(found.rank)) best = { rank: found.rank, how: HOW.address, via: { address: found.address } };
  }
  if (industries.size && Array.isArray(entry.industries)) {
    for (const key of entry.industries) {
      const m = industries.get(key);
      const rank = m === 'whole' ? RANK.industry : m === 'part' ? RANK.industryPart : -1;
      if (better(rank)) best = { rank, how: HOW.industry, via: { industry: key, label: options.industries![key]! } };
    }
  }
  return best;
}

/**
 * The places matching `query`, best first: exact name, then a named industry, prefix, word prefix, substring,
 * part of an industry's name, initials, typo. A place's addresses count at the same ranks as its name, after it
 * at equal rank. At equal rank plan places come before basemap places, then shorter names (in `lang`), then index
 * order.
 */
export function searchHits(entries: SearchEntry[], query: string, options: SearchOptions = {}): SearchHit[] {
  const q = parseQuery(query);
  const limit = options.limit ?? 8;
  if (!q || limit <= 0) return [];
  const lang = options.lang ?? 'zh';
  const address = addressQuery(q);
  const industries = options.industries ? matchIndustries(q, options.industries) : new Map<string, IndustryMatch>();
  const hits: { hit: SearchHit; rank: number; how: number; plan: number; len: number; index: number }[] = [];
  for (let index = 0; index < entries.length; index++) {
    const entry = entries[index]!;
    const { rank, how, via } = rankVia(entry, rankEntry(entry, q), address, industries, options);
    if (rank < 0) continue;
    hits.push({ hit: via ? { entry, via } : { entry }, rank, how, plan: entry.kind === 'plan' ? 0 : 1, len: localName(entry, lang).length, index });
  }
  hits.sort((a, b) => a.rank - b.rank || a.how - b.how || a.plan - b.plan || a.len - b.len || a.index - b.index);
  return hits.slice(0, limit).map((h) => h.hit);
}

/** The places matching `query`, best first (see {@link searchHits}). */
export function searchPlaces(entries: SearchEntry[], query: string, options: SearchOptions = {}): SearchEntry[] {
  return searchHits(entries, query, options).map((h) => h.entry);
}

/** Why a result was found, in `lang` only ("地址：国定路335号", "Industry: Artificial intelligence"). */
export function viaText(via: Via, lang: Lang): string {
  if ('address' in via) return t(lang, 'searchViaAddress', { address: lang === 'zh' ? via.address[0] : via.address[1] });
  return t(lang, 'searchViaIndustry', { industry: via.label[lang] });
}
