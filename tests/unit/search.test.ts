import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import centroid from '@turf/centroid';
import type { Feature, FeatureCollection, Geometry, Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { buildSearchIndex, planAddresses, romanise, SEARCH_ID, searchAddress, withEnglishAddresses, writeSearchIndex } from '../../scripts/lib/search-index.ts';
import type { PlanOutputCollection, PlanOutputFeature, PlanProperties } from '../../src/lib/data/plan-schema.ts';
import type { SearchEntry } from '../../src/lib/search/types.ts';

// ——— a small hand-made input ———

const feature = (geometry: Geometry, properties: Record<string, unknown>): Feature => ({ type: 'Feature', properties, geometry });
const fc = (...features: Feature[]): FeatureCollection => ({ type: 'FeatureCollection', features });

// A U-shaped park: its centroid lies in the notch, outside the polygon.
const U: Polygon = {
  type: 'Polygon',
  coordinates: [
    [
      [121.5, 31.3],
      [121.53, 31.3],
      [121.53, 31.33],
      [121.52, 31.33],
      [121.52, 31.31],
      [121.51, 31.31],
      [121.51, 31.33],
      [121.5, 31.33],
      [121.5, 31.3],
    ],
  ],
};

function planFeature(id: string, name_zh: string, name_en: string, cls: PlanProperties['class'], geometry: Geometry): PlanOutputFeature {
  return {
    type: 'Feature',
    id: 1,
    properties: { id, name_zh, name_en, class: cls } as PlanProperties,
    geometry: geometry as PlanOutputFeature['geometry'],
  };
}

const plan: PlanOutputCollection = {
  type: 'FeatureCollection',
  features: [
    planFeature('zc-u-park', 'U形园区', 'U Park', 'zone_component', U),
    planFeature('sp-fudan', '复旦大学国家大学科技园', 'Fudan University National University Science Park', 'university_science_park', {
      type: 'Point',
      coordinates: [121.5070001234, 31.2930004321],
    }),
    planFeature('dr-route', '无人机航线', 'Drone route', 'drone_route', {
      type: 'LineString',
      coordinates: [
        [121.5, 31.3],
        [121.51, 31.31],
        [121.52, 31.32],
      ],
    }),
  ],
};

const layers = () => [
  {
    id: 'metro_stations',
    features: fc(
      feature({ type: 'Point', coordinates: [121.51007, 31.29974] }, { name_zh: '五角场', name_en: 'Wujiaochang' }),
      feature({ type: 'Point', coordinates: [121.50559, 31.29125] }, { name_zh: '国权路', name_en: 'Guoquan Road' }),
      // The same name far away: a second station, a second id.
      feature({ type: 'Point', coordinates: [121.6, 31.2] }, { name_zh: '国权路', name_en: 'Guoquan Road' }),
    ),
  },
  {
    id: 'elevated_roads',
    features: fc(
      feature(
        {
          type: 'LineString',
          coordinates: [
            [121.45, 31.3],
            [121.46, 31.3],
          ],
        },
        { name_zh: '中环路', name_en: 'Zhonghuan Road' },
      ),
      feature(
        {
          type: 'MultiLineString',
          coordinates: [
            [
              [121.5, 31.28],
              [121.51, 31.285],
              [121.52, 31.29],
              [121.53, 31.295],
              [121.54, 31.3],
            ],
            [
              [121.47, 31.31],
              [121.471, 31.311],
            ],
          ],
        },
        { name_zh: '中环路', name_en: 'Zhonghuan Road' },
      ),
      // "其他城市高架" placeholders come through with an empty name: not searchable.
      feature(
        {
          type: 'LineString',
          coordinates: [
            [121.4, 31.2],
            [121.41, 31.21],
          ],
        },
        { name_zh: '', name_en: '' },
      ),
    ),
  },
  {
    id: 'roads',
    features: fc(
      feature(
        {
          type: 'LineString',
          coordinates: [
            [121.55, 31.27],
            [121.56, 31.26],
          ],
        },
        { name_zh: '中环路', name_en: 'Zhonghuan Road' },
      ),
      feature(
        {
          type: 'LineString',
          coordinates: [
            [121.5, 31.29],
            [121.505, 31.295],
          ],
        },
        { name_zh: '国权路', name_en: 'Guoquan Road' },
      ),
      feature(
        {
          type: 'LineString',
          coordinates: [
            [121.505, 31.295],
            [121.51, 31.3],
          ],
        },
        { name_zh: '国权路', name_en: 'Guoquan Road' },
      ),
    ),
  },
  {
    id: 'districts',
    features: fc(
      feature(
        {
          type: 'Polygon',
          coordinates: [
            [
              [121.4, 31.2],
              [121.6, 31.2],
              [121.6, 31.4],
              [121.4, 31.4],
              [121.4, 31.2],
            ],
          ],
        },
        {
          name_zh: '闵行区',
          name_en: 'Minhang',
        },
      ),
    ),
  },
  { id: 'subdistricts', features: fc(feature(U, { name_zh: '五角场街道', name_en: 'Wujiaochang Subdistrict' })) },
  { id: 'campuses', features: fc(feature(U, { name_zh: '同济大学', name_en: 'Tongji University' })) },
  // Layers the index does not read.
  { id: 'buildings', features: fc(feature(U, { name_zh: '第二教学楼', name_en: '' })) },
];

const reversed = () => layers().map((l) => ({ ...l, features: fc(...[...l.features.features].reverse()) }));

describe('buildSearchIndex', () => {
  const index = buildSearchIndex({ plan, layers: layers() });
  const byId = new Map(index.map((e) => [e.id, e]));

  it('gives every entry a unique id of the documented form', () => {
    expect(index.length).toBe(3 + 3 + 2 + 1 + 1 + 1);
    expect(new Set(index.map((e) => e.id)).size).toBe(index.length);
    for (const e of index) expect(e.id).toMatch(SEARCH_ID);
  });

  it('keeps ids stable for the same data, whatever the order of the features', () => {
    expect(buildSearchIndex({ plan, layers: layers() })).toEqual(index);
    const again = buildSearchIndex({ plan, layers: reversed() });
    const key = (e: SearchEntry) => `${e.id}|${e.name_zh}|${e.lon},${e.lat}`;
    expect(again.map(key).sort()).toEqual(index.map(key).sort());
  });

  it('names places by kind and toneless pinyin, suffixing repeated names', () => {
    expect([...byId.keys()].filter((id) => id.startsWith('place:')).sort()).toEqual([
      'place:campus-tongjidaxue',
      'place:district-minhangqu',
      'place:elevated_road-zhonghuanlu',
      'place:road-guoquanlu',
      'place:station-guoquanlu',
      'place:station-guoquanlu-2',
      'place:station-wujiaochang',
      'place:subdistrict-wujiaochangjiedao',
    ]);
    // The western 国权路 sorts first by its coordinates, so it keeps the plain id on every build.
    expect(byId.get('place:station-guoquanlu')).toMatchObject({ lon: 121.50559, lat: 31.29125 });
  });

  it('lists the stations with pinyin and initials, and no extent', () => {
    const s = byId.get('place:station-wujiaochang')!;
    expect(s).toMatchObject({ kind: 'station', name_zh: '五角场', name_en: 'Wujiaochang', pinyin: 'wujiaochang', initials: 'wjc', source: 'OpenStreetMap' });
    expect(s.bbox).toBeUndefined();
    expect([s.lon, s.lat]).toEqual([121.51007, 31.29974]);
  });

  it('merges road pieces by name across the elevated and street layers, with one extent over all', () => {
    const roads = index.filter((e) => e.kind === 'road' || e.kind === 'elevated_road');
    expect(roads.map((e) => e.name_zh).sort()).toEqual(['中环路', '国权路']);
    const ring = byId.get('place:elevated_road-zhonghuanlu')!;
    expect(ring.kind).toBe('elevated_road');
    expect(ring.bbox).toEqual([121.45, 31.26, 121.56, 31.311]);
    // A vertex near the middle of the longest piece (the five-vertex part of the MultiLineString).
    expect([ring.lon, ring.lat]).toEqual([121.52, 31.29]);
    const street = byId.get('place:road-guoquanlu')!;
    expect(street.bbox).toEqual([121.5, 31.29, 121.51, 31.3]);
  });

  it('gives plan polygons an extent and a point inside them, lines an extent and a vertex, points their point', () => {
    const park = byId.get('plan:zc-u-park')!;
    expect(park).toMatchObject({ kind: 'plan', class: 'zone_component', source: 'plan dataset', name_en: 'U Park' });
    expect(park.bbox).toEqual([121.5, 31.3, 121.53, 31.33]);
    // The centroid falls in the notch; the entry's point must not.
    expect(booleanPointInPolygon(centroid(U), U)).toBe(false);
    expect(booleanPointInPolygon([park.lon, park.lat], U, { ignoreBoundary: true })).toBe(true);

    const route = byId.get('plan:dr-route')!;
    expect(route.bbox).toEqual([121.5, 31.3, 121.52, 31.32]);
    expect([route.lon, route.lat]).toEqual([121.51, 31.31]);

    const sp = byId.get('plan:sp-fudan')!;
    expect(sp.bbox).toBeUndefined();
    expect([sp.lon, sp.lat]).toEqual([121.507, 31.293]);
    expect(sp).toMatchObject({ pinyin: 'fudandaxueguojiadaxuekejiyuan', initials: 'fddxgjdxkjy' });
  });

  it('rounds every coordinate to 6 decimals', () => {
    for (const e of index) for (const v of [e.lon, e.lat, ...(e.bbox ?? [])]) expect(Math.round(v * 1e6) / 1e6).toBe(v);
  });

  it('gives districts, subdistricts and campuses their extent and a point inside', () => {
    for (const id of ['place:subdistrict-wujiaochangjiedao', 'place:campus-tongjidaxue']) {
      const e = byId.get(id)!;
      expect(e.bbox, id).toEqual([121.5, 31.3, 121.53, 31.33]);
      expect(booleanPointInPolygon([e.lon, e.lat], U, { ignoreBoundary: true }), id).toBe(true);
    }
    expect(byId.get('place:district-minhangqu')).toMatchObject({ kind: 'district', source: 'echarts 4.9.0', bbox: [121.4, 31.2, 121.6, 31.4] });
  });

  it('works with layers or the plan absent', () => {
    expect(buildSearchIndex({})).toEqual([]);
    expect(buildSearchIndex({ plan }).map((e) => e.kind)).toEqual(['plan', 'plan', 'plan']);
    expect(buildSearchIndex({ layers: layers() }).every((e) => e.id.startsWith('place:'))).toBe(true);
  });

  it('refuses a plan id that cannot be a search id', () => {
    const bad: PlanOutputCollection = { type: 'FeatureCollection', features: [planFeature('Bad Id', '坏', 'Bad', 'landmark', U)] };
    expect(() => buildSearchIndex({ plan: bad })).toThrow(/cannot be a search id/);
  });

  it('romanises names with digits, punctuation and the readings pinyin-pro gets wrong', () => {
    expect(romanise('黄兴路/中环路')).toEqual({ pinyin: 'huangxingluzhonghuanlu', initials: 'hxlzhl', slug: 'huangxinglu-zhonghuanlu' });
    expect(romanise('大连西路30弄')).toEqual({ pinyin: 'dalianxilu30nong', initials: 'dlxl30n', slug: 'dalianxilu-30-nong' });
    expect(romanise('殷行街道').pinyin).toBe('yinhangjiedao');
    expect(romanise('“长阳秀带”在线新经济生态园').initials).toBe('cyxdzxxjjsty');
  });

  it('gives plan places their industries and nothing else an empty list', () => {
    const withIndustries: PlanOutputCollection = {
      type: 'FeatureCollection',
      features: [
        { ...plan.features[1]!, properties: { ...plan.features[1]!.properties, industries: ['tech_transfer', 'ai'] } },
        { ...plan.features[2]!, properties: { ...plan.features[2]!.properties, industries: [] } },
      ],
    };
    const [park, route] = buildSearchIndex({ plan: withIndustries });
    expect(park!.industries).toEqual(['tech_transfer', 'ai']);
    expect('industries' in route!).toBe(false);
    expect(index.some((e) => 'industries' in e || 'addresses' in e)).toBe(false);
  });

  it('writes compact JSON and reports its size', () => {
    const dir = mkdtempSync(join(tmpdir(), 'search-index-'));
    try {
      const out = writeSearchIndex(dir, index);
      expect(out.path).toBe(join(dir, 'search.json'));
      const text = readFileSync(out.path, 'utf8');
      expect(out.bytes).toBe(statSync(out.path).size);
      expect(text).not.toMatch(/\n/);
      expect(JSON.parse(text)).toEqual(index);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('addresses in the index', () => {
  const gazetteer = new Map([
    ['c07', { notes: '长海路399号 / 清源环路650号' }],
    ['c01', { notes: '邯郸路220号; campus centre; OSM L18 复旦大学 station on W side' }],
    ['z06', { notes: '长阳路1687号, ex 东华纱厂' }],
    ['p10', { notes: 'between 邯郸路 and 国定路 (baikegou.com)' }],
  ]);

  it('leaves out the city and district every address shares', () => {
    expect(planAddresses('上海市杨浦区国定路335号', ['p10'], gazetteer)).toEqual(['国定路335号']);
    expect(planAddresses('杨浦区国定路335号', undefined)).toEqual(['国定路335号']);
    expect(planAddresses('国定路335号', [])).toEqual(['国定路335号']);
  });

  it('adds the gazetteer’s other addresses only from a first row that holds the place’s own', () => {
    expect(planAddresses('上海市杨浦区长海路399号', ['c07'], gazetteer)).toEqual(['长海路399号', '清源环路650号']);
    expect(planAddresses('上海市杨浦区邯郸路220号', ['c01'], gazetteer)).toEqual(['邯郸路220号']);
    // An incubator pinned to 长阳创谷 (its first row is its own, the campus's second) is not at the campus's address.
    expect(planAddresses(undefined, ['z06'], gazetteer)).toEqual([]);
    expect(planAddresses('上海市杨浦区国定路335号', ['p09', 'z06'], gazetteer)).toEqual(['国定路335号']);
    // A row whose notes name another place's address is about that place.
    expect(planAddresses('上海市杨浦区淞沪路2005号', ['c07'], gazetteer)).toEqual(['淞沪路2005号']);
  });

  it('writes an address in English from the road’s English name, else from pinyin and its ending', () => {
    const roads = new Map([
      ['邯郸路', 'Handan Road'],
      ['博学北路', 'North Boxue Road'],
    ]);
    expect(searchAddress('邯郸路220号', roads)).toEqual(['邯郸路220号', '220 Handan Road', 'handanlu220hao']);
    expect(searchAddress('博学北路9号', roads)[1]).toBe('9 North Boxue Road');
    expect(searchAddress('国定路335号', roads)[1]).toBe('335 Guoding Road');
    expect(searchAddress('国权北路8号')[1]).toBe('8 Guoquan North Road');
    expect(searchAddress('长阳大道12号')[1]).toBe('12 Changyang Avenue');
    expect(searchAddress('大学街5号')[1]).toBe('5 Daxue Street');
  });

  it('writes a lane as the road’s lane, reading 弄 lòng, and keeps what it cannot parse as pinyin', () => {
    expect(searchAddress('国权北路1688弄湾谷科技园A8栋10楼')).toEqual([
      '国权北路1688弄湾谷科技园A8栋10楼',
      'Lane 1688, Guoquan North Road',
      'guoquanbeilu1688longwangukejiyuana8dong10lou',
    ]);
    expect(searchAddress('湾谷科技园')).toEqual(['湾谷科技园', 'Wangukejiyuan', 'wangukejiyuan']);
  });

  it('gives plan places their addresses with the index’s road names', () => {
    const withAddress: PlanOutputCollection = {
      type: 'FeatureCollection',
      features: [{ ...plan.features[1]!, properties: { ...plan.features[1]!.properties, address_zh: '上海市杨浦区国权路5号' } }],
    };
    const [park] = buildSearchIndex({ plan: withAddress, layers: layers() });
    // The index's 国权路 is named by its data ("Guoquan Road"), not re-derived.
    expect(park!.addresses).toEqual([['国权路5号', '5 Guoquan Road', 'guoquanlu5hao']]);
    const renamed = layers().map((l) =>
      l.id === 'roads'
        ? { ...l, features: fc(...l.features.features.map((f) => ({ ...f, properties: { ...f.properties, name_en: 'Guoquan Rd (OSM)' } }))) }
        : l,
    );
    expect(buildSearchIndex({ plan: withAddress, layers: renamed })[0]!.addresses![0]![1]).toBe('5 Guoquan Rd (OSM)');
  });

  it('writes the plan’s addresses in English into the dataset, as search reads them, for the card', () => {
    const two: PlanOutputCollection = {
      type: 'FeatureCollection',
      features: [
        { ...plan.features[1]!, properties: { ...plan.features[1]!.properties, address_zh: '上海市杨浦区国权路5号' } },
        { ...plan.features[0]!, properties: { ...plan.features[0]!.properties, address_zh: undefined } },
      ],
    };
    const out = withEnglishAddresses(two, layers());
    expect(out.features[0]!.properties.address_en).toBe('5 Guoquan Road, Yangpu District, Shanghai');
    expect(out.features[1]!.properties).not.toHaveProperty('address_en');
    // The input is left as it was.
    expect(two.features[0]!.properties).not.toHaveProperty('address_en');
  });
});
