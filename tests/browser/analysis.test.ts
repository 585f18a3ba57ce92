import AxeBuilder from '@axe-core/playwright';
import type { Locator, Page } from 'playwright-core';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { downloadPath, type MapHandle, openPage, renderedCounts, screenshotPath, settle, useBrowserSuite, useSharedPages } from './harness.ts';

const suite = useBrowserSuite();
// The desktop tests change only the app's state (the dashboard's settings live in the link): they take turns on one
// page (see useSharedPages).
const shared = useSharedPages(suite);

// Located science parks, incubators and platforms: 8 + 5 + 7 = 20 places at 14 distinct locations (a university's
// science park, its incubator and its platform often share one address); co-located places count as one site.
const PLACES = 20;
const SITES = 14;

/** A figure's cell in the results table: column 1 is scenario A, 2 is B. */
const figure = (panel: Locator, id: string, column = 1) => panel.locator(`tr[data-figure="${id}"] td`).nth(column - 1);
const count = async (panel: Locator, column = 1) => Number(await figure(panel, 'count', column).textContent());

/** The settings and scenarios fold below the results: opened before a test changes them. */
async function openSettings(panel: Locator): Promise<void> {
  const fold = panel.getByTestId('analysis-settings');
  if ((await fold.getAttribute('open')) === null) await fold.locator(':scope > summary').click();
}

const fitYangpu = (page: Page) =>
  page.evaluate(() =>
    (window as unknown as MapHandle).__yangpu.map.fitBounds([121.49, 31.25, 121.58, 31.34], {
      duration: 0,
      padding: { top: 20, bottom: 20, left: 20, right: 360 },
    }),
  );

describe('dispersion dashboard (production build)', () => {
  it("reads the figures of today's park space in plain words, draws them on the map, and exports them", async () => {
    const { page, problems } = await shared.visit('?lang=en&panel=analysis');
    const panel = page.getByTestId('analysis-panel');
    await expect.poll(() => count(panel), { timeout: 30_000 }).toBe(SITES);
    // The readings and the tests lead; the settings wait, folded, below them.
    expect(await panel.getByTestId('analysis-settings').getAttribute('open')).toBeNull();
    const readings = (await panel.getByTestId('readings-a').textContent()) ?? '';
    expect(readings).not.toMatch(/R = /);
    // The counts add up (places → distinct sites → counted), and the tests name themselves, n and p.
    const tests = panel.getByTestId('significance-a');
    await expect.poll(() => tests.textContent(), { timeout: 30_000 }).toMatch(/two-sided p = 0\.\d+/);
    const said = (await tests.textContent()) ?? '';
    expect(said).toMatch(
      new RegExp(
        `${PLACES} places chosen → ${SITES} distinct sites \\(\\d+ of the places share a site with another; a shared site counts once\\) → ${SITES} in the tests`,
      ),
    );
    expect(said).toMatch(
      new RegExp(
        `Monte Carlo test \\(999 random placements of ${SITES} parks inside Yangpu\\): the parks are (closer together|farther apart) than random placement \\(R = \\d\\.\\d\\d\\), (significantly so|but not significantly) at the 5 % level`,
      ),
    );
    expect(said).toMatch(/Donnelly's edge correction: R = \d\.\d\d, z = −?\d\.\d\d\. Without the correction it reads \d\.\d\d/);
    expect(said).toMatch(/Ripley's L: .*Global envelope test p = 0\.\d+\./);
    expect(said).toMatch(
      /The observed mean distance to the nearest park is (\d+ m|\d\.\d\d km); 95 % of the random placements give between (\d+ m|\d\.\d\d km) and (\d+ m|\d\.\d\d km)\./,
    );
    await expect.poll(() => panel.locator('[data-testid="l-function"] svg').count(), { timeout: 20_000 }).toBe(1);
    expect(await figure(panel, 'monte_carlo_p').textContent()).toMatch(/^0\.\d+$/);
    expect(readings).toMatch(/Half the parks have another park within \d+\.\d km\./);
    expect(readings).toMatch(
      /At 500 m the parks form \d+ clusters?; \d+ stands? alone\. \(A cluster: at least 2 parks, each within 500 m of another; DBSCAN\.\)/,
    );
    // The plan publishes no park areas: the dashboard says so rather than inventing them.
    expect(readings).toMatch(/known only as points|has an outline/);
    expect(readings).toMatch(/duplicates \(same id or same place\) and are counted once/);
    expect(await figure(panel, 'total_area').textContent()).toBe('—');
    expect(await figure(panel, 'clark_evans_r').textContent()).toMatch(/^\d\.\d\d$/);
    await expect.poll(() => panel.locator('figure svg[aria-label="Distance to the nearest park"]').count(), { timeout: 20_000 }).toBe(1);

    // The tree and the clusters are on the map.
    await fitYangpu(page);
    await settle(page);
    const drawn = await renderedCounts(page, ['analysis-tree-line', 'analysis-clusters-fill']);
    expect(drawn['analysis-tree-line']).toBeGreaterThan(0);
    expect(drawn['analysis-clusters-fill']).toBeGreaterThan(0);
    // Coverage buffers are off until asked for.
    expect((await renderedCounts(page, ['analysis-coverage-stations-fill']))['analysis-coverage-stations-fill']).toBe(0);
    await panel.getByRole('checkbox', { name: 'Within reach of metro stations' }).check();
    await settle(page);
    expect((await renderedCounts(page, ['analysis-coverage-stations-fill']))['analysis-coverage-stations-fill']).toBeGreaterThan(0);
    expect(page.url()).toMatch(/layers=[^&]*analysis_coverage_stations/);

    // A wider distance joins parks into fewer, larger clusters; the link keeps it.
    const clustersAt500 = Number(await figure(panel, 'clusters').textContent()) + Number(await figure(panel, 'noise').textContent());
    await openSettings(panel);
    const distanceBox = panel.getByRole('spinbutton', { name: 'Cluster distance (m)' });
    await distanceBox.fill('2000');
    await distanceBox.press('Enter');
    await expect.poll(() => page.url()).toMatch(/cd=2000/);
    await expect.poll(async () => (await panel.getByTestId('readings-a').textContent()) ?? '', { timeout: 20_000 }).toMatch(/At 2000 m/);
    const clustersAt2000 = Number(await figure(panel, 'clusters').textContent()) + Number(await figure(panel, 'noise').textContent());
    expect(clustersAt2000).toBeLessThan(clustersAt500);
    // A number out of range is refused with a hint, and the last good value is kept.
    await distanceBox.fill('-3');
    await distanceBox.press('Enter');
    expect((await panel.textContent()) ?? '').toMatch(/Enter a number from 50 to 5000; 2000 is kept/);
    expect(page.url()).toMatch(/cd=2000/);
    // The fewest parks in a cluster is a setting, said where the clusters are read, and kept in the link.
    await panel.getByRole('combobox', { name: 'Fewest parks in a cluster' }).selectOption('3');
    await expect.poll(() => page.url()).toMatch(/cmin=3/);
    await expect
      .poll(async () => (await panel.getByTestId('readings-a').textContent()) ?? '', { timeout: 20_000 })
      .toMatch(/A cluster: at least 3 parks, each within 2000 m/);

    // Task 2 asks to solve the scattering: three hubs gather the parks, drawn, tabulated and kept in the link.
    await panel.getByRole('combobox', { name: 'Method' }).selectOption('count');
    await panel.getByRole('combobox', { name: 'Number of hubs' }).selectOption('3');
    await expect.poll(() => page.url()).toMatch(/hk=3/);
    const hubRows = panel.getByTestId('hub-table').locator('tbody tr');
    await expect.poll(() => hubRows.count(), { timeout: 20_000 }).toBe(3);
    expect(await panel.getByTestId('hubs').locator('p').first().textContent()).toMatch(
      new RegExp(
        `^3 hubs \\((the optimum, by trying every choice|Teitz–Bart's vertex substitution, not proved optimal)\\) would gather the ${SITES} parks: a park is on average (\\d+ m|\\d\\.\\d\\d km) from its hub`,
      ),
    );
    expect(await panel.getByTestId('hub-figures').locator('tbody tr').first().locator('td').allTextContents()).toEqual([String(SITES), '3']);
    await settle(page);
    await expect.poll(async () => (await renderedCounts(page, ['analysis-hub']))['analysis-hub']).toBe(3);

    // Hubs may go at sites the planner adds: two clicks on the map, then one hub among them only.
    await fitYangpu(page);
    await settle(page);
    await panel.getByRole('button', { name: 'Add sites on the map' }).click();
    for (const [lon, lat] of [
      [121.515, 31.29],
      [121.54, 31.305],
    ]) {
      const p = await page.evaluate(([x, y]) => (window as unknown as MapHandle).__yangpu.map.project([x!, y!]), [lon, lat]);
      await page.locator('.maplibregl-canvas').click({ position: { x: p.x, y: p.y } });
    }
    await panel.getByRole('button', { name: 'Add sites on the map' }).click();
    const sites = panel.getByTestId('hub-sites');
    expect(await sites.locator('li > span').allTextContents()).toEqual(['Site 1', 'Site 2']);
    await expect.poll(() => page.url()).toMatch(/hpts=121\.5\d+,31\.\d+;121\.5\d+,31\.\d+(&|$)/);
    await panel.getByRole('combobox', { name: 'Hubs may go at' }).selectOption('added');
    await panel.getByRole('combobox', { name: 'Number of hubs' }).selectOption('1');
    await expect.poll(() => page.url()).toMatch(/hk=1&hc=added/);
    await expect.poll(() => hubRows.count(), { timeout: 20_000 }).toBe(1);
    await expect.poll(() => hubRows.first().locator('th').textContent(), { timeout: 20_000 }).toMatch(/^1\. Site [12]$/);
    await settle(page);
    // Both sites drawn as rings, the chosen one under the hub's disc.
    await expect.poll(async () => renderedCounts(page, ['analysis-hub-site', 'analysis-hub'])).toEqual({ 'analysis-hub-site': 2, 'analysis-hub': 1 });
    const hubsCsv = page.waitForEvent('download');
    await panel.getByRole('button', { name: 'Hubs (CSV)' }).click();
    expect(readFileSync(await downloadPath(await hubsCsv), 'utf8')).toMatch(/,1,site:[12],添加点 [12],Site [12],[\d.]+\r\n/);

    // The overlays belong to the open tab: they leave the map with it and come back with it.
    await page.getByRole('tab', { name: 'Layers' }).click();
    await settle(page);
    expect((await renderedCounts(page, ['analysis-tree-line']))['analysis-tree-line']).toBe(0);
    await page.getByRole('tab', { name: 'Analysis' }).click();
    await settle(page);
    await expect.poll(async () => (await renderedCounts(page, ['analysis-tree-line']))['analysis-tree-line']).toBeGreaterThan(0);

    const axe = await new AxeBuilder({ page }).include('[data-testid="analysis-panel"]').analyze();
    expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);

    const download = page.waitForEvent('download');
    await panel.getByRole('button', { name: 'Figures (CSV)' }).click();
    const csv = readFileSync(await downloadPath(await download), 'utf8');
    expect(csv).toMatch(/^\uFEFFfigure,label,unit,scenario_a\r\n/);
    expect(csv).toContain(`\r\ncount,Park sites (distinct locations),count,${SITES}\r\n`);
    const overlays = page.waitForEvent('download');
    await panel.getByRole('button', { name: 'Overlays (GeoJSON)' }).click();
    const fc = JSON.parse(readFileSync(await downloadPath(await overlays), 'utf8'));
    expect(fc.features.filter((f: { properties: { role: string } }) => f.properties.role === 'mst')).toHaveLength(SITES - 1);
    await page.screenshot({ path: screenshotPath('analysis-en') });
    expect(problems.errors).toEqual([]);
  });

  it('compares two scenarios, selects by drawing and picking, and shares all of it as a link', async () => {
    const { page, problems } = await shared.visit('?lang=en&panel=analysis');
    const panel = page.getByTestId('analysis-panel');
    await expect.poll(() => count(panel), { timeout: 30_000 }).toBe(SITES);

    // B: the plan's consolidation, the same parks counted inside the two zones only.
    await openSettings(panel);
    await panel.getByRole('checkbox', { name: 'Compare with scenario B' }).check();
    await expect.poll(() => figure(panel, 'count', 2).textContent(), { timeout: 20_000 }).toMatch(/^\d+$/);
    const inZones = await count(panel, 2);
    expect(inZones).toBeGreaterThan(0);
    expect(inZones).toBeLessThan(SITES);
    expect(await figure(panel, 'in_zone-future-valley', 2).textContent()).toMatch(/%/);

    // Draw a selection around Wujiaochang and the Fudan/Tongji area with clicks on the map.
    await fitYangpu(page);
    await settle(page);
    await panel.getByRole('button', { name: 'Draw a selection on the map' }).first().click();
    const canvas = page.locator('.maplibregl-canvas');
    const box = (await canvas.boundingBox())!;
    const at = async (lon: number, lat: number) => {
      const p = await page.evaluate(([x, y]) => (window as unknown as MapHandle).__yangpu.map.project([x!, y!]), [lon, lat]);
      await canvas.click({ position: { x: p.x, y: p.y } });
    };
    expect(box.width).toBeGreaterThan(0);
    await at(121.49, 31.28);
    await at(121.535, 31.28);
    await at(121.535, 31.315);
    await at(121.49, 31.315);
    await expect.poll(() => page.url()).toMatch(/apoly=([\d.]+,[\d.]+;){3}[\d.]+,[\d.]+/);
    await panel.getByRole('button', { name: 'Draw a selection on the map' }).first().click();
    expect((await renderedCounts(page, ['analysis-area-line']))['analysis-area-line']).toBeGreaterThan(0);

    // Scenario A: only inside the selection.
    await panel.getByRole('radio', { name: 'Scenario A' }).first().check();
    await panel.getByRole('checkbox', { name: /Inside the drawn selection only/ }).check();
    await expect.poll(() => count(panel), { timeout: 20_000 }).toBeLessThan(SITES);
    expect(await count(panel)).toBeGreaterThan(0);

    // Picking: untick every place one by one but one, and a single site is left (with a message saying so).
    const summary = panel.getByText(/Pick parks one by one/);
    await summary.click();
    const total = Number(/of (\d+) counted/.exec((await summary.textContent()) ?? '')?.[1]);
    expect(total).toBeGreaterThan(1);
    const boxes = panel.locator('details.pick input[type="checkbox"]');
    for (let i = 1; i < total; i++) await boxes.nth(i).uncheck();
    await expect.poll(() => summary.textContent()).toMatch(new RegExp(`\\(1 of ${total} counted\\)`));
    await expect.poll(() => count(panel), { timeout: 20_000 }).toBe(1);
    expect((await panel.getByTestId('readings-a').textContent()) ?? '').toMatch(/Only one park is chosen/);
    expect(await figure(panel, 'clark_evans_r').textContent()).toBe('—');
    await boxes.nth(1).check();
    await expect.poll(() => summary.textContent()).toMatch(new RegExp(`\\(2 of ${total} counted\\)`));
    // The figures follow once the worker has recomputed them (the link above changes at once).
    await expect.poll(() => count(panel), { timeout: 20_000 }).toBe(2);
    await expect.poll(() => page.url()).toMatch(/aoff=[a-z]/);
    await expect.poll(() => page.url()).toMatch(/aarea=1/);
    await expect.poll(() => page.url()).toMatch(/cmp=1/);

    // The map can show B's overlays instead of A's.
    await panel.getByRole('radio', { name: 'Scenario B' }).last().check();
    await expect.poll(() => page.url()).toMatch(/amap=b/);
    const url = page.url();
    const a = await count(panel);
    const b = await count(panel, 2);
    const r = await figure(panel, 'clark_evans_r').textContent();
    await page.screenshot({ path: screenshotPath('analysis-compare-en') });
    expect(problems.errors).toEqual([]);

    // A colleague opening the link in a fresh browser sees the same scenarios and figures, in Chinese too.
    const again = await openPage(suite, url.replace(suite.server.url, '').replace('lang=en', 'lang=zh'));
    const panel2 = again.page.getByTestId('analysis-panel');
    await expect.poll(() => count(panel2), { timeout: 30_000 }).toBe(a);
    expect(await count(panel2, 2)).toBe(b);
    expect(await figure(panel2, 'clark_evans_r').textContent()).toBe(r);
    expect((await panel2.getByTestId('readings-a').textContent()) ?? '').toMatch(/按 500 米计，园区形成 \d+ 个聚类/);
    const axe = await new AxeBuilder({ page: again.page }).include('[data-testid="analysis-panel"]').analyze();
    expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);
    expect(again.problems.errors).toEqual([]);
    await again.page.close();
  });

  it('works as a bottom sheet on a phone', async () => {
    const { page, problems } = await openPage(suite, '?lang=zh&panel=analysis&cmp=1&hd=1500&hc=all&hpts=121.515,31.29;121.54,31.305', {
      width: 390,
      height: 844,
    });
    const panel = page.getByTestId('analysis-panel');
    await expect.poll(() => count(panel), { timeout: 30_000 }).toBe(SITES);
    // Hubs from the link, every park within 1.5 km, said in Chinese.
    await expect
      .poll(() => panel.getByTestId('hubs').locator('p').first().textContent(), { timeout: 20_000 })
      .toMatch(/^要让每个园区都在 1\.50 公里 内，至少需要 \d+ 个集中点/);
    // The sites the link adds are listed by name, and drawn.
    expect(await panel.getByTestId('hub-sites').locator('li > span').allTextContents()).toEqual(['添加点 1', '添加点 2']);
    expect(await panel.getByTestId('significance-a').textContent()).toMatch(/蒙特卡洛检验|正在与随机放置比较/);
    await panel.getByTestId('figures').scrollIntoViewIfNeeded();
    await page.screenshot({ path: screenshotPath('analysis-phone-zh') });
    expect(problems.errors).toEqual([]);
    await page.close();
  });
});
