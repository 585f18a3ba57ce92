import type { ExpressionSpecification, FilterSpecification } from '@maplibre/maplibre-gl-style-spec';
import { t, type Lang } from '../../lib/i18n/index.ts';
import './labels.ts';
import { FONT } from '../../lib/layers/helpers.ts';
import type { LayerDef, StyleLayer } from '../../lib/layers/types.ts';
import type { Theme } from '../../lib/layers/theme.ts';

/** Colours of the listings: imported offers in a strong blue; the team's sample in amber, never like a real offer. */
export const LISTING_COLOURS = {
  imported: '#0369a1',
  importedText: '#ffffff',
  sample: '#fde68a',
  sampleLine: '#92400e',
  sampleText: '#78350f',
  area: '#1d4ed8',
} as const;

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
  const fill = sample ? LISTING_COLOURS.sample : LISTING_COLOURS.imported;
  const line = sample ? LISTING_COLOURS.sampleLine : '#ffffff';
  const text = sample ? LISTING_COLOURS.sampleText : LISTING_COLOURS.importedText;
  // A sample cluster says so under its count.
  const count: ExpressionSpecification = sample
    ? ['format', ['to-string', ['get', 'point_count_abbreviated']], {}, '\n', {}, t(lang, 'investSampleShort'), { 'font-scale': 0.7 }]
    : ['to-string', ['get', 'point_count_abbreviated']];
  const name: ExpressionSpecification = sample ? ['concat', ['get', 'name'], t(lang, 'investSampleSuffix')] : ['get', 'name'];
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
          'circle-stroke-color': ['case', selected, '#111827', hover, '#111827', line],
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
        paint: { 'text-color': sample ? LISTING_COLOURS.sampleText : LISTING_COLOURS.imported, 'text-halo-color': theme.halo, 'text-halo-width': 1.5 },
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
    legend: () => ({ kind: 'circle', fill: LISTING_COLOURS.imported, line: '#ffffff' }),
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
    legend: () => ({ kind: 'circle', fill: LISTING_COLOURS.sample, line: LISTING_COLOURS.sampleLine }),
    style: (theme, lang) => listingLayers(true, lang, theme),
  },
  {
    id: 'listings_area',
    group: 'invest',
    label: { zh: '绘制的搜索范围', en: 'Drawn search area' },
    defaultVisible: true,
    source: 'listings-area',
    sourceLayers: [],
    legend: () => ({ kind: 'fill', fill: 'rgba(29, 78, 216, 0.12)', line: LISTING_COLOURS.area, dashed: true }),
    style: () => [
      {
        slot: 'overlay',
        layer: {
          id: 'listings-area-fill',
          type: 'fill',
          source: 'listings-area',
          filter: ['==', ['get', 'role'], 'area'],
          paint: { 'fill-color': LISTING_COLOURS.area, 'fill-opacity': 0.08 },
        },
      },
      {
        slot: 'overlay',
        layer: {
          id: 'listings-area-line',
          type: 'line',
          source: 'listings-area',
          filter: ['in', ['get', 'role'], ['literal', ['area', 'area-line']]],
          paint: { 'line-color': LISTING_COLOURS.area, 'line-width': 2, 'line-dasharray': [3, 2] },
        },
      },
      {
        slot: 'overlay',
        layer: {
          id: 'listings-area-vertex',
          type: 'circle',
          source: 'listings-area',
          filter: ['==', ['get', 'role'], 'area-vertex'],
          paint: { 'circle-color': '#ffffff', 'circle-stroke-color': LISTING_COLOURS.area, 'circle-stroke-width': 2, 'circle-radius': 4 },
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
