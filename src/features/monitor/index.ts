/*
 * The plan monitor (plan part 三): the 2026 targets, the year's statistics against them, figures by place and the
 * 18 tasks' progress, with read-only snapshot links. This door is the only way in. The first view carries only what
 * is here: its tab, the id of its row and the keys of its part of a link; its definition (state, link codec, layer
 * row) comes after the first view (def.ts), and the panel and the engine are one lazy chunk (view.ts).
 */
import type { DeferredFeature, FeatureDef } from '../../lib/state/feature.ts';
import type { MonitorLink } from './link.ts';
import type { MonitorState } from './state.svelte.ts';
import './labels.ts';

export type { MonitorLink } from './link.ts';
export type { MonitorState } from './state.svelte.ts';

declare module '../../lib/state/feature.ts' {
  interface FeatureStates {
    monitor: MonitorState;
  }
}
declare module '../../lib/state/permalink.ts' {
  interface FeatureLinks {
    monitor?: MonitorLink;
  }
}

export const monitor: DeferredFeature = {
  id: 'monitor',
  panel: true,
  icon: 'M3 17l6-6 4 4 8-8M15 7h6v6',
  linkKeys: ['mind', 'myr', 'msnap'],
  rowDefaults: { monitor_symbols: true },
  define: () => import('./def.ts').then((m) => m.monitorDef as unknown as FeatureDef),
};
