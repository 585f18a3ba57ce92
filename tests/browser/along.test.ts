import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { axeSerious, newOwnedPage, renderedCounts, settle, useBrowserSuite, waitForIdle, watchProblems, type Viewport } from './harness.ts';

/*
 * Taking the map along: "near me" with the position granted, refused and poor, and the share dialog's QR code read
 * back by a QR decoder. The position must stay in the page: never in the link, never in a request.
 */

const suite = useBrowserSuite();
const PHONE: Viewport = { width: 390, height: 844 };
const DESKTOP: Viewport = { width: 1280, height: 800 };
// By Wujiaochang, inside Yangpu; digits a camera's centre would not share by chance.
const HERE = { longitude: 121.50437, latitude: 31.29862, accuracy: 25 };

async function open(viewport: Viewport, lang: 'zh' | 'en', geolocation?: typeof HERE) {
  const page = await newOwnedPage(suite.browser, {
    viewport,
    ...(viewport.width < 640 ? { isMobile: true, hasTouch: true } : {}),
    // Granted with a position, or not granted at all: Chromium then refuses at once, as after a "Block".
    ...(geolocation ? { geolocation, permissions: ['geolocation'] } : {}),
  });
  const problems = watchProblems(page, suite.server.url.replace(/\/$/, ''));
  const requests: string[] = [];
  page.on('request', (r) => requests.push(r.url()));
  await page.goto(`${suite.server.url}?lang=${lang}`);
  await waitForIdle(page);
  return { page, problems, requests };
}

const status = (page: Page) => page.getByTestId('near-status');
const items = (page: Page, group: string) => page.getByTestId(group).locator('li');

describe('near me (production build)', () => {
  it('granted on a desktop: the dot, the nearest places, stations and listings with distances; the position stays in the page', async () => {
    const { page, problems, requests } = await open(DESKTOP, 'en', HERE);
    await page.getByTestId('control-near').click();
    await expect.poll(() => status(page).getAttribute('data-status'), { timeout: 10_000 }).toBe('located');
    // Whether the fix is in Yangpu is known once the district's outline has loaded, which may come after the fix.
    await expect.poll(() => status(page).innerText()).toMatch(/Located, to within about 25 m\. You are in Yangpu\./);
    await expect.poll(() => items(page, 'near-stations').count(), { timeout: 15_000 }).toBe(3);
    await expect.poll(() => items(page, 'near-places').count()).toBe(5);
    // The listings come with the investors' chunk, which "near me" loads: the team's sample says it is one.
    await expect.poll(() => items(page, 'near-listings').count(), { timeout: 15_000 }).toBe(5);
    expect(await items(page, 'near-listings').first().innerText()).toMatch(/sample data/);
    const distances = await page.getByTestId('near-stations').locator('.distance').allInnerTexts();
    const metres = distances.map((d) => (/km/.test(d) ? 1000 : 1) * Number.parseFloat(d));
    expect(distances.every((d) => /^\d+(\.\d)? k?m$/.test(d))).toBe(true);
    expect([...metres].sort((a, b) => a - b)).toEqual(metres);

    // The dot is drawn where the browser said, and the camera framed it with the places around.
    await settle(page);
    expect((await renderedCounts(page, ['near-dot']))['near-dot']).toBe(1);
    const dot = await page.evaluate(() => {
      const { map } = (window as unknown as { __yangpu: { map: import('maplibre-gl').Map } }).__yangpu;
      return map.queryRenderedFeatures({ layers: ['near-dot'] })[0]?.geometry;
    });
    expect(dot).toMatchObject({ type: 'Point' });
    const [lon, lat] = (dot as { coordinates: number[] }).coordinates;
    expect(Math.abs(lon! - HERE.longitude)).toBeLessThan(1e-5);
    expect(Math.abs(lat! - HERE.latitude)).toBeLessThan(1e-5);

    // A station from the list opens its card; the link names the station, not the visitor.
    await page.getByTestId('near-stations').locator('button').first().click();
    await expect.poll(() => page.getByTestId('feature-card').count()).toBe(1);
    expect(page.url()).toMatch(/sel=place%3A|sel=place:/);
    for (const digits of ['121.5043', '31.2986']) {
      expect(page.url()).not.toContain(digits);
      expect(requests.filter((r) => r.includes(digits))).toEqual([]);
    }
    expect(await axeSerious(page, '[data-testid="near-panel"]')).toEqual([]);

    // The share dialog says the position is not in the link, and it is not: neither in the link nor in its QR code.
    await page.getByTestId('share-open').click();
    const link = await page.getByTestId('share-link').inputValue();
    expect(await page.getByTestId('share-dialog').innerText()).toMatch(/Your position is not in it\./);
    expect(link).toBe(page.url());
    expect(await readQr(page)).toBe(link);
    expect(await page.getByTestId('share-embed-code').inputValue()).toMatch(/embed\.html\?embed=map&amp;lang=en&amp;.*title="Yangpu Innovation Map"/);
    expect(await axeSerious(page, '[data-testid="share-dialog"]')).toEqual([]);
    await page.getByTestId('share-dialog').getByRole('button', { name: 'Close', exact: true }).click();

    // Cleared: the dot goes, and the button asks again.
    await page.getByTestId('near-clear').click();
    await expect.poll(async () => (await renderedCounts(page, ['near-dot']))['near-dot']).toBe(0);
    expect(await page.getByTestId('near-locate').innerText()).toBe('Find my position');
    expect(problems.errors).toEqual([]);
  });

  it('refused on a phone, in Chinese: says how to allow it, and the map goes on; the share dialog reads back', async () => {
    const { page, problems } = await open(PHONE, 'zh');
    const before = page.url();
    await page.getByTestId('control-near').click();
    await expect.poll(() => status(page).getAttribute('data-status'), { timeout: 10_000 }).toBe('denied');
    expect(await status(page).innerText()).toMatch(/^浏览器拒绝了定位权限。.*网站设置.*地图的其他功能不受影响。$/s);
    expect(await page.getByTestId('near-places').count()).toBe(0);
    expect(page.url().replace(/&panel=near/, '')).toBe(before);
    expect(await axeSerious(page, '[data-testid="near-panel"]')).toEqual([]);

    // The QR code of this view, read back by a decoder from the pixels on screen, is the view's link.
    await page.getByTestId('share-open').click();
    const dialog = page.getByTestId('share-dialog');
    await expect.poll(() => dialog.isVisible()).toBe(true);
    const link = await page.getByTestId('share-link').inputValue();
    expect(link).toBe(page.url());
    expect(await readQr(page)).toBe(link);
    const code = page.getByTestId('share-embed-code');
    expect(await code.inputValue()).toMatch(/^<iframe src="http:\/\/[^"]+\/embed\.html\?embed=map&amp;lang=zh&amp;[^"]*" title="张江高新区杨浦园创新地图"/);
    await page.getByTestId('share-embed-panels').check();
    expect(await code.inputValue()).toContain('embed.html?embed=panels&amp;');
    expect(await axeSerious(page, '[data-testid="share-dialog"]')).toEqual([]);
    await page.keyboard.press('Escape');
    await expect.poll(() => dialog.count()).toBe(0);
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('share-open');
    expect(problems.errors).toEqual([]);
  });

  it('a poor fix outside Yangpu: both said plainly, the places still listed', async () => {
    const { page, problems } = await open(PHONE, 'en', { longitude: 121.4998, latitude: 31.2397, accuracy: 900 });
    await page.getByTestId('control-near').click();
    await expect.poll(() => status(page).getAttribute('data-status'), { timeout: 10_000 }).toBe('located');
    await expect.poll(() => page.getByTestId('near-outside').count(), { timeout: 10_000 }).toBe(1);
    expect(await page.getByTestId('near-outside').innerText()).toMatch(/^You seem to be outside Yangpu, about \d\.\d km from its boundary\./);
    expect(await page.getByTestId('near-low-accuracy').innerText()).toMatch(/only known to within about 900 m/);
    await expect.poll(() => items(page, 'near-places').count(), { timeout: 15_000 }).toBe(5);
    expect(problems.errors).toEqual([]);
  });
});

/** The share dialog's QR code as the screen shows it, decoded. */
async function readQr(page: Page): Promise<string | null> {
  const png = PNG.sync.read(await page.getByTestId('share-qr').screenshot());
  return jsQR(new Uint8ClampedArray(png.data), png.width, png.height)?.data ?? null;
}
