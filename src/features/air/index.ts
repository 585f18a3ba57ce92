/*
 * The low-altitude feature: drone routes as corridors with flight times, altitude profiles and conflicts, and the
 * planner's route sketch. This door is the only way in. The first view carries only what is here: its tab, the ids
 * of its rows and the keys of its part of a link; its definition (state, link codec, layer rows) comes after the
 * first view (def.ts), and the panel and the analysis engine are one lazy chunk (view.ts).
 */
import type { DeferredFeature, FeatureDef } from '../../lib/state/feature.ts';
import type { AirLink } from './link.ts';
import type { AirState } from './state.svelte.ts';
import './labels.ts';

export type { AirLink } from './link.ts';
export type { AirState } from './state.svelte.ts';

declare module '../../lib/state/feature.ts' {
  interface FeatureStates {
    air: AirState;
  }
}
declare module '../../lib/state/permalink.ts' {
  interface FeatureLinks {
    air?: AirLink;
  }
}

export const air: DeferredFeature = {
  id: 'air',
  panel: true,
  icon: 'M3 11 21 3l-8 18-2-8z',
  draws: 'sketch',
  linkKeys: ['sketch', 'cw', 'speed'],
  rowDefaults: { corridors: false, air_conflicts: true, sketch: true },
  define: () => import('./def.ts').then((m) => m.airDef as unknown as FeatureDef),
};
