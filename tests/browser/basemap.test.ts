import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { assembleBasemap, tileBasemap } from '../../scripts/lib/basemap.ts';
import { newOwnedPage, renderedCounts, screenshotPath, useBrowserSuite, useSharedPages, waitForIdle, watchProblems } from './harness.ts';

const suite = useBrowserSuite();
// The two desktop tests take turns on one page (see useSharedPages); the phone and the archive without OSM data
// have pages of their own.
const shared = useSharedPages(suite);

describe('basemap in a real browser (production build)', () => {
  it('serves the archive with HTTP Range support', async () => {
    const res = await fetch(new URL('tiles/basemap.pmtiles', suite.server.url), { headers: { Range: 'bytes=0-126' } });
    expect(res.status).toBe(206);
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect(bytes.length).toBe(127);
    expect(new TextDecoder().decode(bytes.slice(0, 7))).toBe('PMTiles');
  });

  it('opens on Yangpu with districts, metro, river and bilingual labels, and no errors', async () => {
    const { page, problems } = await shared.visit('?lang=zh');
    const counts = await renderedCounts(page, [
      'districts-fill',
      'districts-focus-line',
      'districts-label',
      'metro-line',
      'metro-station',
      'metro-station-label',
      'elevated-line',
      'water-fill',
      'waterways-label',
    ]);
    for (const [layer, n] of Object.entries(counts)) expect(n, layer).toBeGreaterThan(0);

    // Fitted to the district: Yangpu's outline is in view and neighbours around it.
    const names = await page.evaluate(() => {
      const map = (window as unknown as { __yangpu: { map: import('maplibre-gl').Map } }).__yangpu.map;
      return [...new Set(map.queryRenderedFeatures({ layers: ['districts-fill'] }).map((f) => f.properties.name_zh as string))];
    });
    expect(names).toEqual(expect.arrayContaining(['杨浦区', '虹口区', '浦东新区']));
    const center = await page.evaluate(() => (window as unknown as { __yangpu: { map: import('maplibre-gl').Map } }).__yangpu.map.getCenter().toArray());
    expect(center[0]).toBeGreaterThan(121.5);
    expect(center[0]).toBeLessThan(121.56);
    expect(center[1]).toBeGreaterThan(31.27);
    expect(center[1]).toBeLessThan(31.32);

    // What a user sees: the title, the layer panel, the attribution, no data notice.
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('张江高新区杨浦园创新地图');
    expect(await page.getByRole('checkbox', { name: /地铁线路与车站/ }).isChecked()).toBe(true);
    // The credits and MapLibre's own controls speak Chinese too; the credits are plain text, no markup.
    const credits = page.locator('.maplibregl-ctrl-attrib-inner');
    expect(await credits.textContent()).toBe(
      '规划地点：本项目数据集 · © OpenStreetMap 贡献者（ODbL）· 区界：echarts 4.9.0（Apache-2.0），GCJ-02→WGS-84 · 规划：杨府发〔2024〕12号',
    );
    expect(await credits.evaluate((el) => el.children.length)).toBe(0);
    for (const name of ['放大', '缩小', '拖动可旋转地图，点击恢复正北']) expect(await page.getByRole('button', { name, exact: true }).count(), name).toBe(1);
    expect(await page.locator('.maplibregl-ctrl-zoom-in').getAttribute('title')).toBe('放大');
    // The data's caveats are in the legend and About, not in a notice the map opens on.
    expect(await page.getByTestId('data-notice').count()).toBe(0);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('zh-Hans');
    await page.screenshot({ path: screenshotPath('basemap-zh-desktop') });

    // Zoom in where the OSM extracts have detail: streets, buildings and the Tongji campus render.
    await page.evaluate(() =>
      (window as unknown as { __yangpu: { map: import('maplibre-gl').Map } }).__yangpu.map.jumpTo({ center: [121.4975, 31.2845], zoom: 15.5 }),
    );
    await waitForIdle(page);
    const detail = await renderedCounts(page, ['roads-line', 'buildings-fill', 'campuses-fill', 'roads-label']);
    for (const [layer, n] of Object.entries(detail)) expect(n, layer).toBeGreaterThan(0);
    await page.screenshot({ path: screenshotPath('basemap-zh-tongji') });

    expect(problems.errors).toEqual([]);
  });

  it('switches to English: labels, page language and accessible names follow', async () => {
    const { page, problems } = await shared.visit('?lang=zh');
    await page.getByRole('button', { name: '切换到英文' }).click();
    await waitForIdle(page);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Yangpu Innovation Map');
    expect(await page.getByRole('checkbox', { name: /Metro lines and stations/ }).isChecked()).toBe(true);
    expect(page.url()).toContain('lang=en');
    // Without a reload: the credits and the controls' labels follow.
    expect(await page.locator('.maplibregl-ctrl-attrib-inner').textContent()).toBe(
      'Plan places: project dataset (docs/data.md) · © OpenStreetMap contributors (ODbL) · District outlines: echarts 4.9.0 (Apache-2.0), GCJ-02→WGS-84 · Plan: Yangpu District Government document [2024] No. 12',
    );
    for (const name of ['Zoom in', 'Zoom out', 'Drag to rotate the map, click to reset north']) {
      expect(await page.getByRole('button', { name, exact: true }).count(), name).toBe(1);
    }
    expect(await page.locator('.maplibregl-ctrl-compass').getAttribute('title')).toBe('Drag to rotate the map, click to reset north');
    expect(await page.locator('.maplibregl-ctrl-attrib-button').getAttribute('aria-label')).toBe('Show or hide the map’s credits');
    const field = await page.evaluate(() =>
      JSON.stringify(
        (window as unknown as { __yangpu: { map: import('maplibre-gl').Map } }).__yangpu.map.getLayoutProperty('metro-station-label', 'text-field'),
      ),
    );
    expect(field.indexOf('name_en')).toBeGreaterThan(-1);
    const labels = await renderedCounts(page, ['metro-station-label', 'districts-label']);
    expect(labels['metro-station-label']).toBeGreaterThan(0);
    await page.screenshot({ path: screenshotPath('basemap-en-desktop') });

    // A toggle hides its layer on the map.
    await page.getByRole('checkbox', { name: /Metro lines and stations/ }).uncheck();
    await waitForIdle(page);
    expect((await renderedCounts(page, ['metro-line']))['metro-line']).toBe(0);
    expect(problems.errors).toEqual([]);
  });

  it('works on a phone-sized screen without horizontal scrolling', async () => {
    const page = await newOwnedPage(suite.browser, { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 });
    const problems = watchProblems(page, suite.server.url.replace(/\/$/, ''));
    await page.goto(`${suite.server.url}?lang=en`);
    await waitForIdle(page);
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    expect((await renderedCounts(page, ['districts-fill']))['districts-fill']).toBeGreaterThan(0);
    await page.screenshot({ path: screenshotPath('basemap-en-phone') });
    // A phone's credits fold behind their (i) button. Folded, they stay folded when the language changes, in its words.
    const credits = page.locator('.maplibregl-ctrl-attrib');
    const toggle = page.locator('.maplibregl-ctrl-attrib-button');
    expect(await credits.getAttribute('class')).toContain('maplibregl-compact-show');
    expect(await toggle.getAttribute('aria-label')).toBe('Show or hide the map’s credits');
    await toggle.click();
    await expect.poll(() => credits.getAttribute('class')).not.toContain('maplibregl-compact-show');
    await page.getByRole('button', { name: /Switch to Chinese/ }).click();
    await expect.poll(() => toggle.getAttribute('aria-label')).toBe('显示或隐藏地图的数据来源');
    expect(await credits.getAttribute('class')).toContain('maplibregl-compact');
    expect(await credits.getAttribute('class')).not.toContain('maplibregl-compact-show');
    expect(await page.locator('.maplibregl-ctrl-attrib-inner').textContent()).toContain('© OpenStreetMap 贡献者');
    expect(problems.errors).toEqual([]);
    await page.close();
  });

  it('still starts without the shared OSM data and says what is missing', async () => {
    // The same production build, fed an archive built with no OSM folder (served with Range support).
    const { bytes } = tileBasemap(await assembleBasemap({ osmDir: resolve('/nonexistent-osm-folder') }));
    const page = await suite.browser.newPage({ viewport: { width: 1280, height: 800 } });
    const problems = watchProblems(page, suite.server.url.replace(/\/$/, ''));
    await page.route('**/tiles/basemap.pmtiles', async (route) => {
      const range = /bytes=(\d+)-(\d+)/.exec(route.request().headers()['range'] ?? '');
      const start = range ? Number(range[1]) : 0;
      const end = range ? Math.min(Number(range[2]), bytes.length - 1) : bytes.length - 1;
      await route.fulfill({
        status: range ? 206 : 200,
        headers: {
          'Content-Type': 'application/octet-stream',
          'Content-Range': `bytes ${start}-${end}/${bytes.length}`,
          'Accept-Ranges': 'bytes',
        },
        body: Buffer.from(bytes.subarray(start, end + 1)),
      });
    });
    await page.goto(`${suite.server.url}?lang=en`);
    await waitForIdle(page);
    expect((await renderedCounts(page, ['districts-fill', 'water-fill']))['districts-fill']).toBeGreaterThan(0);
    const notice = await page.getByTestId('data-notice').textContent();
    expect(notice).toContain('Some context layers are missing');
    expect(notice).toContain('Metro lines and stations');
    expect(notice).toContain('/nonexistent-osm-folder not found');
    expect(await page.getByRole('checkbox', { name: /Metro lines and stations/ }).isDisabled()).toBe(true);
    await page.screenshot({ path: screenshotPath('basemap-no-osm') });
    expect(problems.errors).toEqual([]);
    await page.close();
  });
});
