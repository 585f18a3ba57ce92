import type { Bilingual } from '../i18n/index.ts';
import { CJK, fold, words, type Query } from './text.ts';

/**
 * Which of the plan's industries a query names. The labels are INDUSTRY_LABELS (lib/data/vocab.ts), handed in by
 * the caller: lib/data already imports this folder's types, so importing it back would make a cycle. What the
 * labels lack is here: the pinyin of each Chinese term (the browser has no pinyin-pro; tests/unit/search-match
 * checks these against it) and the short forms people type ("AI", "EV").
 */

export interface IndustryAliases {
  /** Toneless pinyin of each Chinese term of the label, in the order {@link zhTerms} gives them. */
  pinyin: readonly string[];
  /** Other English names, each matched whole ("ai") or by its words. */
  en?: readonly string[];
  /** Other Chinese names. */
  zh?: readonly string[];
}

export const INDUSTRY_ALIASES: Readonly<Record<string, IndustryAliases>> = {
  digital_economy: { pinyin: ['shuzijingji'] },
  ai: { pinyin: ['rengongzhineng'], en: ['AI'] },
  online_economy: {
    pinyin: ['zaixianxinjingji', 'hulianwangdianshang', 'hulianwangshenghuo', 'zaixianwenyu'],
    en: ['online new economy', 'ecommerce', 'internet economy'],
    zh: ['电商'],
  },
  fintech: { pinyin: ['jinrongkeji'], en: ['financial technology'] },
  smart_city: { pinyin: ['zhihuichengshi', 'shuzichengshi'], en: ['smart city', 'digital city'] },
  // Not "drone" or 无人机: the drone places say so in their names, which tell more than the industry.
  low_altitude: { pinyin: ['dikongjingji'], en: ['low altitude', 'UAV', 'eVTOL'] },
  life_health: { pinyin: ['shengmingjiankang'], en: ['life sciences', 'life and health'] },
  biotech: { pinyin: ['shengwujishu'], en: ['biotech'] },
  medical_devices: { pinyin: ['gaoduanyiliaoqixie', 'yiliaozhuangbei'], en: ['medical devices', 'medical equipment', 'medtech'], zh: ['医疗器械'] },
  marine_biomedicine: { pinyin: ['haiyangshengwuyiyao'], en: ['marine medicine'] },
  sport_health: { pinyin: ['yundongkejijiankang'], en: ['sport tech', 'sports tech', 'sports and health'] },
  green_low_carbon: { pinyin: ['lvseditan'], en: ['green', 'low carbon', 'carbon neutral'] },
  new_energy: { pinyin: ['xinnengyuan', 'xinnengyuanqiche'], en: ['new energy vehicles', 'EV', 'NEV'] },
  smart_energy: { pinyin: ['zhihuinengyuanguanli', 'zhinengdianwang'], en: ['smart energy', 'smart grid', 'energy management'] },
  advanced_materials: { pinyin: ['lvsecailiao'], en: ['advanced materials', 'new materials'] },
  tech_transfer: { pinyin: ['chengguozhuanhua', 'jishuzhuanyi', 'jishujiaoyi'], en: ['tech transfer', 'technology transfer', 'technology trading'] },
  basic_research: { pinyin: ['jichuyanjiu', 'yuanshichuangxin'], en: ['basic research', 'original innovation'] },
};

/**
 * The Chinese terms of a label: "智慧城市 / 数字城市" → 智慧城市, 数字城市; "新能源（含新能源汽车）" → 新能源,
 * 新能源汽车. Terms keep their inner punctuation out ("运动+科技+健康" → 运动科技健康).
 */
export function zhTerms(label: string): string[] {
  return label
    .split(/[/／、，,（）()]/)
    .map((t) => words(fold(t.trim().replace(/^含/, ''))).join(''))
    .filter(Boolean);
}

/** The English names an industry is matched whole by: its label, the items in its brackets, its aliases. */
function enWholes(label: string, aliases: readonly string[]): string[] {
  const inner = [...label.matchAll(/\(([^)]*)\)/g)].flatMap((m) => m[1]!.split(','));
  const outer = label.replace(/\([^)]*\)/g, '');
  return [label, outer, ...inner.map((s) => s.replace(/^\s*incl\.?/i, '')), ...aliases].map((s) => words(fold(s)).join('')).filter(Boolean);
}

// Words that say nothing about an industry on their own.
const FILLER = new Set(['and', 'incl', 'of']);

/** An industry in its compared forms. */
interface Forms {
  key: string;
  zh: string[];
  pinyin: string[];
  /** English wholes without spaces ("artificialintelligence", "ai"). */
  enWhole: string[];
  /** Every English word of the label and the aliases. */
  enWords: string[];
}

const formsOf = new WeakMap<object, Forms[]>();

function prepare(labels: Readonly<Record<string, Bilingual>>): Forms[] {
  let forms = formsOf.get(labels);
  if (forms) return forms;
  forms = Object.entries(labels).map(([key, label]) => {
    const aliases = Object.hasOwn(INDUSTRY_ALIASES, key) ? INDUSTRY_ALIASES[key]! : { pinyin: [] };
    const en = aliases.en ?? [];
    return {
      key,
      zh: [...zhTerms(label.zh), ...(aliases.zh ?? []).map((z) => words(fold(z)).join(''))],
      pinyin: [...aliases.pinyin],
      enWhole: enWholes(label.en, en),
      enWords: [...new Set([label.en, ...en].flatMap((s) => words(fold(s))))].filter((w) => !FILLER.has(w)),
    };
  });
  formsOf.set(labels, forms);
  return forms;
}

/** How a query names an industry: all of it ("人工智能", "AI") or a part ("智能", "intel"). */
export type IndustryMatch = 'whole' | 'part';

function matchOne(f: Forms, q: Query): IndustryMatch | null {
  const { compact } = q;
  if (q.cjk) {
    if (f.zh.includes(compact)) return 'whole';
    // One character is inside too many terms (经, 能, 科…) to name an industry.
    return compact.length >= 2 && f.zh.some((z) => z.includes(compact)) ? 'part' : null;
  }
  if (f.pinyin.includes(compact) || f.enWhole.includes(compact)) return 'whole';
  // Two letters begin too many words to mean an industry; "ai" is matched whole above.
  if (compact.length < 3) return null;
  if (f.pinyin.some((p) => p.startsWith(compact) || (compact.length >= 5 && p.includes(compact)))) return 'part';
  const tokens = q.tokens.filter((t) => !FILLER.has(t) && !CJK.test(t));
  if (tokens.length && tokens.length === q.tokens.length && tokens.every((t) => f.enWords.some((w) => w.startsWith(t)))) return 'part';
  return null;
}

/** The industries (keys of `labels`) a query names, and how. */
export function matchIndustries(q: Query, labels: Readonly<Record<string, Bilingual>>): Map<string, IndustryMatch> {
  const found = new Map<string, IndustryMatch>();
  for (const f of prepare(labels)) {
    const m = matchOne(f, q);
    if (m) found.set(f.key, m);
  }
  return found;
}
