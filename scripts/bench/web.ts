/**
 * The browser sections of `npm run bench`: navigation → the map's first `idle` for the app against the baseline page
 * (alternating runs, a fresh browser context each), and (scripts/bench/bytes.ts) the JavaScript and CSS the app's
 * first view downloads.
 */
import { cpus, loadavg } from 'node:os';
import type { Browser } from 'playwright-core';
import { firstViewBytes, type BytesResults, type FetchRecord } from './bytes.ts';
import { BASELINE_PATH, type BuiltSite, type Server } from './site.ts';
import type { BenchSection } from './table.ts';

/** Page-side times, from performance.now() (milliseconds since navigation started). */
interface RunTimes {
  /** When the page assigned `window.__yangpu` (the map had just been constructed). */
  created: number;
  /** The map's `load` event: style and first sources loaded. */
  loaded: number;
  idle: number;
  /** Milliseconds of main-thread tasks over 50 ms before the first idle. */
  longTasks: number;
  /** Calls of map.setStyle, `styledata` events and source content changes (setData) before the first idle. */
  setStyle: number;
  styledata: number;
  contentChanges: number;
}

interface Run extends RunTimes, FetchRecord {
  camera?: { lon: number; lat: number; zoom: number; layers: string[]; lang: string; style: unknown };
}

// Installed before any page script: the map handle's setter notes when the map was built and hooks its first idle.
// A string, not a function: tsx would wrap a function's inner names in a helper the page does not have.
const HOOK_IDLE = `(() => {
  let handle;
  const b = { longTasks: 0, setStyle: 0, styledata: 0, contentChanges: 0 };
  window.__bench = b;
  // Main-thread tasks over 50 ms until the first idle: the page's own work competing with the map.
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) if (b.idle === undefined) b.longTasks += e.duration;
  }).observe({ type: 'longtask', buffered: true });
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
      map.once('load', () => { b.loaded = performance.now(); });
      map.once('idle', () => { b.idle = performance.now(); });
    },
  });
})();`;

async function measure(browser: Browser, url: string, withCamera: boolean, style?: unknown, blockServiceWorker = false): Promise<Run> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'zh-CN' });
  try {
    const requested: string[] = [];
    const byServiceWorker: string[] = [];
    context.on('request', (r) => (r.serviceWorker() ? byServiceWorker : requested).push(r.url()));
    await context.addInitScript({ content: HOOK_IDLE });
    if (style) await context.addInitScript({ content: `window.__benchStyle = ${JSON.stringify(style)};` });
    // Without navigator.serviceWorker the app skips registering its worker (Playwright's own serviceWorkers: 'block'
    // routes every request through the test runner, which slows the page it measures).
    if (blockServiceWorker) await context.addInitScript({ content: 'delete Navigator.prototype.serviceWorker;' });
    const page = await context.newPage();
    await page.goto(url, { waitUntil: 'commit' });
    await page.waitForFunction(() => (window as unknown as { __bench?: { idle?: number } }).__bench?.idle !== undefined, null, {
      timeout: 120_000,
      polling: 250,
    });
    return await page
      .evaluate((camera) => {
        const b = (window as unknown as { __bench: RunTimes }).__bench;
        const fetched = (performance.getEntriesByType('resource') as PerformanceResourceTiming[])
          .filter((e) => e.responseEnd <= b.idle)
          .map((e) => ({ url: e.name, responseEnd: e.responseEnd, transferSize: e.transferSize }));
        const out: Run = { ...b, fetched, requested: [], byServiceWorker: [] };
        if (camera) {
          const map = (window as unknown as { __yangpu: { map: import('maplibre-gl').Map } }).__yangpu.map;
          const c = map.getCenter();
          out.camera = {
            lon: c.lng,
            lat: c.lat,
            zoom: map.getZoom(),
            layers: map
              .getStyle()
              .layers.filter((l) => 'source' in l && l.source === 'basemap')
              .map((l) => l.id),
            lang: document.documentElement.lang,
            style: map.getStyle(),
          };
        }
        return out;
      }, withCamera)
      .then((r) => ({ ...r, requested, byServiceWorker: [...byServiceWorker] }));
  } finally {
    await context.close();
  }
}

const sec = (v: number) => (v / 1000).toFixed(2);

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

export interface WebResults extends BytesResults {
  idleSection: BenchSection;
  /** Median of the per-pair ratios app / baseline. */
  ratio: number;
}

export interface WebOptions {
  pairs?: number;
  /**
   * Also time, in every round, the app's own style on the baseline page and the app with its service worker
   * blocked (default true): they tell how much of the difference is the style's, the precache's and the rest's.
   */
  diagnose?: boolean;
  log?: (line: string) => void;
}

/**
 * Runs the app and the baseline alternately (and, unless turned off, the app's style on the baseline page, which
 * tells how much of the difference is the style's and how much the app's code) and reads the app's first-view
 * downloads from the same runs.
 */
export async function webSections(browser: Browser, server: Server, site: BuiltSite, options: WebOptions = {}): Promise<WebResults> {
  const pairs = options.pairs ?? 15;
  const appUrl = `${server.url}/`;
  // Warm-up: fills the server's and the OS's caches, and gives the app's camera and style to the baseline.
  const warm = await measure(browser, appUrl, true);
  const cam = warm.camera!;
  const baselineUrl =
    `${server.url}${BASELINE_PATH}?lon=${cam.lon}&lat=${cam.lat}&zoom=${cam.zoom}` +
    `&lang=${cam.lang.startsWith('en') ? 'en' : 'zh'}&layers=${cam.layers.join(',')}`;
  await measure(browser, baselineUrl, false);
  const pages = [
    { name: 'app', runs: [] as Run[], run: () => measure(browser, appUrl, false) },
    { name: 'baseline (plain MapLibre)', runs: [] as Run[], run: () => measure(browser, baselineUrl, false) },
    ...(options.diagnose === false
      ? []
      : [
          { name: "app's style on the baseline page", runs: [] as Run[], run: () => measure(browser, baselineUrl, false, cam.style) },
          { name: 'app, service worker blocked', runs: [] as Run[], run: () => measure(browser, appUrl, false, undefined, true) },
        ]),
  ];
  for (let i = 0; i < pairs; i++) {
    // Rotate which goes first, so none always runs on a browser just warmed by another.
    for (let k = 0; k < pages.length; k++) {
      const p = pages[(i + k) % pages.length]!;
      p.runs.push(await p.run());
    }
    options.log?.(`round ${i + 1}/${pairs}: ${pages.map((p) => `${p.name} ${sec(p.runs.at(-1)!.idle)} s`).join(', ')}`);
  }
  const [app, base] = [pages[0]!.runs, pages[1]!.runs];
  const ratioOf = (runs: Run[]) => runs.map((a, i) => a.idle / base[i]!.idle);
  const ratios = ratioOf(app);
  const ratio = median(ratios);
  const row = (name: string, runs: Run[]) => {
    const idle = runs.map((r) => r.idle);
    const med = (f: (r: Run) => number) => median(runs.map(f));
    return [
      name,
      sec(med((r) => r.created)),
      sec(med((r) => r.loaded)),
      sec(median(idle)),
      sec(Math.min(...idle)),
      sec(Math.max(...idle)),
      sec(med((r) => r.longTasks)),
      `${med((r) => r.setStyle)} / ${med((r) => r.styledata)} / ${med((r) => r.contentChanges)}`,
    ];
  };
  const ratioRow = (name: string, rs: number[], aim: string) => [name, median(rs).toFixed(2), Math.min(...rs).toFixed(2), Math.max(...rs).toFixed(2), aim];
  const style = cam.style as { layers: { type: string; source?: string; layout?: { visibility?: string } }[]; sources: Record<string, { type: string }> };
  const shown = style.layers.filter((l) => l.layout?.visibility !== 'none');
  const overlays = shown.filter((l) => l.source && l.source !== 'basemap');
  const styleNote =
    `The app's style at idle (${(JSON.stringify(style).length / 1024).toFixed(0)} KB of JSON): ${style.layers.length} layers (${shown.length} shown: ${shown.filter((l) => l.source === 'basemap').length} on the basemap, ${overlays.length} on ` +
    `${[...new Set(overlays.map((l) => l.source))].join(', ')}; ${shown.filter((l) => l.type === 'symbol').length} symbol layers), ` +
    `${Object.keys(style.sources).length} sources; the baseline's: ${cam.layers.length + 1} layers, 1 source.`;
  const load = loadavg()
    .map((l) => l.toFixed(1))
    .join(' ');
  const idleSection: BenchSection = {
    title: '1. Navigation → first map idle',
    notes: [
      `${pairs} rounds after a warm-up, the pages' order rotating; a fresh browser context (empty cache) per run;`,
      `1280×800, locale zh-CN. Times are performance.now() in the page (from navigation): when the page assigns`,
      `window.__yangpu (the map was just constructed), the map's 'load' and its first 'idle' event; before that idle, the`,
      `main thread's long tasks (total seconds) and the calls of map.setStyle, 'styledata' events and source data changes.`,
      `Baseline: the same basemap archive and basemap style layers (src/lib/layers, basemap rows) on a bare MapLibre`,
      `map at the app's camera (${cam.lon.toFixed(4)}, ${cam.lat.toFixed(4)}, z${cam.zoom.toFixed(2)}), built by vite into ${BASELINE_PATH}.`,
      styleNote,
      ...(pages[2]
        ? [
            "Diagnostic pages: the baseline given the app's whole style (overlays, plan GeoJSON) as the app had it at idle,",
            'and the app with navigator.serviceWorker removed (it registers no worker, so no precache downloads beside it).',
          ]
        : []),
      `All served by vite preview (gzip, Range) on 127.0.0.1; Debian's Chromium, WebGL on SwiftShader (CPU);`,
      `${cpus().length} CPUs, load average at the end ${load}.`,
    ],
    tables: [
      {
        columns: [
          'page (seconds from navigation)',
          'map built (median)',
          "map 'load'",
          'first idle (median)',
          'min',
          'max',
          'long tasks',
          'setStyle / styledata / setData',
        ],
        rows: pages.map((p) => row(p.name, p.runs)),
      },
      {
        columns: ['ratio of first idle, per round', 'median', 'min', 'max', 'aim'],
        rows: [
          ratioRow('app / baseline', ratios, '≤ 1.15'),
          ...(pages[2] && pages[3]
            ? [
                ratioRow("app's style on the baseline page / baseline", ratioOf(pages[2].runs), ''),
                ratioRow(
                  "app / app's style on the baseline page",
                  app.map((a, i) => a.idle / pages[2]!.runs[i]!.idle),
                  '',
                ),
                ratioRow('app, service worker blocked / baseline', ratioOf(pages[3].runs), ''),
              ]
            : []),
        ],
      },
    ],
  };
  const bytes = firstViewBytes(app, site, server);
  return { idleSection, ...bytes, ratio };
}
