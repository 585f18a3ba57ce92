import type { Bilingual, Lang } from '../../lib/i18n/index.ts';
import { INDUSTRY_LABELS } from '../../lib/data/vocab.ts';
import type { Industry } from '../../lib/data/plan-schema.ts';
import { dataRun, type TextRun } from '../../lib/import/runs.ts';

/*
 * A listing's industries are words from its file, in whatever language the operator wrote ("人工智能", "AI",
 * "智慧城市"). Those the plan names are shown with the plan's vocabulary (lib/data/vocab.ts) in the reader's
 * language, and found by a filter whatever language either was written in; any other is shown as written, marked
 * with its language.
 */

/** Text compared for industries: NFKC, lower case, letters and digits only. */
const norm = (s: string): string =>
  s
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]/gu, '');

/** The alternatives a label gives: "智慧城市 / 数字城市" is two, and what a bracket adds is left out. */
const alternatives = (label: string): string[] => label.split('/').map((s) => s.replace(/[(（][^)）]*[)）]/g, '').trim());

/** What operators write for an industry besides the plan's words. Not 生物医药 for biotechnology: another field. */
const SYNONYMS: Partial<Record<Industry, readonly string[]>> = {
  ai: ['AI', 'A.I.'],
  online_economy: ['在线经济', 'online new economy'],
  smart_city: ['smart city', 'digital city'],
  new_energy: ['新能源汽车', 'new-energy vehicles', 'NEV'],
  smart_energy: ['智慧能源', '能源管理', 'smart energy', 'smart grid'],
  medical_devices: ['医疗器械', '医疗装备', 'medical devices'],
  sport_health: ['运动健康', '体育健康', '运动科技', 'sport health', 'sports health', 'sport and health'],
  tech_transfer: ['科技成果转化', '技术市场', 'technology transfer'],
  basic_research: ['基础研究', 'basic research'],
  biotech: ['生物科技', 'biotech'],
};

/**
 * Industries operators often write that the plan does not name: shown in the reader's language and one choice in the
 * filter whichever language they were written in, but never taken for one of the plan's (生物医药 is not biotech).
 */
const OTHER_INDUSTRIES: readonly (Bilingual & { also: readonly string[] })[] = [
  { zh: '科技服务', en: 'Technology services', also: ['科技服务业', 'tech services', 'science and technology services'] },
  { zh: '生物医药', en: 'Biomedicine', also: ['biomedical', 'biopharma', 'biopharmaceuticals'] },
];
const OTHER_BY_NAME: ReadonlyMap<string, (typeof OTHER_INDUSTRIES)[number]> = new Map(
  OTHER_INDUSTRIES.flatMap((o) => [o.zh, o.en, ...o.also].map((name) => [norm(name), o] as const)),
);

const BY_NAME: ReadonlyMap<string, Industry> = (() => {
  const m = new Map<string, Industry>();
  for (const [id, label] of Object.entries(INDUSTRY_LABELS) as [Industry, (typeof INDUSTRY_LABELS)[Industry]][]) {
    for (const name of [id, ...alternatives(label.zh), ...alternatives(label.en), label.zh, label.en, ...(SYNONYMS[id] ?? [])]) {
      const k = norm(name);
      if (k && !m.has(k)) m.set(k, id);
    }
  }
  return m;
})();

/** The plan's industry a listing's word names, or null when the plan has no such industry. */
export const industryKey = (term: string): Industry | null => BY_NAME.get(norm(term)) ?? null;

/** The plan's label of an industry in `lang`, without what its bracket adds (a filter's chip stays short). */
const shortLabel = (id: Industry, lang: Lang): string => INDUSTRY_LABELS[id][lang].replace(/\s*[(（][^)）]*[)）]/g, '');

/** A listing's industry in `lang`: the plan's label when it names one, else the word as written, marked by its script. */
export function industryRun(lang: Lang, term: string): TextRun {
  const id = industryKey(term);
  if (id) return { text: shortLabel(id, lang) };
  const other = OTHER_BY_NAME.get(norm(term));
  return other ? { text: other[lang] } : dataRun(lang, term);
}

/** Whether a listing's industry is the one a filter asks for: the same plan industry, or the words contain it. */
export function industryMatches(have: string, want: string): boolean {
  const w = norm(want);
  if (!w) return false;
  const id = industryKey(want);
  const other = OTHER_BY_NAME.get(w);
  return (id !== null && industryKey(have) === id) || (other !== undefined && OTHER_BY_NAME.get(norm(have)) === other) || norm(have).includes(w);
}

/** What groups a listing's industries in a filter: the plan's industry, a known other one, else the normalised word. */
export const industryGroup = (term: string): string => {
  const other = OTHER_BY_NAME.get(norm(term));
  return industryKey(term) ?? (other ? `~${other.en}` : `=${norm(term)}`);
};
