import type { Lang } from '../../lib/i18n/index.ts';
import { INDICATORS } from './indicators.ts';
import type { Indicator, IndicatorId } from './types.ts';

/*
 * The names a statistics file may give an indicator in its indicator column: the id, the plan's words in either
 * language, the aliases the indicators list, and what a statistician writes from the plan's words — the industry
 * alone or with 产业, then a measure (营收, 规模, 数量 …). Only measures of the indicator itself count: 数字经济增加值
 * (value added) is not the digital economy's revenue and stays unknown.
 */

/** Text compared for names: NFKC, lower case, punctuation, spaces and quotation marks removed ("%" kept). */
export const nameKey = (s: string): string =>
  s
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}%]/gu, '');

/** Each indicator's subjects and the measures that may follow them (every pairing is a name). */
const VARIANTS: Record<IndicatorId, { subjects: readonly string[]; measures: readonly string[] }> = {
  leading_industries_revenue: {
    subjects: ['三大先导产业', '先导产业', 'leading industries', 'three leading industries'],
    measures: ['', '总规模', '规模', '总营收', '营收', '营业收入', '总量', 'revenue', 'scale', 'combined scale', 'total'],
  },
  digital_economy_revenue: {
    subjects: ['数字经济', '数字经济产业', 'digital economy'],
    measures: ['', '营收', '营业收入', '收入', '规模', '产业规模', 'revenue', 'scale'],
  },
  life_health_revenue: {
    subjects: ['生命健康', '生命健康产业', 'life health', 'life and health'],
    measures: ['', '规模', '产业规模', '营收', '营业收入', '收入', 'revenue', 'scale'],
  },
  green_low_carbon_revenue: {
    subjects: ['绿色低碳', '绿色低碳产业', 'green low carbon', 'green and low carbon'],
    measures: ['', '规模', '产业规模', '营收', '营业收入', '收入', 'revenue', 'scale'],
  },
  rd_intensity: {
    subjects: ['研发经费支出', '企业研发经费支出', '研发投入', '企业研发投入', '研发经费', 'R&D spending', 'corporate R&D spending'],
    measures: ['占营收比例', '占营收比重', '占营业收入比例', '占营业收入比重', '强度', 'share of revenue', 'intensity'],
  },
  gazelle_firms: {
    subjects: ['瞪羚企业', '瞪羚', 'gazelle firms', 'gazelles', 'gazelle'],
    measures: ['', '数量', '数', '家数', '个数', 'count', 'number'],
  },
  unicorn_firms: {
    subjects: ['独角兽企业', '独角兽', 'unicorn firms', 'unicorns', 'unicorn'],
    measures: ['', '数量', '数', '家数', '个数', 'count', 'number'],
  },
  zhangjiang_tier: {
    subjects: ['张江高新区综合评价', '张江高新区', '张江', '综合评价', 'Zhangjiang ranking', 'Zhangjiang'],
    measures: ['排名梯队', '排名', '梯队', 'tier', 'ranking tier'],
  },
};

const BY_NAME: ReadonlyMap<string, IndicatorId> = (() => {
  const m = new Map<string, IndicatorId>();
  const add = (name: string, id: IndicatorId) => {
    const k = nameKey(name);
    if (k && !m.has(k)) m.set(k, id);
  };
  // Ids and the plan's own names first: a variant never takes their place.
  for (const i of INDICATORS) for (const name of [i.id, i.name.zh, i.name.en, ...i.aliases]) add(name, i.id);
  for (const i of INDICATORS) {
    const { subjects, measures } = VARIANTS[i.id];
    for (const s of subjects) for (const measure of measures) add(`${s}${measure}`, i.id);
  }
  return m;
})();

/** The indicator a file's indicator cell names, or null. */
export function indicatorByName(raw: string): Indicator | null {
  const id = BY_NAME.get(nameKey(raw));
  return id ? INDICATORS.find((i) => i.id === id)! : null;
}

/** The names a message offers for the indicator column: the plan's names in `lang`. */
export const indicatorNames = (lang: Lang): string[] => INDICATORS.map((i) => i.name[lang]);
