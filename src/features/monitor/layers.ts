import type { ExpressionSpecification } from '@maplibre/maplibre-gl-style-spec';
import { FONT } from '../../lib/layers/helpers.ts';
import type { LayerDef } from '../../lib/layers/types.ts';

/** Largest symbol radius (px), for the place with the largest figure; areas are proportional to values. */
export const MONITOR_MAX_RADIUS = 26;

/**
 * The monitor's proportional symbols (source `monitor`): one circle per place with a figure for the chosen
 * indicator and year. Features carry `scale` = √(value / largest value), so that areas, not radii, are
 * proportional, and `label_zh` / `label_en`, the value as written in each language.
 */
export const MONITOR_REGISTRY: LayerDef[] = [
  {
    id: 'monitor_symbols',
    group: 'monitor',
    label: { zh: '监测指标（按地点）', en: 'Monitored figures by place' },
    note: {
      zh: '导入的统计数据中有地点的数值，圆面积与数值成正比；无数据时为空',
      en: 'Figures from imported statistics that name a place; circle area is proportional to the value. Empty without data.',
    },
    defaultVisible: true,
    source: 'monitor',
    sourceLayers: [],
    legend: (t) => ({ kind: 'circle', fill: t.monitor.fill, line: t.monitor.line }),
    style: (t, lang) => [
      {
        slot: 'labels',
        layer: {
          id: 'monitor-symbols',
          type: 'circle',
          source: 'monitor',
          paint: {
            'circle-color': t.monitor.fill,
            'circle-opacity': 0.55,
            'circle-stroke-color': t.monitor.line,
            'circle-stroke-width': 1.5,
            'circle-radius': ['max', 3, ['*', MONITOR_MAX_RADIUS, ['coalesce', ['get', 'scale'], 0]]] as ExpressionSpecification,
          },
        },
      },
      {
        slot: 'plan-labels',
        layer: {
          id: 'monitor-symbols-label',
          type: 'symbol',
          source: 'monitor',
          layout: {
            'text-field': ['get', `label_${lang}`],
            'text-font': FONT,
            'text-size': 12,
            // Always written, over the circle, and never pushing a plan label away: there are few of them, and a
            // symbol without its figure would say nothing.
            'text-allow-overlap': true,
            'text-ignore-placement': true,
          },
          paint: { 'text-color': t.monitor.text, 'text-halo-color': t.monitor.halo, 'text-halo-width': 1.5 },
        },
      },
    ],
  },
];
