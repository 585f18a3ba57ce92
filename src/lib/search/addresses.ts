import { RANK, fold, words, type Query } from './text.ts';
import type { SearchAddress } from './types.ts';

/**
 * Matching a query against a place's addresses: Chinese with or without the city and district ("上海市杨浦区国定路
 * 335号", "国定路335"), pinyin ("guodinglu 335") and English in either order, abbreviated or not ("335 Guoding
 * Road", "Guoding Rd 335").
 */

/** An address in its compared forms. */
interface Forms {
  raw: SearchAddress;
  zh: string;
  pinyin: string;
  en: string;
  enWords: string[];
}

const cache = new WeakMap<object, Forms[]>();

const isAddress = (a: unknown): a is SearchAddress => Array.isArray(a) && a.length === 3 && a.every((s) => typeof s === 'string');

/** The compared forms of an entry's addresses; anything malformed in the data is left out. */
export function addressForms(addresses: unknown): Forms[] {
  if (!Array.isArray(addresses)) return [];
  let forms = cache.get(addresses);
  if (forms) return forms;
  forms = addresses.filter(isAddress).map((raw) => {
    const enWords = words(fold(raw[1]));
    return { raw, zh: words(fold(raw[0])).join(''), pinyin: words(fold(raw[2])).join(''), en: enWords.join(' '), enWords };
  });
  cache.set(addresses, forms);
  return forms;
}

// How English addresses are abbreviated.
const ABBREVIATIONS: Record<string, string> = { rd: 'road', st: 'street', ave: 'avenue', av: 'avenue', ln: 'lane', no: '' };
// Words an address may start with that every address of the district shares.
const AREA_WORDS = new Set(['shanghai', 'yangpu', 'district', 'china']);
// Words every address has: a query of these alone names no address.
const GENERIC = new Set(['road', 'street', 'avenue', 'lane', 'north', 'south', 'east', 'west', 'middle']);
// The city and district before a Chinese address (their pinyin too), which the index leaves out.
const ZH_AREA = /^(?:上海市?)?(?:杨浦区)?/;
const PINYIN_AREA = /^(?:shanghai(?:shi)?)?(?:yangpuqu)?/;

/** A query in the forms addresses are compared in, or null when it cannot name an address. */
export interface AddressQuery {
  compact: string;
  cjk: boolean;
  /** English words, abbreviations spelled out, the city and district left out. */
  tokens: string[];
  text: string;
}

export function addressQuery(q: Query): AddressQuery | null {
  if (q.cjk) {
    const compact = q.compact.replace(ZH_AREA, '');
    return compact ? { compact, cjk: true, tokens: [], text: '' } : null;
  }
  const compact = q.compact.replace(PINYIN_AREA, '');
  const tokens = q.tokens.map((t) => ABBREVIATIONS[t] ?? t).filter((t) => t && !AREA_WORDS.has(t));
  // One or two letters begin too many roads' pinyin to mean an address.
  if (compact.length < 3 && tokens.join('').length < 3) return null;
  return { compact, cjk: false, tokens, text: tokens.join(' ') };
}

function rankOne(a: Forms, q: AddressQuery): number {
  const { compact } = q;
  if (q.cjk) {
    if (a.zh === compact) return RANK.exact;
    if (a.zh.startsWith(compact)) return RANK.prefix;
    // A lone character ("路", "号") is in every address.
    return compact.length >= 2 && a.zh.includes(compact) ? RANK.substring : -1;
  }
  if (compact.length >= 3 && a.pinyin === compact) return RANK.exact;
  if (q.text && a.en === q.text) return RANK.exact;
  if (compact.length >= 3 && a.pinyin.startsWith(compact)) return RANK.prefix;
  if (q.tokens.some((t) => !GENERIC.has(t)) && q.tokens.every((t) => a.enWords.some((w) => w.startsWith(t)))) return RANK.wordPrefix;
  if (compact.length >= 3 && a.pinyin.includes(compact)) return RANK.substring;
  return -1;
}

/** The best-matching address of an entry and how well it matches (a RANK value), or null. */
export function rankAddresses(forms: Forms[], q: AddressQuery): { rank: number; address: SearchAddress } | null {
  let best: { rank: number; address: SearchAddress } | null = null;
  for (const a of forms) {
    const rank = rankOne(a, q);
    if (rank >= 0 && (!best || rank < best.rank)) best = { rank, address: a.raw };
  }
  return best;
}
