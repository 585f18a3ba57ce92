import type { Map as MlMap } from 'maplibre-gl';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { holdFirstFrame, LATE_SOURCE_MS } from './first-frame.ts';

// A stand-in for the map: its painter's draws are counted, its sources are loaded when the test says so, and
// `frame()` is one frame of MapLibre's loop (the painter is asked to draw).
function fakeMap(sources: string[]) {
  const loaded = new Set<string>();
  const state = { drawn: 0, repaints: 0 };
  const painter = {
    render(this: unknown) {
      expect(this).toBe(painter);
      state.drawn += 1;
    },
  };
  const map = {
    painter,
    loaded: () => sources.every((id) => loaded.has(id)),
    getSource: (id: string) => (sources.includes(id) ? {} : undefined),
    isSourceLoaded: (id: string) => {
      if (!sources.includes(id)) throw new Error(`There is no source with ID '${id}'`);
      return loaded.has(id);
    },
    triggerRepaint: () => (state.repaints += 1),
  };
  const frame = () => (map.painter.render as () => void).call(map.painter);
  return { map: map as unknown as MlMap, painter, state, frame, load: (id: string) => loaded.add(id) };
}

describe('holdFirstFrame', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('draws nothing until every source is loaded, then draws every frame', () => {
    const { map, state, frame, load } = fakeMap(['basemap', 'plan']);
    holdFirstFrame(map, ['basemap', 'plan']);
    frame();
    frame();
    expect(state.drawn).toBe(0);
    load('plan');
    load('basemap');
    frame();
    frame();
    expect(state.drawn).toBe(2);
  });

  it('draws what is there once a ready source has waited LATE_SOURCE_MS for a late one', () => {
    const { map, state, frame, load } = fakeMap(['basemap', 'plan']);
    holdFirstFrame(map, ['basemap', 'plan']);
    load('basemap');
    frame();
    vi.advanceTimersByTime(LATE_SOURCE_MS - 1);
    frame();
    expect(state.drawn).toBe(0);
    expect(state.repaints).toBe(0);
    // The map is woken (a held frame is the last one until something changes) and then draws.
    vi.advanceTimersByTime(1);
    expect(state.repaints).toBe(1);
    frame();
    expect(state.drawn).toBe(1);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('gives the painter its own render back when released, and asks nothing of sources the map does not have', () => {
    const { map, painter, state, frame } = fakeMap(['plan']);
    const own = painter.render;
    const release = holdFirstFrame(map, ['basemap', 'plan']);
    expect(painter.render).not.toBe(own);
    frame();
    expect(state.drawn).toBe(0);
    release();
    expect(painter.render).toBe(own);
    frame();
    expect(state.drawn).toBe(1);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('a map with no source left to wait for draws at once', () => {
    const { map, state, frame } = fakeMap([]);
    holdFirstFrame(map, ['basemap']);
    frame();
    expect(state.drawn).toBe(1);
  });
});
