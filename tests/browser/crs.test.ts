import gcoord from 'gcoord';
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { axeSerious, downloadPath, openPage, screenshotPath, useBrowserSuite } from './harness.ts';
import { languageLeaks } from './language-rule.ts';

const suite = useBrowserSuite();
type P = [number, number];

/** Great-circle distance, m. */
function metres([a, b]: P, [c, d]: P): number {
  const r = Math.PI / 180;
  const h = Math.sin(((d - b) * r) / 2) ** 2 + Math.cos(b * r) * Math.cos(d * r) * Math.sin(((c - a) * r) / 2) ** 2;
  return 2 * 6371008.8 * Math.asin(Math.sqrt(h));
}

const gcj = (p: P): P => gcoord.transform(p, gcoord.WGS84, gcoord.GCJ02) as P;

// A city-wide file in GCJ-02 (as Amap writes it) whose offers are office buildings, none named like a known place and
// none at a station: nothing in it tells its system. True positions on a grid over Shanghai's centre and Yangpu.
const TRUTH: P[] = Array.from({ length: 30 }, (_, i) => [121.4 + (i % 6) * 0.035 + 0.0123, 31.18 + Math.floor(i / 6) * 0.032 + 0.0071]);
const CITY_WIDE = ['名称,面积,经度,纬度', ...TRUTH.map((p, i) => `写字楼${i + 1},${200 + i},${gcj(p)[0].toFixed(6)},${gcj(p)[1].toFixed(6)}`)].join('\n');

// An Amap POI export of metro stations: names that are known places, in GCJ-02 (true positions 20–60 m from the
// OpenStreetMap nodes the map knows, as a POI's point and a station's node differ).
const STATIONS: [string, P][] = [
  ['五角场(地铁站)', [121.5103, 31.2996]],
  ['江湾体育场(地铁站)', [121.5094, 31.3048]],
  ['国权路(地铁站)', [121.5059, 31.2916]],
];

/** The inventory's listings as its GeoJSON export writes them (WGS-84), by name. */
async function exported(page: Page, name: string): Promise<Map<string, P>> {
  const inventories = page.getByTestId('invest-inventories');
  const download = page.waitForEvent('download');
  await inventories.getByRole('button', { name: new RegExp(`^(Export GeoJSON|导出 GeoJSON) · ${name}$`) }).click();
  const fc = JSON.parse(readFileSync(await downloadPath(await download), 'utf8')) as {
    features: { properties: Record<string, string>; geometry: { coordinates: P } }[];
  };
  return new Map(fc.features.map((f) => [Object.values(f.properties).find((v) => /^写字楼\d+$/.test(String(v))) ?? '', f.geometry.coordinates]));
}

describe('the coordinate system of an imported file (production build)', () => {
  it('asks, with the readings side by side, when nothing tells; reads as chosen; changes in place after the import', async () => {
    const { page, problems } = await openPage(suite, '?lang=en&panel=invest');
    const panel = page.getByTestId('invest-panel');
    await panel.getByTestId('invest-count').waitFor({ timeout: 20_000 });
    await page.getByTestId('invest-file').setInputFiles({ name: 'offers-citywide.csv', mimeType: 'text/csv', buffer: Buffer.from(CITY_WIDE) });
    const review = panel.getByRole('region', { name: 'Check offers-citywide.csv' });
    await review.waitFor({ timeout: 20_000 });

    // Nothing decides: no reading is chosen, the import waits and says why, never WGS-84 by default.
    const choice = review.getByTestId('crs-choice');
    await expect.poll(() => choice.getAttribute('data-detected')).toBe('');
    expect(await choice.getByTestId('crs-verdict').textContent()).toMatch(/^Nothing in the file tells its coordinate system/);
    for (const name of [/^WGS-84/, /^GCJ-02/, /^BD-09/]) expect(await choice.getByRole('radio', { name }).isChecked()).toBe(false);
    const importButton = review.getByRole('button', { name: 'Import', exact: true });
    expect(await importButton.isDisabled()).toBe(true);
    expect(await review.getByTestId('import-waiting').textContent()).toContain('Choose the coordinate system first');
    // The three readings are drawn over the basemap, side by side, once they are in view.
    const maps = choice.locator('.map');
    expect(await maps.count()).toBe(3);
    await choice.scrollIntoViewIfNeeded();
    await expect.poll(() => maps.evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.ready)), { timeout: 30_000 }).toEqual(['idle', 'idle', 'idle']);
    await page.screenshot({ path: screenshotPath('crs-ask-en') });
    expect(await axeSerious(page, '[data-testid="crs-choice"]')).toEqual([]);

    await choice.getByRole('radio', { name: /^GCJ-02/ }).check();
    expect(await choice.getByTestId('crs-verdict').textContent()).toBe('Read as GCJ-02 (Amap, Tencent), as you chose.');
    expect(await importButton.isDisabled()).toBe(false);
    await importButton.click();
    await panel.getByTestId('import-report').waitFor();

    // Every offer where it truly is (the export writes WGS-84).
    const within = async (m: number) => {
      const at = await exported(page, 'offers-citywide');
      expect(at.size).toBe(30);
      return TRUTH.map((p, i) => metres(at.get(`写字楼${i + 1}`)!, p)).every((d) => d < m);
    };
    expect(await within(1)).toBe(true);

    // Changed in place to BD-09 and back, without the file.
    const inventories = panel.getByTestId('invest-inventories');
    const recast = async (name: RegExp) => {
      await inventories.getByRole('button', { name: /^Change the coordinate system · offers-citywide$/ }).click();
      const box = inventories.getByTestId('crs-recast');
      await box.getByRole('radio', { name }).check();
      await box.getByRole('button', { name: 'Read in this system' }).click();
      await expect.poll(() => box.count()).toBe(0);
    };
    await recast(/^BD-09/);
    await expect.poll(() => page.locator('p.status').textContent()).toMatch(/^Now read as BD-09 \(Baidu\): 30 points, each moved about \d+ m\.$/);
    const moved = Number(/about (\d+) m/.exec((await page.locator('p.status').textContent()) ?? '')![1]);
    expect(moved).toBeGreaterThan(500);
    expect(await within(1)).toBe(false);
    expect(await inventories.textContent()).toContain('BD-09');
    await recast(/^GCJ-02/);
    expect(await within(1)).toBe(true);

    // Kept so after a reload.
    await page.reload();
    await panel.getByTestId('invest-count').waitFor({ timeout: 20_000 });
    expect(await inventories.textContent()).toMatch(/offers-citywide[\s\S]*GCJ-02/);
    expect(await within(1)).toBe(true);
    expect(problems.errors).toEqual([]);
    await page.close();
  });

  it('decides from names that land on known places only as GCJ-02, says why, and imports in one step (phone, zh)', async () => {
    const { page, problems } = await openPage(suite, '?lang=zh&panel=invest', { width: 390, height: 844 });
    const panel = page.getByTestId('invest-panel');
    await panel.getByTestId('invest-count').waitFor({ timeout: 20_000 });
    const csv = ['名称,面积,lng,lat', ...STATIONS.map(([n, p], i) => `${n},${100 + i},${gcj(p)[0].toFixed(6)},${gcj(p)[1].toFixed(6)}`)].join('\n');
    await page.getByTestId('invest-file').setInputFiles({ name: 'poi.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    const review = panel.getByRole('region', { name: '检查 poi.csv' });
    await review.waitFor({ timeout: 20_000 });
    const choice = review.getByTestId('crs-choice');
    await expect.poll(() => choice.getAttribute('data-detected')).toBe('gcj02');
    expect(await choice.getByTestId('crs-verdict').textContent()).toMatch(/^判断为 GCJ-02/);
    expect(await choice.getByTestId('crs-clues').textContent()).toMatch(/3 行的名称与已知地点相同.*GCJ-02 3 行/);
    expect(await choice.getByRole('radio', { name: /^GCJ-02/ }).isChecked()).toBe(true);
    // A decided file shows its maps on request only.
    expect(await choice.locator('.map').count()).toBe(0);
    await choice.getByTestId('crs-maps').click();
    await expect.poll(() => choice.locator('.map').count()).toBe(3);
    expect(await languageLeaks(choice)).toEqual([]);
    await choice.scrollIntoViewIfNeeded();
    await page.screenshot({ path: screenshotPath('crs-decided-phone-zh') });
    expect(await axeSerious(page, '[data-testid="crs-choice"]')).toEqual([]);
    await review.getByRole('button', { name: '导入', exact: true }).click();
    const report = panel.getByTestId('import-report');
    await report.waitFor();
    // The report keeps the clues the choice was made from.
    expect(await report.textContent()).toContain('3 行的名称与已知地点相同');
    expect(problems.errors).toEqual([]);
    await page.close();
  });
});
