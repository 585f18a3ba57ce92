/*
 * "Near me": the visitor's position, asked only when they press the locate button, and the plan's places, metro
 * stations and listings nearest to it. The position stays in the page (see state.svelte.ts). This door is the only
 * way in. The first view carries only what is here: the button, and the id of its row; its definition (state, layer
 * row) comes after the first view (def.ts), and the panel is a lazy chunk (view.ts), loaded when the button is first
 * pressed or a link opens the panel.
 */
import type { DeferredFeature, FeatureDef } from '../../lib/state/feature.ts';
import type { NearState } from './state.svelte.ts';
import './labels.ts';

export type { NearState } from './state.svelte.ts';

declare module '../../lib/state/feature.ts' {
  interface FeatureStates {
    near: NearState;
  }
}

export const near: DeferredFeature = {
  id: 'near',
  panel: true,
  // Opened by its button on the map: a ninth tab would leave a phone's tabs under 44 px.
  tab: false,
  control: {
    icon: 'M12 2v3M12 19v3M2 12h3M19 12h3M12 8a4 4 0 1 0 0 8 4 4 0 0 0 0-8z',
    label: 'nearLocate',
    activate: (app) => {
      app.nearbyWanted = true;
      // The click's own task asks for the position, so that browsers that want a gesture for the prompt have one.
      // Pressed before the features are defined (within the first view), the position is asked once they come,
      // still within the gesture's few seconds; should they not come, the app says why (App.svelte).
      if (app.featuresComplete) app.features.near.locate();
      else
        app.loadFeatures().then(
          () => app.features.near.locate(),
          () => undefined,
        );
      app.openPanel('near');
    },
  },
  // The position never enters a link; a link may still open the panel (panel=near), which then asks nothing until pressed.
  linkKeys: [],
  rowDefaults: { near_position: true },
  define: () => import('./def.ts').then((m) => m.nearDef as unknown as FeatureDef),
};
