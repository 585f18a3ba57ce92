import type { Map as MlMap } from 'maplibre-gl';

/** How long a source that is ready waits for a late one before the map draws what it has. */
export const LATE_SOURCE_MS = 500;

/**
 * Holds the map's drawing until its first picture is whole: until every source of the first view has its tiles in
 * view (MapLibre's `loaded()`, the frame that fires `load`), or until `lateMs` after the first source was ready while
 * another is late. Returns the cleanup, which lets the map draw at once.
 *
 * Why: the basemap and the plan arrive from the worker in different frames, and each frame is a whole redraw of the
 * canvas. On a software GPU (SwiftShader: a browser without a usable GPU or with a blocklisted driver, the test machines) the
 * GPU process then spends 100–300 ms on each such frame, and the next shader program MapLibre compiles (the late
 * source's layers) waits for it on the main thread. Drawn once, whole, the first view compiles every program in one
 * frame and reaches its first idle about a quarter sooner (`npm run bench`); until then the canvas shows the page's
 * background, which is the map's. The map still updates its sources, placement and events in every held frame.
 */
export function holdFirstFrame(map: MlMap, sources: readonly string[], lateMs = LATE_SOURCE_MS): () => void {
  const painter = map.painter;
  const draw = painter.render;
  let late = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const release = () => {
    clearTimeout(timer);
    painter.render = draw;
  };
  const whole = (): boolean => {
    if (late || map.loaded()) return true;
    if (timer === undefined && sources.some((id) => map.getSource(id) && map.isSourceLoaded(id))) {
      // A held frame is the last one until something changes: wake the map when the late source has had its time.
      timer = setTimeout(() => {
        late = true;
        map.triggerRepaint();
      }, lateMs);
    }
    return false;
  };
  painter.render = function (...args: Parameters<typeof draw>) {
    if (!whole()) return;
    release();
    draw.apply(this, args);
  };
  return release;
}
