/*
 * The investors' view's definition: its state, its part of the link, its layer rows and the briefs it owns. A chunk
 * of its own, loaded through the door (index.ts) after the first view.
 */
import { headOf, type FeatureDef } from '../../lib/state/feature.ts';
import { LISTING_ROWS } from './ids.ts';
import { invest } from './index.ts';
import { LISTING_REGISTRY } from './layers.ts';
import { parseInvestLink, writeInvestLink, type InvestLink } from './link.ts';
import { InvestState } from './state.svelte.ts';

export const investDef: FeatureDef<InvestState> = {
  ...headOf(invest),
  rows: LISTING_REGISTRY,
  link: { parse: parseInvestLink, write: (link, q) => writeInvestLink(link as InvestLink, q) },
  createState: () => new InvestState(),
  // "Near me" asks for the listings too (app.nearbyWanted), and so does a brief of a site or the shortlist.
  wanted: (app, state) =>
    app.panel === 'invest' || app.nearbyWanted || app.brief?.kind === 'site' || app.brief?.kind === 'shortlist' || state.wanted(app.visible, app.selection),
  // Opening the investors' view shows the listings on the map, unless a link or the user set their rows already;
  // in the same update as the tab opens, so the link gains one history entry, not two.
  opened: (app) => {
    if (!app.visible[LISTING_ROWS.imported] && !app.visible[LISTING_ROWS.sample]) {
      app.toggle(LISTING_ROWS.imported, true);
      app.toggle(LISTING_ROWS.sample, true);
    }
  },
  load: () => import('./view.ts'),
  // A site's brief and the shortlist's: their builder (and the finder's reasons it prints) load with the print view.
  briefs: {
    kinds: ['site', 'shortlist'],
    build: async (app, state, request, lang) => (await import('./brief.ts')).buildInvestBrief(app, state, request, lang),
  },
};
