import { message } from '../../lib/import/messages.ts';
import type { ImportMessage } from '../../lib/import/types.ts';
import { ascii, parseNumber, withoutApproximation, type Approximation } from '../../lib/import/values.ts';
import type { SpaceType } from './types.ts';

/*
 * The values only listings have, as operators write them: floor areas, rents (ranges, periods, approximate), kinds
 * of space and industries. Numbers, dates and coordinates are the import kernel's (src/lib/import/values.ts).
 */

const RANGE_SEP = /\s*(?:-|~|～|—|–|至|到|to)\s*/;

/**
 * A floor area in m²: "1,200", "1200㎡", "1200 m²", "0.12万㎡"; approximate ("约1200平方米", "1200左右",
 * "1200平左右") or a range ("200-1200㎡", whose largest is kept: a listing has one area). `approx` says which
 * when the figure is not exact; `range` is true then too, so the import's row note ("not exact") is given for
 * every such value, not for ranges alone.
 */
export function parseArea(raw: string): { value: number; range: boolean; approx?: Approximation } | null {
  const bare = withoutApproximation(raw);
  let s = bare.text.toLowerCase();
  let factor = 1;
  const unit = /\s*(万\s*)?(㎡|m²|m2|sqm|sq\.?\s*m|平方米|平米|平方|平|方)?\s*$/.exec(s);
  if (unit && unit[0]) {
    if (unit[1]) factor = 10000;
    s = s.slice(0, unit.index);
  }
  // "200左右㎡": the word may also stand before the unit.
  const inner = withoutApproximation(s);
  s = inner.text;
  const parts = s.split(RANGE_SEP);
  if (parts.length > 2) return null;
  const nums = parts.map(parseNumber);
  if (nums.some((n) => !Number.isFinite(n))) return null;
  const value = Math.round(Math.max(...nums) * factor * 100) / 100;
  const approx: Approximation | undefined = bare.about || inner.about ? 'about' : parts.length === 2 ? 'range' : undefined;
  return approx ? { value, range: true, approx } : { value, range: false };
}

/** The rent's period as written, when a header or a value says it. */
export type RentPeriod = 'day' | 'month' | 'year';

/** The period a rent unit names: 元/㎡/天 (day), 元/㎡/月 (month), 元/㎡/年 (year). */
export function rentPeriod(text: string): RentPeriod | null {
  const s = ascii(text).toLowerCase();
  if (/(\/|每|per\s*|·)\s*(天|日|day|d\b)|天$|日$|\/day/.test(s)) return 'day';
  if (/(\/|每|per\s*|·)\s*(月|month|mo\b)|月$/.test(s)) return 'month';
  if (/(\/|每|per\s*|·)\s*(年|year|yr\b|annum)|年$/.test(s)) return 'year';
  return null;
}

/**
 * A rent in 元/m²/day: "3.5", "3.5元/㎡/天", "2.5-3.5", "2.5~3.5元/平米/天", "105元/㎡/月" (converted: × 12 / 365).
 * `period` is the default when the value names none (from the column header). "面议" (negotiable) gives null
 * without complaint; anything else unreadable gives `{ error }`.
 */
export function parseRent(
  raw: string,
  period: RentPeriod = 'day',
): { min: number; max: number; period: RentPeriod; approx?: Approximation } | { error: true } | null {
  const s0 = ascii(raw);
  if (!s0 || /^(面议|议价|待定|商议|协商|电询|negotiable|tbd|n\/?a|-|—)$/i.test(s0)) return null;
  const own = rentPeriod(s0);
  const p = own ?? period;
  const bare = withoutApproximation(s0);
  // "¥约4.5": the word may follow the currency sign.
  const inner = withoutApproximation(bare.text.toLowerCase().replace(/^(¥|￥|rmb|cny)\s*/, ''));
  let s = inner.text;
  // Strip a trailing unit: 元/㎡/天, 元/平米·天, rmb/sqm/day, /m²/month …
  s = s.replace(
    /\s*(元|rmb|cny|yuan)?\s*((\/|每|per\s*)\s*(㎡|m²|m2|sqm|平方米|平米|平方|平)|\/)?\s*((\/|·|每|per\s*)?\s*(天|日|月|年|day|month|year|mo|yr|d))?\s*$/,
    '',
  );
  s = s.replace(/(元|rmb|cny|yuan)/g, '');
  const parts = s.split(RANGE_SEP).map((x) => x.replace(/^(¥|￥)/, ''));
  if (parts.length > 2) return { error: true };
  const nums = parts.map(parseNumber);
  if (nums.some((n) => !Number.isFinite(n) || n <= 0)) return { error: true };
  const factor = p === 'month' ? 12 / 365 : p === 'year' ? 1 / 365 : 1;
  const vals = nums.map((n) => Math.round(n * factor * 100) / 100);
  const result = { min: Math.min(...vals), max: Math.max(...vals), period: p };
  // "4.5-4.5" is one figure written twice, not a range.
  const approx: Approximation | undefined = bare.about || inner.about ? 'about' : nums.length === 2 && nums[0] !== nums[1] ? 'range' : undefined;
  return approx ? { ...result, approx } : result;
}

/**
 * The row note for a rent written as approximate ("约4.5", "4.5左右", "约4.2-4.8"): the figure is kept, and the
 * report says the operator did not commit to it. null otherwise. A plain range ("4.2-4.8元") gets none: it is
 * kept as its two ends, shown as a range, and filters and order take both ends into account, so nothing of what
 * the operator wrote is lost (and a note on every ranged row would bury the notes that matter).
 */
export function rentApproxNote(raw: string, rent: { min: number; max: number; approx?: Approximation }): ImportMessage | null {
  if (rent.approx !== 'about') return null;
  return message('row-rent-approx', { value: ascii(raw).slice(0, 40), rent: rent.min === rent.max ? rent.min : `${rent.min}–${rent.max}` });
}

/** Words that name each space type, checked in this order so that "共享办公" is coworking, not office. */
const TYPE_WORDS: readonly [SpaceType, readonly string[]][] = [
  ['coworking', ['共享办公', '联合办公', '众创空间', '众创', 'coworking', 'co-working', 'shared office', 'flex office', 'flexible office']],
  ['incubator_desk', ['孵化工位', '工位', '孵化器', '孵化', 'incubator desk', 'incubator', 'hot desk', 'desk']],
  ['lab', ['实验室', '湿实验室', '干实验室', '实验', 'wet lab', 'dry lab', 'laboratory', 'lab']],
  [
    'light_industrial',
    [
      '研发',
      '研发楼',
      '轻工业',
      '轻工',
      '厂房',
      '标准厂房',
      '工业',
      '生产',
      'light industrial',
      'light_industrial',
      'industrial',
      'factory',
      'workshop',
      'r&d',
      'manufacturing',
    ],
  ],
  ['office', ['办公', '写字楼', '办公室', '商务', 'office', 'offices']],
  ['other', ['其他', '其它', '商业', '零售', '仓储', '公寓', 'other', 'retail', 'storage', 'warehouse']],
];

/**
 * The space type a cell names, in Chinese or English ("办公" → office, "实验室" → lab, "厂房" → light_industrial,
 * "工位" → incubator_desk, "联合办公" → coworking). A cell naming several ("办公/研发") gives the first; an
 * unknown word gives null; a blank cell gives 'other'.
 */
export function normaliseSpaceType(raw: string): SpaceType | null {
  const s = ascii(raw).toLowerCase();
  if (!s) return 'other';
  const tokens = s.split(/\s*[/、,，;；|+]\s*/).filter(Boolean);
  for (const token of tokens) {
    for (const [type, words] of TYPE_WORDS) if (words.includes(token) || token === type) return type;
  }
  for (const token of tokens) {
    for (const [type, words] of TYPE_WORDS) {
      if (words.some((w) => (/[^\x00-\x7f]/.test(w) || w.length >= 3) && token.includes(w))) return type;
    }
  }
  return null;
}

/** Industries as a list: split on Chinese and Latin separators, trimmed, de-duplicated, at most `max`. */
export function splitIndustries(raw: string, max = 12): string[] {
  const out: string[] = [];
  for (const part of ascii(raw).split(/\s*[,，、;；|/\n]\s*/)) {
    const p = part.trim();
    if (p && !out.includes(p)) out.push(p);
    if (out.length >= max) break;
  }
  return out;
}
