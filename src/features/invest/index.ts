/*
 * The investors' view: available space from the team's sample and operators' files, filtered, compared and shared.
 * This door is the only way in. The first view carries only what is here: its tab, what a pointer or a link may name
 * of it, the ids of its rows and the keys of its part of a link; its definition (state, link codec, layer rows) comes
 * after the first view (def.ts), and the panel, the engine and the listing card are one lazy chunk (view.ts).
 */
import type { DeferredFeature, FeatureDef } from '../../lib/state/feature.ts';
import { FINDER_KEYS } from './finder/keys.ts';
import { LISTING_SELECTION } from './ids.ts';
import type { InvestLink } from './link.ts';
import type { InvestState } from './state.svelte.ts';
import './labels.ts';

export type { InvestLink } from './link.ts';
export type { InvestState } from './state.svelte.ts';

declare module '../../lib/state/feature.ts' {
  interface FeatureStates {
    invest: InvestState;
  }
}
declare module '../../lib/state/permalink.ts' {
  interface FeatureLinks {
    invest?: InvestLink;
  }
}

export const invest: DeferredFeature = {
  id: 'invest',
  panel: true,
  icon: 'M4 21V6l8-3v18M12 9h8v12M2 21h20M7 9h2M7 13h2M7 17h2M15 13h2M15 17h2',
  // Listing ids come from operators' files: their case is kept.
  selection: /^listing:[A-Za-z0-9][A-Za-z0-9:_-]{0,80}$/,
  pickable: [{ source: 'listings', selection: (p) => (typeof p.lid === 'string' ? `${LISTING_SELECTION}${p.lid}` : null) }],
  // The drawing target of the investors' search area (`app.drawing`).
  draws: 'invest',
  linkKeys: ['pins', 'lsqm', 'ltype', 'lind', 'lrent', 'lby', 'lmetro', 'lin', 'lsort', 'lpoly', ...FINDER_KEYS],
  rowDefaults: { listings: false, listings_sample: false, listings_area: true },
  define: () => import('./def.ts').then((m) => m.investDef as unknown as FeatureDef),
};
