import type { Indicator, IndicatorId } from './types.ts';

/** Part 一 of the plan, where its 2026 targets are set. */
export const TARGETS_SECTION = { zh: '一、主要目标', en: 'I. Main targets' } as const;
/** Part 三, which asks for the monitoring this view serves. */
export const MONITOR_SECTION = { zh: '三、保障措施（一）加强组织落实', en: 'III. Safeguards (1) Organise implementation' } as const;
/** The plan's words asking for monitoring and a statistics system (part 三), verbatim. */
export const MONITOR_QUOTE_ZH = '加强对方案指标、重点任务和保障举措等进展情况进行监测分析，确保各项任务落实到位';
export const MONITOR_GLOSS_EN =
  'Strengthen the monitoring and analysis of progress on the plan’s indicators, key tasks and safeguards, so that every task is carried out.';

/** The year the plan's targets are set for. */
export const TARGET_YEAR = 2026;

const revenue = { unit: '亿元', unitLabel: { zh: '亿元', en: '100 million yuan' }, integer: false, min: 0, max: 100_000 } as const;
const firms = { unit: '家', unitLabel: { zh: '家', en: 'firms' }, integer: true, min: 0, max: 100_000 } as const;

/**
 * The indicators of the plan's 2026 targets (part 一), in the order the plan names them. Quotes are the plan's own
 * words (whitespace aside); glosses are ours, not official translations.
 */
export const INDICATORS: readonly Indicator[] = [
  {
    id: 'leading_industries_revenue',
    name: { zh: '三大先导产业总规模', en: 'Three leading industries, combined scale' },
    ...revenue,
    target: { kind: 'at-least', value: 1400, year: TARGET_YEAR },
    quote_zh: '三大先导产业总规模达到1400亿元',
    gloss_en: 'The three leading industries reach a combined scale of 140 billion yuan (1,400 × 100 million yuan).',
    section: TARGETS_SECTION,
    parts: ['digital_economy_revenue', 'life_health_revenue', 'green_low_carbon_revenue'],
    aliases: ['三大先导产业总规模', '三大先导产业规模', '三大先导产业', 'leading industries', 'three leading industries'],
  },
  {
    id: 'digital_economy_revenue',
    name: { zh: '数字经济产业营收', en: 'Digital economy, revenue' },
    ...revenue,
    target: { kind: 'growth', year: TARGET_YEAR },
    quote_zh: '数字经济产业营收和增加值同比继续保持高增长',
    gloss_en: 'Revenue and value added of the digital-economy industry keep growing fast year on year.',
    section: TARGETS_SECTION,
    partOf: 'leading_industries_revenue',
    aliases: ['数字经济', '数字经济产业', '数字经济产业营收', 'digital economy'],
  },
  {
    id: 'life_health_revenue',
    name: { zh: '生命健康产业规模', en: 'Life & health, scale' },
    ...revenue,
    target: { kind: 'growth', year: TARGET_YEAR },
    quote_zh: '生命健康产业实现快速发展',
    gloss_en: 'The life and health industry develops rapidly.',
    section: TARGETS_SECTION,
    partOf: 'leading_industries_revenue',
    aliases: ['生命健康', '生命健康产业', '生命健康产业规模', 'life health', 'life and health', 'life & health'],
  },
  {
    id: 'green_low_carbon_revenue',
    name: { zh: '绿色低碳产业规模', en: 'Green & low-carbon, scale' },
    ...revenue,
    target: { kind: 'growth', year: TARGET_YEAR },
    quote_zh: '绿色低碳产业规模能级不断提升',
    gloss_en: 'The scale and level of the green and low-carbon industry keep rising.',
    section: TARGETS_SECTION,
    partOf: 'leading_industries_revenue',
    aliases: ['绿色低碳', '绿色低碳产业', '绿色低碳产业规模', 'green low carbon', 'green and low-carbon', 'green & low-carbon'],
  },
  {
    id: 'rd_intensity',
    name: { zh: '企业研发经费支出占营收比例', en: 'Corporate R&D spending, share of revenue' },
    unit: '%',
    unitLabel: { zh: '%', en: '%' },
    integer: false,
    min: 0,
    max: 100,
    target: { kind: 'at-least', value: 5, year: TARGET_YEAR },
    quote_zh: '企业研发经费支出占营收比例达到5%',
    gloss_en: 'Corporate R&D spending reaches 5 % of revenue.',
    section: TARGETS_SECTION,
    aliases: ['研发经费支出占营收比例', '企业研发经费支出占营收比例', '研发投入强度', 'R&D intensity', 'R&D spending share', 'corporate R&D spending'],
  },
  {
    id: 'gazelle_firms',
    name: { zh: '瞪羚企业数量', en: 'Gazelle firms' },
    ...firms,
    target: { kind: 'growth', year: TARGET_YEAR },
    quote_zh: '瞪羚企业、“独角兽”企业数量持续增长',
    gloss_en: 'The numbers of gazelle and unicorn firms keep growing.',
    section: TARGETS_SECTION,
    aliases: ['瞪羚企业', '瞪羚企业数量', 'gazelle', 'gazelle firms', 'gazelles'],
  },
  {
    id: 'unicorn_firms',
    name: { zh: '“独角兽”企业数量', en: 'Unicorn firms' },
    ...firms,
    target: { kind: 'growth', year: TARGET_YEAR },
    quote_zh: '瞪羚企业、“独角兽”企业数量持续增长',
    gloss_en: 'The numbers of gazelle and unicorn firms keep growing.',
    section: TARGETS_SECTION,
    aliases: ['独角兽企业', '独角兽企业数量', '“独角兽”企业', '"独角兽"企业', 'unicorn', 'unicorn firms', 'unicorns'],
  },
  {
    id: 'zhangjiang_tier',
    name: { zh: '张江高新区综合评价排名梯队', en: 'Tier in the Zhangjiang Hi-tech Park ranking' },
    unit: '梯队',
    unitLabel: { zh: '梯队', en: 'tier' },
    integer: true,
    min: 1,
    max: 5,
    target: { kind: 'at-most', value: 1, year: TARGET_YEAR },
    quote_zh: '在张江高新区综合评价排名中继续保持第一梯队',
    gloss_en: 'Stay in the first tier of the Zhangjiang Hi-tech Park’s overall ranking.',
    section: TARGETS_SECTION,
    aliases: ['张江高新区综合评价排名', '综合评价排名', '排名梯队', '梯队', 'zhangjiang ranking', 'ranking tier', 'tier'],
  },
];

const BY_ID = new Map(INDICATORS.map((i) => [i.id, i]));

/** The indicator with this id. */
export function indicator(id: IndicatorId): Indicator {
  const found = BY_ID.get(id);
  if (!found) throw new Error(`unknown indicator ${id}`);
  return found;
}
