/*
 * The low-altitude feature: drone routes as corridors with flight times, altitude profiles and conflicts, and the
 * planner's route sketch. This door is the only way in; what the first view needs (the state, its part of the link,
 * its layer rows, its tab's name) is here, and the panel and the analysis engine are one lazy chunk (view.ts).
 */
import type { FeatureDef } from '../../lib/state/feature.ts';
import './labels.ts';
import { AIR_REGISTRY } from './layers.ts';
import { parseAirLink, writeAirLink, type AirLink } from './link.ts';
import { AirState, SKETCH_TARGET } from './state.svelte.ts';

export { AIR_DEFAULTS, AIR_LIMITS } from './defaults.ts';
export type { AirLink } from './link.ts';
export { AirState } from './state.svelte.ts';

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

export const air: FeatureDef<AirState> = {
  id: 'air',
  panel: true,
  icon: 'M3 11 21 3l-8 18-2-8z',
  rows: AIR_REGISTRY,
  link: { parse: parseAirLink, write: (link, q) => writeAirLink(link as AirLink, q) },
  draws: SKETCH_TARGET,
  createState: (app) => new AirState(app),
  wanted: (app, state) => state.wanted(app.panel, app.visible),
  load: () => import('./view.ts'),
};
