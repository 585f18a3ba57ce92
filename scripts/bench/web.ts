/**
 * The browser sections of `npm run bench`: navigation → the basemap's first paint and the map's first `idle` for the
 * app against the baseline page (alternating runs, a fresh browser context each), the WebGL programs and style
 * layers at that idle, and (scripts/bench/bytes.ts) the JavaScript and CSS the app's first view downloads.
 */
import { cpus, loadavg } from 'node:os';
import type { Browser } from 'playwright-core';
import { firstViewBytes, type BytesResults, type FetchRecord } from './bytes.ts';
import { HOOK, type PageMeasures } from './hook.ts';
import { BASELINE_PATH, type BuiltSite, type Server } from './site.ts';
import type { BenchSection } from './table.ts';

interface Run extends PageMeasures, FetchRecord {
  camera?: { lon: number; lat: number; zoom: number; layers: string[]; lang: string; style: unknown };
}

async function measure(browser: Browser, url: string, withCamera: boolean, style?: unknown, blockServiceWorker = false): Promise<Run> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'zh-CN' });
  try {
    const requested: string[] = [];
    const byServiceWorker: string[] = [];
    context.on('request', (r) => (r.serviceWorker() ? byServiceWorker : requested).push(r.url()));
    await context.addInitScript({ content: HOOK });
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
        const b = (window as unknown as { __bench: PageMeasures }).__bench;
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

const sec = (v: number) => (Number.isFinite(v) ? (v / 1000).toFixed(2) : '—');

/** The median of the finite values (NaN when there are none: a measure no run reached). */
const median = (values: number[]) => {
  const s = values.filter(Number.isFinite).sort((a, b) => a - b);
  if (!s.length) return NaN;
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

/** A count that should not vary between runs: its median, with the range when it did vary. */
const count = (values: number[]) => {
  const s = values.filter(Number.isFinite);
  if (!s.length) return '—';
  const [lo, hi] = [Math.min(...s), Math.max(...s)];
  return lo === hi ? String(lo) : `${median(s)} (${lo}–${hi})`;
};

/** WebGL programs and style layers at the first idle, medians over the runs of one page. */
export interface PageCounts {
  programs: number;
  layers: number;
  visibleLayers: number;
}

export interface WebResults extends BytesResults {
  idleSection: BenchSection;
  /** Rounds measured (each page once per round). */
  rounds: number;
  /** Median of the per-round ratios app / baseline of the first idle. */
  ratio: number;
  /** Median of the per-round ratios app / baseline of the basemap's first paint (NaN if a page never painted it). */
  firstPaintRatio: number;
  counts: { app: PageCounts; baseline: PageCounts };
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
  const [width, height] = warm.canvas;
  const baselineUrl =
    `${server.url}${BASELINE_PATH}?lon=${cam.lon}&lat=${cam.lat}&zoom=${cam.zoom}&w=${width}&h=${height}` +
    `&lang=${cam.lang.startsWith('en') ? 'en' : 'zh'}&layers=${cam.layers.join(',')}`;
  // The same camera on a map of another size is another view: fewer or more tiles and pixels to draw. A baseline page
  // whose stylesheet did not apply once drew a 1264×300 strip against the app's 1280×743.
  const baseWarm = await measure(browser, baselineUrl, false);
  if (baseWarm.canvas.join() !== warm.canvas.join()) {
    throw new Error(`the baseline's map is ${baseWarm.canvas.join('×')} CSS px, the app's ${warm.canvas.join('×')}: not the same view`);
  }
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
    options.log?.(
      `round ${i + 1}/${pairs}: ${pages.map((p) => `${p.name} paint ${sec(p.runs.at(-1)!.firstPaint ?? NaN)} s idle ${sec(p.runs.at(-1)!.idle)} s`).join(', ')}`,
    );
  }
  const [app, base] = [pages[0]!.runs, pages[1]!.runs];
  const ratioOf = (runs: Run[], f: (r: Run) => number = (r) => r.idle, against: Run[] = base) => runs.map((a, i) => f(a) / f(against[i]!));
  const ratios = ratioOf(app);
  const ratio = median(ratios);
  const paintRatios = ratioOf(app, (r) => r.firstPaint ?? NaN);
  const firstPaintRatio = median(paintRatios);
  const row = (name: string, runs: Run[]) => {
    const idle = runs.map((r) => r.idle);
    const med = (f: (r: Run) => number) => median(runs.map(f));
    return [
      name,
      sec(med((r) => r.created)),
      sec(med((r) => r.firstPaint ?? NaN)),
      sec(med((r) => r.loaded)),
      sec(median(idle)),
      sec(Math.min(...idle)),
      sec(Math.max(...idle)),
      sec(med((r) => r.longTasks)),
      `${med((r) => r.setStyle)} / ${med((r) => r.styledata)} / ${med((r) => r.contentChanges)}`,
    ];
  };
  // Where the time goes: the steps from navigation to the first idle (medians), and what each step adds to the app's
  // time beyond the baseline's (differences of medians, milliseconds).
  const STEPS: [string, (r: Run) => number][] = [
    ['map built', (r) => r.created],
    ['style parsed', (r) => r.styled ?? NaN],
    ['first frame', (r) => r.firstFrame ?? NaN],
    ['first basemap tile', (r) => r.firstTile ?? NaN],
    ['basemap first paint', (r) => r.firstPaint ?? NaN],
    ["'load'", (r) => r.loaded],
    ['first idle', (r) => r.idle],
  ];
  const stepRow = (name: string, runs: Run[]) => [name, ...STEPS.map(([, f]) => sec(median(runs.map(f))))];
  const stepGain = (runs: Run[]) => {
    let before = 0;
    return STEPS.map(([, f]) => {
      const now = median(runs.map(f)) - median(base.map(f));
      const step = now - before;
      before = now;
      return Number.isFinite(step) ? `${step >= 0 ? '+' : ''}${step.toFixed(0)}` : '—';
    });
  };
  const countRow = (name: string, runs: Run[]) => [
    name,
    count(runs.map((r) => r.programsAtFirstPaint ?? NaN)),
    count(runs.map((r) => r.programs)),
    count(runs.map((r) => r.distinctPrograms)),
    count(runs.map((r) => r.layers)),
    count(runs.map((r) => r.visibleLayers)),
    count(runs.map((r) => r.drawnLayers)),
    count(runs.map((r) => r.firstPaintTiles ?? NaN)),
  ];
  const countsOf = (runs: Run[]): PageCounts => ({
    programs: median(runs.map((r) => r.programs)),
    layers: median(runs.map((r) => r.layers)),
    visibleLayers: median(runs.map((r) => r.visibleLayers)),
  });
  const fixed = (v: number) => (Number.isFinite(v) ? v.toFixed(2) : '—');
  const ratioRow = (name: string, rs: number[], aim: string) => {
    const ok = rs.filter(Number.isFinite);
    return [name, fixed(median(ok)), fixed(Math.min(...ok)), fixed(Math.max(...ok)), aim];
  };
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
    title: '1. Navigation → basemap first paint and first map idle',
    notes: [
      `${pairs} rounds after a warm-up, the pages' order rotating; a fresh browser context (empty cache) per run;`,
      `1280×800, locale zh-CN. Times are performance.now() in the page (from navigation): when the page assigns`,
      `window.__yangpu (the map was just constructed), the basemap's first paint, the map's 'load' and its first 'idle'`,
      `event; before that idle, the main thread's long tasks (total seconds) and the calls of map.setStyle, 'styledata'`,
      `events and source data changes. Basemap first paint: the first 'render' event (fired right after a frame's draw`,
      `calls) that issued draw calls and at which the basemap source's renderable tiles include one holding a bucket of a`,
      `basemap layer shown at the zoom, i.e. the first frame that drew basemap content, not just the background, and not`,
      `a frame the page held (scripts/bench/hook.ts).`,
      `WebGL programs: linkProgram calls (WebGL 1 and 2, wrapped before any page script) before the basemap's first paint`,
      `and before the first idle; "distinct" counts distinct pairs of shader sources. Style layers at the first idle:`,
      `map.getStyle().layers, those with layout.visibility not 'none', and of those the ones inside their zoom range.`,
      `Baseline: the same basemap archive and basemap style layers (src/lib/layers, basemap rows) on a bare MapLibre`,
      `map at the app's camera (${cam.lon.toFixed(4)}, ${cam.lat.toFixed(4)}, z${cam.zoom.toFixed(2)}) and map size (${width}×${height} CSS px,`,
      `the app's map under its header), built by vite into ${BASELINE_PATH}.`,
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
          'basemap first paint',
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
        caption:
          "Where the time goes (seconds from navigation, medians), and what each step adds to the page's lag behind the baseline (ms; the steps add up to the lag at the first idle):",
        columns: ['page', ...STEPS.map(([n]) => n)],
        rows: [...pages.map((p) => stepRow(p.name, p.runs)), ...pages.slice(0, 1).map((p) => [`${p.name}: added per step`, ...stepGain(p.runs)])],
      },
      {
        caption: 'WebGL programs and style layers (median over the runs; the range when runs differ):',
        columns: [
          'page',
          'programs at first paint',
          'programs at first idle',
          'distinct',
          'style layers at idle',
          'visible',
          'in zoom range',
          'basemap tiles in first paint',
        ],
        rows: pages.map((p) => countRow(p.name, p.runs)),
      },
      {
        columns: ['ratio per round', 'median', 'min', 'max', 'aim'],
        rows: [
          ratioRow('first idle, app / baseline', ratios, '≤ 1.15'),
          ratioRow('basemap first paint, app / baseline', paintRatios, '≤ 1.05'),
          ...(pages[2] && pages[3]
            ? [
                ratioRow("first idle, app's style on the baseline page / baseline", ratioOf(pages[2].runs), ''),
                ratioRow("first idle, app / app's style on the baseline page", ratioOf(app, undefined, pages[2].runs), ''),
                ratioRow('first idle, app with service worker blocked / baseline', ratioOf(pages[3].runs), ''),
                ratioRow(
                  "basemap first paint, app's style on the baseline page / baseline",
                  ratioOf(pages[2].runs, (r) => r.firstPaint ?? NaN),
                  '',
                ),
              ]
            : []),
        ],
      },
    ],
  };
  const bytes = firstViewBytes(app, site, server);
  return { idleSection, ...bytes, rounds: pairs, ratio, firstPaintRatio, counts: { app: countsOf(app), baseline: countsOf(base) } };
}
