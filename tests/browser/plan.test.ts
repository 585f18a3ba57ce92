import { describe, expect, it } from 'vitest';
import { renderedCounts, screenshotPath, useBrowserSuite, useSharedPages, waitForIdle } from './harness.ts';

const suite = useBrowserSuite();
// Both tests take turns on one page (see useSharedPages).
const shared = useSharedPages(suite);
const VIEWPORT = { width: 1280, height: 860 };

type Rendered = { cls: string; id: string; indicative: boolean; geom: string };

describe('the plan’s places on the map (production build)', () => {
  it('renders every class of the dataset, and lists the places whose location is not published', async () => {
    const { page, problems } = await shared.visit('?lang=zh', VIEWPORT);
    await page.screenshot({ path: screenshotPath('plan-zh-desktop') });

    const classes = await page.evaluate(() => {
      const map = (window as unknown as { __yangpu: { map: import('maplibre-gl').Map } }).__yangpu.map;
      const planLayers = map
        .getStyle()
        .layers.filter((l) => 'source' in l && l.source === 'plan')
        .map((l) => l.id);
      return map.queryRenderedFeatures({ layers: planLayers }).map((f) => ({
        cls: f.properties.class as string,
        id: f.properties.id as string,
        indicative: f.properties.indicative as boolean,
        geom: f.geometry.type,
      }));
    });
    const byClass = new Map<string, Rendered[]>();
    for (const r of classes as Rendered[]) byClass.set(r.cls, [...(byClass.get(r.cls) ?? []), r]);
    for (const cls of ['zone', 'zone_component', 'university_science_park', 'incubator', 'platform', 'campus', 'landmark', 'landing_site', 'drone_route']) {
      expect(byClass.get(cls)?.length ?? 0, cls).toBeGreaterThan(0);
    }
    const zones = new Set(byClass.get('zone')!.map((r) => r.id));
    expect([...zones].sort()).toEqual(['zone-future-valley', 'zone-yangshupu-belt']);
    // Every zone outline and drone route is indicative, and rendered as such (tinted fill / dashed line layers).
    expect(byClass.get('zone')!.every((r) => r.indicative)).toBe(true);
    expect(byClass.get('drone_route')!.every((r) => r.indicative && r.geom === 'LineString')).toBe(true);
    const counts = await renderedCounts(page, [
      'zone-future-valley-fill',
      'zone-future-valley-line',
      'zone-future-valley-label',
      'zone-yangshupu-belt-fill',
      'zone-yangshupu-belt-label',
      'zone-components-line',
      'drone-routes-line',
      'science-parks-circle',
    ]);
    for (const [layer, n] of Object.entries(counts)) expect(n, layer).toBeGreaterThan(0);

    // The panel: plan groups, and the unpublished locations as a list, not as points.
    expect(await page.getByRole('checkbox', { name: /未来谷（示意范围）/ }).isChecked()).toBe(true);
    expect(await page.getByRole('checkbox', { name: /杨数浦创新秀带/ }).isChecked()).toBe(true);
    const unlocated = page.getByTestId('unlocated');
    await unlocated.locator('summary').click();
    await expect.poll(() => unlocated.textContent()).toContain('上海技术交易所');
    expect(await unlocated.locator('li').count()).toBeGreaterThanOrEqual(5);
    const placed = (classes as Rendered[]).map((r) => r.id);
    expect(placed).not.toContain('platform-shanghai-technology-exchange');

    // Switching a group off removes exactly its features from the map.
    await page.getByRole('checkbox', { name: /无人机配送航线/ }).uncheck();
    await waitForIdle(page);
    expect((await renderedCounts(page, ['drone-routes-line']))['drone-routes-line']).toBe(0);
    expect((await renderedCounts(page, ['zone-future-valley-fill']))['zone-future-valley-fill']).toBeGreaterThan(0);
    expect(problems.errors).toEqual([]);
  });

  it('shows the low-altitude routes around 五角场 in English', async () => {
    const { page, problems } = await shared.visit('?lang=en', VIEWPORT);
    await page.evaluate(() =>
      (window as unknown as { __yangpu: { map: import('maplibre-gl').Map } }).__yangpu.map.jumpTo({ center: [121.518, 31.29], zoom: 13.6 }),
    );
    await waitForIdle(page);
    await page.screenshot({ path: screenshotPath('plan-en-wujiaochang') });
    const counts = await renderedCounts(page, ['drone-routes-line', 'drone-routes-label', 'landing-sites-circle', 'zone-future-valley-label']);
    for (const [layer, n] of Object.entries(counts)) expect(n, layer).toBeGreaterThan(0);
    expect(problems.errors).toEqual([]);
  });
});
