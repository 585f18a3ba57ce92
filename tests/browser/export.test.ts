import { readFileSync, writeFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { downloadPath, type MapHandle, screenshotPath, useBrowserSuite, waitForIdle, watchProblems } from './harness.ts';
import { ENGLISH_RUN, HAN } from '../support/language.ts';

const suite = useBrowserSuite();

/** Width and height from a PNG's IHDR chunk, after checking the signature. */
function pngSize(bytes: Buffer): { width: number; height: number } {
  expect([...bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  expect(bytes.subarray(12, 16).toString('latin1')).toBe('IHDR');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

/** The map canvas: its CSS size, its pixel size and the page's device pixel ratio. */
async function canvasSize(page: Page) {
  return page.evaluate(() => {
    const canvas = (window as unknown as MapHandle).__yangpu.map.getCanvas();
    const gl = (canvas.getContext('webgl2') ?? canvas.getContext('webgl')) as WebGLRenderingContext | null;
    return {
      cssWidth: canvas.clientWidth,
      cssHeight: canvas.clientHeight,
      width: canvas.width,
      height: canvas.height,
      dpr: devicePixelRatio,
      preserveDrawingBuffer: gl?.getContextAttributes()?.preserveDrawingBuffer,
    };
  });
}

/**
 * Records the text the page draws on large 2D canvases — the export's (MapLibre draws its glyphs on small ones) —
 * in `window.__exportTexts`, in drawing order: the title, the attribution, the scale, the north arrow, the legend.
 */
function recordCanvasText(): void {
  const texts: string[] = [];
  (window as unknown as { __exportTexts: string[] }).__exportTexts = texts;
  const fill = CanvasRenderingContext2D.prototype.fillText;
  CanvasRenderingContext2D.prototype.fillText = function (this: CanvasRenderingContext2D, text: string, x: number, y: number, maxWidth?: number) {
    if (this.canvas.width > 300) texts.push(String(text));
    if (maxWidth === undefined) fill.call(this, text, x, y);
    else fill.call(this, text, x, y, maxWidth);
  };
}

const drawnTexts = (page: Page) => page.evaluate(() => (window as unknown as { __exportTexts: string[] }).__exportTexts);

/** Presses the export button (a click, or Enter from the keyboard) and returns the download's name and bytes. */
async function exportPng(page: Page, name: string, how: 'click' | 'keyboard' = 'click'): Promise<{ file: string; bytes: Buffer }> {
  const button = page.getByRole('button', { name, exact: true });
  await expect.poll(() => button.isEnabled(), { timeout: 30_000 }).toBe(true);
  const press = how === 'click' ? button.click() : button.focus().then(() => page.keyboard.press('Enter'));
  const [download] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), press]);
  const path = await downloadPath(download);
  return { file: download.suggestedFilename(), bytes: readFileSync(path) };
}

/**
 * Statistics of the exported image, drawn into a canvas in the page: opacity, how varied the map area is, and how
 * far its centre differs from the live map canvas captured in a render frame.
 */
async function inspect(page: Page, bytes: Buffer, centreY = 0.5) {
  return page.evaluate(
    async ([b64, cy]) => {
      const img = new Image();
      img.src = `data:image/png;base64,${b64}`;
      await img.decode();
      const c = document.createElement('canvas');
      c.width = img.naturalWidth;
      c.height = img.naturalHeight;
      const ctx = c.getContext('2d', { willReadFrequently: true })!;
      ctx.drawImage(img, 0, 0);
      const all = ctx.getImageData(0, 0, c.width, c.height).data;
      let transparent = 0;
      for (let i = 3; i < all.length; i += 4) if (all[i]! < 255) transparent++;

      // The live map, copied in a render frame the same way the export does.
      const map = (window as unknown as { __yangpu: { map: import('maplibre-gl').Map } }).__yangpu.map;
      const live = document.createElement('canvas');
      live.width = c.width;
      live.height = c.height;
      const liveCtx = live.getContext('2d', { willReadFrequently: true })!;
      await new Promise<void>((done) => {
        map.once('render', () => {
          liveCtx.drawImage(map.getCanvas(), 0, 0);
          done();
        });
        map.triggerRepaint();
      });
      // A square of the map clear of the title bar, the legend and the scale bar (at height `cy`).
      const size = Math.round(c.height / 5);
      const x0 = Math.round(c.width * 0.3);
      const y0 = Math.round(c.height * cy - size / 2);
      const a = ctx.getImageData(x0, y0, size, size).data;
      const l = liveCtx.getImageData(x0, y0, size, size).data;
      let diff = 0;
      const colours = new Set<number>();
      for (let i = 0; i < a.length; i += 4) {
        diff += Math.abs(a[i]! - l[i]!) + Math.abs(a[i + 1]! - l[i + 1]!) + Math.abs(a[i + 2]! - l[i + 2]!);
        colours.add(((a[i]! >> 3) << 10) | ((a[i + 1]! >> 3) << 5) | (a[i + 2]! >> 3));
      }
      let liveDark = 0;
      for (let i = 0; i < l.length; i += 4) if (l[i]! + l[i + 1]! + l[i + 2]! < 30) liveDark++;
      // The title bar: mostly white (text is dark, on white).
      const bar = ctx.getImageData(0, 0, c.width, Math.round(30 * devicePixelRatio)).data;
      let white = 0;
      for (let i = 0; i < bar.length; i += 4) if (bar[i]! > 240 && bar[i + 1]! > 240 && bar[i + 2]! > 240) white++;
      return {
        width: c.width,
        height: c.height,
        transparent,
        centreColours: colours.size,
        meanDiff: diff / (a.length / 4) / 3,
        liveDarkShare: liveDark / (l.length / 4),
        titleWhiteShare: white / (bar.length / 4),
      };
    },
    [bytes.toString('base64'), centreY] as const,
  );
}

describe('export of the current view as a PNG (production build)', () => {
  it('downloads the view as a PNG at the canvas’s pixel size, with the map, legend and attribution drawn in', async () => {
    const page = await suite.browser.newPage({ viewport: { width: 1280, height: 800 }, deviceScaleFactor: 2, acceptDownloads: true });
    const problems = watchProblems(page, suite.server.url.replace(/\/$/, ''));
    await page.addInitScript(recordCanvasText);
    // The side sheet closed, as a planner framing a view would have it (it would cover the button's corner).
    await page.goto(`${suite.server.url}?lang=en&panel=none`);
    await waitForIdle(page);

    const size = await canvasSize(page);
    // The capture must not rely on preserveDrawingBuffer (MapLibre's default is off, and it stays off).
    expect(size.preserveDrawingBuffer).toBe(false);
    expect(size.dpr).toBe(2);
    expect(size.width).toBe(Math.round(size.cssWidth * size.dpr));

    const before = Date.now();
    const { file, bytes } = await exportPng(page, 'Export PNG');
    expect(file).toMatch(/^yangpu-map-\d{8}-\d{4}\.png$/);
    const stamp = new Date(before);
    const p = (n: number) => String(n).padStart(2, '0');
    expect(file.slice(11, 19)).toBe(`${stamp.getFullYear()}${p(stamp.getMonth() + 1)}${p(stamp.getDate())}`);

    expect(pngSize(bytes)).toEqual({ width: size.cssWidth * size.dpr, height: size.cssHeight * size.dpr });
    expect(bytes.length).toBeGreaterThan(50_000);
    writeFileSync(screenshotPath('export'), bytes);

    const stats = await inspect(page, bytes);
    expect(stats.transparent).toBe(0);
    // The map really is in the image: its middle is varied and matches the live map (not blank, not black).
    expect(stats.centreColours).toBeGreaterThan(20);
    expect(stats.liveDarkShare).toBeLessThan(0.2);
    expect(stats.meanDiff).toBeLessThan(3);
    expect(stats.titleWhiteShare).toBeGreaterThan(0.8);

    // Title, scale and legend are English: the legend from its heading on, the scale in metres or kilometres.
    const texts = await drawnTexts(page);
    const legendAt = texts.indexOf('Legend');
    expect(legendAt).toBeGreaterThan(0);
    expect(texts.slice(legendAt + 1).length).toBeGreaterThan(3);
    for (const text of [texts[0]!, ...texts.slice(legendAt)]) expect(text).not.toMatch(HAN);
    expect(texts.some((text) => /^\d+ (m|km)$/.test(text))).toBe(true);
    // The credits are the map's, in English too (no 杨府发 in an English image).
    const credits = texts.slice(1, legendAt).join(' ');
    expect(credits).toContain('© OpenStreetMap contributors');
    expect(credits).toContain('Yangpu District Government document [2024] No. 12');
    expect(credits).not.toMatch(HAN);

    // The user is told, in the current language.
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'PNG exported' }).count()).toBe(1);
    expect(problems.errors).toEqual([]);
    await page.close();
  });

  it('exports a rotated phone view in Chinese (north arrow, wrapped title and attribution)', async () => {
    const page = await suite.browser.newPage({
      viewport: { width: 390, height: 844 },
      deviceScaleFactor: 2,
      isMobile: true,
      hasTouch: true,
      acceptDownloads: true,
    });
    const problems = watchProblems(page, suite.server.url.replace(/\/$/, ''));
    await page.addInitScript(recordCanvasText);
    await page.goto(`${suite.server.url}?lang=zh`);
    await waitForIdle(page);
    await page.evaluate(() => (window as unknown as MapHandle).__yangpu.map.jumpTo({ bearing: 30, zoom: 13.2 }));
    await waitForIdle(page);
    const size = await canvasSize(page);
    // A finger-sized target with a visible focus ring.
    const button = page.getByRole('button', { name: '导出 PNG', exact: true });
    const box = (await button.boundingBox())!;
    expect(box.width).toBeGreaterThanOrEqual(44);
    expect(box.height).toBeGreaterThanOrEqual(44);
    await button.focus();
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Tab');
    expect(await button.evaluate((el) => [el === document.activeElement, getComputedStyle(el).outline])).toEqual([true, 'rgb(29, 78, 216) solid 3px']);
    // From the keyboard: on a phone the wrapped attribution may lie over the button's temporary place.
    const { bytes } = await exportPng(page, '导出 PNG', 'keyboard');
    expect(pngSize(bytes)).toEqual({ width: size.width, height: size.height });
    expect(size.width).toBe(Math.round(size.cssWidth * size.dpr));
    writeFileSync(screenshotPath('export-zh-phone'), bytes);
    // On a narrow image the legend spans the top half: compare the map below it.
    const stats = await inspect(page, bytes, 0.7);
    expect(stats.transparent).toBe(0);
    expect(stats.centreColours).toBeGreaterThan(10);
    expect(stats.meanDiff).toBeLessThan(3);
    // Title, scale, north arrow and legend are Chinese.
    const texts = await drawnTexts(page);
    const legendAt = texts.indexOf('图例');
    expect(legendAt).toBeGreaterThan(0);
    for (const text of [texts[0]!, ...texts.slice(legendAt)]) expect(text).not.toMatch(ENGLISH_RUN);
    expect(texts.some((text) => /^\d+ (米|公里)$/.test(text))).toBe(true);
    expect(texts).toContain('北');
    // The legend keys only what the view draws: a row that is switched on but has nothing in this close, rotated view
    // is left out, and every drawn row is listed (or counted in "+N more").
    const rows = await page.evaluate(() => {
      const { map, app } = (
        window as unknown as {
          __yangpu: {
            map: MapHandle['__yangpu']['map'];
            app: { registry: { id: string; label: { zh: string }; defaultVisible: boolean }[]; visible: Record<string, boolean> };
          };
        }
      ).__yangpu;
      const rowOf = new Map<string, string>();
      for (const l of map.getStyle().layers) {
        const row = (l.metadata as Record<string, unknown> | undefined)?.['yangpu:layer'];
        if (typeof row === 'string' && l.layout?.visibility !== 'none') rowOf.set(l.id, row);
      }
      const drawn = new Set(map.queryRenderedFeatures({ layers: [...rowOf.keys()] }).map((f) => rowOf.get(f.layer.id)));
      const on = app.registry.filter((d) => app.visible[d.id] ?? d.defaultVisible);
      return { drawn: on.filter((d) => drawn.has(d.id)).map((d) => d.label.zh), empty: on.filter((d) => !drawn.has(d.id)).map((d) => d.label.zh) };
    });
    const keyed = texts.slice(legendAt + 1).join('');
    const empty = rows.empty.filter((label) => !rows.drawn.some((d) => d.includes(label)));
    expect(empty.length).toBeGreaterThan(0);
    for (const label of empty) expect(keyed).not.toContain(label);
    const more = /^另有 (\d+) 项/.exec(texts.slice(legendAt).find((x) => x.startsWith('另有')) ?? '');
    const listed = rows.drawn.filter((label) => keyed.includes(label)).length;
    expect(listed + Number(more?.[1] ?? 0)).toBe(rows.drawn.length);
    // The credits too, however they wrap.
    const credits = texts.slice(1, legendAt).join('');
    expect(credits).toContain('© OpenStreetMap 贡献者');
    expect(credits).not.toMatch(ENGLISH_RUN);
    await expect.poll(() => page.getByRole('status').filter({ hasText: '已导出 PNG' }).count()).toBe(1);
    expect(problems.errors).toEqual([]);
    await page.close();
  });
});
