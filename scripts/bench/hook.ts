/**
 * The script `npm run bench` installs in every measured page before any of the page's own scripts, and what it
 * records. The app and the baseline page both assign `window.__yangpu = { map }` right after `new Map(...)`; the
 * hook's setter for that handle attaches the map listeners, so one hook times both pages the same way.
 */

/** Page-side measures, times from performance.now() (milliseconds since navigation started). */
export interface PageMeasures {
  /** When the page assigned `window.__yangpu` (the map had just been constructed). */
  created: number;
  /**
   * Basemap first paint: the first `render` event of a frame that issued draw calls and held at least one basemap
   * tile with content on a basemap layer shown at the zoom (see {@link HOOK}).
   */
  firstPaint?: number;
  /** Basemap tiles with content in that first frame. */
  firstPaintTiles?: number;
  /**
   * Steps between the map's construction and its first paint, for the breakdown of where the time goes: the style
   * parsed (first `styledata`), the map's first frame (its first `render`: background only, or held, but its
   * sources ask for their first tiles in it), the first basemap tile parsed by the worker and back on the main
   * thread.
   */
  styled?: number;
  firstFrame?: number;
  firstTile?: number;
  /** The map's `load` event: style and first sources loaded. */
  loaded: number;
  idle: number;
  /** Milliseconds of main-thread tasks over 50 ms before the first idle. */
  longTasks: number;
  /** Calls of map.setStyle, `styledata` events and source content changes (setData) before the first idle. */
  setStyle: number;
  styledata: number;
  contentChanges: number;
  /** WebGL programs linked (linkProgram calls, WebGL 1 and 2) before the basemap's first paint and before the first idle. */
  programsAtFirstPaint?: number;
  programs: number;
  /** Of `programs`, how many distinct pairs of shader sources (equal to `programs` unless a program was built twice). */
  distinctPrograms: number;
  /** At the first idle: `map.getStyle().layers.length`, those whose layout.visibility is not 'none', and of those the ones inside their min/max zoom at the camera's zoom. */
  layers: number;
  visibleLayers: number;
  drawnLayers: number;
  /** At the first idle: the map canvas's size in CSS pixels (the baseline must draw the same view as the app). */
  canvas: [number, number];
}

/**
 * The init script (a string, not a function: tsx would wrap a function's inner names in a helper the page does not
 * have). Besides the first idle and what happens before it, it measures:
 *
 * - **WebGL programs.** `linkProgram` of WebGLRenderingContext and WebGL2RenderingContext is wrapped on the
 *   prototypes before any page script runs, so every program MapLibre (or anything else on the page) builds is
 *   counted, up to the first idle. MapLibre caches a program per shader variant (program name + defines), so each
 *   link is one compiled variant; as a check, the pair of shader sources attached (shaderSource / attachShader are
 *   wrapped too) gives the distinct count. On SwiftShader every link is a compile on the CPU.
 * - **Basemap first paint.** MapLibre fires `render` synchronously at the end of every frame, right after the painter
 *   issued that frame's draw calls (Map._render: painter.render, then `render`). The painter draws each layer of a
 *   source over `tileManager.getVisibleCoordinates()`, i.e. the tile manager's renderable ids (tiles that have data),
 *   and a tile draws a layer only if it holds a bucket for it. So at each `render` the hook asks the basemap's tile
 *   manager (`map.style.tileManagers.basemap`; `sourceCaches` in older MapLibre versions) for its renderable tiles
 *   and stops at the first frame where one of them holds a bucket of a basemap layer not hidden at the zoom
 *   (visibility, min/max zoom) and the frame issued draw calls (drawElements, drawArrays and their kin are counted on
 *   the prototypes, like linkProgram): basemap content was drawn in that frame. A page may skip the painter in a
 *   frame (the app holds its frames until its first view is whole: src/lib/map/first-frame.ts), and such a frame
 *   fires `render` too, with the tiles renderable and nothing drawn. Frames with only the background colour, with
 *   tiles still loading, or held, do not count; `map.loaded()`, `areTilesLoaded()` or `sourcedata` would wait for all tiles or
 *   fire before anything is drawn. The time is when the draw calls were issued; the browser presents the canvas
 *   with its next compositor frame.
 * - **Style layers at the first idle**: `map.getStyle().layers`, all, visible (layout.visibility not 'none') and
 *   drawn at the zoom (visible and inside min/max zoom).
 */
/**
 * Script text that counts the page's WebGL draw calls (drawElements, drawArrays and their kin, WebGL 1 and 2) in
 * `counter.draws`, wrapped on the prototypes before any page script. A frame that issued none drew nothing: a page
 * may skip the painter in a frame (src/lib/map/first-frame.ts). The browser tests count frames the same way.
 */
export const countDraws = (counter: string): string => `
  for (const C of [window.WebGLRenderingContext, window.WebGL2RenderingContext]) {
    if (!C) continue;
    for (const name of ['drawElements', 'drawArrays', 'drawElementsInstanced', 'drawArraysInstanced', 'drawRangeElements']) {
      const f = C.prototype[name];
      if (typeof f === 'function') C.prototype[name] = function (...args) { ${counter}.draws++; return f.apply(this, args); };
    }
  }
`;

export const HOOK = `(() => {
  let handle;
  const b = { longTasks: 0, setStyle: 0, styledata: 0, contentChanges: 0, programs: 0, distinctPrograms: 0, draws: 0 };
  window.__bench = b;
  // Main-thread tasks over 50 ms until the first idle: the page's own work competing with the map.
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) if (b.idle === undefined) b.longTasks += e.duration;
  }).observe({ type: 'longtask', buffered: true });
  // Draw calls: a frame counts as drawn only if it issued some (a page may hold its frames back).
  ${countDraws('b')}
  // Programs linked before the first idle, and how many distinct pairs of shader sources they had.
  const shaderText = new WeakMap();
  const attached = new WeakMap();
  const distinct = new Set();
  for (const C of [window.WebGLRenderingContext, window.WebGL2RenderingContext]) {
    if (!C) continue;
    const P = C.prototype;
    const shaderSource = P.shaderSource;
    const attachShader = P.attachShader;
    const linkProgram = P.linkProgram;
    P.shaderSource = function (shader, text) { shaderText.set(shader, text); return shaderSource.call(this, shader, text); };
    P.attachShader = function (program, shader) {
      const list = attached.get(program) || [];
      list.push(shader);
      attached.set(program, list);
      return attachShader.call(this, program, shader);
    };
    P.linkProgram = function (program) {
      if (b.idle === undefined) {
        b.programs++;
        distinct.add((attached.get(program) || []).map((s) => shaderText.get(s) || '').sort().join('\\u0000'));
        b.distinctPrograms = distinct.size;
      }
      return linkProgram.call(this, program);
    };
  }
  // The first frame that drew a basemap tile's content (see scripts/bench/hook.ts).
  const basemapDrawn = (map) => {
    const style = map.style;
    const managers = style && (style.tileManagers || style.sourceCaches);
    const basemap = managers && managers.basemap;
    if (!basemap) return 0;
    const zoom = map.getZoom();
    let tiles = 0;
    for (const id of basemap.getRenderableIds()) {
      const tile = basemap.getTileByID(id);
      if (!tile || !tile.buckets) continue;
      if (Object.keys(tile.buckets).some((layerId) => {
        const layer = style.getLayer(layerId);
        return layer && layer.source === 'basemap' && !layer.isHidden(zoom);
      })) tiles++;
    }
    return tiles;
  };
  Object.defineProperty(window, '__yangpu', {
    configurable: true,
    get() { return handle; },
    set(v) {
      handle = v;
      b.created = performance.now();
      const map = v.map;
      // Style changes before the first idle restart the map's work: count them.
      const setStyle = map.setStyle.bind(map);
      map.setStyle = (...args) => { if (b.idle === undefined) b.setStyle++; return setStyle(...args); };
      map.on('styledata', () => { if (b.idle === undefined) b.styledata++; });
      map.on('sourcedata', (e) => { if (b.idle === undefined && e.sourceDataType === 'content') b.contentChanges++; });
      map.once('render', () => { b.firstFrame = performance.now(); });
      let drawsBefore = b.draws;
      const onRender = () => {
        const drew = b.draws > drawsBefore;
        drawsBefore = b.draws;
        if (!drew) return;
        const tiles = basemapDrawn(map);
        if (!tiles) return;
        b.firstPaint = performance.now();
        b.firstPaintTiles = tiles;
        b.programsAtFirstPaint = b.programs;
        map.off('render', onRender);
      };
      map.on('render', onRender);
      map.once('styledata', () => { b.styled = performance.now(); });
      const onTile = (e) => {
        if (e.sourceId !== 'basemap' || !e.tile) return;
        b.firstTile = performance.now();
        map.off('sourcedata', onTile);
      };
      map.on('sourcedata', onTile);
      map.once('load', () => { b.loaded = performance.now(); });
      map.once('idle', () => {
        b.idle = performance.now();
        const canvas = map.getCanvas();
        b.canvas = [canvas.clientWidth, canvas.clientHeight];
        const zoom = map.getZoom();
        const layers = map.getStyle().layers;
        const visible = layers.filter((l) => !l.layout || l.layout.visibility !== 'none');
        b.layers = layers.length;
        b.visibleLayers = visible.length;
        b.drawnLayers = visible.filter((l) => !(l.minzoom !== undefined && zoom < l.minzoom) && !(l.maxzoom !== undefined && zoom >= l.maxzoom)).length;
      });
    },
  });
})();`;
