import type { FeatureState } from '../../src/lib/state/feature.ts';

/** The state of the test's feature: wanted while `on` is set. */
export class ProbeState implements FeatureState<undefined> {
  on = $state(false);
  toLink = () => undefined;
  apply = () => {};
}
