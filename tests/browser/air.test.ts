import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { axeSerious, downloadPath, type MapHandle, openPage, renderedCounts, screenshotPath, settle, useBrowserSuite, useSharedPages } from './harness.ts';

const suite = useBrowserSuite();
// The tests change only the app's state (the sketch lives in the link): they take turns on one page (see useSharedPages).
const shared = useSharedPages(suite);

const jump = (page: Page, lon: number, lat: number, zoom = 15) =>
  page.evaluate(([x, y, z]) => (window as unknown as MapHandle).__yangpu.map.jumpTo({ center: [x!, y!], zoom: z! }), [lon, lat, zoom]);
const camera = (page: Page) =>
  page.evaluate(() => {
    const map = (window as unknown as MapHandle).__yangpu.map;
    return { pitch: map.getPitch(), bearing: map.getBearing() };
  });
const tilt = (page: Page, pitch: number) => page.evaluate((p) => (window as unknown as MapHandle).__yangpu.map.jumpTo({ pitch: p }), pitch);
const PANEL = '[data-testid="air-panel"]';

describe('low-altitude layer (production build)', () => {
  it('shows the reported routes with corridors, figures, conflicts and a 3D view when pitched', async () => {
    const { page, problems } = await shared.visit('?lang=en&panel=air');
    // The panel lists the three reported routes with their figures once the analysis has run.
    const panel = page.getByRole('tabpanel');
    await expect.poll(() => panel.getByRole('button', { name: /Show on map/ }).count(), { timeout: 20_000 }).toBe(3);
    const text = (await panel.textContent()) ?? '';
    expect(text).toMatch(/Indicative track/);
    expect(text).toMatch(/60–120 m/);
    expect(text).toMatch(/km/);
    await panel
      .getByRole('img', { name: /Altitude profile/ })
      .first()
      .waitFor();
    const axe = await new AxeBuilder({ page }).exclude('.maplibregl-canvas').analyze();
    expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);

    // Corridors switched on in the layer panel render; the first route's conflicts include an elevated road.
    await page.getByRole('tab', { name: 'Layers' }).click();
    await page.getByRole('checkbox', { name: /Drone corridors/ }).check();
    await page.getByRole('tab', { name: 'Drones' }).click();
    await jump(page, 121.517, 31.292, 13.5);
    await settle(page);
    const counts = await renderedCounts(page, ['corridors-3d', 'corridors-edge', 'conflicts-circle', 'drone-routes-line']);
    for (const [layer, n] of Object.entries(counts)) expect(n, layer).toBeGreaterThan(0);
    await page
      .getByRole('button', { name: /Conflicts \(\d+\)/ })
      .first()
      .click();
    expect((await panel.textContent()) ?? '').toMatch(/Elevated road/);

    // A route's card says what is known of it.
    await panel
      .getByRole('button', { name: /Show on map/ })
      .first()
      .click();
    await settle(page);
    const card = page.getByRole('region', { name: /drone|Drone|route|Route/ }).first();
    const cardText = (await card.textContent()) ?? '';
    expect(cardText).toMatch(/Task 7/);
    expect(cardText).toMatch(/60.120 m/);
    expect(cardText).toMatch(/ndicative/);

    // Pitched, the corridors stand at their altitude band.
    await page.evaluate(() => (window as unknown as MapHandle).__yangpu.map.jumpTo({ pitch: 60, bearing: -20 }));
    await settle(page);
    expect((await renderedCounts(page, ['corridors-3d']))['corridors-3d']).toBeGreaterThan(0);
    expect(page.url()).toMatch(/map=[^&]*\/-20\/60/);
    await page.screenshot({ path: screenshotPath('air-3d-en') });
    expect(problems.errors).toEqual([]);
  });

  it('sketches a route with the keyboard controls, finds its conflicts, keeps it in the link and exports it', async () => {
    const { page, problems } = await shared.visit('?lang=en&panel=air');
    const panel = page.getByRole('tabpanel');
    // West and east of the 中环路 / 黄兴路 elevated roads near 五角场: the sketch must cross an elevated road.
    await jump(page, 121.515, 31.3065);
    await settle(page);
    await panel.getByRole('button', { name: 'Add a point at the map centre' }).click();
    await jump(page, 121.532, 31.3065);
    await settle(page);
    const add = panel.getByRole('button', { name: 'Add a point at the map centre' });
    await add.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.url()).toMatch(/sketch=121\.515,31\.3065;121\.532,31\.3065/);
    await expect.poll(async () => (await panel.textContent()) ?? '', { timeout: 20_000 }).toMatch(/Export GeoJSON/);
    const sketchConflicts = panel.getByRole('button', { name: /Conflicts \(\d+\)/ }).last();
    const label = (await sketchConflicts.textContent()) ?? '';
    expect(Number(/\((\d+)\)/.exec(label)?.[1])).toBeGreaterThan(0);
    await jump(page, 121.5235, 31.3065, 13.5);
    await settle(page);
    expect((await renderedCounts(page, ['sketch-line', 'sketch-vertex']))['sketch-vertex']).toBe(2);

    // Export: a GeoJSON file with the line, its corridor and its conflicts.
    const download = page.waitForEvent('download');
    await panel.getByRole('button', { name: 'Export GeoJSON' }).click();
    const file = await downloadPath(await download);
    const fc = JSON.parse(readFileSync(file!, 'utf8'));
    expect(fc.type).toBe('FeatureCollection');
    expect(fc.features[0].geometry.type).toBe('LineString');
    expect(fc.features[0].properties.length_m).toBeGreaterThan(1500);
    expect(fc.features.some((f: { properties: { kind?: string } }) => f.properties.kind === 'elevated_road')).toBe(true);

    // Delete a point, then undo is not needed: the link follows the sketch.
    await panel
      .getByRole('button', { name: /Delete.*point 2|point 2.*Delete|Delete/ })
      .last()
      .click();
    await expect.poll(() => page.url()).toMatch(/sketch=121\.515,31\.3065(&|$)/);
    await page.goBack();
    await expect.poll(() => page.url()).toMatch(/sketch=121\.515,31\.3065;121\.532,31\.3065/);
    const url = page.url();
    await page.screenshot({ path: screenshotPath('air-sketch-en') });
    expect(problems.errors).toEqual([]);

    // The link alone brings the sketch and its analysis back in a fresh browser context.
    const again = await openPage(suite, url.replace(suite.server.url, ''));
    await expect.poll(async () => (await again.page.getByRole('tabpanel').textContent()) ?? '', { timeout: 20_000 }).toMatch(/Export GeoJSON/);
    await jump(again.page, 121.5235, 31.3065, 13.5);
    await settle(again.page);
    expect((await renderedCounts(again.page, ['sketch-vertex']))['sketch-vertex']).toBe(2);
    expect(again.problems.errors).toEqual([]);
    await again.page.close();
  });

  it('turns the 3D view on and off, lists each obstacle once, and takes the tab’s overlays off the map with the tab', async () => {
    const { page, problems } = await shared.visit('?lang=en&panel=air&sketch=121.515,31.3065;121.532,31.3065');
    const panel = page.getByRole('tabpanel');
    await expect.poll(() => panel.getByRole('button', { name: /Show on map/ }).count(), { timeout: 20_000 }).toBe(3);

    // The 3D view: the corridors on, the map pitched, the bearing kept; all of it in the link.
    await page.evaluate(() => (window as unknown as MapHandle).__yangpu.map.jumpTo({ center: [121.517, 31.292], zoom: 13.5, bearing: -20 }));
    await settle(page);
    const toggle = panel.getByRole('button', { name: '3D view' });
    expect(await toggle.getAttribute('aria-pressed')).toBe('false');
    await toggle.click();
    await settle(page);
    const pitched = await camera(page);
    expect(pitched.pitch).toBeGreaterThanOrEqual(55);
    expect(pitched.bearing).toBeCloseTo(-20, 5);
    expect(await toggle.getAttribute('aria-pressed')).toBe('true');
    await expect.poll(() => page.url()).toMatch(/layers=[^&]*corridors/);
    expect(page.url()).toMatch(/map=[^&]*\/-20\/60(&|$)/);
    expect((await renderedCounts(page, ['corridors-3d']))['corridors-3d']).toBeGreaterThan(0);
    expect(await axeSerious(page, PANEL)).toEqual([]);
    // Off again: flat, and the corridors' row back off as it was.
    await toggle.click();
    await settle(page);
    expect((await camera(page)).pitch).toBe(0);
    expect(await toggle.getAttribute('aria-pressed')).toBe('false');
    await expect.poll(() => page.url()).not.toMatch(/corridors/);

    // Conflicts once per obstacle: the route to Internet Baodi crosses the inner ring road's two carriageways, 84 m apart.
    const baodi = panel.locator('li.route').filter({ has: page.getByRole('heading', { name: /Internet Baodi/ }) });
    await baodi.getByRole('button', { name: /Conflicts \(\d+\)/ }).click();
    const ring = baodi.getByRole('button', { name: /Neihuan Elevated Road/ });
    expect(await ring.count()).toBe(1);
    expect(await ring.textContent()).toMatch(/route crosses 2 times/);

    // The sketch and the conflicts leave the map with the tab and come back with it.
    await jump(page, 121.5235, 31.3065, 13.5);
    await settle(page);
    const overlays = () => renderedCounts(page, ['sketch-vertex', 'conflicts-circle']);
    expect(await overlays()).toEqual({ 'sketch-vertex': 2, 'conflicts-circle': expect.any(Number) });
    expect((await overlays())['conflicts-circle']).toBeGreaterThan(0);
    await page.getByRole('tab', { name: 'Layers' }).click();
    await expect.poll(overlays).toEqual({ 'sketch-vertex': 0, 'conflicts-circle': 0 });
    await page.getByRole('tab', { name: 'Drones' }).click();
    await expect.poll(async () => (await overlays())['sketch-vertex']).toBe(2);
    expect((await overlays())['conflicts-circle']).toBeGreaterThan(0);
    expect(problems.errors).toEqual([]);
  });

  it('on a phone, in Chinese, hints at the corridors when the map is tilted without them', async () => {
    const { page, problems } = await shared.visit('?lang=zh&panel=air', { width: 390, height: 844 });
    const panel = page.getByRole('tabpanel');
    const toggle = panel.getByRole('button', { name: '三维视图' });
    await expect.poll(() => toggle.isEnabled(), { timeout: 20_000 }).toBe(true);
    const hint = panel.getByRole('status').filter({ hasText: '地图已倾斜' });
    expect(await hint.count()).toBe(0);

    await tilt(page, 45);
    await settle(page);
    await expect.poll(() => hint.count()).toBe(1);
    const show = panel.getByRole('button', { name: '打开走廊' });
    const box = (await show.boundingBox())!;
    expect(box.height).toBeGreaterThanOrEqual(44);
    expect((await toggle.boundingBox())!.height).toBeGreaterThanOrEqual(44);
    expect(await axeSerious(page, PANEL)).toEqual([]);
    await page.screenshot({ path: screenshotPath('air-tilt-hint-zh-phone') });

    // Its button turns the corridors on and keeps the tilt: the 3D view is on, the hint gone.
    await show.click();
    await expect.poll(() => hint.count()).toBe(0);
    expect(await toggle.getAttribute('aria-pressed')).toBe('true');
    expect((await camera(page)).pitch).toBeCloseTo(45, 5);
    await expect.poll(() => page.url()).toMatch(/layers=[^&]*corridors/);

    // Flat again, with the corridors off: no hint.
    await toggle.click();
    await settle(page);
    expect(page.url()).not.toMatch(/corridors/);
    expect(await hint.count()).toBe(0);
    expect(problems.errors).toEqual([]);
  });

  it('adds points by clicking the map while drawing, and only then', async () => {
    const { page, problems } = await shared.visit('?lang=zh&panel=air');
    const panel = page.getByRole('tabpanel');
    const canvas = page.locator('.maplibregl-canvas');
    const box = (await canvas.boundingBox())!;
    await panel.getByRole('button', { name: '绘制航线' }).click();
    expect(await panel.getByRole('button', { name: '绘制航线' }).getAttribute('aria-pressed')).toBe('true');
    await page.mouse.click(box.x + 200, box.y + 300);
    await page.mouse.click(box.x + 400, box.y + 320);
    await expect.poll(() => page.url()).toMatch(/sketch=[\d.]+,[\d.]+;[\d.]+,[\d.]+(&|$)/);
    await panel.getByRole('button', { name: '绘制航线' }).click();
    await page.mouse.click(box.x + 300, box.y + 400);
    await page.waitForTimeout(300);
    expect(
      page
        .url()
        .match(/sketch=([^&]*)/)![1]!
        .split(';'),
    ).toHaveLength(2);
    expect(problems.errors).toEqual([]);
  });
});
