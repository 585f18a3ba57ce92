import { describe, expect, it } from 'vitest';
import { createApp as startApp } from '../../src/app/features.ts';
import { AppState } from '../../src/lib/state/app.svelte.ts';
import { isDeferred, type DeferredFeature, type FeatureDef } from '../../src/lib/state/feature.ts';
import { RawLinkPart } from '../../src/lib/state/permalink.ts';
import { createApp as fullApp, FEATURES as DEFINED, REGISTRY } from '../support/features.ts';

/*
 * The features' definitions come after the first view (AppState.loadFeatures). Until then the app must keep what a
 * link says of them as written, and once they come it must be the app it would have been with them from the start.
 */

// Links that name every feature's part, rows, panels and selections, hand-typed oddities and unknown keys included.
const LINKS = [
  '',
  '?lang=en',
  '?cd=400&cov=800&cmp=1&hk=3&panel=analysis',
  '?lsqm=100-500&ltype=office&lsort=-area&pins=sample:1,sample:2&fi=ai&fppl=40&panel=invest',
  '?cw=80&speed=60&sketch=121.5,31.3;121.51,31.31&layers=corridors',
  '?mind=zhangjiang_tier&myr=2025&panel=monitor',
  '?sel=listing:sample:3&layers=-listings_area,listings_sample&map=14/31.3/121.5',
  '?panel=invest',
  '?panel=near&zzz=1&cw=abc',
  '?task=2,17&brief=task:17&myr=1999',
];

async function started(search: string): Promise<AppState> {
  const app = startApp(search);
  await app.loadFeatures();
  return app;
}

describe('features defined after the first view', () => {
  it('starts with only the doors: no feature state, rows or codec in the app before they are asked for', () => {
    const app = startApp('');
    expect(app.featuresComplete).toBe(false);
    expect(app.featureDefs).toEqual([]);
    expect(Object.keys(app.features)).toEqual([]);
    expect(app.registry.map((d) => d.id)).toEqual(REGISTRY.filter((d) => !DEFINED.some((f) => f.rows.includes(d))).map((d) => d.id));
    // The tabs and the map's buttons are there from the first view.
    expect(app.panels).toEqual(fullApp('').panels);
    expect(app.doors.filter((d) => d.control).map((d) => d.id)).toEqual(['near']);
  });

  it('keeps what a link says of them as written until they come', () => {
    for (const search of LINKS) {
      const app = startApp(search);
      const kept = app.formatLink(app.toLink());
      // Every key a feature's codec would keep is still in the link (its values as written).
      const full = new URLSearchParams(fullApp(search).formatLink());
      for (const door of app.doors.filter(isDeferred))
        for (const key of door.linkKeys) if (full.has(key)) expect(new URLSearchParams(kept).has(key), `${search}: ${key}`).toBe(true);
    }
  });

  it('is, once they come, the app it would have been with them from the start', async () => {
    for (const search of LINKS) {
      const app = await started(search);
      const full = fullApp(search);
      expect(app.featuresComplete).toBe(true);
      expect(app.formatLink(app.toLink()), search).toBe(full.formatLink(full.toLink()));
      expect(app.visible, search).toEqual(full.visible);
      expect([app.panel, app.selection, app.tasks, app.brief], search).toEqual([full.panel, full.selection, full.tasks, full.brief]);
      expect(app.registry.map((d) => d.id)).toEqual(full.registry.map((d) => d.id));
      expect(Object.keys(app.features).sort()).toEqual(Object.keys(full.features).sort());
    }
  });

  it('asks for them at once when a link or the user needs one, and not otherwise', () => {
    const wanted = (search: string) => startApp(search).featuresWanted;
    expect(wanted('')).toBe(false);
    expect(wanted('?lang=en&map=14/31.3/121.5&panel=tasks&task=4&sel=plan:SP-Fudan&layers=-roads')).toBe(false);
    for (const search of [
      '?cd=400',
      '?mind=zhangjiang_tier',
      '?panel=invest',
      '?panel=near',
      '?sel=listing:sample:3',
      '?layers=corridors',
      '?layers=-sketch',
      '?brief=task:17',
    ])
      expect(wanted(search), search).toBe(true);
    const app = startApp('');
    app.nearbyWanted = true;
    expect(app.featuresWanted).toBe(true);
    const drawing = startApp('');
    drawing.drawing = 'sketch';
    expect(drawing.featuresWanted).toBe(true);
    const tab = startApp('');
    tab.openPanel('monitor');
    expect(tab.featuresWanted).toBe(true);
  });

  it('opens a panel chosen before its feature came as its tab would have', async () => {
    const app = startApp('');
    app.openPanel('invest');
    expect(app.visible.listings).toBe(false);
    await app.loadFeatures();
    // The investors' view shows the listings when it opens (FeatureDef.opened).
    expect([app.visible.listings, app.visible.listings_sample]).toEqual([true, true]);
  });

  it('keeps a link restored before they come (back, forward) for when they do', async () => {
    const app = startApp('?cw=80');
    app.applyLink(app.parseLink('?cw=120&mind=zhangjiang_tier'));
    expect(app.formatLink()).toContain('cw=120');
    await app.loadFeatures();
    expect(app.features.air.toLink()).toEqual({ corridorWidth: 120 });
    expect(app.features.monitor.indicator).toBe('zhangjiang_tier');
    // A link read before they came, restored after: read by their codecs.
    const early = startApp('').parseLink('?cw=90');
    expect(early.air).toBeInstanceOf(RawLinkPart);
    app.applyLink(early);
    expect(app.features.air.toLink()).toEqual({ corridorWidth: 90 });
    // Written through the codec that has come: equal to the same link read now, but for the camera.
    expect(app.onlyViewDiffers(early, app.parseLink('?map=14/31.3/121.5&cw=90'))).toBe(true);
    expect(app.onlyViewDiffers(early, app.parseLink('?cw=95'))).toBe(false);
  });

  it('describes each feature in its door as its definition does', async () => {
    for (const door of startApp('').doors.filter(isDeferred)) {
      const def = await door.define();
      const same = DEFINED.find((d) => d.id === door.id)!;
      expect(def).toBe(same);
      expect(door.rowDefaults).toEqual(Object.fromEntries(def.rows.map((r) => [r.id, r.defaultVisible])));
      for (const key of ['id', 'panel', 'tab', 'icon', 'selection', 'pickable', 'draws', 'control'] as const)
        expect(def[key], `${door.id}.${key}`).toBe(door[key]);
    }
  });

  it("keeps each door's link keys to the keys its codec reads and writes", async () => {
    for (const search of LINKS) {
      const q = new URLSearchParams(search);
      for (const door of startApp('').doors.filter(isDeferred)) {
        const def = await door.define();
        const part = def.link.parse(q);
        const own = new URLSearchParams([...q].filter(([k]) => door.linkKeys.includes(k)));
        // Read from its own keys alone, the part is the same; written, it uses no other key.
        expect(def.link.parse(own), `${door.id} ${search}`).toEqual(part);
        if (part === undefined) continue;
        const written = new URLSearchParams();
        def.link.write(part, written);
        expect(
          [...written.keys()].filter((k) => !door.linkKeys.includes(k)),
          `${door.id} ${search}`,
        ).toEqual([]);
      }
    }
  });

  it('says when a definition cannot come, and asks again the next time', async () => {
    let fail = true;
    const def: FeatureDef = {
      id: 'probe',
      panel: true,
      rows: [],
      link: { parse: (q) => q.get('pz') ?? undefined, write: (v, q) => q.set('pz', String(v)) },
      createState: () => {
        let v: unknown;
        return { toLink: () => v, apply: (link: unknown) => (v = link) };
      },
      wanted: () => false,
      load: () => Promise.resolve({}),
    };
    const door: DeferredFeature = {
      id: 'probe',
      panel: true,
      linkKeys: ['pz'],
      rowDefaults: {},
      define: () => (fail ? Promise.reject(new Error('offline')) : Promise.resolve(def)),
    };
    const app = new AppState('?pz=7', [], false, { features: [door] });
    expect(app.formatLink()).toBe('?lang=zh&pz=7');
    await expect(app.loadFeatures()).rejects.toThrow('offline');
    expect([app.featuresComplete, app.formatLink()]).toEqual([false, '?lang=zh&pz=7']);
    fail = false;
    await app.featureDef('probe');
    expect([app.featuresComplete, app.formatLink()]).toEqual([true, '?lang=zh&pz=7']);
    expect((app.features as unknown as Record<string, { toLink(): unknown }>).probe!.toLink()).toBe('7');
  });
});
