import { registerMessages, type Message } from '../i18n/index.ts';

/** The About panel's words: they come with its chunk. Chinese defines the keys. */
export const aboutZh = {
  aboutTitle: '关于本图',
  aboutWho: '行动方案由杨浦区人民政府发布（杨府发〔2024〕12号）。本图依据公开资料制作，不是政府的官方发布；方案未公布的边界和位置，图上只作示意或只列出。',
  aboutTour: '开始导览',
  aboutCaveats: '数据说明',
  aboutRiver: '黄浦江为示意带：源数据中没有黄浦江水面，沿杨浦—浦东区界绘制（图例：水体）。',
  aboutCoverage: '街道、建筑和绿地只在虚线框内来自 OpenStreetMap 原始数据，框外只有地铁、高架和区界（图例：OSM 详细数据范围）。',
  aboutIndicative: '方案没有公布功能区边界：未来谷和杨数浦的轮廓由其组成板块推导，仅为示意，以浅色和虚线表示。',
  aboutPrecision: '每个地点的卡片写明来源、定位方法和精度；位置未公布的地点只在图层面板中列出，不画在图上。',
  aboutCoords: '中国网络地图的坐标（GCJ-02、BD-09）都已换算为 WGS-84 后再绘制。',
  aboutSources: '来源与许可',
  aboutPlan: '行动方案：《张江高新区杨浦园改革创新发展行动方案（2024–2026）》，杨浦区人民政府，杨府发〔2024〕12号。',
  aboutOsm: '地铁、高架、街道、建筑、水体、绿地、校园：© OpenStreetMap 贡献者，开放数据库许可（ODbL 1.0）。',
  aboutOsmLink: 'OpenStreetMap 版权与许可',
  aboutDistricts: '区界：Apache ECharts 4.9.0 地图数据（Apache-2.0），由 GCJ-02 换算为 WGS-84（约 ±100 米）。',
  aboutPlaces: '规划地点：本项目据方案和公开资料整理的数据集，每个地点注明来源与精度。',
  aboutSoftware: '软件：',
  aboutFont: '拉丁字母标注字体：',
} as const;

export const aboutEn: Record<keyof typeof aboutZh, Message> = {
  aboutTitle: 'About this map',
  aboutWho:
    'The action plan is published by the Yangpu District People’s Government (document [2024] No. 12). This map is built from public sources and is not an official publication; boundaries and locations the plan does not publish are only indicated, or only listed.',
  aboutTour: 'Take the tour',
  aboutCaveats: 'About the data',
  aboutRiver:
    'The Huangpu River is a schematic band: the sources hold no water polygon for it, so it is drawn along the Yangpu–Pudong boundary (legend: Water).',
  aboutCoverage:
    'Streets, buildings and green space come from raw OpenStreetMap exports only inside the dashed boxes; outside them the map has metro, elevated roads and boundaries only (legend: Detailed OSM coverage).',
  aboutIndicative:
    'The plan publishes no zone boundaries: the outlines of Future Valley and the Yangshupu belt are derived from their components, indicative only, and drawn pale and dashed.',
  aboutPrecision:
    'Every place’s card gives its source, how it was located and how precisely; places whose location is not published are listed in the layers panel, not drawn.',
  aboutCoords: 'Coordinates from Chinese web maps (GCJ-02, BD-09) are converted to WGS-84 before they are drawn.',
  aboutSources: 'Sources and licences',
  aboutPlan:
    'Action plan: the Zhangjiang Hi-tech Park Yangpu sub-park reform and innovation action plan (2024–2026), Yangpu District People’s Government, document [2024] No. 12.',
  aboutOsm: 'Metro, elevated roads, streets, buildings, water, green space, campuses: © OpenStreetMap contributors, Open Database License (ODbL 1.0).',
  aboutOsmLink: 'OpenStreetMap copyright and licence',
  aboutDistricts: 'District outlines: Apache ECharts 4.9.0 map data (Apache-2.0), converted from GCJ-02 to WGS-84 (about ±100 m).',
  aboutPlaces: 'Plan places: this project’s dataset, compiled from the plan and public sources, with every place’s source and precision.',
  aboutSoftware: 'Software: ',
  aboutFont: 'Latin label font: ',
};

declare module '../i18n/index.ts' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface Messages extends Record<keyof typeof aboutZh, Message> {}
}
registerMessages({ zh: aboutZh, en: aboutEn });
