import type { Page } from 'playwright-core';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { axeSerious, downloadPath, type MapHandle, openPage, ROOT, screenshotPath, settle, useBrowserSuite, watchDialogs } from './harness.ts';
import { languageLeaks } from './language-rule.ts';

const suite = useBrowserSuite();
const FIXTURE = resolve(ROOT, 'tests/fixtures/listings/browser/operator-gcj02.csv');

const jump = (page: Page, lon: number, lat: number, zoom = 15) =>
  page.evaluate(([x, y, z]) => (window as unknown as MapHandle).__yangpu.map.jumpTo({ center: [x!, y!], zoom: z! }), [lon, lat, zoom]);

/** Listing features the map renders in the current view, with their position. */
function renderedListings(page: Page, layers: string[]) {
  return page.evaluate((ids) => {
    const map = (window as unknown as MapHandle).__yangpu.map;
    const present = ids.filter((id) => map.getLayer(id));
    return map.queryRenderedFeatures({ layers: present }).map((f) => ({
      layer: f.layer.id,
      name: f.properties.name as string | undefined,
      count: f.properties.point_count as number | undefined,
      lonlat: (f.geometry as unknown as { coordinates: [number, number] }).coordinates,
    }));
  }, layers);
}

/** Great-circle distance, m. */
function metres([a, b]: [number, number], [c, d]: [number, number]): number {
  const r = Math.PI / 180;
  const h = Math.sin(((d - b) * r) / 2) ** 2 + Math.cos(b * r) * Math.cos(d * r) * Math.sin(((c - a) * r) / 2) ** 2;
  return 2 * 6371008.8 * Math.asin(Math.sqrt(h));
}

describe('investors’ view (production build)', () => {
  it('shows the sample listings on the map and in the list, marked as sample data, with cards and clusters', async () => {
    const { page, problems } = await openPage(suite, '?lang=zh&panel=invest');
    const dialogs = watchDialogs(page);
    const panel = page.getByTestId('invest-panel');
    await expect.poll(() => panel.getByTestId('invest-count').textContent(), { timeout: 20_000 }).toMatch(/^\d+ \/ \d+ 条房源符合条件$/);
    const results = panel.getByTestId('invest-results').locator('li');
    const n = await results.count();
    expect(n).toBeGreaterThan(3);
    // Every sample listing carries the marker in the list.
    expect(await results.getByTestId('sample-marker').count()).toBe(n);
    expect(await panel.textContent()).toContain('示例数据');
    // Opening the tab switched the listing rows on, and the link says so.
    expect(page.url()).toMatch(/layers=[^&]*listings_sample/);

    // On the map: points or counted clusters of the sample.
    await settle(page);
    const drawn = await renderedListings(page, ['listings-sample-point', 'listings-sample-cluster']);
    expect(drawn.length).toBeGreaterThan(0);
    const sampleCount = drawn.reduce((s, f) => s + (f.count ?? 1), 0);
    expect(sampleCount).toBeLessThanOrEqual(n);

    // The layer panel names the sample for what it is.
    await page.getByRole('tab', { name: '图层' }).click();
    await expect.poll(() => page.getByRole('tabpanel').textContent()).toContain('示例数据：示例房源，非真实报价');
    await page.getByRole('tab', { name: '招商' }).click();

    // A click on a cluster zooms in; a click on a point opens its card.
    await jump(page, 121.515, 31.29, 11);
    await settle(page);
    // A cluster the panels and the notice leave uncovered.
    const box = (await page.locator('.maplibregl-canvas').boundingBox())!;
    const clusters = await renderedListings(page, ['listings-sample-cluster']);
    let target: { x: number; y: number } | null = null;
    for (const c of clusters) {
      const px = await page.evaluate((ll) => (window as unknown as MapHandle).__yangpu.map.project(ll as [number, number]), c.lonlat);
      const onCanvas = await page.evaluate(
        ([x, y]) => document.elementFromPoint(x!, y!)?.classList.contains('maplibregl-canvas') ?? false,
        [box.x + px.x, box.y + px.y],
      );
      if (onCanvas) {
        target = { x: box.x + px.x, y: box.y + px.y };
        break;
      }
    }
    expect(target).not.toBeNull();
    await page.mouse.click(target!.x, target!.y);
    // The zoom starts only once the source has answered how far the cluster must open: wait for it, then settle.
    await expect.poll(() => page.evaluate(() => (window as unknown as MapHandle).__yangpu.map.getZoom()), { timeout: 10_000 }).toBeGreaterThan(11.5);
    await settle(page);

    // Choosing a result selects it on the map and opens its card, with the sample banner.
    const first = results.first().getByRole('button').first();
    const firstName = ((await first.locator('.name').textContent()) ?? '').replace('示例数据', '').trim();
    await first.click();
    const card = page.getByTestId('listing-card');
    await expect.poll(() => card.getByRole('heading', { level: 2 }).textContent()).toBe(firstName);
    expect(await card.getByTestId('sample-marker').textContent()).toContain('Sample listings — not real offers');
    expect(page.url()).toMatch(/sel=listing:/);
    await settle(page);
    const selected = await page.evaluate(() => {
      const map = (window as unknown as MapHandle).__yangpu.map;
      return map
        .queryRenderedFeatures({ layers: ['listings-sample-point', 'listings-point'].filter((l) => map.getLayer(l)) })
        .filter((f) => map.getFeatureState({ source: 'listings', id: f.id }).selected).length;
    });
    expect(selected).toBe(1);
    expect(await axeSerious(page, '[data-testid="invest-panel"]')).toEqual([]);
    expect(await axeSerious(page, '[data-testid="listing-card"]')).toEqual([]);
    await page.screenshot({ path: screenshotPath('invest-sample-zh') });
    expect(dialogs).toEqual([]);
    expect(problems.errors).toEqual([]);
    await page.close();
  });

  it('imports a GCJ-02 CSV with Chinese headers through the file picker, places it right, reports every row, keeps it after a reload', async () => {
    const { page, problems } = await openPage(suite, '?lang=en&panel=invest');
    const dialogs = watchDialogs(page);
    const panel = page.getByTestId('invest-panel');
    await expect.poll(() => panel.getByTestId('invest-count').textContent(), { timeout: 20_000 }).toMatch(/listings match/);
    const before = Number(/of (\d+)/.exec((await panel.getByTestId('invest-count').textContent()) ?? '')?.[1]);

    await page.getByTestId('invest-file').setInputFiles(FIXTURE);
    const review = panel.getByRole('region', { name: /Check operator-gcj02\.csv/ });
    await review.waitFor();
    expect(await review.textContent()).toMatch(/8 rows · 13 columns · CSV · UTF-8/);
    // The clues (the file's name, points at stations only when read as GCJ-02) decide, and the review says why.
    const choice = review.getByTestId('crs-choice');
    await expect.poll(() => choice.getAttribute('data-detected')).toBe('gcj02');
    expect(await choice.getByTestId('crs-verdict').textContent()).toMatch(/^Judged to be GCJ-02/);
    expect(await choice.getByTestId('crs-clues').textContent()).toContain('operator-gcj02.csv');
    expect(await choice.getByRole('radio', { name: /^GCJ-02/ }).isChecked()).toBe(true);
    await choice.scrollIntoViewIfNeeded();
    await page.screenshot({ path: screenshotPath('invest-import-review-en') });
    await review.getByRole('button', { name: 'Import', exact: true }).click();

    const report = panel.getByTestId('import-report');
    await report.waitFor();
    const reportText = (await report.textContent()) ?? '';
    expect(reportText).toContain('6 rows accepted');
    expect(reportText).toContain('2 rows rejected');
    expect(reportText).toMatch(/Address without coordinates: not geocoded/);
    expect(reportText).toMatch(/No floor area/);
    expect(reportText).toMatch(/Kept in this browser/);
    // The file's Chinese headers and cells are shown as written, marked Chinese; the report's own words are English.
    expect(await languageLeaks(panel)).toEqual([]);
    await page.screenshot({ path: screenshotPath('invest-import-report-en') });
    expect(await axeSerious(page, '[data-testid="invest-panel"]')).toEqual([]);

    // The list measures the new listing ~111 m from Wujiaochang station (it was put 0.001° north of it);
    // read as WGS-84 it would have been ~500 m off.
    await expect.poll(() => panel.getByTestId('invest-count').textContent()).toContain(`of ${before + 6}`);
    const item = panel.getByTestId('invest-results').locator('li', { hasText: '五角场创智空间' });
    const meta = (await item.textContent()) ?? '';
    const d = Number(/(\d+) m straight-line to Wujiaochang/.exec(meta)?.[1]);
    expect(d).toBeGreaterThan(60);
    expect(d).toBeLessThan(160);

    // On the map, the point lies within 50 m of the real place.
    await jump(page, 121.51007, 31.30074, 16);
    await settle(page);
    const drawn = await renderedListings(page, ['listings-point']);
    const mine = drawn.find((f) => f.name === '五角场创智空间');
    expect(mine).toBeDefined();
    expect(metres(mine!.lonlat, [121.51007, 31.30074])).toBeLessThan(50);

    // Hostile values are text: no element from the name, no script link, no dialog.
    const hostile = panel.getByTestId('invest-results').locator('li', { hasText: '<img src=x onerror=alert(1)>' });
    await hostile.getByRole('button').first().click();
    const card = page.getByTestId('listing-card');
    await expect.poll(() => card.getByRole('heading', { level: 2 }).textContent()).toBe('<img src=x onerror=alert(1)>');
    expect(await card.textContent()).toContain('<script>alert(3)</script>');
    expect(await card.textContent()).toContain('javascript:alert(4)');
    expect(await page.locator('img[src="x"]').count()).toBe(0);
    expect(await page.locator('a[href^="javascript"]').count()).toBe(0);
    expect(await page.locator('script', { hasText: 'alert(' }).count()).toBe(0);
    // A real listing's web page is a safe link.
    await item.getByRole('button').first().click();
    const link = card.getByRole('link', { name: 'https://example.org/a' });
    expect(await link.getAttribute('rel')).toBe('noopener noreferrer');
    // The listing's Chinese name, address and industries are marked as Chinese in the English card.
    expect(await card.getByRole('heading', { level: 2 }).getAttribute('lang')).toBe('zh-Hans');
    expect(await languageLeaks(card)).toEqual([]);

    // Reload: the inventory comes back from the browser's storage.
    await page.reload();
    await expect.poll(() => panel.getByTestId('invest-count').textContent(), { timeout: 20_000 }).toContain(`of ${before + 6}`);
    const inventories = panel.getByTestId('invest-inventories');
    expect(await inventories.textContent()).toMatch(/operator-gcj02[\s\S]*6 listings[\s\S]*GCJ-02/);

    // Export it back to CSV.
    const download = page.waitForEvent('download');
    await inventories.getByRole('button', { name: 'Export CSV · operator-gcj02' }).click();
    const csv = readFileSync(await downloadPath(await download), 'utf8');
    expect(csv).toContain('五角场创智空间');
    // Headers and space types in the reader's language; the names are the file's own.
    expect(csv).toMatch(/^\uFEFFName \(park \/ building\),Building,Address,Floor area available \(m²\),Space type,/);

    // Removing asks in the page, then the inventory is gone, also after a reload.
    await inventories.getByRole('button', { name: 'Remove · operator-gcj02' }).click();
    await inventories.getByRole('button', { name: 'Yes, remove' }).click();
    await expect.poll(() => inventories.textContent()).not.toContain('operator-gcj02');
    // The status line speaks once the browser's storage has let go of it.
    await expect.poll(() => page.locator('p.status').textContent()).toBe('Removed an inventory of 6 listings.');
    await page.reload();
    await expect.poll(() => panel.getByTestId('invest-count').textContent(), { timeout: 20_000 }).toContain(`of ${before}`);

    expect(dialogs).toEqual([]);
    expect(problems.errors).toEqual([]);
    await page.close();
  });

  it('refuses a binary file dropped on the map with a clear message and keeps what is loaded', async () => {
    const { page, problems } = await openPage(suite, '?lang=zh');
    const dialogs = watchDialogs(page);
    const dt = await page.evaluateHandle(() => {
      const transfer = new DataTransfer();
      const bytes = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 1, 2, 3]);
      transfer.items.add(new File([bytes], 'photo.csv', { type: 'text/csv' }));
      return transfer;
    });
    await page.dispatchEvent('[data-testid="map"]', 'dragover', { dataTransfer: dt });
    await page.dispatchEvent('[data-testid="map"]', 'drop', { dataTransfer: dt });
    // The drop opened the investors' panel and the import said why it cannot read the file.
    const panel = page.getByTestId('invest-panel');
    const alert = panel.getByRole('alert');
    await expect.poll(() => alert.textContent(), { timeout: 20_000 }).toMatch(/无法导入 photo\.csv[\s\S]*不是文本文件/);
    expect(await alert.textContent()).toContain('已载入的清单保持不变');
    await expect.poll(() => panel.getByTestId('invest-inventories').textContent()).toContain('示例数据');
    expect(page.url()).toContain('panel=invest');
    // A file over the limit is refused before it is read.
    await page.getByTestId('invest-file').setInputFiles({ name: 'huge.csv', mimeType: 'text/csv', buffer: Buffer.alloc(6 * 1024 * 1024, 0x41) });
    await expect.poll(() => panel.getByRole('alert').textContent()).toMatch(/无法导入 huge\.csv[\s\S]*文件大小为 6 MB，超过上限 5 MB/);
    expect(dialogs).toEqual([]);
    expect(problems.errors).toEqual([]);
    await page.close();
  });

  it('keeps filters, sort and shortlist in the link, reports pins it cannot show, compares and exports the shortlist', async () => {
    const { page, problems } = await openPage(suite, '?lang=en&panel=invest');
    const dialogs = watchDialogs(page);
    const panel = page.getByTestId('invest-panel');
    await expect.poll(() => panel.getByTestId('invest-count').textContent(), { timeout: 20_000 }).toMatch(/listings match/);

    await panel.getByText('Search and filters').click();
    const filters = panel.getByTestId('invest-filters');
    // The industries are in English whatever the sample file wrote: the plan's, and the common ones it does not name.
    // The rent's unit and the zones are English too.
    const industries = filters.getByRole('group', { name: 'Industry' });
    expect(await industries.getByRole('checkbox', { name: 'Artificial intelligence' }).count()).toBe(1);
    expect(await industries.getByRole('checkbox', { name: 'Digital economy' }).count()).toBe(1);
    expect(await industries.getByRole('checkbox', { name: 'Technology services', exact: true }).count()).toBe(1);
    expect(await industries.getByRole('checkbox', { name: 'Biomedicine', exact: true }).count()).toBe(1);
    expect(await industries.locator('[lang="zh-Hans"]').count()).toBe(0);
    // So are the sample's own words: its parks' names in the results.
    const names = await panel.getByTestId('invest-results').locator('li .name').allTextContents();
    expect(names.length).toBeGreaterThan(0);
    expect(names.filter((n) => /[\u3400-\u9fff]/.test(n))).toEqual([]);
    expect(await filters.getByRole('group', { name: 'Rent' }).textContent()).toContain('yuan/m²/day');
    expect(await filters.getByRole('radio', { name: 'Inside Future Valley' }).count()).toBe(1);
    expect(await languageLeaks(panel)).toEqual([]);
    // The English choice keeps the file's word in the link, and finds the same listings as in Chinese.
    await industries.getByRole('checkbox', { name: 'Artificial intelligence' }).check();
    await expect.poll(() => decodeURIComponent(page.url())).toMatch(/lind=人工智能/);
    const withAi = (await panel.getByTestId('invest-count').textContent()) ?? '';
    expect(Number(/^(\d+) of/.exec(withAi)?.[1])).toBeGreaterThan(0);
    await industries.getByRole('checkbox', { name: 'Artificial intelligence' }).uncheck();
    await expect.poll(() => page.url()).not.toMatch(/lind=/);
    const area = filters.getByRole('group', { name: 'Floor area' });
    await area.getByRole('spinbutton', { name: 'From' }).fill('50');
    await area.getByRole('spinbutton', { name: 'From' }).press('Enter');
    await filters.getByRole('combobox', { name: 'Distance to a metro station' }).selectOption('2000');
    await panel.getByRole('combobox', { name: 'Order' }).selectOption({ label: 'Lowest rent first' });
    await expect.poll(() => page.url()).toMatch(/lsqm=50-&.*lmetro=2000.*lsort=rent/);

    // Pin the first two results.
    const results = panel.getByTestId('invest-results').locator('li');
    await results.nth(0).getByRole('button', { name: /^Pin / }).click();
    await results.nth(1).getByRole('button', { name: /^Pin / }).click();
    await expect.poll(() => page.url()).toMatch(/pins=sample[^,&]*,sample/);
    const pinned = await panel.getByTestId('invest-shortlist').locator('li .name').allTextContents();
    expect(pinned).toHaveLength(2);

    // Compare: a table with headers, the best values said in words.
    await panel.getByRole('button', { name: 'Compare side by side (2)' }).click();
    const dialog = page.getByTestId('compare-dialog');
    await dialog.waitFor();
    expect(await dialog.getByRole('columnheader').count()).toBe(2);
    expect(await dialog.getByRole('rowheader', { name: 'Nearest metro station' }).count()).toBe(1);
    expect(await dialog.textContent()).toMatch(/best/);
    // The sample's names and operator in English; the source's date set off by a space.
    expect(await dialog.locator('[lang="zh-Hans"]').count()).toBe(0);
    expect(await dialog.textContent()).toContain('Sample operator (fictional)');
    expect(await dialog.textContent()).toMatch(/\w \(20\d\d-\d\d-\d\d\)/);
    expect(await axeSerious(page, '[data-testid="compare-dialog"]')).toEqual([]);
    await page.keyboard.press('Escape');
    await expect.poll(() => dialog.count()).toBe(0);

    // Export the shortlist: the sample marker travels with it.
    const download = page.waitForEvent('download');
    await panel.getByRole('button', { name: 'Export the shortlist (CSV)' }).click();
    const csv = readFileSync(await downloadPath(await download), 'utf8');
    expect(csv).toMatch(/示例数据|sample/i);

    // Share: the copied link restores filters, sort and pins in a fresh browser context.
    await panel.getByTestId('invest-share').click();
    const url = await page.evaluate(() => navigator.clipboard.readText());
    expect(url).toContain('pins=');
    expect(dialogs).toEqual([]);
    expect(problems.errors).toEqual([]);
    await page.close();

    // A pin from someone else's imported file is listed as not available here, not dropped.
    const path = url.replace(suite.server.url, '').replace('pins=', 'pins=inv-elsewhere-1:7,');
    const again = await openPage(suite, path);
    const panel2 = again.page.getByTestId('invest-panel');
    await expect
      .poll(() => panel2.getByTestId('invest-shortlist').locator('li .name').allTextContents(), { timeout: 20_000 })
      .toEqual(['inv-elsewhere-1:7', ...pinned]);
    expect(await panel2.getByTestId('pin-unavailable').textContent()).toContain('Not available here');
    const filters2 = panel2.getByTestId('invest-filters');
    expect(await filters2.getByRole('group', { name: 'Floor area' }).getByRole('spinbutton', { name: 'From' }).inputValue()).toBe('50');
    expect(await filters2.getByRole('combobox', { name: 'Distance to a metro station' }).inputValue()).toBe('2000');
    expect(await panel2.getByRole('combobox', { name: 'Order' }).inputValue()).toBe('rent:asc');
    await again.page.screenshot({ path: screenshotPath('invest-shared-en') });
    expect(again.problems.errors).toEqual([]);
    await again.page.close();
  });

  it('filters by an area drawn from the keyboard and by clicks, shows it on the map and keeps it in the link', async () => {
    const { page, problems } = await openPage(suite, '?lang=en&panel=invest');
    const panel = page.getByTestId('invest-panel');
    await expect.poll(() => panel.getByTestId('invest-count').textContent(), { timeout: 20_000 }).toMatch(/listings match/);
    const total = Number(/of (\d+)/.exec((await panel.getByTestId('invest-count').textContent()) ?? '')?.[1]);
    await panel.getByText('Search and filters').click();
    await panel.getByRole('radio', { name: 'Inside an area drawn on the map' }).check();
    // A triangle around the Fudan science park's sample offers, vertex by vertex at the map centre.
    const add = panel.getByRole('button', { name: 'Add a vertex at the map centre' });
    for (const [lon, lat] of [
      [121.5, 31.288],
      [121.514, 31.288],
      [121.507, 31.298],
    ] as const) {
      await jump(page, lon, lat, 15);
      await settle(page);
      await add.focus();
      await page.keyboard.press('Enter');
    }
    await expect.poll(() => page.url()).toMatch(/lin=area.*lpoly=121\.5,31\.288;121\.514,31\.288;121\.507,31\.298/);
    const inside = Number(/^(\d+) of/.exec((await panel.getByTestId('invest-count').textContent()) ?? '')?.[1]);
    expect(inside).toBeGreaterThan(0);
    expect(inside).toBeLessThan(total);
    await jump(page, 121.507, 31.292, 14);
    await settle(page);
    // (A polygon spanning tiles comes back once per tile: vertices are counted by position.)
    const drawn = await page.evaluate(() => {
      const features = (window as unknown as MapHandle).__yangpu.map.queryRenderedFeatures({ layers: ['listings-area-fill', 'listings-area-vertex'] });
      const vertices = new Set(features.filter((f) => f.layer.id === 'listings-area-vertex').map((f) => JSON.stringify(f.properties.n)));
      return { fill: features.some((f) => f.layer.id === 'listings-area-fill'), vertices: vertices.size };
    });
    expect(drawn).toEqual({ fill: true, vertices: 3 });

    // While drawing, clicks on the map add vertices (and select nothing); the link follows.
    const draw = panel.getByRole('button', { name: 'Draw the area on the map' });
    await draw.click();
    expect(await draw.getAttribute('aria-pressed')).toBe('true');
    const box = (await page.locator('.maplibregl-canvas').boundingBox())!;
    await page.mouse.click(box.x + 200, box.y + 500);
    await expect.poll(() => (/lpoly=([^&]*)/.exec(page.url())?.[1] ?? '').split(';').length).toBe(4);
    await draw.click();
    await panel.getByRole('button', { name: 'Clear the area' }).click();
    await expect.poll(() => page.url()).not.toMatch(/lpoly=/);
    // Without three vertices the area does not filter yet.
    await expect.poll(() => panel.getByTestId('invest-count').textContent()).toBe(`${total} of ${total} listings match`);
    await page.screenshot({ path: screenshotPath('invest-draw-en') });
    expect(problems.errors).toEqual([]);
    await page.close();
  });

  it('works as the bottom sheet on a phone, in both languages, the comparison reflowing into cards', async () => {
    const { page, problems } = await openPage(suite, '?lang=zh&panel=invest', { width: 390, height: 844 });
    const panel = page.getByTestId('invest-panel');
    await expect.poll(() => panel.getByTestId('invest-count').textContent(), { timeout: 20_000 }).toMatch(/条房源符合条件/);
    expect(await axeSerious(page, '[data-testid="invest-panel"]')).toEqual([]);
    await page.screenshot({ path: screenshotPath('invest-phone-zh') });
    // Every control of the panel, the filters included, is a 44 px target for a finger.
    await panel.getByText('搜索与筛选').click();
    const small = await panel.evaluate((root) =>
      [...root.querySelectorAll<HTMLElement>('button, input, select, summary, a[href]')]
        .filter((el) => el.getClientRects().length > 0 && !(el instanceof HTMLInputElement && el.type === 'file'))
        .map((el) => {
          // A checkbox or radio counts with its whole label row, which is what a finger hits.
          const target = el instanceof HTMLInputElement && (el.type === 'checkbox' || el.type === 'radio') ? (el.closest('label') ?? el) : el;
          const r = target.getBoundingClientRect();
          return { what: `${el.tagName} ${el.getAttribute('aria-label') ?? el.textContent?.trim().slice(0, 20)}`, w: r.width, h: r.height };
        })
        .filter((b) => b.w > 0 && (b.h < 44 || b.w < 44)),
    );
    expect(small).toEqual([]);

    const results = panel.getByTestId('invest-results').locator('li');
    for (const i of [0, 1, 2])
      await results
        .nth(i)
        .getByRole('button', { name: /^收藏 / })
        .click();
    await panel.getByRole('button', { name: '并排对比（3）' }).click();
    const dialog = page.getByTestId('compare-dialog');
    await dialog.waitFor();
    // One card per listing, each with every figure; nothing scrolls sideways or is cut off.
    const cards = dialog.getByTestId('compare-cards').locator(':scope > li');
    expect(await cards.count()).toBe(3);
    for (let i = 0; i < 3; i++) {
      const terms = await cards.nth(i).locator('dt').allTextContents();
      expect(terms).toHaveLength(10);
      expect([terms[0], terms[1], terms[8]]).toEqual(['可租面积', '租金', '运营方']);
    }
    const overflow = await dialog.evaluate(
      (el) => [...el.querySelectorAll<HTMLElement>('*')].filter((c) => c.scrollWidth > c.clientWidth + 1 && getComputedStyle(c).overflowX !== 'visible').length,
    );
    expect(overflow).toBe(0);
    expect(await dialog.evaluate((el) => el.scrollWidth <= el.clientWidth + 1)).toBe(true);
    expect(await axeSerious(page, '[data-testid="compare-dialog"]')).toEqual([]);
    await page.screenshot({ path: screenshotPath('invest-compare-phone-zh') });
    await dialog.getByRole('button', { name: '关闭' }).click();

    await page.getByRole('button', { name: /English/ }).click();
    await expect.poll(() => panel.getByTestId('invest-count').textContent()).toMatch(/listings match/);
    await panel.getByRole('button', { name: 'Compare side by side (3)' }).click();
    await dialog.waitFor();
    expect(await dialog.getByTestId('compare-cards').locator(':scope > li').count()).toBe(3);
    await page.screenshot({ path: screenshotPath('invest-compare-phone-en') });
    await dialog.getByRole('button', { name: 'Close' }).click();
    expect(await axeSerious(page, '[data-testid="invest-panel"]')).toEqual([]);
    await page.screenshot({ path: screenshotPath('invest-phone-en') });
    expect(problems.errors).toEqual([]);
    await page.close();
  });
});
