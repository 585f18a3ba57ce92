import type { ExpressionSpecification, FilterSpecification, SymbolLayerSpecification } from '@maplibre/maplibre-gl-style-spec';
import type { Lang } from '../i18n/index.ts';
import { bilingualLabel, FONT } from './helpers.ts';
import type { LayerDef, StyleLayer } from './types.ts';
import type { Theme } from './theme.ts';

const isClass = (...classes: string[]): FilterSpecification => ['in', ['get', 'class'], ['literal', classes]];
const geom = (type: 'Point' | 'LineString' | 'Polygon'): FilterSpecification => ['==', ['geometry-type'], type];
const both = (a: FilterSpecification, b: FilterSpecification): FilterSpecification => ['all', a, b] as FilterSpecification;

// A zone, or a component by the zone it belongs to: 未来谷 violet, 杨数浦 teal.
const inFutureValley: ExpressionSpecification = [
  'any',
  ['==', ['get', 'id'], 'zone-future-valley'],
  ['in', 'zone-future-valley', ['coalesce', ['get', 'zones'], ['literal', []]]],
];
const zoneColour = (theme: Theme): ExpressionSpecification => ['case', inFutureValley, theme.plan.futureValley, theme.plan.belt];

/**
 * Several places share one gazetteer point (a university's campus, its science park, its incubator). Each class
 * is nudged a few pixels its own way so that every dot stays visible and clickable; the shift is far below the
 * points' stated precision (hundreds of metres).
 */
const NUDGE: Record<string, [number, number]> = {
  'science-parks': [-6, -4],
  incubators: [6, -4],
  platforms: [0, 6],
  'landing-sites': [6, 5],
  'campus-points': [-6, 5],
};

function pointLayers(id: string, classes: string[], colour: string, lang: Lang, theme: Theme, radius = 6, minLabelZoom = 12.5): StyleLayer[] {
  const nudge = NUDGE[id] ?? [0, 0];
  return [
    {
      slot: 'overlay',
      layer: {
        id: `${id}-circle`,
        type: 'circle',
        source: 'plan',
        filter: both(isClass(...classes), geom('Point')),
        paint: {
          'circle-color': colour,
          // Indicative points (pinned to a campus, placed from an address) are hollow: honest at a glance.
          'circle-opacity': ['case', ['get', 'indicative'], 0.25, 0.95],
          // Selection and hover (feature-state) thicken a dark ring: visible without relying on colour.
          'circle-stroke-color': ['case', ['boolean', ['feature-state', 'selected'], false], theme.selectedLine, colour],
          'circle-stroke-width': ['case', ['boolean', ['feature-state', 'selected'], false], 4, ['boolean', ['feature-state', 'hover'], false], 3.5, 2],
          'circle-radius': ['interpolate', ['linear'], ['zoom'], 10, radius * 0.7, 15, radius * 1.4],
          'circle-translate': nudge,
        },
      },
    },
    {
      slot: 'plan-labels',
      layer: {
        id: `${id}-label`,
        type: 'symbol',
        source: 'plan',
        minzoom: minLabelZoom,
        filter: both(isClass(...classes), geom('Point')),
        layout: {
          'text-field': bilingualLabel(lang),
          'text-font': FONT,
          'text-size': 12,
          'text-anchor': 'left',
          'text-offset': [0.9 + nudge[0] / 12, nudge[1] / 12],
          'text-max-width': 10,
          'text-optional': true,
        },
        paint: { 'text-color': colour, 'text-halo-color': theme.halo, 'text-halo-width': 1.5 },
      },
    },
  ];
}

/**
 * Fill, outline and label of a class's polygons. Indicative outlines are dashed over a faint tint. Every plan layer
 * of a kind has the same paint shape (which properties come from the data), so the whole plan draws with the shader
 * programs of the basemap plus one for its lines and one for its points: each program is compiled before the first
 * view can show, and a pattern fill would cost two more.
 */
function areaLayers(
  id: string,
  which: FilterSpecification,
  colour: string | ExpressionSpecification,
  lang: Lang,
  theme: Theme,
  fill: { colour: string | ExpressionSpecification; opacity: number | ExpressionSpecification },
  width: number,
): StyleLayer[] {
  return [
    {
      slot: 'overlay',
      layer: {
        id: `${id}-fill`,
        type: 'fill',
        source: 'plan',
        filter: both(which, geom('Polygon')),
        // The outline layer draws the edge: no antialiased fill outline (a pass, and a program, of its own).
        paint: { 'fill-color': fill.colour, 'fill-opacity': fill.opacity, 'fill-antialias': false },
      },
    },
    {
      slot: 'overlay',
      layer: {
        id: `${id}-line`,
        type: 'line',
        source: 'plan',
        filter: both(which, geom('Polygon')),
        layout: { 'line-join': 'round' },
        // Dashes mark outlines drawn from descriptions; an outline from a survey (OSM) is solid.
        paint: {
          'line-color': ['case', ['boolean', ['feature-state', 'selected'], false], theme.selectedLine, colour],
          'line-width': [
            'case',
            ['boolean', ['feature-state', 'selected'], false],
            width + 2,
            ['boolean', ['feature-state', 'hover'], false],
            width + 1.5,
            width,
          ],
          'line-dasharray': ['case', ['get', 'indicative'], ['literal', [3, 2]], ['literal', [1, 0]]],
        },
      },
    },
    {
      slot: 'plan-labels',
      layer: {
        id: `${id}-label`,
        type: 'symbol',
        source: 'plan',
        filter: both(which, geom('Polygon')),
        layout: {
          'text-field': bilingualLabel(lang),
          'text-font': FONT,
          'text-size': 12,
          'text-max-width': 9,
        },
        paint: { 'text-color': colour, 'text-halo-color': theme.halo, 'text-halo-width': 2 },
      },
    },
  ];
}

/** Registry rows for the plan's places (source `plan`: public/data/plan.geojson). */
export const PLAN_REGISTRY: LayerDef[] = [
  ...(
    [
      [
        'zone_future_valley',
        'zone-future-valley',
        { zh: '未来谷（示意范围）', en: 'Future Valley (indicative)' },
        { zh: '未来谷', en: 'Future Valley' },
        'futureValley',
      ],
      [
        'zone_yangshupu_belt',
        'zone-yangshupu-belt',
        { zh: '杨数浦创新秀带（示意范围）', en: 'Yang-Shu-Pu innovation belt (indicative)' },
        { zh: '杨数浦创新秀带', en: 'Yang-Shu-Pu innovation belt' },
        'belt',
      ],
    ] as const
  ).map(([row, featureId, label, short, hue]): LayerDef => ({
    id: row,
    group: 'zones',
    label,
    defaultVisible: true,
    source: 'plan',
    planClasses: ['zone'],
    sourceLayers: [],
    legend: (t) => ({ kind: 'fill', fill: t.plan[`${hue}Fill`], line: t.plan[hue], dashed: true }),
    style: (t, lang) => {
      const colour = t.plan[hue];
      const id = row.replace(/_/g, '-');
      const which: FilterSpecification = ['==', ['get', 'id'], featureId];
      // A zone is named along its outline, and above every other label: it is what the map is about.
      // The tint fades as the map zooms in, so it marks the zone without hiding the streets.
      const tint = { colour: t.plan[`${hue}Fill`], opacity: ['interpolate', ['linear'], ['zoom'], 12, 0.35, 15, 0.12] as ExpressionSpecification };
      const area = areaLayers(id, which, colour, lang, t, tint, 2.5).filter((s) => s.layer.type !== 'symbol');
      return [
        ...area,
        {
          slot: 'zone-labels',
          layer: {
            id: `${id}-label`,
            type: 'symbol',
            source: 'plan',
            filter: both(which, geom('Polygon')),
            layout: {
              'symbol-placement': 'line',
              'symbol-spacing': 320,
              // The short name people use: the official one is too long to follow a jagged outline.
              'text-field': short[lang],
              'text-max-angle': 60,
              'text-font': FONT,
              'text-size': 13,
              'text-offset': [0, -0.8],
            },
            paint: { 'text-color': colour, 'text-halo-color': t.halo, 'text-halo-width': 2 },
          },
        },
      ];
    },
  })),
  {
    id: 'zone_components',
    group: 'zones',
    label: { zh: '功能区组成板块', en: 'Zone components' },
    defaultVisible: true,
    source: 'plan',
    planClasses: ['zone_component'],
    sourceLayers: [],
    legend: (t) => ({ kind: 'fill', fill: t.plan.componentFill, line: t.plan.component, dashed: true }),
    style: (t, lang) => {
      const [fill, line, label] = areaLayers(
        'zone-components',
        isClass('zone_component'),
        zoneColour(t),
        lang,
        t,
        { colour: zoneColour(t), opacity: 0.08 },
        1.2,
      );
      // One label layer per zone, each in its zone's colour: a text colour read from the data would need a program
      // of its own.
      const text = label!.layer as SymbolLayerSpecification;
      const labelFor = (suffix: string, inZone: FilterSpecification, colour: string): StyleLayer => ({
        slot: label!.slot,
        layer: { ...text, id: `zone-components-${suffix}label`, filter: both(text.filter!, inZone), paint: { ...text.paint, 'text-color': colour } },
      });
      return [
        fill!,
        line!,
        labelFor('', inFutureValley as FilterSpecification, t.plan.futureValley),
        labelFor('belt-', ['!', inFutureValley] as FilterSpecification, t.plan.belt),
        ...pointLayers('zone-component-points', ['zone_component'], t.plan.component, lang, t),
      ];
    },
  },
  {
    id: 'science_parks',
    group: 'parks',
    label: { zh: '国家大学科技园与特色园区', en: 'University science parks and specialty parks' },
    defaultVisible: true,
    source: 'plan',
    planClasses: ['university_science_park', 'specialty_park'],
    sourceLayers: [],
    legend: (t) => ({ kind: 'circle', fill: t.plan.sciencePark, line: t.plan.sciencePark }),
    style: (t, lang) => pointLayers('science-parks', ['university_science_park', 'specialty_park'], t.plan.sciencePark, lang, t, 7, 11.5),
  },
  {
    id: 'incubators',
    group: 'parks',
    label: { zh: '孵化器', en: 'Incubators' },
    defaultVisible: true,
    source: 'plan',
    planClasses: ['incubator'],
    sourceLayers: [],
    legend: (t) => ({ kind: 'circle', fill: t.plan.incubator, line: t.plan.incubator }),
    style: (t, lang) => pointLayers('incubators', ['incubator'], t.plan.incubator, lang, t),
  },
  {
    id: 'campuses_plan',
    group: 'parks',
    label: { zh: '高校校区', en: 'University campuses' },
    defaultVisible: true,
    source: 'plan',
    planClasses: ['campus'],
    sourceLayers: [],
    legend: (t) => ({ kind: 'fill', fill: t.plan.campusFill, line: t.plan.campus, dashed: true }),
    style: (t, lang) => [
      ...areaLayers('campuses-plan', isClass('campus'), t.plan.campus, lang, t, { colour: t.plan.campus, opacity: 0.12 }, 1.2),
      ...pointLayers('campus-points', ['campus'], t.plan.campus, lang, t),
    ],
  },
  {
    id: 'platforms',
    group: 'platforms',
    label: { zh: '创新平台', en: 'Innovation platforms' },
    defaultVisible: true,
    source: 'plan',
    planClasses: ['platform'],
    sourceLayers: [],
    legend: (t) => ({ kind: 'circle', fill: t.plan.platform, line: t.plan.platform }),
    style: (t, lang) => pointLayers('platforms', ['platform'], t.plan.platform, lang, t),
  },
  {
    id: 'drone_routes',
    group: 'low_altitude',
    label: { zh: '无人机配送航线（示意直线）', en: 'Drone delivery routes (indicative straight lines)' },
    defaultVisible: true,
    source: 'plan',
    planClasses: ['drone_route'],
    sourceLayers: [],
    legend: (t) => ({ kind: 'line', color: t.plan.drone, width: 2.5, dashed: true }),
    style: (t, lang) => [
      {
        slot: 'overlay',
        layer: {
          id: 'drone-routes-line',
          type: 'line',
          source: 'plan',
          filter: both(isClass('drone_route'), geom('LineString')),
          layout: { 'line-cap': 'round' },
          paint: {
            // The same paint shape as the zones' outlines (one program for every plan line): widths by state, not by
            // zoom, and the dash read from the data (every route is indicative, so dashed).
            'line-color': ['case', ['boolean', ['feature-state', 'selected'], false], t.plan.droneSelected, t.plan.drone],
            'line-width': ['case', ['boolean', ['feature-state', 'selected'], false], 5, ['boolean', ['feature-state', 'hover'], false], 4, 2.5],
            'line-dasharray': ['case', ['get', 'indicative'], ['literal', [2, 1.5]], ['literal', [1, 0]]],
          },
        },
      },
      {
        slot: 'plan-labels',
        layer: {
          id: 'drone-routes-label',
          type: 'symbol',
          source: 'plan',
          minzoom: 13,
          filter: both(isClass('drone_route'), geom('LineString')),
          layout: { 'symbol-placement': 'line', 'text-field': ['get', `name_${lang}`], 'text-font': FONT, 'text-size': 11 },
          paint: { 'text-color': t.plan.droneLabel, 'text-halo-color': t.halo, 'text-halo-width': 1.5 },
        },
      },
    ],
  },
  {
    id: 'landing_sites',
    group: 'low_altitude',
    label: { zh: '无人机起降点', en: 'Drone take-off and landing sites' },
    defaultVisible: true,
    source: 'plan',
    planClasses: ['landing_site'],
    sourceLayers: [],
    legend: (t) => ({ kind: 'circle', fill: t.plan.landingFill, line: t.plan.drone }),
    style: (t, lang) => pointLayers('landing-sites', ['landing_site'], t.plan.drone, lang, t, 5),
  },
  {
    id: 'landmarks',
    group: 'context',
    label: { zh: '地标', en: 'Landmarks' },
    defaultVisible: true,
    source: 'plan',
    planClasses: ['landmark'],
    sourceLayers: [],
    legend: (t) => ({ kind: 'circle', fill: t.plan.landmark, line: t.plan.landmark }),
    style: (t, lang) => pointLayers('landmarks', ['landmark'], t.plan.landmark, lang, t, 4, 13),
  },
];
