import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  holdBack,
  isChunk,
  launchBrowser,
  type MapHandle,
  newOwnedPage,
  renderedCounts,
  ROOT,
  screenshotPath,
  settle,
  waitForIdle,
  watchDialogs,
  watchProblems,
  type PageProblems,
} from './harness.ts';
import { startServer, type Fault, type TestServer } from './server.ts';

// Issue 8: each fault of the basemap or the storage, injected by the test server (or an init script for storage),
// must be explained in the user's language while the plan's layers, search, the list and the panels keep working.

const DIST = resolve(ROOT, process.env.YANGPU_DIST ?? 'dist');
const ARCHIVE = readFileSync(resolve(DIST, 'tiles/basemap.pmtiles'));
const header = new DataView(ARCHIVE.buffer, ARCHIVE.byteOffset, ARCHIVE.byteLength);
const ROOT_DIR = { offset: Number(header.getBigUint64(8, true)), length: Number(header.getBigUint64(16, true)) };
const TILE_DATA = Number(header.getBigUint64(56, true));

let server: TestServer;
let browser: Browser;
beforeAll(async () => {
  [server, browser] = await Promise.all([startServer({ root: DIST }), launchBrowser()]);
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});
beforeEach(() => {
  server.setFault(null);
  server.requests.length = 0;
});

const isArchive = (url: string | undefined) => new URL(url ?? '/', 'http://x').pathname.endsWith('/basemap.pmtiles');
/** Breaks every request for the basemap archive with `fault`. */
const archiveFault = (fault: Fault) => server.setFault((req) => (isArchive(req.url) ? fault : null));

/**
 * A page in a context of its own, watched for problems and dialogs; unlike openPage, it does not wait for the map.
 * Each context starts without the site's service worker, which registers only once the first view is idle: the
 * faults below hit the first loads, which come from the server.
 */
async function open(path: string): Promise<{ page: Page; problems: PageProblems; dialogs: string[] }> {
  const page = await newOwnedPage(browser, { viewport: { width: 1280, height: 800 } });
  const problems = watchProblems(page, server.url.replace(/\/$/, ''));
  const dialogs = watchDialogs(page);
  await page.goto(`${server.url}${path}`);
  return { page, problems, dialogs };
}

const planDrawn = async (page: Page) => (await renderedCounts(page, ['science-parks-circle']))['science-parks-circle'] ?? 0;
const basemapSource = (page: Page) => page.evaluate(() => Boolean((window as unknown as MapHandle).__yangpu.map.getSource('basemap')));

/** The rest of the app responds: the list opens a card, search finds and selects a place, a tab opens. */
async function stillUsable(page: Page, lang: 'zh' | 'en') {
  const zh = lang === 'zh';
  await page.getByRole('tab', { name: zh ? '列表' : 'List' }).click();
  const first = page.getByRole('tabpanel').getByRole('button').first();
  await first.click();
  await expect
    .poll(() =>
      page
        .getByRole('region')
        .filter({ has: page.getByRole('heading', { level: 2 }) })
        .count(),
    )
    .toBeGreaterThan(0);
  expect(page.url()).toMatch(/sel=/);
  await page.keyboard.press('Escape');
  const box = page.getByRole('combobox');
  await box.fill(zh ? '复旦' : 'fudan');
  await page
    .getByRole('option', { name: zh ? /复旦大学国家大学科技园/ : /Fudan University National University Science Park/ })
    .first()
    .click();
  await expect.poll(() => page.url()).toMatch(/sel=plan:sp-fudan/);
  await settle(page);
  await page.getByRole('tab', { name: zh ? '任务' : 'Tasks' }).click();
  await expect.poll(async () => ((await page.getByRole('tabpanel').textContent()) ?? '').length).toBeGreaterThan(50);
}

/** Problems other than the ones the fault itself causes. */
const unexpected = (problems: PageProblems, allowed: RegExp[]) => problems.errors.filter((e) => !allowed.some((a) => a.test(e)));

describe('faults (production build, test server)', () => {
  it('a missing basemap (404) is explained in Chinese and English; the plan, search and panels work; "load again" brings it back', async () => {
    archiveFault({ status: 404 });
    const { page, problems, dialogs } = await open('?lang=zh');
    const banner = page.getByTestId('basemap-fault');
    await expect.poll(() => banner.getAttribute('data-kind'), { timeout: 30_000 }).toBe('missing');
    expect(await banner.getAttribute('role')).toBe('alert');
    const text = (await banner.textContent()) ?? '';
    expect(text).toContain('底图无法显示');
    expect(text).toContain('网站上找不到底图文件（HTTP 404）');
    expect(text).toContain('规划图层、搜索、列表和各面板仍可正常使用');
    // The map is there without the basemap: the plan's layers draw on the plain background.
    await waitForIdle(page);
    expect(await basemapSource(page)).toBe(false);
    expect(await planDrawn(page)).toBeGreaterThan(0);
    // The basemap's rows are greyed out in the layer panel, the plan's are not; no long list of missing layers.
    expect(await page.getByRole('checkbox', { name: /^地铁线路与车站/ }).isDisabled()).toBe(true);
    expect(
      await page
        .getByRole('checkbox', { name: /科技园/ })
        .first()
        .isDisabled(),
    ).toBe(false);
    expect(await page.getByTestId('data-notice').count()).toBe(0);
    await page.screenshot({ path: screenshotPath('fault-missing-zh') });

    // English says the same.
    await page.getByRole('button', { name: /切换到英文/ }).click();
    await expect.poll(() => banner.textContent()).toContain('The basemap file is not on the site (HTTP 404).');
    expect(await banner.textContent()).toContain('The plan’s layers, search, the list and the panels still work.');
    await stillUsable(page, 'en');

    // The file is back: one click loads it in place, the selection stays.
    server.setFault(null);
    await page.getByRole('button', { name: 'Load the basemap again' }).click();
    await expect.poll(() => banner.count(), { timeout: 30_000 }).toBe(0);
    await expect.poll(() => basemapSource(page)).toBe(true);
    await waitForIdle(page);
    expect((await renderedCounts(page, ['metro-line']))['metro-line']).toBeGreaterThan(0);
    await page.getByRole('tab', { name: 'Layers' }).click();
    expect(await page.getByRole('checkbox', { name: /^Metro lines and stations/ }).isDisabled()).toBe(false);
    expect(page.url()).toMatch(/sel=plan:sp-fudan/);
    expect(dialogs).toEqual([]);
    expect(unexpected(problems, [/HTTP 404: .*basemap\.pmtiles$/, /Failed to load resource: .*404/])).toEqual([]);
    await page.close();
  }, 300_000);

  it('a host that ignores Range requests: the small archive is taken whole and the map works, with a quiet word about the host', async () => {
    archiveFault({ ignoreRange: true });
    const { page, problems } = await open('?lang=en');
    await waitForIdle(page);
    const note = page.getByTestId('basemap-fault');
    await expect.poll(() => note.getAttribute('data-kind')).toBe('served-whole');
    expect(await note.getAttribute('role')).toBe('status');
    expect(await note.textContent()).toMatch(
      /does not support partial downloads \(HTTP Range requests\), so the whole basemap \(\d+ KB\) was downloaded at once/,
    );
    expect(await basemapSource(page)).toBe(true);
    expect((await renderedCounts(page, ['metro-line']))['metro-line']).toBeGreaterThan(0);
    // One read of the archive: every tile after it came out of memory. (Requests without a Range header are not
    // the map's: the service worker keeps its own copy for offline use.)
    await page.evaluate(() => (window as unknown as MapHandle).__yangpu.map.jumpTo({ center: [121.52, 31.3], zoom: 15 }));
    await settle(page);
    const asked = server.requests.filter((r) => r.path.endsWith('/basemap.pmtiles') && r.range !== null);
    expect(asked.length, JSON.stringify(asked)).toBe(1);
    await page.screenshot({ path: screenshotPath('fault-no-range-en') });
    await note.getByRole('button', { name: 'Dismiss notice' }).click();
    await expect.poll(() => note.count()).toBe(0);
    expect(problems.errors).toEqual([]);
    await page.close();
  });

  it('a host that ignores Range requests for a huge archive: nothing is downloaded whole, the host problem is explained', async () => {
    // The answer claims almost 1 GB: over the limit, so the download stops at once.
    archiveFault({ ignoreRange: true, headers: { 'Content-Length': String(999_000_000) } });
    const { page, problems } = await open('?lang=zh');
    const banner = page.getByTestId('basemap-fault');
    await expect.poll(() => banner.getAttribute('data-kind'), { timeout: 30_000 }).toBe('no-range');
    expect(await banner.textContent()).toMatch(/网站服务器不支持分段下载（HTTP Range 请求）[\s\S]*952\.7 MB[\s\S]*32\.0 MB[\s\S]*请网站管理员开启 Range 请求/);
    await waitForIdle(page);
    expect(await planDrawn(page)).toBeGreaterThan(0);
    await stillUsable(page, 'zh');
    await page.screenshot({ path: screenshotPath('fault-no-range-huge-zh') });
    // The cut-off transfer is the browser's doing once the page stopped reading.
    expect(unexpected(problems, [/basemap\.pmtiles net::ERR_/])).toEqual([]);
    await page.close();
  });

  it.each([
    [
      'a corrupt archive (a wrong magic number)',
      { corrupt: (b: Buffer, offset: number) => (offset === 0 ? Buffer.concat([Buffer.from('XX'), b.subarray(2)]) : b) },
      'corrupt',
      '底图文件已损坏或不完整，无法读取。',
    ],
    [
      'a corrupt archive (a truncated root directory)',
      { truncate: ROOT_DIR.offset + Math.floor(ROOT_DIR.length / 2) },
      'corrupt',
      '底图文件已损坏或不完整，无法读取。',
    ],
    ['a transfer cut off by the network', { abortAfter: 100 }, 'network', '网络中断，底图没有下载完成。'],
  ] as [string, Fault, string, string][])('%s is explained; the rest works', async (_name, fault, kind, message) => {
    archiveFault(fault);
    const { page, problems } = await open('?lang=zh');
    const banner = page.getByTestId('basemap-fault');
    await expect.poll(() => banner.getAttribute('data-kind'), { timeout: 30_000 }).toBe(kind);
    expect(await banner.textContent()).toContain(message);
    await waitForIdle(page);
    expect(await planDrawn(page)).toBeGreaterThan(0);
    await stillUsable(page, 'zh');
    // A cut transfer is a failed request by nature; nothing else may fail.
    expect(unexpected(problems, kind === 'network' ? [/basemap\.pmtiles net::ERR_/, /Failed to load resource: net::ERR_CONTENT_LENGTH_MISMATCH/] : [])).toEqual(
      [],
    );
    await page.close();
  });

  it('a slow network: "still loading" after a few seconds, the panels work meanwhile, the message goes when the map arrives', async () => {
    let slowOnes = 2;
    // Long enough that the notice cannot be gone before it has said what it waits for (the network, once the page's
    // own start-up work no longer keeps the device busy); once the test has seen it, the network recovers.
    let recover = () => {};
    const recovered = new Promise<void>((r) => (recover = r));
    server.setFault((req) => (isArchive(req.url) && slowOnes-- > 0 ? { delayMs: 15_000, release: recovered } : null));
    const { page, problems } = await open('?lang=en');
    const loading = page.getByTestId('map-loading');
    await expect
      .poll(async () => (await loading.textContent())?.trim(), { timeout: 12_000 })
      .toBe('Still loading the map… the network is slow. Search and the panels already work.');
    await page.screenshot({ path: screenshotPath('fault-slow-en') });
    // Meanwhile: a tab opens, search answers.
    await page.getByRole('tab', { name: 'Tasks' }).click();
    await expect.poll(async () => ((await page.getByRole('tabpanel').textContent()) ?? '').length).toBeGreaterThan(50);
    await page.getByRole('combobox').fill('fudan');
    await expect.poll(() => page.getByRole('option').count()).toBeGreaterThan(0);
    await page.getByRole('combobox').fill('');
    recover();
    await waitForIdle(page);
    await expect.poll(() => loading.count(), { timeout: 30_000 }).toBe(0);
    expect(await page.getByTestId('basemap-fault').count()).toBe(0);
    expect((await renderedCounts(page, ['metro-line']))['metro-line']).toBeGreaterThan(0);
    expect(problems.errors).toEqual([]);
    await page.close();
  });

  it('the English words cannot be fetched: a Chinese page says so, stays in Chinese, and switches once they can', async () => {
    let blocked = true;
    server.setFault((req) => (blocked && isChunk(req.url, 'english') ? { status: 404 } : null));
    const { page, problems } = await open('?lang=zh');
    await waitForIdle(page);
    const button = page.getByRole('button', { name: /切换到英文/ });
    await button.click();
    await expect.poll(() => page.getByRole('status').filter({ hasText: '英文界面暂时无法加载，请检查网络后重试。' }).count()).toBe(1);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('zh-Hans');
    expect(page.url()).not.toContain('lang=en');
    // The network is back: the same button switches, with every word of the first view in English.
    blocked = false;
    await button.click();
    await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe('en');
    expect(await page.getByRole('combobox').getAttribute('placeholder')).toBe('Search places, addresses, industries…');
    expect(await page.getByRole('button', { name: /Switch to Chinese/ }).count()).toBe(1);
    // The chunk that failed (after the first view, and again on the press) is the only problem the page had.
    expect(unexpected(problems, [/\/assets\/english-[^/]*\.js/, /status of 404 \(Not Found\)/])).toEqual([]);
    await page.close();
  });

  it('the print view cannot be fetched: a brief from a link says so, and "back to the map" gives the app back', async () => {
    server.setFault((req) => (isChunk(req.url, 'PrintView') ? { status: 404 } : null));
    const { page, problems } = await open('?lang=en&panel=tasks&task=10&brief=task:10');
    await waitForIdle(page);
    const alert = page.getByTestId('brief-failed');
    await expect.poll(() => alert.textContent(), { timeout: 20_000 }).toMatch(/^The brief could not be opened: .+Back to the map$/);
    expect(await alert.getAttribute('role')).toBe('alert');
    // The focus is on the way out, and it works by keyboard.
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Back to the map');
    await page.keyboard.press('Enter');
    await alert.waitFor({ state: 'detached' });
    expect(page.url()).not.toContain('brief=');
    expect(await page.locator('.shell').getAttribute('inert')).toBeNull();
    await page.getByRole('tab', { name: 'Layers' }).click();
    await expect.poll(() => page.getByRole('tabpanel').textContent()).toContain('Future Valley');
    expect(unexpected(problems, [/\/assets\/PrintView-[^/]*\.js/, /status of 404 \(Not Found\)/, /dynamically imported module/i])).toEqual([]);
    await page.close();
  });

  it('MapLibre’s chunk is slow: "still loading" before there is a map at all, the panels work meanwhile, the message goes when the map arrives', async () => {
    const recover = holdBack(server, (url) => isChunk(url, 'engine'), 15_000);
    const { page, problems } = await open('?lang=zh');
    const loading = page.getByTestId('map-loading');
    await expect.poll(async () => (await loading.textContent())?.trim(), { timeout: 12_000 }).toBe('地图仍在加载…网络较慢。搜索和各面板现在就可以使用。');
    expect(await page.locator('canvas').count()).toBe(0);
    await page.screenshot({ path: screenshotPath('fault-engine-slow-zh') });
    await page.getByRole('tab', { name: '任务' }).click();
    await expect.poll(async () => ((await page.getByRole('tabpanel').textContent()) ?? '').length).toBeGreaterThan(50);
    recover();
    await waitForIdle(page);
    await expect.poll(() => loading.count(), { timeout: 30_000 }).toBe(0);
    expect(await planDrawn(page)).toBeGreaterThan(0);
    expect(problems.errors).toEqual([]);
    await page.close();
  });

  it('MapLibre’s chunk cannot be fetched: the header, search and panels work, the notice says to reload, and a reload brings the map', async () => {
    let blocked = true;
    server.setFault((req) => (blocked && isChunk(req.url, 'engine') ? { status: 404 } : null));
    const { page, problems } = await open('?lang=en');
    const alert = page.getByRole('alert').filter({ hasText: 'The map’s code could not be downloaded' });
    await expect.poll(() => alert.count(), { timeout: 20_000 }).toBe(1);
    expect(await alert.textContent()).toMatch(/Check the connection and reload the page; everything else still works\.\s*Reload the page$/);
    expect(await page.locator('canvas').count()).toBe(0);
    // The rest of the page does not wait for a map that will not come: the panels load, search answers.
    await page.getByRole('tab', { name: 'Layers' }).click();
    await expect.poll(() => page.getByRole('tabpanel').textContent()).toContain('Future Valley');
    await page.getByRole('combobox').fill('fudan');
    await expect.poll(() => page.getByRole('option').count()).toBeGreaterThan(0);
    // The network is back: the notice's button reloads the page, which draws the map.
    blocked = false;
    await Promise.all([page.waitForEvent('load'), alert.getByRole('button', { name: 'Reload the page' }).click()]);
    await waitForIdle(page);
    expect(await planDrawn(page)).toBeGreaterThan(0);
    expect(await alert.count()).toBe(0);
    expect(unexpected(problems, [/\/assets\/engine-[^/]*\.js/, /status of 404 \(Not Found\)/, /dynamically imported module/i])).toEqual([]);
    await page.close();
  });

  it('a tile that fails to decode: a quiet notice, the rest of the map draws', async () => {
    let broken = 0;
    server.setFault((req) => {
      const start = Number(/bytes=(\d+)-/.exec(String(req.headers.range ?? ''))?.[1] ?? -1);
      if (!isArchive(req.url) || start < TILE_DATA || broken > 0) return null;
      broken += 1;
      // Garbage of the same length instead of the first tile's gzip stream.
      return { corrupt: (b: Buffer) => Buffer.alloc(b.length, 0x5a) };
    });
    const { page, problems } = await open('?lang=zh');
    await waitForIdle(page);
    const note = page.getByTestId('tile-fault');
    await expect.poll(() => note.textContent(), { timeout: 20_000 }).toMatch(/部分地图瓦片无法显示（1 块），地图其余部分正常。/);
    expect(await note.getAttribute('role')).toBe('status');
    expect(broken).toBe(1);
    expect(await page.getByTestId('basemap-fault').count()).toBe(0);
    expect(await page.locator('.notice.error').count()).toBe(0);
    expect(await basemapSource(page)).toBe(true);
    expect((await renderedCounts(page, ['metro-line']))['metro-line']).toBeGreaterThan(0);
    expect(await planDrawn(page)).toBeGreaterThan(0);
    await page.screenshot({ path: screenshotPath('fault-tile-zh') });
    expect(problems.errors).toEqual([]);
    await page.close();
  });

  // Storage faults are injected in the page: IndexedDB is the browser's, not the server's.
  it.each([
    [
      'full (QuotaExceededError on put)',
      `IDBObjectStore.prototype.put = function () { throw new DOMException('The quota has been exceeded.', 'QuotaExceededError'); };`,
      "The browser's storage is full: nothing was saved. Remove some imported data and try again.",
    ],
    [
      'denied (indexedDB.open throws SecurityError)',
      `IDBFactory.prototype.open = function () { throw new DOMException('Access to storage is denied.', 'SecurityError'); };`,
      'This browser does not allow saving data (private mode, or site storage switched off): the imported data lasts only while this page is open.',
    ],
  ])(
    'storage %s when saving an import: the panel says so and the imported listings stay for the session',
    async (_name, script, message) => {
      const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
      await context.addInitScript({ content: script });
      const page = await context.newPage();
      const problems = watchProblems(page, server.url.replace(/\/$/, ''));
      await page.goto(`${server.url}?lang=en&panel=invest`);
      const panel = page.getByTestId('invest-panel');
      const count = panel.getByTestId('invest-count');
      await expect.poll(() => count.textContent(), { timeout: 30_000 }).toMatch(/listings match/);
      const before = Number(/of (\d+)/.exec((await count.textContent()) ?? '')?.[1]);
      await page.getByTestId('invest-file').setInputFiles(resolve(ROOT, 'tests/fixtures/listings/browser/operator-gcj02.csv'));
      await panel.getByRole('button', { name: 'Import', exact: true }).click();
      // The import's report says it, and so does the panel for as long as the visit lasts.
      await expect.poll(() => panel.getByTestId('import-report').getByRole('alert').textContent(), { timeout: 20_000 }).toContain(message);
      const alert = panel.locator('p.problem[role=alert]').first();
      await expect.poll(() => alert.textContent()).toContain(message);
      expect(await alert.textContent()).toContain('What is loaded stays for this visit only and will be gone after a reload.');
      // The import itself went through: its listings are in the list and on the map for this visit.
      await expect.poll(() => count.textContent()).toContain(`of ${before + 6}`);
      expect(await panel.getByTestId('invest-results').locator('li', { hasText: '五角场创智空间' }).count()).toBe(1);
      await page.screenshot({ path: screenshotPath(`fault-storage-${message.startsWith('The browser') ? 'full' : 'denied'}-en`) });
      // Chinese says the same.
      await page
        .getByRole('button', { name: /Switch to Chinese|中文/ })
        .first()
        .click();
      await expect.poll(() => alert.textContent()).toMatch(/浏览器|存储/);
      expect(problems.errors).toEqual([]);
      await context.close();
    },
    240_000,
  );

  it('storage full when saving the plan monitor’s figures: the report says so and the figures stay for the visit', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    await context.addInitScript({
      content: `IDBObjectStore.prototype.put = function () { throw new DOMException('The quota has been exceeded.', 'QuotaExceededError'); };`,
    });
    const page = await context.newPage();
    const problems = watchProblems(page, server.url.replace(/\/$/, ''));
    await page.goto(`${server.url}?lang=en&panel=monitor`);
    const panel = page.getByTestId('monitor-panel');
    await panel.getByTestId('monitor-data').waitFor({ timeout: 30_000 });
    await page.getByTestId('monitor-file').setInputFiles(resolve(ROOT, 'tests/fixtures/monitor-browser/planner-figures.csv'));
    await panel.getByTestId('monitor-commit').click();
    const report = panel.getByTestId('import-report');
    await report.waitFor();
    await expect.poll(() => report.textContent()).toContain("The browser's storage is full: nothing was saved.");
    // The figures are in use for this visit all the same.
    await expect.poll(() => panel.getByTestId('monitor-datasets').textContent()).toContain('planner-figures');
    await page.screenshot({ path: screenshotPath('fault-storage-monitor-en') });
    expect(problems.errors).toEqual([]);
    await context.close();
  }, 240_000);
});
