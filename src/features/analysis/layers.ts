import type { ExpressionSpecification, FilterSpecification } from '@maplibre/maplibre-gl-style-spec';
import { t as message, type Lang } from '../../lib/i18n/index.ts';
import { FONT } from '../../lib/layers/helpers.ts';
import type { Theme } from '../../lib/layers/theme.ts';
import type { LayerDef } from '../../lib/layers/types.ts';

const role = (...roles: string[]): FilterSpecification => ['in', ['get', 'role'], ['literal', roles]];

// Clusters cycle through the theme's hues by number, so neighbouring clusters rarely share one.
const clusterColour = ({ analysis: { clusters } }: Theme): ExpressionSpecification =>
  [
    'match',
    ['%', ['coalesce', ['get', 'cluster'], 0], clusters.length],
    ...clusters.flatMap((c, i) => [i, c]),
    clusters[0],
  ] as unknown as ExpressionSpecification;

/** "Site 2" / "添加点 2" from the catalogue's template, with the number from the feature. */
function siteLabel(lang: Lang): ExpressionSpecification {
  const [before = '', after = ''] = message(lang, 'analysis.site', { n: '\u0000' }).split('\u0000');
  return ['concat', before, ['to-string', ['get', 'n']], after];
}

// "1.2 km": lengths are read in tenths of a kilometre, the precision the parks' locations allow.
const kmLabel: ExpressionSpecification = ['concat', ['to-string', ['/', ['round', ['/', ['get', 'lengthM'], 100]], 10]], ' km'];

/** Layer rows of the dispersion analysis's overlays (source `analysis`); empty until the dashboard has run. */
export const ANALYSIS_REGISTRY: LayerDef[] = [
  {
    id: 'analysis_coverage_stations',
    group: 'analysis',
    label: { zh: '地铁站服务范围', en: 'Within reach of metro stations' },
    note: { zh: '距地铁站在设定距离内的范围（直线距离）', en: 'Within the set straight-line distance of a metro station' },
    defaultVisible: false,
    source: 'analysis',
    sourceLayers: [],
    legend: (t) => ({ kind: 'fill', fill: t.analysis.stationsFill, line: t.analysis.stations }),
    style: (t) => [
      {
        slot: 'overlay',
        layer: {
          id: 'analysis-coverage-stations-fill',
          type: 'fill',
          source: 'analysis',
          filter: role('coverage-station'),
          paint: { 'fill-color': t.analysis.stations, 'fill-opacity': 0.12 },
        },
      },
      {
        slot: 'overlay',
        layer: {
          id: 'analysis-coverage-stations-line',
          type: 'line',
          source: 'analysis',
          filter: role('coverage-station'),
          paint: { 'line-color': t.analysis.stations, 'line-width': 1.2 },
        },
      },
    ],
  },
  {
    id: 'analysis_coverage_campuses',
    group: 'analysis',
    label: { zh: '高校校区服务范围', en: 'Within reach of campuses' },
    note: { zh: '距高校校区在设定距离内的范围（直线距离）', en: 'Within the set straight-line distance of a campus' },
    defaultVisible: false,
    source: 'analysis',
    sourceLayers: [],
    legend: (t) => ({ kind: 'fill', fill: t.analysis.campusesFill, line: t.analysis.campuses, dashed: true }),
    style: (t) => [
      {
        slot: 'overlay',
        layer: {
          id: 'analysis-coverage-campuses-fill',
          type: 'fill',
          source: 'analysis',
          filter: role('coverage-campus'),
          paint: { 'fill-color': t.analysis.campuses, 'fill-opacity': 0.1 },
        },
      },
      {
        slot: 'overlay',
        layer: {
          id: 'analysis-coverage-campuses-line',
          type: 'line',
          source: 'analysis',
          filter: role('coverage-campus'),
          paint: { 'line-color': t.analysis.campuses, 'line-width': 1.2, 'line-dasharray': [3, 2] },
        },
      },
    ],
  },
  {
    id: 'analysis_clusters',
    group: 'analysis',
    label: { zh: '聚类（DBSCAN）', en: 'Clusters (DBSCAN)' },
    note: { zh: '在设定距离内彼此相连的园区，外包范围', en: 'Parks linked within the set distance, with their hull' },
    defaultVisible: true,
    source: 'analysis',
    sourceLayers: [],
    legend: (t) => ({ kind: 'fill', fill: t.analysis.clustersFill, line: t.analysis.clusters[0]! }),
    style: (t) => [
      {
        slot: 'overlay',
        layer: {
          id: 'analysis-clusters-fill',
          type: 'fill',
          source: 'analysis',
          filter: role('cluster'),
          paint: { 'fill-color': clusterColour(t), 'fill-opacity': 0.18 },
        },
      },
      {
        slot: 'overlay',
        layer: {
          id: 'analysis-clusters-line',
          type: 'line',
          source: 'analysis',
          filter: role('cluster'),
          paint: { 'line-color': clusterColour(t), 'line-width': 2 },
        },
      },
    ],
  },
  {
    id: 'analysis_tree',
    group: 'analysis',
    label: { zh: '最小生成树', en: 'Minimum spanning tree' },
    note: { zh: '连接所有园区的最短路网（直线）', en: 'The shortest straight links joining every park' },
    defaultVisible: true,
    source: 'analysis',
    sourceLayers: [],
    legend: (t) => ({ kind: 'line', color: t.analysis.tree, width: 2 }),
    style: (t) => [
      {
        slot: 'overlay',
        layer: {
          id: 'analysis-tree-line',
          type: 'line',
          source: 'analysis',
          filter: role('mst'),
          layout: { 'line-cap': 'round' },
          paint: { 'line-color': t.analysis.tree, 'line-width': 2 },
        },
      },
      {
        slot: 'zone-labels',
        layer: {
          id: 'analysis-tree-length',
          type: 'symbol',
          source: 'analysis',
          filter: role('mst'),
          minzoom: 12,
          layout: { 'symbol-placement': 'line-center', 'text-field': kmLabel, 'text-font': FONT, 'text-size': 11 },
          paint: { 'text-color': t.analysis.tree, 'text-halo-color': t.halo, 'text-halo-width': 1.5 },
        },
      },
    ],
  },
  {
    id: 'analysis_area',
    group: 'analysis',
    label: { zh: '自绘选区', en: 'Drawn selection' },
    defaultVisible: true,
    source: 'analysis',
    sourceLayers: [],
    legend: (t) => ({ kind: 'fill', fill: t.analysis.areaFill, line: t.analysis.area, dashed: true }),
    style: (t) => [
      {
        slot: 'overlay',
        layer: {
          id: 'analysis-area-fill',
          type: 'fill',
          source: 'analysis',
          filter: role('area'),
          paint: { 'fill-color': t.analysis.area, 'fill-opacity': 0.06 },
        },
      },
      {
        slot: 'overlay',
        layer: {
          id: 'analysis-area-line',
          type: 'line',
          source: 'analysis',
          filter: role('area', 'area-line'),
          paint: { 'line-color': t.analysis.area, 'line-width': 2, 'line-dasharray': [2, 1] },
        },
      },
      {
        slot: 'overlay',
        layer: {
          id: 'analysis-area-vertex',
          type: 'circle',
          source: 'analysis',
          filter: role('area-vertex'),
          paint: { 'circle-color': t.analysis.vertexFill, 'circle-stroke-color': t.analysis.area, 'circle-stroke-width': 2.5, 'circle-radius': 7 },
        },
      },
      {
        slot: 'zone-labels',
        layer: {
          id: 'analysis-area-vertex-number',
          type: 'symbol',
          source: 'analysis',
          filter: role('area-vertex'),
          layout: { 'text-field': ['to-string', ['get', 'n']], 'text-font': FONT, 'text-size': 10, 'text-allow-overlap': true, 'text-ignore-placement': true },
          paint: { 'text-color': t.analysis.area, 'text-halo-color': t.halo, 'text-halo-width': 0 },
        },
      },
    ],
  },
  {
    id: 'analysis_hubs',
    group: 'analysis',
    label: { zh: '建议的集中点（整合方案）', en: 'Proposed hubs (consolidation)' },
    note: {
      zh: '按所选方法建议的集中点（实心），以及每个园区到其集中点的直线连线；空心圆为自己添加的候选点。只在要求整合方案时出现。',
      en: 'Hub sites the chosen method proposes (filled), and a straight line from each park to its hub; hollow rings are the sites you added. Shown only when hubs are asked for.',
    },
    defaultVisible: true,
    source: 'analysis',
    sourceLayers: [],
    legend: (t) => ({ kind: 'circle', fill: t.analysis.hub, line: t.analysis.vertexFill }),
    style: (t, lang) => [
      {
        slot: 'overlay',
        layer: {
          id: 'analysis-hub-spoke',
          type: 'line',
          source: 'analysis',
          filter: role('hub-spoke'),
          paint: { 'line-color': t.analysis.hub, 'line-width': 1.5, 'line-dasharray': [3, 2] },
        },
      },
      // The sites the planner added are candidates, not hubs: hollow rings, under the chosen hubs' filled discs.
      {
        slot: 'overlay',
        layer: {
          id: 'analysis-hub-site',
          type: 'circle',
          source: 'analysis',
          filter: role('hub-site'),
          paint: {
            'circle-color': t.analysis.vertexFill,
            'circle-opacity': 0.6,
            'circle-stroke-color': t.analysis.hub,
            'circle-stroke-width': 3,
            'circle-radius': 8,
          },
        },
      },
      {
        slot: 'overlay',
        layer: {
          id: 'analysis-hub',
          type: 'circle',
          source: 'analysis',
          filter: role('hub'),
          paint: { 'circle-color': t.analysis.hub, 'circle-stroke-color': t.analysis.vertexFill, 'circle-stroke-width': 2.5, 'circle-radius': 10 },
        },
      },
      {
        slot: 'zone-labels',
        layer: {
          id: 'analysis-hub-number',
          type: 'symbol',
          source: 'analysis',
          filter: role('hub'),
          layout: { 'text-field': ['to-string', ['get', 'n']], 'text-font': FONT, 'text-size': 11, 'text-allow-overlap': true, 'text-ignore-placement': true },
          paint: { 'text-color': t.analysis.vertexFill },
        },
      },
      {
        slot: 'zone-labels',
        layer: {
          id: 'analysis-hub-site-name',
          type: 'symbol',
          source: 'analysis',
          filter: role('hub-site'),
          layout: {
            'text-field': siteLabel(lang),
            'text-font': FONT,
            'text-size': 11,
            'text-anchor': 'top',
            'text-offset': [0, 1],
            'text-allow-overlap': true,
            'text-ignore-placement': true,
          },
          paint: { 'text-color': t.analysis.hub, 'text-halo-color': t.halo, 'text-halo-width': 1.5 },
        },
      },
    ],
  },
];
