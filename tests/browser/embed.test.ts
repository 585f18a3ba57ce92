import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { embedSnippet, embedUrl } from '../../src/lib/state/embed.ts';
import {
  axeSerious,
  newOwnedPage,
  screenshotPath,
  useBrowserSuite,
  watchProblems,
  waitForIdle,
  type MapHandle,
  type PageProblems,
  type Viewport,
} from './harness.ts';

/*
 * The embed as another site uses it: a host page on another origin (and another site: `localhost` against the test
 * server's 127.0.0.1) frames the embed page with the snippet the share dialog gives, and the build's headers, applied
 * by the test server as a host applies `_headers`, decide what may be framed.
 */

const suite = useBrowserSuite();
let host: Server;
let hostOrigin: string;
const DESKTOP: Viewport = { width: 1280, height: 800 };
const PHONE: Viewport = { width: 390, height: 844 };

// The host page: a heading and one frame, of the embed snippet or of any address (the full app, to be refused).
function hostPage(frame: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>A district's page</title>
<style>body { margin: 0; font: 16px sans-serif } h1 { font-size: 1rem; margin: 0.5rem } iframe { display: block }</style></head>
<body><main><h1>A district's page</h1>${frame}</main></body></html>`;
}

beforeAll(async () => {
  host = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    if (url.pathname !== '/') return void res.writeHead(204).end();
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }).end(hostPage(url.searchParams.get('frame') ?? ''));
  });
  await new Promise<void>((ok) => host.listen(0, 'localhost', ok));
  hostOrigin = `http://localhost:${(host.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((done) => host.close(() => done())));

const snippet = (src: string, title: string) => embedSnippet(src, { title, width: '100%', height: '560' });

/** A host page framing `frameHtml`, watched for problems (its frames' too), in a context of its own. */
async function openHost(frameHtml: string, viewport: Viewport): Promise<{ page: Page; problems: PageProblems }> {
  // `greet`: no welcome to skip (the embed has none), so no init script touching storage in the frame.
  const page = await newOwnedPage(suite.browser, { greet: true, viewport, ...(viewport.width < 640 ? { isMobile: true, hasTouch: true } : {}) });
  const problems = watchProblems(page, suite.server.url.replace(/\/$/, ''));
  await page.goto(`${hostOrigin}/?frame=${encodeURIComponent(frameHtml)}`);
  return { page, problems };
}

// The host's own requests are its business; everything else counts (the frame's requests, errors and CSP reports).
const frameProblems = (p: PageProblems) => p.errors.filter((e) => !e.startsWith(`third-party request: ${hostOrigin}/`));

async function embedFrame(page: Page): Promise<Frame> {
  const frame = await (await page.waitForSelector('iframe')).contentFrame();
  if (!frame) throw new Error('no frame');
  await waitForIdle(frame as unknown as Page);
  return frame;
}

const siteOrigin = () => suite.server.url.replace(/\/$/, '');

describe('the embedded map on another site (production build)', () => {
  it('desktop, English: the map alone, under the CSP, keeping the link’s language, layers and selection', async () => {
    const link = '?lang=en&map=14.2/31.27487/121.52756&layers=-metro&sel=plan:zc-changyang-campus';
    const src = embedUrl(suite.server.url, link, { panels: false });
    // The embed page may be framed by any site; the full policy holds there too.
    const headers = (await fetch(src)).headers;
    expect(headers.get('content-security-policy')).toMatch(/^default-src 'self'; .*, frame-ancestors \*$/);
    expect(headers.get('x-frame-options')).toBeNull();

    const { page, problems } = await openHost(snippet(src, 'Yangpu Innovation Map'), DESKTOP);
    const frame = await embedFrame(page);
    expect(new URL(frame.url()).origin).toBe(siteOrigin());
    expect(await frame.evaluate(() => document.documentElement.lang)).toBe('en');
    // Lean: no header, search, About, language button or panels; the attribution stays.
    expect(await frame.getByRole('banner').count()).toBe(0);
    expect(await frame.getByRole('combobox').count()).toBe(0);
    expect(await frame.getByRole('tablist').count()).toBe(0);
    expect(await frame.getByRole('button', { name: /About|中文|Chinese/ }).count()).toBe(0);
    expect(await frame.locator('.maplibregl-ctrl-attrib').textContent()).toMatch(/OpenStreetMap/);
    // The link's state: the metro off, the campus selected (its card open).
    expect(await frame.evaluate(() => (window as unknown as MapHandle).__yangpu.map.getLayoutProperty('metro-line', 'visibility'))).toBe('none');
    const card = frame.getByRole('region', { name: /Changyang/ }).first();
    await card.waitFor();
    // The card of the link's selection opens without taking the host page's focus.
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('BODY');
    expect(await frame.evaluate(() => document.activeElement?.tagName)).toBe('BODY');

    // The way out: the same view in the full app, in a new tab.
    const out = frame.getByRole('link', { name: /Open the full map/ });
    expect(await out.getAttribute('target')).toBe('_blank');
    expect(await out.getAttribute('rel')).toMatch(/\bnoopener\b/);
    const full = new URL((await out.getAttribute('href'))!);
    expect(`${full.origin}${full.pathname}`).toBe(suite.server.url);
    expect(full.searchParams.get('embed')).toBeNull();
    expect(full.search).toBe(link);

    // The frame's address follows the state by replacing its entry: the host page's history never grows.
    const length = await page.evaluate(() => history.length);
    await card.getByRole('button', { name: 'Close', exact: true }).first().click();
    await expect.poll(() => frame.url()).not.toContain('sel=');
    expect(frame.url()).toContain('?embed=map&lang=en&');
    await expect.poll(async () => new URL((await out.getAttribute('href'))!).searchParams.get('sel')).toBeNull();
    expect(await page.evaluate(() => history.length)).toBe(length);

    await page.screenshot({ path: screenshotPath('embed-desktop-en') });
    expect(await axeSerious(page)).toEqual([]);
    expect(frameProblems(problems)).toEqual([]);
    await page.close();
  });

  it('phone, Chinese: the map with its panels, the card on a selection, a 44 px way out', async () => {
    const src = embedUrl(suite.server.url, '?lang=zh&sel=plan:sp-fudan', { panels: true });
    const { page, problems } = await openHost(snippet(src, '杨浦创新地图'), PHONE);
    const frame = await embedFrame(page);
    expect(await frame.evaluate(() => document.documentElement.lang)).toBe('zh-Hans');
    expect(await frame.getByRole('banner').count()).toBe(0);
    expect(await frame.getByRole('combobox').count()).toBe(0);
    expect(await frame.getByRole('tablist').getByRole('tab').count()).toBeGreaterThan(3);
    await frame
      .getByRole('region', { name: /复旦大学国家大学科技园/ })
      .first()
      .waitFor();
    const out = frame.getByRole('link', { name: /打开完整地图/ });
    expect((await out.boundingBox())!.height).toBeGreaterThanOrEqual(44);
    expect(new URL((await out.getAttribute('href'))!).search).toMatch(/^\?lang=zh&map=[^&]+&sel=plan:sp-fudan$/);
    await page.screenshot({ path: screenshotPath('embed-phone-zh') });
    expect(await axeSerious(page)).toEqual([]);
    expect(frameProblems(problems)).toEqual([]);
    await page.close();
  });

  it('the full app refuses to be framed, at / and at /index.html', async () => {
    for (const path of ['', 'index.html']) {
      const h = (await fetch(`${suite.server.url}${path}?lang=en`)).headers;
      expect(h.get('content-security-policy'), path).toMatch(/^default-src 'self'; .*, frame-ancestors 'none'$/);
      expect(h.get('x-frame-options'), path).toBe('DENY');
    }
    const frames = ['', 'index.html'].map((p) => `<iframe src="${suite.server.url}${p}?lang=en" title="app ${p}" width="600" height="300"></iframe>`).join('');
    const { page, problems } = await openHost(frames, DESKTOP);
    const served = suite.server.requests.length;
    // Chromium blocks both answers and says why in the host page's console.
    const blocked = () => problems.errors.filter((e) => e.startsWith(`request failed: ${siteOrigin()}/`) && e.endsWith('net::ERR_BLOCKED_BY_RESPONSE'));
    await expect.poll(() => blocked().length, { timeout: 15_000 }).toBe(2);
    expect(problems.errors.some((e) => /Framing '[^']+' violates .*"frame-ancestors 'none'"/.test(e))).toBe(true);
    // Neither frame holds the app: each shows the browser's error page, and no script of the app was asked for.
    const children = page.frames().filter((f) => f !== page.mainFrame());
    expect(children).toHaveLength(2);
    // (Each frame takes its error page's address a moment after the console has said why.)
    await expect.poll(() => children.map((f) => f.url())).toEqual(children.map(() => expect.stringMatching(/^chrome-error:/)));
    expect(suite.server.requests.slice(served).filter((r) => r.path.startsWith('/assets/'))).toEqual([]);
    await page.close();
  });

  it('a visitor who has the offline copy gets the embed page itself from the service worker, with its headers', async () => {
    const page = await newOwnedPage(suite.browser, { viewport: DESKTOP });
    const problems = watchProblems(page, siteOrigin());
    await page.goto(`${suite.server.url}?lang=en`);
    await waitForIdle(page);
    await page.evaluate(() => navigator.serviceWorker.ready);
    await page.context().setOffline(true);
    const res = await page.goto(embedUrl(suite.server.url, '?lang=en', { panels: false }));
    expect(res?.fromServiceWorker()).toBe(true);
    expect(res?.headers()['content-security-policy']).toMatch(/, frame-ancestors \*$/);
    await waitForIdle(page);
    expect(await page.getByRole('banner').count()).toBe(0);
    await page.getByRole('link', { name: /Open the full map/ }).waitFor();
    // …and the app's page is still the app.
    const app = await page.goto(`${suite.server.url}?lang=en`);
    expect(app?.headers()['content-security-policy']).toMatch(/, frame-ancestors 'none'$/);
    await page.getByRole('banner').waitFor();
    expect(problems.errors).toEqual([]);
    await page.close();
  });
});
