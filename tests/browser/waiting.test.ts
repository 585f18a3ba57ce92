import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page, Route } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { newOwnedPage, renderedCounts, ROOT, screenshotPath, useBrowserSuite, waitForIdle, watchProblems, type PageProblems } from './harness.ts';

// A slow first view says what it is waiting for: bytes still on their way (a slow network), or a device that has
// them and cannot draw them yet. Each state is held by the test, never left to a timer's luck: the archive's tile
// reads are held back until the test lets them go, the main thread is kept busy until the test stops it, and the
// page's animation frames are withheld until the test hands them back.

const suite = useBrowserSuite();

const DIST = resolve(ROOT, process.env.YANGPU_DIST ?? 'dist');
const ARCHIVE = readFileSync(resolve(DIST, 'tiles/basemap.pmtiles'));
const TILE_DATA = Number(new DataView(ARCHIVE.buffer, ARCHIVE.byteOffset, ARCHIVE.byteLength).getBigUint64(56, true));

const SLOW = {
  zh: {
    network: '地图仍在加载…网络较慢。搜索和各面板现在就可以使用。',
    device: '地图仍在加载…这台设备正忙于绘制地图。搜索和各面板现在就可以使用。',
  },
  en: {
    network: 'Still loading the map… the network is slow. Search and the panels already work.',
    device: 'Still loading the map… this device is busy drawing the map. Search and the panels already work.',
  },
};

// Withholds the page's animation frames while frozen, as a device that cannot draw does; thawing hands them back.
const FRAME_GATE = `(() => {
  const request = window.requestAnimationFrame.bind(window);
  const cancel = window.cancelAnimationFrame.bind(window);
  const held = new Map();
  let next = 0;
  let frozen = false;
  window.requestAnimationFrame = (callback) => {
    if (!frozen) return request(callback);
    next += 1;
    held.set(-next, callback);
    return -next;
  };
  window.cancelAnimationFrame = (id) => (id < 0 ? held.delete(id) : cancel(id));
  window.__frames = {
    freeze: () => { frozen = true; },
    thaw: () => {
      frozen = false;
      const callbacks = [...held.values()];
      held.clear();
      for (const callback of callbacks) request(callback);
    },
  };
})();`;

type Frames = { __frames: { freeze: () => void; thaw: () => void } };

interface HeldTiles {
  /** Tile reads asked for so far. */
  asked: () => number;
  /** Tile reads answered so far. */
  answered: () => number;
  /** Lets the held reads (and every later one) through. */
  release: () => Promise<void>;
}

/** A page whose archive tile reads wait for the test (the header, metadata and directories pass at once). */
async function open(path: string, initScript?: string): Promise<{ page: Page; problems: PageProblems; tiles: HeldTiles }> {
  const page = await newOwnedPage(suite.browser, { viewport: { width: 1280, height: 800 } });
  const problems = watchProblems(page, suite.server.url.replace(/\/$/, ''));
  if (initScript) await page.addInitScript({ content: initScript });
  const held: Route[] = [];
  let letThrough = false;
  let asked = 0;
  let answered = 0;
  const isTile = (range: string | undefined) => Number(/bytes=(\d+)-/.exec(range ?? '')?.[1] ?? -1) >= TILE_DATA;
  await page.route('**/tiles/basemap.pmtiles', async (route) => {
    if (!isTile(route.request().headers().range)) return route.continue();
    asked += 1;
    if (letThrough) return route.continue();
    held.push(route);
  });
  page.on('requestfinished', (request) => {
    if (request.url().endsWith('/basemap.pmtiles') && isTile(request.headers().range)) answered += 1;
  });
  await page.goto(`${suite.server.url}${path}`);
  const tiles: HeldTiles = {
    asked: () => asked,
    answered: () => answered,
    release: async () => {
      letThrough = true;
      await Promise.all(held.splice(0).map((route) => route.continue()));
    },
  };
  return { page, problems, tiles };
}

const notice = (page: Page) => page.getByTestId('map-loading');
const noticeText = async (page: Page) => (await notice(page).textContent())?.trim();

/** After the tiles are let through: the notice goes once the map is drawn, and the basemap is there. */
async function drawsOnceFree(page: Page, problems: PageProblems) {
  await expect.poll(() => notice(page).count(), { timeout: 60_000 }).toBe(0);
  await waitForIdle(page);
  expect((await renderedCounts(page, ['metro-line']))['metro-line']).toBeGreaterThan(0);
  expect(problems.errors).toEqual([]);
}

describe('a slow first view says what it waits for (production build)', () => {
  it('a slow network: the notice blames the network in Chinese and in English, while search and the panels work', async () => {
    const { page, problems, tiles } = await open('?lang=zh');
    await expect.poll(() => noticeText(page), { timeout: 30_000 }).toBe(SLOW.zh.network);
    expect(await notice(page).getAttribute('data-waiting')).toBe('network');
    expect(tiles.answered()).toBe(0);
    expect(tiles.asked()).toBeGreaterThan(0);
    // On a phone (the same page, turned narrow) the notice stays in sight above the sheet, and the list says the map is
    // still coming rather than that nothing is in view.
    await page.setViewportSize({ width: 390, height: 844 });
    await page.getByTestId('nav').getByRole('tab', { name: '列表' }).click();
    const list = page.locator('#tabpanel-list');
    await expect.poll(() => list.getByRole('status').textContent()).toMatch(/地图加载中/);
    expect(await list.textContent()).not.toContain('没有规划地点');
    const sheet = (await page.getByTestId('sheet').boundingBox())!;
    const box = (await notice(page).boundingBox())!;
    expect(await noticeText(page)).toBe(SLOW.zh.network);
    expect(box.y).toBeGreaterThanOrEqual((await page.getByTestId('map').boundingBox())!.y);
    expect(box.y + box.height).toBeLessThanOrEqual(sheet.y);
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(390);
    await page.screenshot({ path: screenshotPath('waiting-network-phone-zh') });
    await page.setViewportSize({ width: 1280, height: 800 });
    // Meanwhile a tab opens and search answers.
    await page.getByRole('tab', { name: '任务' }).click();
    await expect.poll(async () => ((await page.getByRole('tabpanel').textContent()) ?? '').length).toBeGreaterThan(50);
    await page.getByRole('combobox').fill('复旦');
    await expect.poll(() => page.getByRole('option').count()).toBeGreaterThan(0);
    await page.getByRole('combobox').fill('');
    await page.getByRole('button', { name: '切换到英文' }).click();
    await expect.poll(() => noticeText(page), { timeout: 20_000 }).toBe(SLOW.en.network);
    await page.screenshot({ path: screenshotPath('waiting-network-en') });
    await tiles.release();
    await drawsOnceFree(page, problems);
    await page.close();
  });

  it('a main thread kept busy: the notice says the device is busy, and blames the network again once it is free', async () => {
    const { page, problems, tiles } = await open('?lang=en');
    await expect.poll(() => noticeText(page), { timeout: 30_000 }).toBe(SLOW.en.network);
    // Long tasks one after another, as a slow CPU building a heavy map runs them: a frame gets through now and then.
    await page.evaluate(() => {
      const w = window as unknown as { __busy: boolean };
      w.__busy = true;
      const spin = () => {
        if (!w.__busy) return;
        const end = performance.now() + 200;
        while (performance.now() < end);
        setTimeout(spin, 0);
      };
      setTimeout(spin, 0);
    });
    await expect.poll(() => noticeText(page), { timeout: 20_000 }).toBe(SLOW.en.device);
    expect(await notice(page).getAttribute('data-waiting')).toBe('device');
    await page.getByRole('button', { name: 'Switch to Chinese' }).click();
    await expect.poll(() => noticeText(page), { timeout: 20_000 }).toBe(SLOW.zh.device);
    await page.screenshot({ path: screenshotPath('waiting-device-zh') });
    // The device is free again; the tiles are still held back: the network is what the map waits for.
    await page.evaluate(() => ((window as unknown as { __busy: boolean }).__busy = false));
    await expect.poll(() => noticeText(page), { timeout: 20_000 }).toBe(SLOW.zh.network);
    await tiles.release();
    await drawsOnceFree(page, problems);
    await page.close();
  });

  it('tiles arrived but no frame is drawn: the notice turns from the network to the device, in Chinese and in English', async () => {
    const { page, problems, tiles } = await open('?lang=zh', FRAME_GATE);
    await expect.poll(() => noticeText(page), { timeout: 30_000 }).toBe(SLOW.zh.network);
    // No frame from now on: the map cannot draw what arrives, nor ask for more tiles.
    await page.evaluate(() => (window as unknown as Frames).__frames.freeze());
    await tiles.release();
    await expect.poll(() => tiles.answered(), { timeout: 20_000 }).toBe(tiles.asked());
    await expect.poll(() => noticeText(page), { timeout: 20_000 }).toBe(SLOW.zh.device);
    await page.getByRole('button', { name: '切换到英文' }).click();
    await expect.poll(() => noticeText(page), { timeout: 20_000 }).toBe(SLOW.en.device);
    // On a phone (the same page, turned narrow) it still says so, in sight above the sheet (the panel it opened on).
    await page.setViewportSize({ width: 390, height: 844 });
    const sheet = page.getByTestId('sheet');
    await expect.poll(() => sheet.getAttribute('data-size')).toBe('half');
    expect(await noticeText(page)).toBe(SLOW.en.device);
    const box = (await notice(page).boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(390);
    expect(box.y + box.height).toBeLessThanOrEqual((await sheet.boundingBox())!.y);
    await page.screenshot({ path: screenshotPath('waiting-device-phone-en') });
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.evaluate(() => (window as unknown as Frames).__frames.thaw());
    await drawsOnceFree(page, problems);
    await page.close();
  });
});
