import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import gcoord from 'gcoord';
import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { decodeEchartsMap } from './echarts.ts';

/** Shanghai's 16 districts: administrative code and English name, keyed by the echarts file's Chinese name. */
export const SHANGHAI_DISTRICTS: Record<string, { adcode: string; name_en: string }> = {
  黄浦区: { adcode: '310101', name_en: 'Huangpu' },
  徐汇区: { adcode: '310104', name_en: 'Xuhui' },
  长宁区: { adcode: '310105', name_en: 'Changning' },
  静安区: { adcode: '310106', name_en: "Jing'an" },
  普陀区: { adcode: '310107', name_en: 'Putuo' },
  虹口区: { adcode: '310109', name_en: 'Hongkou' },
  杨浦区: { adcode: '310110', name_en: 'Yangpu' },
  闵行区: { adcode: '310112', name_en: 'Minhang' },
  宝山区: { adcode: '310113', name_en: 'Baoshan' },
  嘉定区: { adcode: '310114', name_en: 'Jiading' },
  浦东新区: { adcode: '310115', name_en: 'Pudong' },
  金山区: { adcode: '310116', name_en: 'Jinshan' },
  松江区: { adcode: '310117', name_en: 'Songjiang' },
  青浦区: { adcode: '310118', name_en: 'Qingpu' },
  奉贤区: { adcode: '310120', name_en: 'Fengxian' },
  崇明区: { adcode: '310151', name_en: 'Chongming' },
};

export const YANGPU_ADCODE = '310110';

export type DistrictProps = { adcode: string; name_zh: string; name_en: string; source: string };

/** Path of echarts 4's Shanghai map inside node_modules. */
export function echartsShanghaiPath(): string {
  const require = createRequire(import.meta.url);
  return require.resolve('echarts/map/json/province/shanghai.json');
}

/**
 * Shanghai's districts in WGS-84: echarts 4.9.0's compressed GCJ-02 outlines, decoded and converted with gcoord.
 * Precision is about ±100 m (the file is quantised to 1/1024°).
 */
export function loadShanghaiDistricts(path = echartsShanghaiPath()): FeatureCollection<Polygon | MultiPolygon, DistrictProps> {
  const decoded = decodeEchartsMap(JSON.parse(readFileSync(path, 'utf8')));
  // gcoord types positions as fixed tuples; GeoJSON positions are plain arrays of the same shape.
  const wgs = gcoord.transform(decoded as never, gcoord.GCJ02, gcoord.WGS84) as unknown as FeatureCollection<Polygon | MultiPolygon>;
  return {
    type: 'FeatureCollection',
    features: wgs.features.map((f) => {
      const name = String(f.properties?.name ?? '');
      const known = SHANGHAI_DISTRICTS[name];
      if (!known) throw new Error(`echarts Shanghai map: unknown district "${name}"`);
      return {
        type: 'Feature',
        properties: {
          adcode: known.adcode,
          name_zh: name,
          name_en: known.name_en,
          source: 'echarts@4.9.0 map/json/province/shanghai.json (GCJ-02, 1/1024°) → WGS-84 (gcoord)',
        },
        geometry: f.geometry,
      };
    }),
  };
}

/** Yangpu's outline from {@link loadShanghaiDistricts}. */
export function yangpuOutline(districts = loadShanghaiDistricts()) {
  const f = districts.features.find((d) => d.properties.adcode === YANGPU_ADCODE);
  if (!f) throw new Error('Yangpu not found in the district outlines');
  return f;
}
