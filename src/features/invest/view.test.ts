import { describe, expect, it } from 'vitest';
import type { PlanOutputCollection } from '../../lib/data/plan-schema.ts';
import { listingFeatureId } from './layers.ts';
import type { Listing } from './types.ts';
import { factsContext, listingsBbox, listingsOverlay, zoneShapes } from './view-map.ts';
import { areaText, distanceText, industryRuns, inventoryName, rentText, wordsLang } from './view-format.ts';
import { industryGroup, industryKey, industryMatches, industryRun } from './industries.ts';
import type { SearchEntry } from '../../lib/search/types.ts';

const listing = (id: string, sample: boolean, lon = 121.5, lat = 31.3): Listing => ({
  id,
  inventoryId: id.split(':')[0]!,
  name: `<b>${id}</b>`,
  areaM2: 100,
  spaceType: 'office',
  industries: [],
  source: 'x',
  lon,
  lat,
  sample,
});

describe('listingsOverlay', () => {
  const ls = [listing('sample:1', true), listing('inv-a:2', false, 121.51, 31.31), listing('inv-a:3', false)];

  it('keeps the rows the map shows, with numeric ids and only what the style and the click need', () => {
    const both = listingsOverlay(ls, { imported: true, sample: true });
    expect(both.features).toHaveLength(3);
    expect(both.features[1]).toEqual({
      type: 'Feature',
      id: listingFeatureId('inv-a:2'),
      properties: { lid: 'inv-a:2', name: '<b>inv-a:2</b>', name_en: '<b>inv-a:2</b>', sample: false },
      geometry: { type: 'Point', coordinates: [121.51, 31.31] },
    });
    expect(listingsOverlay(ls, { imported: false, sample: true }).features.map((f) => f.properties?.lid)).toEqual(['sample:1']);
    expect(listingsOverlay(ls, { imported: true, sample: false }).features.map((f) => f.properties?.lid)).toEqual(['inv-a:2', 'inv-a:3']);
    expect(listingsOverlay(ls, { imported: false, sample: false }).features).toEqual([]);
  });

  it('gives each listing the same 31-bit id every time, different ids to different listings', () => {
    const ids = ['sample:1', 'sample:2', 'inv-a:2', 'inv-a:3', 'inv-b:2'].map(listingFeatureId);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(Number.isInteger(id) && id >= 0 && id < 2 ** 31).toBe(true);
    expect(listingFeatureId('sample:1')).toBe(ids[0]);
  });

  it('frames listings by their extent', () => {
    expect(listingsBbox(ls)).toEqual([121.5, 31.3, 121.51, 31.31]);
    expect(listingsBbox([])).toBeNull();
  });
});

describe('factsContext', () => {
  const square = {
    type: 'Polygon' as const,
    coordinates: [
      [
        [121.49, 31.29],
        [121.51, 31.29],
        [121.51, 31.31],
        [121.49, 31.31],
        [121.49, 31.29],
      ],
    ],
  };
  const feature = (id: string, cls: string, geometry: object) => ({
    type: 'Feature',
    id: 1,
    properties: { id, class: cls, name_zh: `${id}中`, name_en: `${id} en` },
    geometry,
  });
  const plan = {
    type: 'FeatureCollection',
    features: [
      feature('zone-future-valley', 'zone', square),
      feature('zone-component-x', 'zone_component', square),
      feature('sp-a', 'university_science_park', { type: 'Point', coordinates: [121.5, 31.3] }),
      feature('inc-b', 'incubator', { type: 'Point', coordinates: [121.5, 31.3] }),
    ],
  } as unknown as PlanOutputCollection;
  const places = [
    { id: 'place:s', kind: 'station', lon: 121.5, lat: 31.3 },
    { id: 'place:r', kind: 'road', lon: 121.5, lat: 31.3 },
  ] as SearchEntry[];

  it('takes the two zones, the national university science parks and the stations', () => {
    const c = factsContext(plan, places);
    expect(c.zones.map((z) => z.id)).toEqual(['zone-future-valley']);
    expect(c.zones[0]).toMatchObject({ name_zh: 'zone-future-valley中', name_en: 'zone-future-valley en' });
    expect(c.parks.map((p) => p.id)).toEqual(['sp-a']);
    expect(c.stations.map((s) => s.id)).toEqual(['place:s']);
    expect(Object.keys(zoneShapes(c))).toEqual(['zone-future-valley']);
  });

  it('is empty before the plan has loaded', () => {
    const c = factsContext(null, []);
    expect([c.zones, c.parks, c.stations]).toEqual([[], [], []]);
  });
});

describe('listing figures as text', () => {
  it('says area and rent in the reader’s language, one figure when the range is one value', () => {
    expect(areaText('en', 1200)).toBe('1,200 m²');
    expect(areaText('zh', 1200.5)).toBe('1,200.5 平方米');
    expect(rentText('en', { rentMin: 2.5, rentMax: 3 })).toBe('2.5–3 yuan/m²/day');
    expect(rentText('zh', { rentMin: 4 })).toBe('4 元/平方米/天');
    expect(rentText('en', {})).toBeNull();
  });

  it('says distances in a straight line, and a place on the spot as under 25 m rather than 0 m', () => {
    expect(distanceText('en', 0)).toBe('under 25 m straight-line');
    expect(distanceText('zh', 24.9)).toBe('直线距离不到 25 米');
    expect(distanceText('en', 25)).toBe('25 m straight-line');
    expect(distanceText('en', 1234)).toBe('1.2 km straight-line');
  });
});

describe('a listing’s own words', () => {
  it('names the plan’s industries in the reader’s language, whichever language the file used', () => {
    expect(industryKey('人工智能')).toBe('ai');
    expect(industryKey('Artificial Intelligence')).toBe('ai');
    expect(industryKey('智慧城市')).toBe('smart_city');
    expect(industryKey('在线新经济')).toBe('online_economy');
    expect(industryKey('新能源')).toBe('new_energy');
    expect(industryRun('en', '人工智能')).toEqual({ text: 'Artificial intelligence' });
    expect(industryRun('zh', 'Digital economy')).toEqual({ text: '数字经济' });
    // The bracket of the plan's label is left out of a chip.
    expect(industryRun('en', '在线新经济')).toEqual({ text: 'Online economy' });
    expect(industryRun('zh', '新能源')).toEqual({ text: '新能源' });
  });

  it('names the common industries the plan does not, in the reader’s language, without making them the plan’s', () => {
    expect(industryKey('科技服务')).toBeNull();
    expect(industryKey('生物医药')).toBeNull();
    expect(industryRun('en', '科技服务')).toEqual({ text: 'Technology services' });
    expect(industryRun('en', '生物医药')).toEqual({ text: 'Biomedicine' });
    expect(industryRun('zh', 'Biomedicine')).toEqual({ text: '生物医药' });
    expect(industryRun('zh', '科技服务')).toEqual({ text: '科技服务' });
    expect(industryRuns('en', ['人工智能', '科技服务'])).toEqual([{ text: 'Artificial intelligence' }, { text: ', ' }, { text: 'Technology services' }]);
    // One choice in the filter, whichever language the file wrote, and found by either.
    expect(industryGroup('生物医药')).toBe(industryGroup('biomedicine'));
    expect(industryGroup('生物医药')).not.toBe(industryGroup('生物科技'));
    expect(industryMatches('生物医药', 'Biomedicine')).toBe(true);
  });

  it('shows an industry it does not know as written, marked with its language when it is the other one', () => {
    expect(industryRun('en', '量子计算')).toEqual({ text: '量子计算', lang: 'zh-Hans' });
    expect(industryRun('zh', 'quantum computing')).toEqual({ text: 'quantum computing', lang: 'en' });
  });

  it('marks names by their script, and names the team’s sample in the reader’s words', () => {
    expect(wordsLang('en', '复旦大学国家大学科技园（示例）')).toBe('zh-Hans');
    expect(wordsLang('zh', '复旦大学国家大学科技园（示例）')).toBeUndefined();
    expect(wordsLang('zh', 'Riverside Lab Park')).toBe('en');
    expect(wordsLang('en', undefined)).toBeUndefined();
    expect(inventoryName('en', { name: '示例数据 / Sample listings', sample: true })).toBe('The team’s sample listings');
    expect(inventoryName('zh', { name: 'operator-gcj02', sample: false })).toBe('operator-gcj02');
  });
});
