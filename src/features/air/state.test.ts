import type { FeatureCollection } from 'geojson';
import { describe, expect, it } from 'vitest';
import type { CameraTarget } from '../../lib/state/app.svelte.ts';
import type { View } from '../../lib/state/permalink.ts';
import { type AirHost, AirState, PITCH_3D } from './state.svelte.ts';
import type { AirResult, RouteAnalysis } from './types.ts';

/** The part of the app the state uses, with the camera requests it made and the map following them at once. */
function host(view: Partial<View> = {}, corridors = false) {
  const requests: CameraTarget[] = [];
  const app: AirHost & { requests: CameraTarget[] } = {
    panel: 'air',
    visible: { corridors },
    view: { lon: 121.5, lat: 31.3, zoom: 14, bearing: -20, pitch: 0, ...view },
    toggle(id: string, on?: boolean) {
      this.visible[id] = on ?? !this.visible[id];
    },
    requestCamera(target: CameraTarget) {
      requests.push(target);
      if (target.kind === 'view') this.view = target.view;
    },
    requests,
  };
  return app;
}

describe('the 3D view', () => {
  it('is on when the map is tilted and the corridors are on, and nothing else', () => {
    expect(new AirState(host({ pitch: 45 }, true)).threeD).toBe(true);
    expect(new AirState(host({ pitch: 45 }, false)).threeD).toBe(false);
    expect(new AirState(host({ pitch: 0 }, true)).threeD).toBe(false);
    expect(new AirState(host({ pitch: 5 }, true)).threeD).toBe(false);
  });

  it('turns the corridors on and tilts the map keeping the bearing; off, flat and the corridors as they were', () => {
    const app = host();
    const air = new AirState(app);
    air.setThreeD(true);
    expect(app.visible.corridors).toBe(true);
    expect(app.requests.at(-1)).toEqual({ kind: 'view', view: { lon: 121.5, lat: 31.3, zoom: 14, bearing: -20, pitch: PITCH_3D } });
    expect(air.threeD).toBe(true);
    air.setThreeD(false);
    expect(app.visible.corridors).toBe(false);
    expect(app.view).toMatchObject({ bearing: -20, pitch: 0 });
    expect(air.threeD).toBe(false);
  });

  it('leaves the corridors on when they were on before', () => {
    const app = host({}, true);
    const air = new AirState(app);
    air.setThreeD(true);
    air.setThreeD(false);
    expect(app.visible.corridors).toBe(true);
    expect(app.view!.pitch).toBe(0);
  });

  it('leaves the row as the user set it meanwhile, and forgets the old row when a link is applied', () => {
    const app = host();
    const air = new AirState(app);
    air.setThreeD(true);
    app.toggle('corridors', false);
    air.setThreeD(false);
    expect(app.visible.corridors).toBe(false);
    air.setThreeD(true);
    air.apply(undefined);
    air.setThreeD(false);
    expect(app.visible.corridors).toBe(true);
  });

  it('hints at the corridors while the map is tilted without them; its button turns them on, keeping the tilt', () => {
    const app = host({ pitch: 30 });
    const air = new AirState(app);
    expect(air.tiltedWithoutCorridors).toBe(true);
    air.showCorridors();
    expect(air.tiltedWithoutCorridors).toBe(false);
    expect(air.threeD).toBe(true);
    expect(app.requests).toEqual([]);
    expect(new AirState(host({ pitch: 0 })).tiltedWithoutCorridors).toBe(false);
  });
});

describe('what the low-altitude state draws', () => {
  const corridorOnly = (id: string): RouteAnalysis => ({
    id,
    name_zh: '航线',
    name_en: 'Route',
    line: { type: 'Feature', properties: {}, geometry: { type: 'LineString', coordinates: [] } },
    corridor: { type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: [] } },
    lengthM: 0,
    timeS: 0,
    altitude: [60, 120],
    profile: [],
    conflicts: [],
    obstacles: [{ kind: 'elevated_road', how: 'crosses', id: 'elevated:x', name_zh: 'x', name_en: 'x', crossings: 1, locations: [[121.5, 31.3]] }],
  });
  const roles = (air: AirState) => {
    const data = air.sources().air!.data as FeatureCollection;
    return data.features.map((f) => f.properties!.role as string);
  };

  it('draws the conflicts and the sketch while its panel is open, and only the routes’ corridors otherwise', () => {
    const app = host();
    const air = new AirState(app);
    air.result = { routes: [corridorOnly('plan:a')], sketch: null, widthM: 60, cruiseKmh: 36 } satisfies AirResult;
    air.sketch = [[121.5, 31.3]];
    expect(roles(air)).toEqual(['corridor', 'conflict', 'sketch-vertex']);
    app.panel = 'layers';
    expect(roles(air)).toEqual(['corridor']);
    app.panel = 'air';
    expect(roles(air)).toEqual(['corridor', 'conflict', 'sketch-vertex']);
  });
});
