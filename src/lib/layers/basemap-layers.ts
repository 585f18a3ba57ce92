import type { ExpressionSpecification } from '@maplibre/maplibre-gl-style-spec';
import { bilingualLabel, FONT, labelPaint, nameIn } from './helpers.ts';
import type { Theme } from './theme.ts';
import type { LayerDef } from './types.ts';

const metroColour = (theme: Theme): ExpressionSpecification =>
  ['match', ['get', 'route'], ...Object.entries(theme.metro).flat(), theme.metroDefault] as unknown as ExpressionSpecification;

/** Registry rows of the basemap's context layers (source `basemap`). */
export const BASEMAP_REGISTRY: LayerDef[] = [
  {
    id: 'districts',
    group: 'context',
    label: { zh: '区界（杨浦区突出显示）', en: 'Districts (Yangpu highlighted)' },
    defaultVisible: true,
    source: 'basemap',
    sourceLayers: ['districts', 'district_labels'],
    legend: (t) => ({ kind: 'fill', fill: t.focusFill, line: t.focusLine }),
    style: (t, lang) => [
      {
        slot: 'land',
        layer: {
          id: 'districts-fill',
          type: 'fill',
          source: 'basemap',
          'source-layer': 'districts',
          paint: { 'fill-color': ['case', ['get', 'focus'], t.focusFill, t.land] },
        },
      },
      {
        slot: 'outlines',
        layer: {
          id: 'districts-line',
          type: 'line',
          source: 'basemap',
          'source-layer': 'districts',
          filter: ['!', ['get', 'focus']],
          paint: { 'line-color': t.districtLine, 'line-width': ['interpolate', ['linear'], ['zoom'], 8, 0.6, 14, 1.6] },
        },
      },
      {
        slot: 'outlines',
        layer: {
          id: 'districts-focus-line',
          type: 'line',
          source: 'basemap',
          'source-layer': 'districts',
          filter: ['get', 'focus'],
          layout: { 'line-join': 'round' },
          paint: { 'line-color': t.focusLine, 'line-width': ['interpolate', ['linear'], ['zoom'], 8, 1.5, 14, 4] },
        },
      },
      {
        slot: 'labels',
        layer: {
          id: 'districts-label',
          type: 'symbol',
          source: 'basemap',
          'source-layer': 'district_labels',
          layout: {
            'text-field': bilingualLabel(lang),
            'text-font': FONT,
            'text-size': ['case', ['get', 'focus'], 18, 14],
            'text-max-width': 8,
          },
          paint: labelPaint(t),
        },
      },
    ],
  },
  {
    id: 'subdistricts',
    group: 'context',
    label: { zh: '街道（部分）', en: 'Subdistricts (partial)' },
    defaultVisible: true,
    source: 'basemap',
    sourceLayers: ['subdistricts', 'subdistrict_labels'],
    legend: (t) => ({ kind: 'line', color: t.subdistrictLine, width: 1, dashed: true }),
    style: (t, lang) => [
      {
        slot: 'outlines',
        layer: {
          id: 'subdistricts-line',
          type: 'line',
          source: 'basemap',
          'source-layer': 'subdistricts',
          minzoom: 11,
          paint: { 'line-color': t.subdistrictLine, 'line-width': 1, 'line-dasharray': [3, 2] },
        },
      },
      {
        slot: 'labels',
        layer: {
          id: 'subdistricts-label',
          type: 'symbol',
          source: 'basemap',
          'source-layer': 'subdistrict_labels',
          minzoom: 12,
          layout: { 'text-field': nameIn(lang), 'text-font': FONT, 'text-size': 12, 'text-max-width': 7 },
          paint: labelPaint(t, t.labelMuted),
        },
      },
    ],
  },
  {
    id: 'water',
    group: 'context',
    label: { zh: '水体（黄浦江为示意）', en: 'Water (Huangpu schematic)' },
    defaultVisible: true,
    source: 'basemap',
    sourceLayers: ['water', 'waterways'],
    legend: (t) => ({ kind: 'fill', fill: t.water, line: t.waterLine, dashed: true }),
    style: (t, lang) => [
      {
        slot: 'water',
        layer: {
          id: 'water-fill',
          type: 'fill',
          source: 'basemap',
          'source-layer': 'water',
          paint: { 'fill-color': t.water, 'fill-opacity': ['case', ['get', 'schematic'], 0.75, 1] },
        },
      },
      {
        slot: 'water',
        layer: {
          id: 'water-schematic-edge',
          type: 'line',
          source: 'basemap',
          'source-layer': 'water',
          filter: ['get', 'schematic'],
          paint: { 'line-color': t.waterLine, 'line-width': 1.2, 'line-dasharray': [4, 3] },
        },
      },
      {
        slot: 'water',
        layer: {
          id: 'waterways-line',
          type: 'line',
          source: 'basemap',
          'source-layer': 'waterways',
          filter: ['!', ['get', 'schematic']],
          paint: { 'line-color': t.water, 'line-width': ['interpolate', ['linear'], ['zoom'], 12, 1, 16, 4] },
        },
      },
      {
        slot: 'labels',
        layer: {
          id: 'waterways-label',
          type: 'symbol',
          source: 'basemap',
          'source-layer': 'waterways',
          layout: {
            'symbol-placement': 'line',
            'symbol-spacing': 400,
            'text-field': ['get', `label_${lang}`],
            'text-font': FONT,
            'text-size': 13,
            'text-letter-spacing': 0.1,
          },
          paint: labelPaint(t, t.waterLabel),
        },
      },
    ],
  },
  {
    id: 'green',
    group: 'context',
    label: { zh: '绿地（OSM 局部）', en: 'Green space (partial OSM)' },
    defaultVisible: true,
    source: 'basemap',
    sourceLayers: ['green'],
    legend: (t) => ({ kind: 'fill', fill: t.green, line: t.green }),
    style: (t) => [
      {
        slot: 'land',
        layer: { id: 'green-fill', type: 'fill', source: 'basemap', 'source-layer': 'green', paint: { 'fill-color': t.green } },
      },
    ],
  },
  {
    id: 'campuses',
    group: 'context',
    label: { zh: '高校校园（OSM）', en: 'University campuses (OSM)' },
    defaultVisible: true,
    source: 'basemap',
    sourceLayers: ['campuses'],
    legend: (t) => ({ kind: 'fill', fill: t.campus, line: t.campusLine }),
    style: (t, lang) => [
      {
        slot: 'land',
        layer: { id: 'campuses-fill', type: 'fill', source: 'basemap', 'source-layer': 'campuses', paint: { 'fill-color': t.campus } },
      },
      {
        slot: 'outlines',
        layer: {
          id: 'campuses-line',
          type: 'line',
          source: 'basemap',
          'source-layer': 'campuses',
          paint: { 'line-color': t.campusLine, 'line-width': 1.2 },
        },
      },
      {
        slot: 'labels',
        layer: {
          id: 'campuses-label',
          type: 'symbol',
          source: 'basemap',
          'source-layer': 'campuses',
          minzoom: 13,
          layout: { 'text-field': nameIn(lang), 'text-font': FONT, 'text-size': 12 },
          paint: labelPaint(t, t.campusLabel),
        },
      },
    ],
  },
  {
    id: 'buildings',
    group: 'context',
    label: { zh: '建筑（OSM 局部）', en: 'Buildings (partial OSM)' },
    defaultVisible: true,
    source: 'basemap',
    sourceLayers: ['buildings'],
    legend: (t) => ({ kind: 'fill', fill: t.building, line: t.buildingLine }),
    style: (t) => [
      {
        slot: 'buildings',
        layer: {
          id: 'buildings-fill',
          type: 'fill',
          source: 'basemap',
          'source-layer': 'buildings',
          minzoom: 13,
          paint: { 'fill-color': t.building, 'fill-outline-color': t.buildingLine },
        },
      },
    ],
  },
  {
    id: 'streets',
    group: 'context',
    label: { zh: '街道（OSM 局部）', en: 'Streets (partial OSM)' },
    defaultVisible: true,
    source: 'basemap',
    sourceLayers: ['roads'],
    legend: (t) => ({ kind: 'line', color: t.roadCasing, width: 3 }),
    style: (t, lang) => {
      // Zoom may only drive a top-level interpolation, so the casing gets its own, wider one.
      const width = (extra: number): ExpressionSpecification => [
        'interpolate',
        ['linear'],
        ['zoom'],
        12,
        ['match', ['get', 'class'], ['motorway', 'trunk', 'primary'], 1.5 + extra, ['secondary', 'tertiary'], 1 + extra, 0.4 + extra],
        16,
        ['match', ['get', 'class'], ['motorway', 'trunk', 'primary'], 10 + extra, ['secondary', 'tertiary'], 7 + extra, ['path'], 1.5 + extra, 4 + extra],
      ];
      return [
        {
          slot: 'roads',
          layer: {
            id: 'roads-casing',
            type: 'line',
            source: 'basemap',
            'source-layer': 'roads',
            minzoom: 12,
            layout: { 'line-join': 'round', 'line-cap': 'round' },
            paint: { 'line-color': t.roadCasing, 'line-width': width(1.5) },
          },
        },
        {
          slot: 'roads',
          layer: {
            id: 'roads-line',
            type: 'line',
            source: 'basemap',
            'source-layer': 'roads',
            minzoom: 12,
            layout: { 'line-join': 'round', 'line-cap': 'round' },
            paint: { 'line-color': t.road, 'line-width': width(0) },
          },
        },
        {
          slot: 'labels',
          layer: {
            id: 'roads-label',
            type: 'symbol',
            source: 'basemap',
            'source-layer': 'roads',
            minzoom: 14,
            filter: ['!=', ['get', `name_${lang}`], ''],
            layout: { 'symbol-placement': 'line', 'text-field': nameIn(lang), 'text-font': FONT, 'text-size': 11 },
            paint: labelPaint(t, t.labelMuted),
          },
        },
      ];
    },
  },
  {
    id: 'elevated_roads',
    group: 'context',
    label: { zh: '高架道路', en: 'Elevated roads' },
    defaultVisible: true,
    source: 'basemap',
    sourceLayers: ['elevated_roads'],
    legend: (t) => ({ kind: 'line', color: t.elevated, width: 3 }),
    style: (t, lang) => [
      {
        slot: 'roads',
        layer: {
          id: 'elevated-casing',
          type: 'line',
          source: 'basemap',
          'source-layer': 'elevated_roads',
          layout: { 'line-join': 'round' },
          paint: {
            'line-color': t.elevatedCasing,
            'line-width': ['interpolate', ['linear'], ['zoom'], 9, ['case', ['get', 'major'], 1.6, 0.8], 15, ['case', ['get', 'major'], 7, 4]],
          },
        },
      },
      {
        slot: 'roads',
        layer: {
          id: 'elevated-line',
          type: 'line',
          source: 'basemap',
          'source-layer': 'elevated_roads',
          layout: { 'line-join': 'round' },
          paint: {
            'line-color': t.elevated,
            'line-width': ['interpolate', ['linear'], ['zoom'], 9, ['case', ['get', 'major'], 0.8, 0.4], 15, ['case', ['get', 'major'], 5, 2.5]],
          },
        },
      },
      {
        slot: 'labels',
        layer: {
          id: 'elevated-label',
          type: 'symbol',
          source: 'basemap',
          'source-layer': 'elevated_roads',
          minzoom: 13,
          filter: ['!=', ['get', 'name_zh'], ''],
          layout: {
            'symbol-placement': 'line',
            'symbol-spacing': 500,
            'text-field': nameIn(lang),
            'text-font': FONT,
            'text-size': 11,
          },
          paint: labelPaint(t, t.elevatedLabel),
        },
      },
    ],
  },
  {
    id: 'metro',
    group: 'context',
    label: { zh: '地铁线路与车站', en: 'Metro lines and stations' },
    defaultVisible: true,
    source: 'basemap',
    sourceLayers: ['metro_stations', 'metro_lines'],
    legend: (t) => ({ kind: 'line', color: [t.metro['8']!, t.metro['10']!, t.metro['12']!, t.metro['18']!], width: 3 }),
    style: (t, lang) => [
      {
        slot: 'transit',
        layer: {
          id: 'metro-line',
          type: 'line',
          source: 'basemap',
          'source-layer': 'metro_lines',
          layout: { 'line-join': 'round', 'line-cap': 'round' },
          paint: { 'line-color': metroColour(t), 'line-width': ['interpolate', ['linear'], ['zoom'], 9, 1.2, 15, 4] },
        },
      },
      {
        slot: 'transit',
        layer: {
          id: 'metro-station',
          type: 'circle',
          source: 'basemap',
          'source-layer': 'metro_stations',
          paint: {
            'circle-color': t.stationFill,
            'circle-stroke-color': t.stationLine,
            'circle-stroke-width': 1.5,
            'circle-radius': ['interpolate', ['linear'], ['zoom'], 10, 2.5, 15, 6],
          },
        },
      },
      {
        slot: 'labels',
        layer: {
          id: 'metro-station-label',
          type: 'symbol',
          source: 'basemap',
          'source-layer': 'metro_stations',
          minzoom: 11.5,
          layout: {
            'text-field': bilingualLabel(lang),
            'text-font': FONT,
            'text-size': 12,
            'text-anchor': 'top',
            'text-offset': [0, 0.6],
            'text-max-width': 9,
          },
          paint: labelPaint(t),
        },
      },
    ],
  },
  {
    id: 'osm_coverage',
    group: 'context',
    label: { zh: 'OSM 详细数据范围', en: 'Detailed OSM coverage' },
    defaultVisible: true,
    source: 'basemap',
    sourceLayers: ['coverage'],
    legend: (t) => ({ kind: 'line', color: t.coverageLine, width: 1.5, dashed: true }),
    style: (t) => [
      {
        slot: 'overlay',
        layer: {
          id: 'coverage-line',
          type: 'line',
          source: 'basemap',
          'source-layer': 'coverage',
          minzoom: 11,
          paint: { 'line-color': t.coverageLine, 'line-width': 1.5, 'line-dasharray': [2, 2] },
        },
      },
    ],
  },
];
