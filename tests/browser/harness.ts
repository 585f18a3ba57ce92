import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { resolve } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';

export const ROOT = resolve(import.meta.dirname, '../..');
export const SCREENSHOTS = resolve(ROOT, 'tests/browser/__screenshots__');

async function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const srv = createServer();
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      srv.close(() => (typeof addr === 'object' && addr ? ok(addr.port) : fail(new Error('no port'))));
    });
  });
}

/** The production build served by `vite preview` (which answers HTTP Range requests). */
export async function startPreview(): Promise<{ url: string; stop: () => Promise<void> }> {
  const port = await freePort();
  // Spawned through node, not npx: killing npx would leave vite running.
  const child: ChildProcess = spawn(
    process.execPath,
    // YANGPU_DIST lets parallel work test its own build without overwriting dist/.
    [resolve(ROOT, 'node_modules/vite/bin/vite.js'), 'preview', '--host', '127.0.0.1', '--port', String(port), '--strictPort', ...(process.env.YANGPU_DIST ? ['--outDir', process.env.YANGPU_DIST] : [])],
    { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  child.stdout?.on('data', (d) => (output += d));
  child.stderr?.on('data', (d) => (output += d));
  const url = `http://127.0.0.1:${port}/`;
  const deadline = Date.now() + 30_000;
  for (;;) {
    try {
      if ((await fetch(url)).ok) break;
    } catch {
      /* not up yet */
    }
    if (child.exitCode !== null || Date.now() > deadline) throw new Error(`vite preview did not start:\n${output}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    url,
    stop: () =>
      new Promise<void>((done) => {
        if (child.exitCode !== null) return done();
        child.once('exit', () => done());
        child.kill('SIGTERM');
      }),
  };
}

/** Debian's Chromium with WebGL2 on SwiftShader and no background network traffic. */
export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--use-angle=swiftshader',
      '--enable-unsafe-swiftshader',
      '--ignore-gpu-blocklist',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  });
}

/** Problems a page reported: uncaught errors, console errors, failed or refused requests. */
export interface PageProblems {
  errors: string[];
}

/** Records every page error, console error and failed request, so a test can demand there were none. */
export function watchProblems(page: Page, origin: string): PageProblems {
  const problems: PageProblems = { errors: [] };
  page.on('pageerror', (e) => problems.errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') problems.errors.push(`console.error: ${m.text()}`);
  });
  page.on('requestfailed', (r) => {
    const reason = r.failure()?.errorText ?? '';
    // MapLibre cancels tile requests it no longer needs while the camera moves: the page's choice, not a failure.
    if (reason === 'net::ERR_ABORTED' && /\.pmtiles$/.test(new URL(r.url()).pathname)) return;
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

/** Waits until the map exists and has rendered everything it asked for (its `idle` event). */
export async function waitForIdle(page: Page, timeout = 60_000): Promise<void> {
  await page.waitForFunction(() => Boolean((window as unknown as { __yangpu?: unknown }).__yangpu), null, { timeout });
  await page.evaluate(
    (ms) =>
      new Promise<void>((done, fail) => {
        const map = (window as unknown as { __yangpu: { map: import('maplibre-gl').Map } }).__yangpu.map;
        const timer = setTimeout(() => fail(new Error('map never became idle')), ms);
        map.once('idle', () => {
          clearTimeout(timer);
          done();
        });
        map.triggerRepaint();
      }),
    timeout,
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

export function screenshotPath(name: string): string {
  mkdirSync(SCREENSHOTS, { recursive: true });
  return resolve(SCREENSHOTS, `${name}.png`);
}

/** The map handle the app exposes on `window` for tests and debugging. */
export type MapHandle = { __yangpu: { map: import('maplibre-gl').Map } };

/**
 * One preview server and one browser for a test file, started before its tests and stopped after them.
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
  });
  return suite;
}

/** A page in a context of its own (closed with the page), watched for problems, with the map idle. */
export async function openPage(
  suite: { server: { url: string }; browser: Browser },
  path: string,
  viewport = { width: 1280, height: 800 },
): Promise<{ page: Page; problems: PageProblems }> {
  const context = await suite.browser.newContext({
    viewport,
    permissions: ['clipboard-read', 'clipboard-write'],
    ...(viewport.width < 640 ? { isMobile: true, hasTouch: true } : {}),
  });
  const page = await context.newPage();
  page.on('close', () => void context.close());
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
