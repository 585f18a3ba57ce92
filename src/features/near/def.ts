/*
 * "Near me"'s definition: its state and its layer row. A chunk of its own, loaded through the door (index.ts) after
 * the first view.
 */
import { headOf, type FeatureDef } from '../../lib/state/feature.ts';
import { near } from './index.ts';
import { NEAR_REGISTRY } from './layers.ts';
import { NearState } from './state.svelte.ts';

export const nearDef: FeatureDef<NearState> = {
  ...headOf(near),
  rows: NEAR_REGISTRY,
  link: { parse: () => undefined, write: () => undefined },
  createState: () => new NearState(),
  wanted: (app, state) => app.panel === 'near' || state.fix !== null,
  load: () => import('./view.ts'),
};
