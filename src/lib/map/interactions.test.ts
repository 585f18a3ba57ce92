import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Map as MlMap } from 'maplibre-gl';
import type { CameraRequest } from '../state/app.svelte.ts';
import { applyCamera } from './interactions.ts';

/** A map that records the camera calls it gets. */
function fakeMap() {
  const calls: [string, unknown][] = [];
  const record = (name: string) => (options: unknown) => void calls.push([name, options]);
  const map = {
    easeTo: record('easeTo'),
    jumpTo: record('jumpTo'),
    fitBounds: (bbox: unknown, options: unknown) => void calls.push(['fitBounds', { bbox, options }]),
  };
  return { map: map as unknown as MlMap, calls };
}

function reducedMotion(reduce: boolean) {
  vi.stubGlobal('matchMedia', (query: string) => ({ matches: reduce && query.includes('prefers-reduced-motion: reduce') }));
}

const view = { lon: 121.517, lat: 31.292, zoom: 13.5, bearing: -20, pitch: 60 };
const viewRequest = (animate: boolean): CameraRequest => ({ kind: 'view', view, seq: 1, animate });
const padding = { top: 10, bottom: 30, left: 300, right: 0 };

afterEach(() => vi.unstubAllGlobals());

describe('applyCamera', () => {
  it('eases to a whole view when asked to animate: centre, zoom, bearing and pitch exactly, no room for the panels', () => {
    reducedMotion(false);
    const { map, calls } = fakeMap();
    applyCamera(map, viewRequest(true), padding);
    expect(calls).toEqual([['easeTo', { center: [121.517, 31.292], zoom: 13.5, bearing: -20, pitch: 60, duration: 900 }]]);
  });

  it('arrives at once for a link’s view, and for a reader who asked for less motion', () => {
    reducedMotion(false);
    const still = fakeMap();
    applyCamera(still.map, viewRequest(false), padding);
    expect(still.calls).toEqual([['easeTo', expect.objectContaining({ pitch: 60, duration: 0 })]]);

    reducedMotion(true);
    const calm = fakeMap();
    applyCamera(calm.map, viewRequest(true), padding);
    expect(calm.calls).toEqual([['easeTo', expect.objectContaining({ pitch: 60, duration: 0 })]]);
  });

  it('centres a place in the room the panels leave, and fits a box inside it', () => {
    reducedMotion(false);
    const { map, calls } = fakeMap();
    applyCamera(map, { kind: 'center', lon: 121.5, lat: 31.3, zoom: 15, seq: 2, animate: true }, padding);
    applyCamera(map, { kind: 'fit', bbox: [121.5, 31.28, 121.52, 31.3], seq: 3, animate: false }, padding);
    expect(calls).toEqual([
      ['easeTo', { center: [121.5, 31.3], zoom: 15, offset: [150, -10], duration: 900 }],
      ['fitBounds', { bbox: [121.5, 31.28, 121.52, 31.3], options: { padding, maxZoom: 16, duration: 0 } }],
    ]);
  });
});
