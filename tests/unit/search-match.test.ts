import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assembleBasemap } from '../../scripts/lib/basemap.ts';
import { buildPlanDataset } from '../../scripts/lib/plan/build.ts';
import { applyOsmCampuses } from '../../scripts/lib/plan/osm-campuses.ts';
import { buildSearchIndex, romanise, SEARCH_ID } from '../../scripts/lib/search-index.ts';
import { prefixDistance, searchPlaces } from '../../src/lib/search/match.ts';
import type { SearchEntry } from '../../src/lib/search/types.ts';
import { describeWithData, OSM_DIR } from '../support/shared.ts';

// ——— the matcher on hand-made entries ———

const entry = (id: string, name_zh: string, name_en: string, extra: Partial<SearchEntry> = {}): SearchEntry => {
  const { pinyin, initials } = romanise(name_zh);
  return { id, kind: id.startsWith('plan:') ? 'plan' : 'station', name_zh, name_en, pinyin, initials, lon: 121.5, lat: 31.3, source: 'test', ...extra };
};

describe('searchPlaces', () => {
  const entries = [
    entry('place:station-fudandaxue', '复旦大学', 'Fudan University'),
    entry('plan:sp-fudan', '复旦大学国家大学科技园', 'Fudan University National University Science Park'),
    entry('plan:campus-fudan-handan', '复旦大学邯郸校区', 'Fudan University, Handan Campus'),
    entry('plan:pf-haiju', '海聚英才创新创业示范基地（复旦科技园创业孵化基地）', 'Haiju base (Fudan Science Park incubation base)'),
    entry('place:road-handanlu', '邯郸路', 'Handan Road', { kind: 'road' }),
    entry('plan:lm-wujiaochang-circus', '五角场（环岛“彩蛋”）', 'Wujiaochang circus'),
    entry('place:station-wujiaochang', '五角场', 'Wujiaochang'),
    entry('place:station-fangdianlu', '芳甸路', 'Fangdian Road'),
    entry('plan:sp-tongji', '同济大学国家大学科技园', 'Tongji University National University Science Park'),
    entry('place:station-lvdi', '绿地', 'Lüdi'),
  ];
  const ids = (q: string, options?: Parameters<typeof searchPlaces>[2]) => searchPlaces(entries, q, options).map((e) => e.id);

  it('returns nothing for an empty or blank query, or one of punctuation only', () => {
    expect(searchPlaces(entries, '')).toEqual([]);
    expect(searchPlaces(entries, '   \t')).toEqual([]);
    expect(searchPlaces(entries, '——')).toEqual([]);
  });

  it('finds Chinese substrings, exact names first and the plan first among equals', () => {
    expect(ids('邯郸')).toEqual(['place:road-handanlu', 'plan:campus-fudan-handan']);
    // "五角场" is exactly the station's name and the landmark's name without its qualifier.
    expect(ids('五角场')).toEqual(['plan:lm-wujiaochang-circus', 'place:station-wujiaochang']);
    expect(ids('科技园')).toEqual(['plan:sp-fudan', 'plan:sp-tongji', 'plan:pf-haiju']);
  });

  it('ranks exact > prefix > word prefix > substring > initials > typo', () => {
    expect(ids('fudan university')).toEqual(['place:station-fudandaxue', 'plan:campus-fudan-handan', 'plan:sp-fudan']);
    // Name prefixes (the plan's first), then a word prefix ("Haiju base (Fudan Science Park …)").
    expect(ids('fudan', { lang: 'en' })).toEqual(['plan:campus-fudan-handan', 'plan:sp-fudan', 'place:station-fudandaxue', 'plan:pf-haiju']);
    // A pinyin prefix beats an English word prefix.
    expect(ids('handan')).toEqual(['place:road-handanlu', 'plan:campus-fudan-handan']);
    // Inside the pinyin, then a typo at the start of a name (handa…).
    expect(ids('danda')).toEqual(['plan:campus-fudan-handan', 'plan:sp-fudan', 'place:station-fudandaxue', 'place:road-handanlu']);
    // Initials at the start (shorter basemap names first), then inside (Haiju's "…fdkjy…").
    expect(ids('fd')).toEqual(['plan:campus-fudan-handan', 'plan:sp-fudan', 'place:station-fangdianlu', 'place:station-fudandaxue', 'plan:pf-haiju']);
    // A typo: after everything else.
    expect(ids('fudna')).toEqual(['plan:campus-fudan-handan', 'plan:sp-fudan', 'plan:pf-haiju', 'place:station-fudandaxue']);
    expect(ids('fudan univ')).toEqual(['plan:campus-fudan-handan', 'plan:sp-fudan', 'place:station-fudandaxue']);
  });

  it('breaks ties by the length of the name in the interface language, then keeps the input order', () => {
    expect(ids('fudan', { lang: 'zh' })).toEqual(['plan:campus-fudan-handan', 'plan:sp-fudan', 'place:station-fudandaxue', 'plan:pf-haiju']);
    const twins = [entry('plan:a', '甲乙', 'Same'), entry('plan:b', '甲乙', 'Same')];
    expect(searchPlaces(twins, '甲').map((e) => e.id)).toEqual(['plan:a', 'plan:b']);
    expect(searchPlaces([...twins].reverse(), '甲').map((e) => e.id)).toEqual(['plan:b', 'plan:a']);
  });

  it('matches pinyin with any spacing, case and separators, and syllable initials', () => {
    for (const q of ['fudan', 'FuDan', 'fu dan', 'fu-dan', "fu'dan", 'ｆｕｄａｎ']) expect(ids(q)[0], q).toBe('plan:campus-fudan-handan');
    expect(ids('fddx')).toEqual(['plan:campus-fudan-handan', 'plan:sp-fudan', 'place:station-fudandaxue']);
    expect(ids('dxgj')).toEqual(['plan:sp-fudan', 'plan:sp-tongji']);
    expect(ids('wjc')).toEqual(['plan:lm-wujiaochang-circus', 'place:station-wujiaochang']);
  });

  it('matches English words and word prefixes, case-insensitively', () => {
    expect(ids('Science')).toEqual(['plan:sp-fudan', 'plan:sp-tongji', 'plan:pf-haiju']);
    expect(ids('national univ')).toEqual(['plan:sp-fudan', 'plan:sp-tongji']);
    expect(ids('CIRC')).toEqual(['plan:lm-wujiaochang-circus']);
  });

  it('matches every word of a several-word query, in any field', () => {
    expect(ids('复旦 科技园')).toEqual(['plan:sp-fudan', 'plan:pf-haiju']);
    expect(ids('tongji park')).toEqual(['plan:sp-tongji']);
    expect(ids('tongji 邯郸')).toEqual([]);
  });

  it('tolerates one typo from five letters, and not in shorter input', () => {
    expect(ids('tongij')).toEqual(['plan:sp-tongji']);
    expect(ids('tnogji')).toEqual(['plan:sp-tongji']);
    expect(ids('tongi')).toEqual(['plan:sp-tongji']);
    expect(ids('tonj')).toEqual([]);
    expect(ids('tagji')).toEqual([]);
    expect(ids('wujaochang')).toEqual(['plan:lm-wujiaochang-circus', 'place:station-wujiaochang']);
  });

  it('folds ü to v as the index writes it', () => {
    expect(entries.at(-1)!.pinyin).toBe('lvdi');
    expect(ids('lvdi')).toEqual(['place:station-lvdi']);
    expect(ids('lüdi')).toEqual(['place:station-lvdi']);
  });

  it('returns at most `limit` results', () => {
    expect(searchPlaces(entries, 'f')).toHaveLength(5);
    expect(searchPlaces(entries, 'f', { limit: 2 })).toHaveLength(2);
    expect(searchPlaces(entries, 'fudan', { limit: 0 })).toEqual([]);
    const many = Array.from({ length: 20 }, (_, i) => ({ ...entries[0]!, id: `place:x-${i}` }));
    expect(searchPlaces(many, 'fudan')).toHaveLength(8);
  });

  it('measures typos against the start of a name', () => {
    expect(prefixDistance('tongij', 'tongjidaxue', 0, 1)).toBe(1);
    expect(prefixDistance('tongji', 'tongjidaxue', 0, 1)).toBe(0);
    expect(prefixDistance('tngji', 'tongjidaxue', 0, 1)).toBe(1);
    expect(prefixDistance('daxue', 'tongjidaxue', 6, 1)).toBe(0);
    expect(prefixDistance('tongji', 'fudan', 0, 1)).toBe(2);
    expect(prefixDistance('tongji', 'ton', 0, 2)).toBe(3);
  });

  it('is fast on a thousand entries', () => {
    const many = Array.from({ length: 1000 }, (_, i) => ({ ...entries[i % entries.length]!, id: `place:x-${i}` }));
    const queries = ['f', 'fu', 'fud', 'fuda', 'fudan', 'tongij', '复旦', '科技园', 'science park', 'wjc'];
    searchPlaces(many, 'warm up');
    const started = performance.now();
    for (let round = 0; round < 5; round++) for (const q of queries) searchPlaces(many, q);
    const perQuery = (performance.now() - started) / (5 * queries.length);
    expect(perQuery).toBeLessThan(15);
  });
});

// ——— the index built from the real data ———

const osmDir = OSM_DIR;

describeWithData(osmDir)('search over the real index', () => {
  let index: SearchEntry[] = [];
  beforeAll(async () => {
    const assembled = await assembleBasemap({ osmDir });
    let located = buildPlanDataset({ dataDir: 'data/plan' }).located;
    const campuses = assembled.layers.find((l) => l.id === 'campuses')?.features;
    if (campuses) located = applyOsmCampuses(located, campuses as never).collection;
    index = buildSearchIndex({ plan: located, layers: assembled.layers });
  }, 180_000);
  afterAll(() => void (index = []));

  const top = (q: string, n = 5) => searchPlaces(index, q).slice(0, n);

  it('holds every kind, with unique ids of the documented form', () => {
    const kinds = new Set(index.map((e) => e.kind));
    for (const k of ['plan', 'station', 'elevated_road', 'district', 'subdistrict'] as const) expect(kinds.has(k), k).toBe(true);
    expect(new Set(index.map((e) => e.id)).size).toBe(index.length);
    for (const e of index) expect(e.id).toMatch(SEARCH_ID);
    expect(index.filter((e) => e.kind === 'plan')).toHaveLength(50);
  });

  it.each(['fudan', 'fd', '复旦', 'Fudan science park'])('finds the Fudan national university science park for %j', (q) => {
    expect(top(q).map((e) => e.id)).toContain('plan:sp-fudan');
  });

  it('finds Tongji University for "Tongji", and for the typo "tongij"', () => {
    for (const q of ['Tongji', 'tongij']) {
      const found = top(q);
      expect(found.length, q).toBeGreaterThan(0);
      for (const e of found.slice(0, 3)) expect(e.name_zh, q).toContain('同济');
      expect(
        found.some((e) => e.name_zh.startsWith('同济大学')),
        q,
      ).toBe(true);
    }
  });

  it('finds 长阳创谷 for "长阳"', () => {
    expect(top('长阳').map((e) => e.id)).toContain('plan:zc-changyang-campus');
  });

  it('finds the 五角场 station for "wujiaochang" and "五角场"', () => {
    const station = index.find((e) => e.kind === 'station' && e.name_zh === '五角场');
    expect(station).toBeDefined();
    for (const q of ['wujiaochang', '五角场', 'Wujiaochang'])
      expect(
        top(q).map((e) => e.id),
        q,
      ).toContain(station!.id);
  });

  it('finds 中环路 for "zhonghuan"', () => {
    const found = top('zhonghuan', 3);
    expect(found[0]?.name_zh).toBe('中环路');
    expect(found[0]?.bbox).toBeDefined();
  });

  it('finds nothing for an empty query', () => {
    expect(searchPlaces(index, '')).toEqual([]);
  });
});
