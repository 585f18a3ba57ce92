/*
 * The low-altitude feature's definition: its state, its part of the link and its layer rows. A chunk of its own,
 * loaded through the door (index.ts) after the first view.
 */
import { headOf, type FeatureDef } from '../../lib/state/feature.ts';
import { air } from './index.ts';
import { AIR_REGISTRY } from './layers.ts';
import { parseAirLink, writeAirLink, type AirLink } from './link.ts';
import { AirState } from './state.svelte.ts';

export const airDef: FeatureDef<AirState> = {
  ...headOf(air),
  rows: AIR_REGISTRY,
  link: { parse: parseAirLink, write: (link, q) => writeAirLink(link as AirLink, q) },
  createState: (app) => new AirState(app),
  wanted: (app, state) => state.wanted(app.panel, app.visible),
  load: () => import('./view.ts'),
};
