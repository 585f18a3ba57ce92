import type { LayerDef } from '../../lib/layers/types.ts';

/** The registry row of the visitor's position: empty until "near me" is asked, and drawn over everything. */
export const NEAR_ROW = 'near_position';

export const NEAR_REGISTRY: LayerDef[] = [
  {
    id: NEAR_ROW,
    group: 'context',
    label: { zh: '你的位置', en: 'Your position' },
    note: {
      zh: '只在你点“附近”按钮后显示；圆圈为浏览器给出的定位精度。位置只留在本设备上，不写入链接。',
      en: 'Shown only after you press “Near me”; the ring is the accuracy the browser gives. Your position stays on this device and never enters a link.',
    },
    defaultVisible: true,
    source: 'near',
    sourceLayers: [],
    legend: (t) => ({ kind: 'circle', fill: t.near.dot, line: t.near.dotLine }),
    style: (t) => [
      {
        slot: 'overlay',
        layer: {
          id: 'near-accuracy',
          type: 'fill',
          source: 'near',
          filter: ['==', ['get', 'part'], 'ring'],
          paint: { 'fill-color': t.near.accuracyFill, 'fill-opacity': 0.12, 'fill-outline-color': t.near.accuracyLine },
        },
      },
      {
        slot: 'labels',
        layer: {
          id: 'near-dot',
          type: 'circle',
          source: 'near',
          filter: ['==', ['get', 'part'], 'dot'],
          paint: { 'circle-color': t.near.dot, 'circle-radius': 7, 'circle-stroke-color': t.near.dotLine, 'circle-stroke-width': 2.5 },
        },
      },
    ],
  },
];
