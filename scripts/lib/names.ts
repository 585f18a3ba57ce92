import { pinyin } from 'pinyin-pro';

// Generic endings of Shanghai place names and their usual English renderings (as on street and metro signs).
const SUFFIXES: [string, string][] = [
  ['高架路', 'Elevated Road'],
  ['高速', 'Expressway'],
  ['隧道', 'Tunnel'],
  ['大桥', 'Bridge'],
  ['大道', 'Avenue'],
  ['大学', 'University'],
  ['体育场', 'Stadium'],
  ['体育中心', 'Sports Centre'],
  ['公园', 'Park'],
  ['广场', 'Square'],
  ['新村', 'Xincun'],
  ['街道', 'Subdistrict'],
  ['公路', 'Highway'],
  ['路', 'Road'],
  ['桥', 'Bridge'],
  ['镇', 'Town'],
];
// Official English names that neither pinyin nor the endings above produce.
const KNOWN: Record<string, string> = {
  上海财经大学: 'Shanghai University of Finance and Economics',
  世纪大道: 'Century Avenue',
};
const DIRECTIONS: Record<string, string> = { 东: 'East', 西: 'West', 南: 'South', 北: 'North', 中: 'Middle' };

// Place names whose reading pinyin-pro gets wrong (行 is háng in these, as in their official romanisations).
const READINGS: Record<string, string[]> = {
  闵行: ['min', 'hang'],
  殷行: ['yin', 'hang'],
  莘庄: ['xin', 'zhuang'],
};
const READING_WORDS = new RegExp(`(${Object.keys(READINGS).join('|')})`);

/**
 * Toneless pinyin syllables of a run of Chinese text, lower case, with the readings of known place names
 * corrected ("殷行" → ["yin", "hang"]).
 */
export function pinyinSyllables(run: string): string[] {
  return run
    .split(READING_WORDS)
    .filter(Boolean)
    .flatMap((piece) => READINGS[piece] ?? pinyin(piece, { toneType: 'none', type: 'array', v: true }))
    .map((s) => s.toLowerCase().replace(/[^a-z]/g, ''));
}

/** Romanises Chinese text as one capitalised pinyin word without tones ("杨高" → "Yanggao"). */
export function romanize(zh: string): string {
  const word = (zh.match(/[\u3400-\u9fff]+|[^\u3400-\u9fff]+/g) ?? [])
    .map((run) => (/[\u3400-\u9fff]/.test(run) ? pinyinSyllables(run).join('') : run.replace(/\s+/g, '')))
    .join('');
  return word.charAt(0).toUpperCase() + word.slice(1);
}

/**
 * English name for a Chinese place name: the given English name when there is one, otherwise pinyin for the
 * specific part and a translation of the generic ending ("杨高北路" → "Yanggao North Road").
 * Parenthesised qualifiers such as "(10号线)" are dropped.
 */
export function englishName(zh: string, en?: string | null): string {
  if (en && en.trim()) return en.trim();
  const base = zh.replace(/[（(][^）)]*[）)]/g, '').trim();
  if (!base) return '';
  if (!/[\u3400-\u9fff]/.test(base)) return base;
  if (KNOWN[base]) return KNOWN[base];
  for (const [suffix, english] of SUFFIXES) {
    if (base.endsWith(suffix) && base.length > suffix.length) {
      let stem = base.slice(0, -suffix.length);
      let direction = '';
      const last = stem.charAt(stem.length - 1);
      // "延吉中路" is Yanji Middle Road, but in "场中路" the 中 belongs to a one-character stem.
      if (suffix === '路' && stem.length > 2 && DIRECTIONS[last]) {
        direction = ` ${DIRECTIONS[last]}`;
        stem = stem.slice(0, -1);
      }
      // A subdistrict is usually named after a road or town whose own ending translates too.
      const specific = suffix === '街道' ? englishName(stem) : romanize(stem);
      return `${specific}${direction} ${english}`;
    }
  }
  return romanize(base);
}
