import { FONT } from '../../lib/layers/helpers.ts';
import type { LayerDef } from '../../lib/layers/types.ts';

/**
 * Layer rows of the low-altitude analysis (source `air`, see overlay.ts): the corridors, extruded to their altitude
 * band, the conflicts found along them, and the planner's sketch. The composition root places them after the plan's
 * drone routes, so that they draw over the routes and list beside them. The conflicts and the sketch are the drones
 * tab's working view and draw only while it is open (overlay.ts); their rows say so.
 */
export const AIR_REGISTRY: LayerDef[] = [
  {
    id: 'corridors',
    group: 'low_altitude',
    label: { zh: '无人机走廊（倾斜地图可见高度）', en: 'Drone corridors (tilt the map to see their height)' },
    note: {
      zh: '航线按设定宽度缓冲，拉伸到高度带（假设 60–120 米）；宽度和速度在“低空”面板设置。',
      en: 'Routes buffered to the set width and extruded to their altitude band (assumed 60–120 m); set width and speed in the Low altitude panel.',
    },
    defaultVisible: false,
    source: 'air',
    sourceLayers: [],
    legend: (t) => ({ kind: 'fill', fill: t.air.corridorFill, line: t.air.corridor, dashed: true }),
    style: (t) => [
      {
        slot: 'overlay',
        layer: {
          id: 'corridors-3d',
          type: 'fill-extrusion',
          source: 'air',
          filter: ['==', ['get', 'role'], 'corridor'],
          // Seen from above the extrusion is a flat band; pitched, it stands at its altitude band.
          paint: {
            'fill-extrusion-color': ['case', ['==', ['get', 'kind'], 'sketch'], t.air.sketchCorridor, t.air.corridor],
            'fill-extrusion-base': ['get', 'base'],
            'fill-extrusion-height': ['get', 'top'],
            'fill-extrusion-opacity': 0.35,
          },
        },
      },
      {
        slot: 'overlay',
        layer: {
          id: 'corridors-edge',
          type: 'line',
          source: 'air',
          filter: ['==', ['get', 'role'], 'corridor'],
          paint: {
            'line-color': ['case', ['==', ['get', 'kind'], 'sketch'], t.air.sketch, t.air.corridorEdge],
            'line-width': 1.2,
            'line-dasharray': [3, 2],
          },
        },
      },
    ],
  },
  {
    id: 'air_conflicts',
    group: 'low_altitude',
    label: { zh: '航线冲突点', en: 'Route conflicts' },
    note: {
      zh: '走廊穿越高架、其他走廊或敏感区域（校园、公园）的位置，带编号“!”；在“低空”面板打开时显示。',
      en: 'Where a corridor meets an elevated road, another corridor or a sensitive area (campus, park), marked “!”; shown while the Drones tab is open.',
    },
    defaultVisible: true,
    source: 'air',
    sourceLayers: [],
    legend: (t) => ({ kind: 'circle', fill: t.air.conflict, line: t.air.conflictLine }),
    style: (t) => [
      {
        slot: 'overlay',
        layer: {
          id: 'conflicts-circle',
          type: 'circle',
          source: 'air',
          filter: ['==', ['get', 'role'], 'conflict'],
          paint: { 'circle-color': t.air.conflict, 'circle-stroke-color': t.air.conflictLine, 'circle-stroke-width': 2, 'circle-radius': 9 },
        },
      },
      {
        slot: 'zone-labels',
        layer: {
          id: 'conflicts-mark',
          type: 'symbol',
          source: 'air',
          filter: ['==', ['get', 'role'], 'conflict'],
          layout: { 'text-field': '!', 'text-font': FONT, 'text-size': 13, 'text-allow-overlap': true, 'text-ignore-placement': true },
          paint: { 'text-color': t.air.conflictMark, 'text-halo-color': t.halo, 'text-halo-width': 0 },
        },
      },
    ],
  },
  {
    id: 'sketch',
    group: 'low_altitude',
    label: { zh: '航线草图', en: 'Route sketch' },
    note: { zh: '在“低空”面板打开时显示。', en: 'Shown while the Drones tab is open.' },
    defaultVisible: true,
    source: 'air',
    sourceLayers: [],
    legend: (t) => ({ kind: 'line', color: t.air.sketch, width: 3, dashed: true }),
    style: (t) => [
      {
        slot: 'overlay',
        layer: {
          id: 'sketch-line',
          type: 'line',
          source: 'air',
          filter: ['==', ['get', 'role'], 'sketch-line'],
          layout: { 'line-cap': 'round', 'line-join': 'round' },
          paint: { 'line-color': t.air.sketch, 'line-width': 3, 'line-dasharray': [2, 1] },
        },
      },
      {
        slot: 'overlay',
        layer: {
          id: 'sketch-vertex',
          type: 'circle',
          source: 'air',
          filter: ['==', ['get', 'role'], 'sketch-vertex'],
          paint: { 'circle-color': t.air.vertexFill, 'circle-stroke-color': t.air.sketch, 'circle-stroke-width': 2.5, 'circle-radius': 8 },
        },
      },
      {
        slot: 'zone-labels',
        layer: {
          id: 'sketch-vertex-number',
          type: 'symbol',
          source: 'air',
          filter: ['==', ['get', 'role'], 'sketch-vertex'],
          layout: { 'text-field': ['to-string', ['get', 'n']], 'text-font': FONT, 'text-size': 11, 'text-allow-overlap': true, 'text-ignore-placement': true },
          paint: { 'text-color': t.air.sketch, 'text-halo-color': t.halo, 'text-halo-width': 0 },
        },
      },
    ],
  },
];
