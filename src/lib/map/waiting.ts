import type { Map as MlMap, MapSourceDataEvent } from 'maplibre-gl';

/**
 * What a slow first view is waiting for: bytes still on their way (`network`), or a device that has them and cannot
 * draw them yet (`device`: a slow CPU or GPU, a software renderer, a main thread kept busy).
 */
export type WaitingFor = 'network' | 'device';

/** How far back the frame meter looks. */
export const WINDOW_MS = 1000;
/** A frame this long after the one before it came late: two 60 Hz frames and a little, or one 30 Hz frame and a half. */
export const LATE_MS = 50;
/** Frames late for this share of the window mean the device, not the network, holds the map back. */
export const BUSY_SHARE = 0.5;
/** How long no read may have been in flight before the wait is no longer the network's (the map asks for more tiles as each arrives). */
export const SETTLE_MS = 1000;
/** How often the wait is judged. */
export const SAMPLE_MS = 500;

/** One look at the wait. */
export interface WaitSample {
  /** Requests for the map's data still unanswered. */
  pending: number;
  /** How long no request has been seen unanswered (ms); 0 while some are. */
  quietMs: number;
  /** Share of the last {@link WINDOW_MS} in which frames came late (0–1). */
  busy: number;
}

/**
 * The verdict on one sample. A device too busy to draw frames on time is the cause even while bytes are still
 * coming: it could not take them any faster. Otherwise bytes in flight (or lately so) mean the network; and with
 * nothing in flight and frames on time, the map is being built off the main thread (workers, the GPU): the device.
 */
export function waitingFor(sample: WaitSample): WaitingFor {
  if (sample.busy >= BUSY_SHARE) return 'device';
  return sample.pending > 0 || sample.quietMs < SETTLE_MS ? 'network' : 'device';
}

/**
 * The verdict to show, given the one shown, the previous sample's and this sample's: a change needs two samples in a
 * row, so a moment's work (a redraw after a click) does not flip the notice back and forth.
 */
export function steady(shown: WaitingFor | null, previous: WaitingFor | null, sample: WaitingFor): WaitingFor {
  return shown === null || sample === previous ? sample : shown;
}

/**
 * How late the page's frames come: fed the time of each animation frame, it tells what share of the last
 * {@link WINDOW_MS} passed without a frame beyond {@link LATE_MS} after the one before. A blocked main thread and a
 * GPU that cannot keep up both show as late frames. Pure: the caller hands it the times.
 */
export class FrameMeter {
  // Frame times, oldest first, keeping the last one before the window (its gap reaches into the window).
  private times: number[];

  /** Starts measuring at `now`, as if a frame had just been drawn. */
  constructor(now: number) {
    this.times = [now];
  }

  frame(at: number): void {
    this.times.push(at);
    while (this.times.length > 1 && this.times[1]! <= at - WINDOW_MS) this.times.shift();
  }

  /** Forgets the past (a hidden page draws no frames, which says nothing about the device). */
  reset(now: number): void {
    this.times = [now];
  }

  /** Share of the window (or of the time since the start, when shorter) in which frames were late, 0–1. */
  busy(now: number): number {
    const start = Math.max(this.times[0]!, now - WINDOW_MS);
    const span = now - start;
    if (span <= 0) return 0;
    let late = 0;
    const points = [...this.times, now];
    for (let i = 1; i < points.length; i++) late += Math.max(0, points[i]! - Math.max(points[i - 1]! + LATE_MS, start));
    return Math.min(1, late / span);
  }
}

/**
 * Whether basemap tiles the map wants are still coming. They are read from the archive in MapLibre's worker
 * (map/archive-reader.ts), out of the page's sight, so a tile counts from the map's asking to its arrival.
 */
export function basemapTilesComing(map: MlMap): boolean {
  return Boolean(map.getSource('basemap')) && !map.isSourceLoaded('basemap');
}

/**
 * Judges the wait of `map` every {@link SAMPLE_MS} until stopped, and reports each change of verdict. `inFlight`
 * counts what the basemap still waits for (its archive's opening, its tiles: {@link basemapTilesComing}); the
 * sources the map itself loads (the plan's GeoJSON) count until their data has arrived. Animation frames feed a
 * {@link FrameMeter}.
 */
export function watchWaiting(map: MlMap, inFlight: () => number, report: (verdict: WaitingFor) => void): () => void {
  const meter = new FrameMeter(performance.now());
  const loading = new Set<string>();
  const started = (e: MapSourceDataEvent) => void (e.tile || loading.add(e.sourceId));
  const arrived = (e: MapSourceDataEvent) => void (e.sourceDataType === 'metadata' && loading.delete(e.sourceId));
  // Source errors carry the source's id beside the error.
  const failed = (e: object) => void loading.delete((e as { sourceId?: string }).sourceId ?? '');
  map.on('sourcedataloading', started);
  map.on('sourcedata', arrived);
  map.on('sourcedataabort', failed);
  map.on('error', failed);

  let frame = requestAnimationFrame(function tick() {
    meter.frame(performance.now());
    frame = requestAnimationFrame(tick);
  });
  let lastSeen = -Infinity;
  let shown: WaitingFor | null = null;
  let previous: WaitingFor | null = null;
  const timer = setInterval(() => {
    const now = performance.now();
    if (document.hidden) return meter.reset(now);
    const pending = inFlight() + loading.size;
    if (pending > 0) lastSeen = now;
    const sample = waitingFor({ pending, quietMs: now - lastSeen, busy: meter.busy(now) });
    const next = steady(shown, previous, sample);
    previous = sample;
    if (next !== shown) report((shown = next));
  }, SAMPLE_MS);

  return () => {
    clearInterval(timer);
    cancelAnimationFrame(frame);
    map.off('sourcedataloading', started);
    map.off('sourcedata', arrived);
    map.off('sourcedataabort', failed);
    map.off('error', failed);
  };
}
