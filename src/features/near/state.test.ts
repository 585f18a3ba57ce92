import { describe, expect, it } from 'vitest';
import { GEOLOCATION_OPTIONS, NearState } from './state.svelte.ts';

type Success = (p: GeolocationPosition) => void;
type Failure = (e: GeolocationPositionError) => void;

/** A Geolocation whose answers the test gives by hand, in any order. */
function fakeGeolocation() {
  const calls: { ok: Success; fail: Failure; options?: PositionOptions }[] = [];
  const geo = {
    getCurrentPosition: (ok: Success, fail?: Failure | null, options?: PositionOptions) => calls.push({ ok, fail: fail!, options }),
  } as unknown as Geolocation;
  const position = (lon: number, lat: number, accuracy: number) =>
    ({ coords: { longitude: lon, latitude: lat, accuracy }, timestamp: 0 }) as unknown as GeolocationPosition;
  const error = (code: number) => ({ code, PERMISSION_DENIED: 1, POSITION_UNAVAILABLE: 2, TIMEOUT: 3, message: '' }) as GeolocationPositionError;
  return { geo, calls, position, error };
}

describe('NearState', () => {
  it('asks only when told, with its options, and keeps the fix', () => {
    const s = new NearState();
    const g = fakeGeolocation();
    expect(s.status).toBe('idle');
    s.locate(g.geo);
    expect(s.status).toBe('locating');
    expect(g.calls[0]!.options).toEqual(GEOLOCATION_OPTIONS);
    g.calls[0]!.ok(g.position(121.5, 31.3, 20));
    expect(s.status).toBe('located');
    expect(s.fix).toEqual({ lon: 121.5, lat: 31.3, accuracy: 20 });
  });

  it('names each failure', () => {
    for (const [code, status] of [
      [1, 'denied'],
      [2, 'unavailable'],
      [3, 'timeout'],
    ] as const) {
      const s = new NearState();
      const g = fakeGeolocation();
      s.locate(g.geo);
      g.calls[0]!.fail(g.error(code));
      expect(s.status).toBe(status);
      expect(s.fix).toBeNull();
    }
    const s = new NearState();
    s.locate(undefined);
    expect(s.status).toBe('unsupported');
  });

  it('lets only the latest request count, and forgets an answer that comes after clearing', () => {
    const s = new NearState();
    const g = fakeGeolocation();
    s.locate(g.geo);
    s.locate(g.geo);
    g.calls[1]!.ok(g.position(121.51, 31.31, 15));
    g.calls[0]!.ok(g.position(0, 0, 5));
    expect(s.fix).toEqual({ lon: 121.51, lat: 31.31, accuracy: 15 });
    s.locate(g.geo);
    s.clear();
    g.calls[2]!.ok(g.position(121.52, 31.32, 15));
    expect(s.fix).toBeNull();
    expect(s.status).toBe('idle');
  });

  it('never writes the position into a link, and draws it with its ring', () => {
    const s = new NearState();
    const g = fakeGeolocation();
    s.locate(g.geo);
    g.calls[0]!.ok(g.position(121.5, 31.3, 40));
    expect(s.toLink()).toBeUndefined();
    const data = s.sources().near!.data as GeoJSON.FeatureCollection;
    expect(data.features.map((f) => [f.properties?.part, f.geometry.type])).toEqual([
      ['ring', 'Polygon'],
      ['dot', 'Point'],
    ]);
    s.clear();
    expect((s.sources().near!.data as GeoJSON.FeatureCollection).features).toEqual([]);
  });
});
