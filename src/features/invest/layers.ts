import type { ExpressionSpecification, FilterSpecification } from '@maplibre/maplibre-gl-style-spec';
import { t, type Lang } from '../../lib/i18n/index.ts';
import './labels.ts';
import { FONT } from '../../lib/layers/helpers.ts';
import type { LayerDef, StyleLayer } from '../../lib/layers/types.ts';
import type { Theme } from '../../lib/layers/theme.ts';

/** The words that mark the sample wherever it appears. */
export const SAMPLE_MARK = { zh: '示例数据', en: 'Sample listings — not real offers' } as const;

// Clusters count their sample points (clusterProperties `samples`, set on the source in style.ts): a cluster of
// sample points only is drawn as sample; one with any imported listing as imported.
const isCluster: FilterSpecification = ['has', 'point_count'];
const allSample: ExpressionSpecification = ['==', ['get', 'samples'], ['get', 'point_count']];
const clusterOf = (sample: boolean): FilterSpecification => ['all', isCluster, sample ? allSample : ['!', allSample]] as FilterSpecification;
const pointOf = (sample: boolean): FilterSpecification => ['all', ['!', isCluster], ['==', ['get', 'sample'], sample]] as FilterSpecification;

const selected: ExpressionSpecification = ['boolean', ['feature-state', 'selected'], false];
const hover: ExpressionSpecification = ['boolean', ['feature-state', 'hover'], false];

function listingLayers(sample: boolean, lang: Lang, theme: Theme): StyleLayer[] {
  const id = sample ? 'listings-sample' : 'listings';
  const c = theme.listings;
  const fill = sample ? c.sample : c.imported;
  const line = sample ? c.sampleLine : c.importedLine;
  const text = sample ? c.sampleText : c.importedText;
  // A sample cluster says so under its count.
  const count: ExpressionSpecification = sample
    ? ['format', ['to-string', ['get', 'point_count_abbreviated']], {}, '\n', {}, t(lang, 'investSampleShort'), { 'font-scale': 0.7 }]
    : ['to-string', ['get', 'point_count_abbreviated']];
  const own: ExpressionSpecification = ['get', lang === 'en' ? 'name_en' : 'name'];
  // The team's sample names mostly say so already ("…（示例）", "… (sample)"): the mark is added only where one does not.
  const suffix = t(lang, 'investSampleSuffix');
  const name: ExpressionSpecification = sample ? ['case', ['in', suffix.trim(), own], own, ['concat', own, suffix]] : own;
  return [
    // Listings are drawn over every overlay of the plan (the 'labels' slot, before any label): they are what
    // the investors' view is about. Labels and counts follow in the plan's label slot.
    {
      slot: 'labels',
      layer: {
        id: `${id}-cluster`,
        type: 'circle',
        source: 'listings',
        filter: clusterOf(sample),
        paint: {
          'circle-color': fill,
          'circle-stroke-color': line,
          'circle-stroke-width': 2,
          'circle-radius': ['step', ['get', 'point_count'], sample ? 17 : 13, 5, sample ? 19 : 16, 20, 22],
        },
      },
    },
    {
      slot: 'labels',
      layer: {
        id: `${id}-point`,
        type: 'circle',
        source: 'listings',
        filter: pointOf(sample),
        paint: {
          'circle-color': fill,
          'circle-stroke-color': ['case', selected, theme.selectedLine, hover, theme.selectedLine, line],
          'circle-stroke-width': ['case', selected, 4, hover, 3, 2],
          'circle-radius': ['interpolate', ['linear'], ['zoom'], 12, 6, 16, 9],
        },
      },
    },
    {
      slot: 'plan-labels',
      layer: {
        id: `${id}-cluster-count`,
        type: 'symbol',
        source: 'listings',
        filter: clusterOf(sample),
        layout: {
          'text-field': count,
          'text-font': FONT,
          'text-size': 12,
          'text-allow-overlap': true,
          'text-ignore-placement': true,
        },
        paint: { 'text-color': text },
      },
    },
    {
      slot: 'plan-labels',
      layer: {
        id: `${id}-label`,
        type: 'symbol',
        source: 'listings',
        minzoom: 14.5,
        filter: pointOf(sample),
        layout: {
          'text-field': name,
          'text-font': FONT,
          'text-size': 12,
          'text-anchor': 'top',
          'text-offset': [0, 0.9],
          'text-max-width': 10,
          'text-optional': true,
        },
        paint: { 'text-color': sample ? c.sampleText : c.imported, 'text-halo-color': theme.halo, 'text-halo-width': 1.5 },
      },
    },
  ];
}

/** Layer rows of the investors' listings (source `listings`) and of their drawn search area (`listings-area`). */
export const LISTING_REGISTRY: LayerDef[] = [
  {
    id: 'listings',
    group: 'invest',
    label: { zh: '可用空间（导入）', en: 'Available space (imported)' },
    note: { zh: '运营方文件中的房源；位置按导入时所选坐标系换算', en: "Offers from operators' files, placed from the coordinate system chosen on import" },
    defaultVisible: false,
    source: 'listings',
    sourceLayers: [],
    legend: (t) => ({ kind: 'circle', fill: t.listings.imported, line: t.listings.importedLine }),
    style: (theme, lang) => listingLayers(false, lang, theme),
  },
  {
    id: 'listings_sample',
    group: 'invest',
    label: { zh: `${SAMPLE_MARK.zh}：示例房源，非真实报价`, en: 'Sample listings — not real offers' },
    note: { zh: '团队编写的示例，用于演示，不是真实报价', en: 'Written by the team to show how the view works; not real offers' },
    defaultVisible: false,
    source: 'listings',
    sourceLayers: [],
    legend: (t) => ({ kind: 'circle', fill: t.listings.sample, line: t.listings.sampleLine }),
    style: (theme, lang) => listingLayers(true, lang, theme),
  },
  {
    id: 'listings_area',
    group: 'invest',
    label: { zh: '绘制的搜索范围', en: 'Drawn search area' },
    defaultVisible: true,
    source: 'listings-area',
    sourceLayers: [],
    legend: (t) => ({ kind: 'fill', fill: t.listings.areaLegendFill, line: t.listings.area, dashed: true }),
    style: (t) => [
      {
        slot: 'overlay',
        layer: {
          id: 'listings-area-fill',
          type: 'fill',
          source: 'listings-area',
          filter: ['==', ['get', 'role'], 'area'],
          paint: { 'fill-color': t.listings.area, 'fill-opacity': 0.08 },
        },
      },
      {
        slot: 'overlay',
        layer: {
          id: 'listings-area-line',
          type: 'line',
          source: 'listings-area',
          filter: ['in', ['get', 'role'], ['literal', ['area', 'area-line']]],
          paint: { 'line-color': t.listings.area, 'line-width': 2, 'line-dasharray': [3, 2] },
        },
      },
      {
        slot: 'overlay',
        layer: {
          id: 'listings-area-vertex',
          type: 'circle',
          source: 'listings-area',
          filter: ['==', ['get', 'role'], 'area-vertex'],
          paint: { 'circle-color': t.listings.vertexFill, 'circle-stroke-color': t.listings.area, 'circle-stroke-width': 2, 'circle-radius': 4 },
        },
      },
    ],
  },
];

/**
 * The numeric feature id of a listing on the map (feature-state needs numbers in a clustered source): a 31-bit
 * FNV-1a hash of its string id, the same in every session.
 */
export function listingFeatureId(id: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) {
    h ^= id.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 1;
}
