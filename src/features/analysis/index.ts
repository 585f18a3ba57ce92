/*
 * The dispersion dashboard (plan task 2): how scattered the park space is, for scenarios the planner chooses. This
 * door is the only way in. The first view carries only what is here: its tab, the ids of its rows and the keys of its
 * part of a link; its definition (state, link codec, layer rows) comes after the first view (def.ts), and the panel,
 * the figures, the charts and the worker's client are one lazy chunk (view.ts).
 */
import type { DeferredFeature, FeatureDef } from '../../lib/state/feature.ts';
import type { AnalysisLink } from './link.ts';
import type { AnalysisState } from './state.svelte.ts';
import './labels.ts';

export type { AnalysisLink } from './link.ts';
export type { AnalysisState } from './state.svelte.ts';

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

const SCENARIO_KEYS = ['a', 'b'].flatMap((p) => ['cls', 'zone', 'area', 'off'].map((k) => p + k));

export const analysis: DeferredFeature = {
  id: 'analysis',
  panel: true,
  icon: 'M4 20V11M10 20V5M16 20v-6M21 20H3',
  draws: 'analysis',
  linkKeys: ['cd', 'cov', 'cmin', ...SCENARIO_KEYS, 'cmp', 'amap', 'hk', 'hd', 'hc', 'apoly', 'hpts'],
  rowDefaults: {
    analysis_coverage_stations: false,
    analysis_coverage_campuses: false,
    analysis_clusters: true,
    analysis_tree: true,
    analysis_area: true,
    analysis_hubs: true,
  },
  define: () => import('./def.ts').then((m) => m.analysisDef as unknown as FeatureDef),
};
