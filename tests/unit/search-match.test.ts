import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assembleBasemap } from '../../scripts/lib/basemap.ts';
import { buildPlanDataset } from '../../scripts/lib/plan/build.ts';
import { loadGazetteer } from '../../scripts/lib/plan/gazetteer.ts';
import { applyOsmCampuses } from '../../scripts/lib/plan/osm-campuses.ts';
import { buildSearchIndex, romanise, SEARCH_ID, searchAddress } from '../../scripts/lib/search-index.ts';
import { INDUSTRY_LABELS } from '../../src/lib/data/vocab.ts';
import '../../src/lib/i18n/panels.ts';
import { INDUSTRY_ALIASES, zhTerms } from '../../src/lib/search/industries.ts';
import { prefixDistance, RANK, searchHits, searchPlaces, viaText, type SearchHit } from '../../src/lib/search/match.ts';
import type { SearchEntry } from '../../src/lib/search/types.ts';
import { describeWithData, GAZETTEER, OSM_DIR } from '../support/shared.ts';

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

// ——— addresses and industries ———

describe('searchHits by address', () => {
  // Road names as the index has them: 邯郸路 with its OpenStreetMap English name, 国定路 without one.
  const roads = new Map([['邯郸路', 'Handan Road']]);
  const entries = [
    entry('plan:inc', '杨浦创业中心', 'Yangpu Business Incubation Center', { addresses: [searchAddress('国定路335号', roads)] }),
    entry('plan:sufe', '上海财经大学国定路校区', 'SUFE, Guoding Road Campus', { addresses: [searchAddress('国定路777号', roads)] }),
    entry('plan:handan', '复旦大学邯郸校区', 'Fudan University, Handan Campus', { addresses: [searchAddress('邯郸路220号', roads)] }),
    entry('plan:lane', '国家技术转移东部中心', 'National Technology Transfer Center, East', {
      addresses: [searchAddress('国权北路1688弄湾谷科技园A8栋10楼', roads)],
    }),
    entry('place:road-handanlu', '邯郸路', 'Handan Road', { kind: 'road' }),
  ];
  const found = (q: string, lang: 'zh' | 'en' = 'zh') =>
    searchHits(entries, q, { lang }).map((h) => [h.entry.id, h.via && 'address' in h.via ? h.via.address[0] : null]);

  it('finds a place by its Chinese address, with or without the city and district, whole or begun', () => {
    for (const q of ['国定路335号', '上海市杨浦区国定路335号', '杨浦区国定路335号', '上海国定路335号', '国定路335', '国定路 335', '国定路３３５号'])
      expect(found(q), q).toEqual([['plan:inc', '国定路335号']]);
    // The road alone: every place on it, the shorter name first.
    expect(found('国定路')).toEqual([
      ['plan:inc', '国定路335号'],
      ['plan:sufe', '国定路777号'],
    ]);
    expect(found('335号')).toEqual([['plan:inc', '国定路335号']]);
  });

  it('finds it by pinyin and by English in either order, abbreviated or not', () => {
    for (const q of [
      'guodinglu 335',
      'guodinglu335hao',
      'GuoDingLu 335',
      '335 Guoding Road',
      'Guoding Rd 335',
      'guoding road 335',
      'No. 335 Guoding Rd.',
      '335 guoding',
    ])
      expect(found(q, 'en'), q).toEqual([['plan:inc', '国定路335号']]);
    // A lane (弄) is read lòng in Shanghai, and in English it is the lane of the road.
    expect(found('guoquanbeilu 1688 long', 'en')).toEqual([['plan:lane', '国权北路1688弄湾谷科技园A8栋10楼']]);
    expect(found('Lane 1688, Guoquan North Road', 'en')).toEqual([['plan:lane', '国权北路1688弄湾谷科技园A8栋10楼']]);
  });

  it('puts a place matched by its name before one matched by its address at the same rank', () => {
    expect(found('邯郸路')).toEqual([
      ['place:road-handanlu', null],
      ['plan:handan', '邯郸路220号'],
    ]);
    // "Handan" is a prefix of the road's name and of the campus's address's pinyin; a word of the campus's name.
    expect(found('handan', 'en')).toEqual([
      ['place:road-handanlu', null],
      ['plan:handan', '邯郸路220号'],
    ]);
  });

  it('finds no address for what every address has, or for one or two letters', () => {
    for (const q of ['road', 'rd', 'North Road', '路', '号', 'gu', 'l'])
      expect(
        found(q, 'en').filter(([, via]) => via),
        q,
      ).toEqual([]);
  });

  it('says why, in the interface language only', () => {
    const [hit] = searchHits(entries, '国定路335号');
    expect(viaText(hit!.via!, 'zh')).toBe('地址：国定路335号');
    expect(viaText(hit!.via!, 'en')).toBe('Address: 335 Guoding Road');
    const [lane] = searchHits(entries, 'guoquanbeilu');
    expect(viaText(lane!.via!, 'en')).toBe('Address: Lane 1688, Guoquan North Road');
    expect(viaText(lane!.via!, 'en')).not.toMatch(/[\u3400-\u9fff]/);
  });

  it('ignores malformed addresses in the data', () => {
    const odd = [entry('plan:odd', '甲', 'A', { addresses: [['国定路1号'], 42, null, ['国定路2号', 'x', 3]] as never })];
    expect(searchHits(odd, '国定路')).toEqual([]);
    expect(searchHits([entry('plan:odd', '甲', 'A', { addresses: '国定路1号' as never })], '国定路')).toEqual([]);
  });
});

describe('searchHits by industry', () => {
  const entries = [
    entry('plan:belt', '杨数浦创新秀带', 'Yang-Shu-Pu belt', { industries: ['digital_economy', 'ai'] }),
    entry('plan:park', '自主智能科技园', 'Autonomous Intelligence Park', { industries: ['ai', 'smart_city'] }),
    entry('plan:grid', '电力科技园', 'Power Park', { industries: ['smart_energy'] }),
    entry('plan:named', '人工智能', 'Artificial Intelligence', { kind: 'plan' }),
    entry('place:station-aiguolu', '爱国路', 'Aiguo Road'),
    entry('plan:odd', '乙', 'B', { industries: ['not_an_industry', 7] as never }),
  ];
  const options = { industries: INDUSTRY_LABELS };
  const found = (q: string, lang: 'zh' | 'en' = 'zh') =>
    searchHits(entries, q, { ...options, lang }).map((h: SearchHit) => [h.entry.id, h.via && 'industry' in h.via ? h.via.industry : null]);

  it('lists the places of an industry named in Chinese, English, pinyin or a short form, after exact names', () => {
    // Among the industry's places, the shorter name first (both are seven characters: then the input order).
    const ai = [
      ['plan:named', null],
      ['plan:belt', 'ai'],
      ['plan:park', 'ai'],
    ];
    expect(found('人工智能')).toEqual(ai);
    expect(found('artificial intelligence', 'en')).toEqual(ai);
    expect(found('rengongzhineng')).toEqual(ai);
    // "AI" names the industry whole: its places come before the station whose name only begins with it.
    expect(found('AI', 'en')).toEqual([
      ['plan:belt', 'ai'],
      ['plan:park', 'ai'],
      ['place:station-aiguolu', null],
    ]);
  });

  it('lists them for part of an industry’s name after the names that match', () => {
    // 智能 is in the park's name (a substring), and in 人工智能 and 智能电网.
    expect(found('智能')).toEqual([
      ['plan:named', null],
      ['plan:park', null],
      ['plan:grid', 'smart_energy'],
      ['plan:belt', 'ai'],
    ]);
    // A prefix of a name's pinyin beats part of an industry's.
    expect(found('rengong')).toEqual([
      ['plan:named', null],
      ['plan:belt', 'ai'],
      ['plan:park', 'ai'],
    ]);
    expect(found('smart grid', 'en')).toEqual([['plan:grid', 'smart_energy']]);
    expect(found('intel', 'en').map(([id]) => id)).toEqual(['plan:named', 'plan:park', 'plan:belt']);
  });

  it('finds no industry for one character or two letters it does not name whole', () => {
    expect(found('智')).toEqual([
      ['plan:named', null],
      ['plan:park', null],
    ]);
    expect(found('in', 'en').filter(([, via]) => via)).toEqual([]);
  });

  it('searches industries only when given their labels', () => {
    expect(searchPlaces(entries, '人工智能').map((e) => e.id)).toEqual(['plan:named']);
  });

  it('says why, in the interface language only', () => {
    const hit = searchHits(entries, 'AI', options)[0]!;
    expect(viaText(hit.via!, 'zh')).toBe('产业：人工智能');
    expect(viaText(hit.via!, 'en')).toBe('Industry: Artificial intelligence');
  });

  it('has aliases for exactly the plan’s industries, with the pinyin of each Chinese term', () => {
    expect(Object.keys(INDUSTRY_ALIASES).sort()).toEqual(Object.keys(INDUSTRY_LABELS).sort());
    for (const [key, label] of Object.entries(INDUSTRY_LABELS))
      expect(INDUSTRY_ALIASES[key]!.pinyin, key).toEqual(zhTerms(label.zh).map((term) => romanise(term).pinyin));
    expect(zhTerms('新能源（含新能源汽车）')).toEqual(['新能源', '新能源汽车']);
  });

  it('keeps the ranks in the documented order', () => {
    expect(Object.values(RANK)).toEqual([...Object.values(RANK)].sort((a, b) => a - b));
    expect(RANK.exact < RANK.industry && RANK.industry < RANK.prefix && RANK.substring < RANK.industryPart).toBe(true);
  });
});

// ——— the index built from the real data ———

const osmDir = OSM_DIR;

describeWithData(osmDir, GAZETTEER)('search over the real index', () => {
  let index: SearchEntry[] = [];
  let located: ReturnType<typeof buildPlanDataset>['located'];
  beforeAll(async () => {
    const assembled = await assembleBasemap({ osmDir });
    located = buildPlanDataset({ dataDir: 'data/plan' }).located;
    const campuses = assembled.layers.find((l) => l.id === 'campuses')?.features;
    if (campuses) located = applyOsmCampuses(located, campuses as never).collection;
    index = buildSearchIndex({ plan: located, layers: assembled.layers, gazetteer: loadGazetteer(GAZETTEER) });
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

  it('finds every plan place with an address first by that address, in Chinese, pinyin and English', () => {
    const withAddress = located.features.filter((f) => f.properties.address_zh);
    expect(withAddress.length).toBeGreaterThan(10);
    for (const f of withAddress) {
      const full = f.properties.address_zh!;
      const entry = index.find((e) => e.id === `plan:${f.properties.id}`)!;
      const [zh, en, py] = entry.addresses![0]!;
      expect(full.endsWith(zh), full).toBe(true);
      expect(en, full).not.toMatch(/[\u3400-\u9fff]/);
      for (const [q, lang] of [
        [full, 'zh'],
        [zh, 'zh'],
        [py, 'en'],
        [en, 'en'],
      ] as const) {
        const hits = searchHits(index, q, { lang, limit: 20 });
        const hit = hits.find((h) => h.entry.id === entry.id);
        expect(hit, `${q} → ${f.properties.id}`).toBeDefined();
        // Places sharing an address (a park and the base inside it) come out together, ahead of the rest.
        expect(hits.indexOf(hit!), `${q}: ${hits.map((h) => h.entry.id).join(', ')}`).toBeLessThan(3);
      }
    }
  });

  it('finds 杨浦创业中心 at 国定路335号 in every form the address is typed in', () => {
    for (const q of ['上海市杨浦区国定路335号', '国定路335号', '国定路335', 'guodinglu 335', '335 Guoding Road', 'Guoding Rd 335']) {
      const [hit] = searchHits(index, q, { lang: 'en' });
      expect(hit?.entry.id, q).toBe('plan:inc-yangpu-business-incubation-center');
      expect(hit?.via && viaText(hit.via, 'zh'), q).toBe('地址：国定路335号');
      expect(hit?.via && viaText(hit.via, 'en'), q).toBe('Address: 335 Guoding Road');
    }
  });

  it('takes a road’s English name from the index where it has the road', () => {
    const roads = new Map(index.filter((e) => e.kind === 'road' || e.kind === 'elevated_road').map((e) => [e.name_zh, e.name_en]));
    const onKnownRoad = index.flatMap((e) => e.addresses ?? []).filter(([zh]) => roads.has(/^(.+?路)\d/.exec(zh)?.[1] ?? ''));
    expect(onKnownRoad.length).toBeGreaterThan(3);
    for (const [zh, en] of onKnownRoad) expect(en, zh).toContain(roads.get(/^(.+?路)\d/.exec(zh)![1]!)!);
  });

  it('lists every place of each industry for its Chinese, English and pinyin names', () => {
    for (const [key, label] of Object.entries(INDUSTRY_LABELS)) {
      const members = located.features.filter((f) => (f.properties.industries as string[]).includes(key)).map((f) => `plan:${f.properties.id}`);
      for (const q of [zhTerms(label.zh)[0]!, label.en, INDUSTRY_ALIASES[key]!.pinyin[0]!]) {
        const hits = searchHits(index, q, { lang: 'en', limit: 100, industries: INDUSTRY_LABELS });
        const listed = hits.filter((h) => h.via && 'industry' in h.via && h.via.industry === key).map((h) => h.entry.id);
        const byName = hits.filter((h) => !h.via).map((h) => h.entry.id);
        expect(
          members.filter((id) => !listed.includes(id) && !byName.includes(id)),
          `${key} for ${q}`,
        ).toEqual([]);
      }
    }
  });
});
