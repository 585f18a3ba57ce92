/*
 * The dispersion dashboard's definition: its state, its part of the link and its layer rows. A chunk of its own,
 * loaded through the door (index.ts) after the first view.
 */
import { headOf, type FeatureDef } from '../../lib/state/feature.ts';
import { analysis } from './index.ts';
import { ANALYSIS_REGISTRY } from './layers.ts';
import { parseAnalysisLink, writeAnalysisLink, type AnalysisLink } from './link.ts';
import { AnalysisState } from './state.svelte.ts';

export const analysisDef: FeatureDef<AnalysisState> = {
  ...headOf(analysis),
  rows: ANALYSIS_REGISTRY,
  link: { parse: parseAnalysisLink, write: (link, q) => writeAnalysisLink(link as AnalysisLink, q) },
  createState: () => new AnalysisState(),
  // It computes while its panel is open, or while a link asks for its scenarios or overlays.
  wanted: (app, state) => app.panel === 'analysis' || state.toLink() !== undefined,
  load: () => import('./view.ts'),
};
