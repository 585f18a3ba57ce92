/*
 * The dispersion dashboard (plan task 2): how scattered the park space is, for scenarios the planner chooses. This
 * door is the only way in; what the first view needs (the state, its part of the link, its layer rows, its tab's
 * name) is here, and the panel, the figures, the charts and the worker's client are one lazy chunk (view.ts).
 */
import type { FeatureDef } from '../../lib/state/feature.ts';
import './labels.ts';
import { ANALYSIS_REGISTRY } from './layers.ts';
import { parseAnalysisLink, writeAnalysisLink, type AnalysisLink } from './link.ts';
import { AnalysisState, AREA_TARGET } from './state.svelte.ts';

export type { AnalysisLink } from './link.ts';
export { AnalysisState } from './state.svelte.ts';

declare module '../../lib/state/feature.ts' {
  interface FeatureStates {
    analysis: AnalysisState;
  }
}
declare module '../../lib/state/permalink.ts' {
  interface FeatureLinks {
    analysis?: AnalysisLink;
  }
}

export const analysis: FeatureDef<AnalysisState> = {
  id: 'analysis',
  panel: true,
  icon: 'M4 20V11M10 20V5M16 20v-6M21 20H3',
  rows: ANALYSIS_REGISTRY,
  link: { parse: parseAnalysisLink, write: (link, q) => writeAnalysisLink(link as AnalysisLink, q) },
  draws: AREA_TARGET,
  createState: () => new AnalysisState(),
  // It computes while its panel is open, or while a link asks for its scenarios or overlays.
  wanted: (app, state) => app.panel === 'analysis' || state.toLink() !== undefined,
  load: () => import('./view.ts'),
};
