import type { Bilingual } from '../i18n/index.ts';
import type { LayerDef } from './types.ts';

/*
 * What the layer panel says under a row of the core's: one sentence on how far to trust what it shows. Only the panel
 * shows these, and they come with its chunk: kept apart from the rows (plan-layers.ts, basemap-layers.ts), which the
 * first view carries for the style. A feature's rows carry their own notes (`LayerDef.note`): their definitions come
 * after the first view anyway. tests/unit/layer-notes.test.ts keeps every key a row of the core's.
 */

const ZONE_NOTE: Bilingual = {
  zh: '方案未公布边界：由其组成板块推导的示意范围（浅色、虚线）。',
  en: 'The plan publishes no boundary: an outline derived from its named components (tinted, dashed).',
};

export const CORE_NOTES: Readonly<Record<string, Bilingual>> = {
  zone_future_valley: ZONE_NOTE,
  zone_yangshupu_belt: ZONE_NOTE,
  science_parks: { zh: '空心点：位置为示意（按校区或地址定位）。', en: 'Hollow dots: indicative positions (pinned to a campus or an address).' },
  platforms: { zh: '部分平台位置未公开，见下方列表。', en: 'Some platforms’ locations are not published: see the list below.' },
  drone_routes: { zh: '真实航迹未公开：起降点之间的直线。', en: 'Real tracks are unpublished: straight lines between take-off and landing.' },
  districts: {
    zh: '来源：echarts 4.9.0 上海地图（GCJ-02 转 WGS-84），精度约 ±100 米。',
    en: 'From echarts 4.9.0’s Shanghai map (GCJ-02 converted to WGS-84), about ±100 m.',
  },
  subdistricts: {
    zh: 'OpenStreetMap 仅有杨浦 12 个街道中的 5 个及虹口邻近街道。',
    en: 'OpenStreetMap has 5 of Yangpu’s 12 subdistricts here, plus Hongkou neighbours.',
  },
  water: {
    zh: '源数据中没有黄浦江水面：沿杨浦—浦东区界绘制的示意带。',
    en: 'No Huangpu water polygon in the sources: a schematic band along the Yangpu–Pudong boundary.',
  },
  osm_coverage: {
    zh: '街道、建筑、绿地仅在这些虚线框内来自 OpenStreetMap 原始数据。',
    en: 'Streets, buildings and green space come from raw OpenStreetMap exports only inside these boxes.',
  },
};

/** A row's note: its own (a feature's), or the core's for it. */
export const noteOf = (def: LayerDef): Bilingual | undefined => def.note ?? CORE_NOTES[def.id];
