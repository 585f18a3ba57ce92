import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { chromium, type Browser, type BrowserContextOptions, type Download, type Page, type Request } from 'playwright-core';
import { afterAll, beforeAll, expect, inject, onTestFailed } from 'vitest';
import { startServer, type TestServer } from './server.ts';
import { CHROMIUM_PATH, PLAYWRIGHT_CHROMIUM_FLAGS } from '../../scripts/lib/chromium.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The run's Chromium servers, one per worker (see tests/browser/global-setup.ts). */
    chromiumEndpoints: string[];
  }
}

export const ROOT = resolve(import.meta.dirname, '../..');
export const SCREENSHOTS = resolve(ROOT, 'tests/browser/__screenshots__');

/**
 * The production build (YANGPU_DIST, else dist/) served by the test server of tests/browser/server.ts: Range
 * requests, ETags, the cache headers and the CSP header a host should send, and `setFault` to break answers.
 * Pages register the site's service worker once idle, which then precaches the build and serves later loads
 * of that context from its cache: a test that breaks the server and then reloads should open its context with
 * `serviceWorkers: 'block'` (or check `server.requests`) to be sure the fault is what the page sees.
 */
export async function startPreview(): Promise<TestServer> {
  // YANGPU_DIST lets parallel work test its own build without overwriting dist/.
  const root = resolve(ROOT, process.env.YANGPU_DIST ?? 'dist');
  if (!existsSync(resolve(root, 'index.html'))) throw new Error(`no build in ${root}: run \`npm run build\` (or vite build --outDir)`);
  return startServer({ root });
}

/** How to launch Debian's Chromium: WebGL2 on SwiftShader, no background network traffic (as the bench does). */
export const CHROMIUM = { executablePath: CHROMIUM_PATH, args: PLAYWRIGHT_CHROMIUM_FLAGS };

/**
 * The browser of a test file. Under vitest the run's global setup (tests/browser/global-setup.ts) keeps one
 * Chromium per worker for the whole run, and a file connects to its worker's: no launch per file, and the GPU
 * process's compiled shaders stay warm (a file's first map otherwise costs 1–2 s more CPU than the next). What a
 * file creates lives in its own contexts, which `close()` on the connection closes; the browser goes on.
 * Outside vitest (or without the setup) it launches a browser of its own.
 */
export async function launchBrowser(): Promise<Browser> {
  const endpoints = process.env.VITEST ? inject('chromiumEndpoints') : undefined;
  if (!endpoints?.length) return chromium.launch(CHROMIUM);
  const worker = Math.max(1, Number(process.env.VITEST_POOL_ID ?? 1));
  return chromium.connect(endpoints[(worker - 1) % endpoints.length]!);
}

/** Problems a page reported: uncaught errors, console errors, failed or refused requests, CSP violations. */
export interface PageProblems {
  errors: string[];
}

// Chromium logs most CSP refusals to the console, but not every one (e.g. some inside workers or frames):
// the `securitypolicyviolation` event sees them all in the document that owns the policy.
const CSP_LISTENER = `addEventListener('securitypolicyviolation', (e) => console.error('CSP violation: ' + e.effectiveDirective + ' blocked ' + (e.blockedURI || 'inline') + ' at ' + e.sourceFile + ':' + e.lineNumber), true);`;

/**
 * Records every page error, console error, failed request and Content-Security-Policy violation (page and
 * workers), so a test can demand there were none. Call it before the page navigates.
 */
export function watchProblems(page: Page, origin: string): PageProblems {
  const problems: PageProblems = { errors: [] };
  // Sent before any later navigation of this page (Playwright keeps the order of its protocol messages).
  void page.addInitScript({ content: CSP_LISTENER });
  page.on('pageerror', (e) => problems.errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') problems.errors.push(`console.error: ${m.text()}`);
    else if (/Content Security Policy/i.test(m.text())) problems.errors.push(`console.${m.type()}: ${m.text()}`);
  });
  page.on('worker', (w) =>
    w.on('console', (m) => {
      if (/Content Security Policy/i.test(m.text())) problems.errors.push(`worker console: ${m.text()}`);
    }),
  );
  // Counts the documents the main frame has held, so a request can tell whether the document it belonged to is gone.
  // A document ends at the commit of the next one, not when its navigation starts: until the new document's answer
  // arrives the old one still runs and may still send requests, which the commit then drops (and their failure may
  // be announced before the commit itself). So a request belongs to the documents committed when it was sent, and
  // it was dropped with its document if a navigation has been answered since. `framenavigated` alone also fires for
  // the app's own history.replaceState, which must forgive nothing: it counts only after an answered navigation.
  let answered = 0;
  let committed = 0;
  const issuedIn = new WeakMap<Request, number>();
  page.on('request', (r) => issuedIn.set(r, committed));
  page.on('response', (r) => {
    if (r.request().isNavigationRequest() && r.frame() === page.mainFrame()) answered += 1;
  });
  page.on('framenavigated', (f) => {
    if (f === page.mainFrame()) committed = answered;
  });
  page.on('requestfailed', (r) => {
    const reason = r.failure()?.errorText ?? '';
    if (reason === 'net::ERR_ABORTED') {
      // MapLibre cancels tile requests it no longer needs while the camera moves: the page's choice, not a failure.
      if (new URL(r.url()).pathname.endsWith('.pmtiles')) return;
      // The browser, not the page, fetches the tab's icon, and fetches it again each time the app writes the view
      // into the address (replaceState); a reload then cancels the old document's fetch, whose request may be
      // announced just after the reload's own. A missing icon still fails as an HTTP error below.
      if (new URL(r.url()).pathname === '/favicon.svg') return;
      // A reload or navigation drops whatever the old document still had in flight (the icon, the plan's data…).
      if (answered > (issuedIn.get(r) ?? answered)) return;
    }
    problems.errors.push(`request failed: ${r.url()} ${reason}`);
  });
  page.on('response', (r) => {
    if (r.status() >= 400) problems.errors.push(`HTTP ${r.status()}: ${r.url()}`);
  });
  page.on('request', (r) => {
    // The map must never reach a third-party host (fonts, glyphs, tiles all come from the site).
    if (!r.url().startsWith(origin) && !r.url().startsWith('data:') && !r.url().startsWith('blob:')) {
      problems.errors.push(`third-party request: ${r.url()}`);
    }
  });
  return problems;
}

/**
 * Waits until the map exists and has rendered everything it asked for (its `idle` event), and the app has taken in
 * what it shows: it counts the features in view in a task of its own right after the event (map/interactions.ts),
 * which a task queued after it follows.
 */
export async function waitForIdle(page: Page, timeout = 60_000): Promise<void> {
  await page.waitForFunction(() => Boolean((window as unknown as { __yangpu?: unknown }).__yangpu), null, { timeout });
  await page.evaluate(
    (ms) =>
      new Promise<void>((done, fail) => {
        const map = (window as unknown as { __yangpu: { map: import('maplibre-gl').Map } }).__yangpu.map;
        const timer = setTimeout(() => fail(new Error('map never became idle')), ms);
        map.once('idle', () => {
          clearTimeout(timer);
          setTimeout(done, 0);
        });
        map.triggerRepaint();
      }),
    timeout,
  );
}

/** Whether `url` is the built chunk named `name` (`/assets/<name>-<hash>.js`). */
export const isChunk = (url: string | undefined, name: string): boolean =>
  new RegExp(`/assets/${name}-[^/]*\\.js$`).test(new URL(url ?? '/', 'http://x').pathname);

/**
 * Holds back the server's answers to the requests `held` picks (up to `ms`), until the returned function releases
 * them: a slow network that a test lets through once it has seen what the wait shows.
 */
export function holdBack(server: TestServer, held: (url: string | undefined) => boolean, ms = 20_000): () => void {
  let release = () => {};
  const released = new Promise<void>((r) => (release = r));
  server.setFault((req) => (held(req.url) ? { delayMs: ms, release: released } : null));
  return release;
}

/** Where in the page a plan point of a circle layer is drawn (its circle's translation included), to click it. */
export async function drawnAt(page: Page, layer: string, id: string): Promise<{ x: number; y: number }> {
  return page.evaluate(
    ([layer, id]) => {
      const map = (window as unknown as MapHandle).__yangpu.map;
      const f = map.queryRenderedFeatures({ layers: [layer] }).find((x) => x.properties.id === id)!;
      const p = map.project((f.geometry as GeoJSON.Point).coordinates as [number, number]);
      const [dx, dy] = (map.getPaintProperty(layer, 'circle-translate') as [number, number] | undefined) ?? [0, 0];
      const rect = map.getCanvas().getBoundingClientRect();
      return { x: rect.left + p.x + dx, y: rect.top + p.y + dy };
    },
    [layer, id] as const,
  );
}

/** Rendered features per style layer in the current view. */
export async function renderedCounts(page: Page, layerIds: string[]): Promise<Record<string, number>> {
  return page.evaluate((ids) => {
    const map = (window as unknown as { __yangpu: { map: import('maplibre-gl').Map } }).__yangpu.map;
    const out: Record<string, number> = {};
    for (const id of ids) out[id] = map.getLayer(id) ? map.queryRenderedFeatures({ layers: [id] }).length : -1;
    return out;
  }, layerIds);
}

let downloads: string | undefined;

/**
 * A download's file on this machine. The browser is the run's (see launchBrowser), reached through a connection,
 * so Playwright offers no path to its own copy: the file is saved into a folder of this test file, which
 * useBrowserSuite removes after the file.
 */
export async function downloadPath(download: Download): Promise<string> {
  downloads ??= mkdtempSync(join(tmpdir(), 'yangpu-downloads-'));
  const file = join(mkdtempSync(join(downloads, 'd-')), download.suggestedFilename() || 'download');
  await download.saveAs(file);
  return file;
}

function removeDownloads(): void {
  if (downloads) rmSync(downloads, { recursive: true, force: true });
  downloads = undefined;
}

export function screenshotPath(name: string): string {
  mkdirSync(SCREENSHOTS, { recursive: true });
  return resolve(SCREENSHOTS, `${name}.png`);
}

/** The map handle the app exposes on `window` for tests and debugging. */
export type MapHandle = { __yangpu: { map: import('maplibre-gl').Map } };

/**
 * One preview server and one browser connection (see launchBrowser) for a test file, started before its tests and
 * stopped after them (closing the connection closes every context the file opened).
 * Read `server` and `browser` inside tests (they are set by then).
 */
export function useBrowserSuite(): { server: Awaited<ReturnType<typeof startPreview>>; browser: Browser } {
  const suite = {} as { server: Awaited<ReturnType<typeof startPreview>>; browser: Browser };
  beforeAll(async () => {
    [suite.server, suite.browser] = await Promise.all([startPreview(), launchBrowser()]);
  });
  afterAll(async () => {
    await suite.browser?.close();
    await suite.server?.stop();
    removeDownloads();
  });
  return suite;
}

// The browser closing at the end of a file takes its contexts (and their dialogs) with it: a close or a dismissal
// still under way then finds its target gone, which is the state it was after. Anything else is a real failure.
function unlessClosed(err: unknown): void {
  if (!/has been closed/i.test(String(err))) throw err;
}

/**
 * A page in a fresh context of its own, which closes when the page does. The first visit's welcome is taken as seen
 * (as after a visitor's first dismissal), so a test meets the map it asks for; `greet: true` keeps it for the tests
 * of the welcome itself.
 *
 * The browser asks for reduced motion unless the options say otherwise: camera flights become jumps and labels stop
 * fading, which spares SwiftShader about a third of the frames it draws (CPU time of invest + explorer 226 s → 152 s)
 * with nothing a test looks at changed. The tests of search (tests/browser/search.test.ts) keep the motion, so the
 * animated paths are still driven.
 */
export async function newOwnedPage(browser: Browser, options: BrowserContextOptions & { greet?: boolean } = {}): Promise<Page> {
  const { greet = false, ...contextOptions } = options;
  const context = await browser.newContext({ reducedMotion: 'reduce', ...contextOptions });
  if (!greet) await context.addInitScript(() => localStorage.setItem('yangpu:welcomed', '1'));
  const page = await context.newPage();
  page.on('close', () => void context.close().catch(unlessClosed));
  return page;
}

/** Records and dismisses every browser dialog (alert, confirm, prompt): the site never asks through one. */
export function watchDialogs(page: Page): string[] {
  const dialogs: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(`${d.type()}: ${d.message()}`);
    void d.dismiss().catch(unlessClosed);
  });
  return dialogs;
}

/** A page in a context of its own (closed with the page), watched for problems, with the map idle. */
export async function openPage(
  suite: { server: { url: string }; browser: Browser },
  path: string,
  viewport = { width: 1280, height: 800 },
  { greet = false, motion = false }: { greet?: boolean; motion?: boolean } = {},
): Promise<{ page: Page; problems: PageProblems }> {
  const page = await newOwnedPage(suite.browser, {
    greet,
    reducedMotion: motion ? 'no-preference' : 'reduce',
    viewport,
    permissions: ['clipboard-read', 'clipboard-write'],
    ...(viewport.width < 640 ? { isMobile: true, hasTouch: true } : {}),
  });
  const problems = watchProblems(page, suite.server.url.replace(/\/$/, ''));
  await page.goto(`${suite.server.url}${path}`);
  await waitForIdle(page);
  return { page, problems };
}

/** Waits for the map to settle after a camera move the page started itself. */
export async function settle(page: Page): Promise<void> {
  await page.waitForFunction(() => !(window as unknown as MapHandle).__yangpu.map.isMoving(), null, { timeout: 20_000 });
  await waitForIdle(page);
}

/** A page size; under 640 px wide it is a phone (touch screen, mobile viewport), as openPage makes it. */
export type Viewport = { width: number; height: number };
const DESKTOP: Viewport = { width: 1280, height: 800 };

interface SharedPage {
  page: Page;
  problems: PageProblems;
  /** The camera the first load opened on (fitted to Yangpu), where every later visit starts. */
  view: { center: [number, number]; zoom: number; bearing: number; pitch: number };
}

/**
 * Pages the tests of a file take turns on, one per page size: for tests that change nothing but the app's own
 * state (no storage, service worker, permission or server fault of their own), whose start is a link.
 *
 * A cold start (a new context, the app's code, the first map render on SwiftShader) costs about 3 s of CPU. Instead,
 * `visit(path)` brings the open app to the link's state the way back and forward do (the address, then a
 * `popstate`, which the app follows: language, layers, selection, panel, task, tour, sketch, the dashboards'
 * settings), clears what a link does not carry (the search field, the focus, the pointer), puts the camera back
 * where the first load opened it (unless the link has its own `map=`), waits for the map and clears `problems`.
 * Links must name their language (`lang=`), as a fresh load would otherwise take the browser's.
 *
 * The first visit of a size opens the page with openPage, and so does the first visit after a failed test (the
 * failed test's page is closed: a failure never leaks its state into the next test). Tests leave the page open;
 * it is closed after the file.
 */
export function useSharedPages(
  suite: { server: { url: string }; browser: Browser },
  { motion = false }: { motion?: boolean } = {},
): {
  visit: (path: string, viewport?: Viewport) => Promise<{ page: Page; problems: PageProblems }>;
} {
  const pages = new Map<string, SharedPage>();
  const discard = async () => {
    const open = [...pages.values()];
    pages.clear();
    await Promise.all(open.map((p) => p.page.close().catch(unlessClosed)));
  };
  afterAll(discard);

  async function visit(path: string, viewport: Viewport = DESKTOP): Promise<{ page: Page; problems: PageProblems }> {
    onTestFailed(discard);
    const key = `${viewport.width}x${viewport.height}`;
    const shared = pages.get(key);
    if (!shared || shared.page.isClosed()) {
      const opened = await openPage(suite, path, viewport, { motion });
      const view = await opened.page.evaluate(() => {
        const m = (window as unknown as MapHandle).__yangpu.map;
        return { center: m.getCenter().toArray() as [number, number], zoom: m.getZoom(), bearing: m.getBearing(), pitch: m.getPitch() };
      });
      pages.set(key, { ...opened, view });
      return opened;
    }
    const { page, problems, view } = shared;
    const url = new URL(path, suite.server.url);
    if (!url.searchParams.has('lang')) throw new Error(`visit(${path}): a shared page's link must name its language`);
    await page.mouse.move(0, 0);
    await page.evaluate(
      ({ search, view }) => {
        const map = (window as unknown as MapHandle).__yangpu.map;
        map.stop();
        (document.activeElement as HTMLElement | null)?.blur?.();
        // The search field keeps the last query or choice; a fresh page has it empty (and its list closed).
        const field = document.querySelector<HTMLInputElement>('input[role="combobox"]');
        if (field && field.value !== '') {
          field.value = '';
          field.dispatchEvent(new Event('input', { bubbles: true }));
          field.blur();
        }
        history.pushState(null, '', `${location.pathname}${search}`);
        dispatchEvent(new PopStateEvent('popstate'));
        if (!new URLSearchParams(search).has('map')) map.jumpTo(view);
      },
      { search: url.search, view },
    );
    await expect.poll(() => page.evaluate(() => document.documentElement.lang.slice(0, 2))).toBe(url.searchParams.get('lang'));
    await waitForIdle(page);
    problems.errors.length = 0;
    return { page, problems };
  }

  return { visit };
}

/** The serious and critical accessibility violations axe finds on the page, or in the part `include` selects. */
export async function axeSerious(page: Page, include?: string): Promise<string[]> {
  let builder = new AxeBuilder({ page });
  if (include) builder = builder.include(include);
  const { violations } = await builder.analyze();
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}
