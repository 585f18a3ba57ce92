import { flushSync } from 'svelte';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { loadMessages } from '../../src/lib/i18n/index.ts';
import { AppState } from '../../src/lib/state/app.svelte.ts';
import type { DeferredFeature, FeatureDef, FeatureView } from '../../src/lib/state/feature.ts';
import { ProbeState } from './probe.svelte.ts';
import FeatureEngine from '../../src/lib/ui/FeatureEngine.svelte';
import FeaturePanel from '../../src/lib/ui/FeaturePanel.svelte';
import Probe from './Probe.svelte';
import { render, settle } from './helpers.ts';

// A feature made for the test: wanted while its flag is set, its chunk a promise the test controls.
function probeFeature(load: () => Promise<FeatureView>): FeatureDef<ProbeState> {
  return {
    id: 'probe',
    panel: true,
    rows: [],
    link: { parse: () => undefined, write: () => {} },
    createState: () => new ProbeState(),
    wanted: (_app, state) => state.on,
    load,
  };
}
function appWith(def: FeatureDef<ProbeState>, firstIdle = true): AppState {
  const app = new AppState('?lang=en', [], false, { features: [def as unknown as FeatureDef] });
  // The map has drawn its first view: the panels may load.
  app.firstIdle = firstIdle;
  return app;
}
const stateOf = (app: AppState) => (app.features as unknown as { probe: ProbeState }).probe;

// The hosts load the core's panel messages beside each chunk; loaded once here, as after the app's first panel.
beforeAll(() => loadMessages());

describe("a feature's engine (component)", () => {
  it('loads the chunk only once the feature is wanted, and mounts its engine only while it is', async () => {
    const load = vi.fn(async (): Promise<FeatureView> => ({ Sync: Probe }));
    const def = probeFeature(load);
    const app = appWith(def);
    const root = render(FeatureEngine, app, { def });
    await settle();
    expect(load).not.toHaveBeenCalled();
    stateOf(app).on = true;
    flushSync();
    await settle();
    expect(load).toHaveBeenCalledTimes(1);
    expect(root.querySelector('[data-testid="probe"]')).not.toBeNull();
    stateOf(app).on = false;
    flushSync();
    expect(root.querySelector('[data-testid="probe"]')).toBeNull();
    stateOf(app).on = true;
    flushSync();
    await settle();
    expect(load).toHaveBeenCalledTimes(1);
    expect(root.querySelector('[data-testid="probe"]')).not.toBeNull();
  });

  it('says so in the status line when the chunk cannot be loaded', async () => {
    const def = probeFeature(() => Promise.reject(new Error('chunk gone')));
    const app = appWith(def);
    stateOf(app).on = true;
    render(FeatureEngine, app, { def });
    await settle();
    expect(app.status).toBe('Data failed to load: Error: chunk gone');
  });
});

describe("a feature's panel (component)", () => {
  it('says it is loading, then shows the panel from the chunk', async () => {
    let resolve!: (v: FeatureView) => void;
    const def = probeFeature(() => new Promise((r) => (resolve = r)));
    const root = render(FeaturePanel, appWith(def), { id: 'probe' });
    await settle();
    expect(root.querySelector('[role="status"]')?.textContent).toBe('Loading…');
    resolve({ Panel: Probe });
    await settle();
    expect(root.querySelector('[role="status"]')).toBeNull();
    expect(root.querySelector('[data-testid="probe"]')).not.toBeNull();
  });

  it('waits for the first view (or a slow map) before loading the chunk', async () => {
    const load = vi.fn(async (): Promise<FeatureView> => ({ Panel: Probe }));
    const def = probeFeature(load);
    const app = appWith(def, false);
    const root = render(FeaturePanel, app, { id: 'probe' });
    await settle();
    expect(load).not.toHaveBeenCalled();
    expect(root.querySelector('[role="status"]')?.textContent).toBe('Loading…');
    app.mapSlow = true;
    flushSync();
    await settle();
    expect(load).toHaveBeenCalledTimes(1);
    expect(root.querySelector('[data-testid="probe"]')).not.toBeNull();
  });

  it('explains a chunk that failed, as an alert', async () => {
    const def = probeFeature(() => Promise.reject(new Error('offline')));
    const root = render(FeaturePanel, appWith(def), { id: 'probe' });
    await settle();
    expect(root.querySelector('[role="alert"]')?.textContent).toBe('Data failed to load: Error: offline');
  });
});

describe("a deferred feature's panel (component)", () => {
  // The feature's definition comes later, through a promise the test controls.
  function deferred(define: () => Promise<FeatureDef>): AppState {
    const door: DeferredFeature = { id: 'probe', panel: true, linkKeys: [], rowDefaults: {}, define };
    const app = new AppState('?lang=en', [], false, { features: [door] });
    app.firstIdle = true;
    return app;
  }

  it('waits for the definition, then shows the panel from its chunk', async () => {
    let define!: (def: FeatureDef) => void;
    const app = deferred(() => new Promise((r) => (define = r)));
    const root = render(FeaturePanel, app, { id: 'probe' });
    await settle();
    expect(root.querySelector('[role="status"]')?.textContent).toBe('Loading…');
    define(probeFeature(async () => ({ Panel: Probe })) as unknown as FeatureDef);
    await settle();
    expect(app.featuresComplete).toBe(true);
    expect(root.querySelector('[data-testid="probe"]')).not.toBeNull();
  });

  it('explains a definition that failed, as an alert', async () => {
    const root = render(
      FeaturePanel,
      deferred(() => Promise.reject(new Error('offline'))),
      { id: 'probe' },
    );
    await settle();
    expect(root.querySelector('[role="alert"]')?.textContent).toBe('Data failed to load: Error: offline');
  });
});
