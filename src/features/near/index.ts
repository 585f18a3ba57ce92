/*
 * "Near me": the visitor's position, asked only when they press the locate button, and the plan's places, metro
 * stations and listings nearest to it. The position stays in the page (see state.svelte.ts). This door is the only
 * way in; the panel is a lazy chunk (view.ts), loaded when the button is first pressed or a link opens the panel.
 */
import type { FeatureDef } from '../../lib/state/feature.ts';
import './labels.ts';
import { NEAR_REGISTRY } from './layers.ts';
import { NearState } from './state.svelte.ts';

export { NearState } from './state.svelte.ts';

declare module '../../lib/state/feature.ts' {
  interface FeatureStates {
    near: NearState;
  }
}

export const near: FeatureDef<NearState> = {
  id: 'near',
  panel: true,
  // Opened by its button on the map: a ninth tab would leave a phone's tabs under 44 px.
  tab: false,
  rows: NEAR_REGISTRY,
  // The position never enters a link; a link may still open the panel (panel=near), which then asks nothing until pressed.
  link: { parse: () => undefined, write: () => undefined },
  control: {
    icon: 'M12 2v3M12 19v3M2 12h3M19 12h3M12 8a4 4 0 1 0 0 8 4 4 0 0 0 0-8z',
    label: 'nearLocate',
    // The click's own task asks for the position, so that browsers that want a gesture for the prompt have one.
    activate: (app, state) => {
      app.nearbyWanted = true;
      state.locate();
      app.openPanel('near');
    },
  },
  createState: () => new NearState(),
  wanted: (app, state) => app.panel === 'near' || state.fix !== null,
  load: () => import('./view.ts'),
};
