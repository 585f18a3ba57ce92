import type { Locator, Page } from 'playwright-core';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { axeSerious, downloadPath, type MapHandle, openPage, ROOT, screenshotPath, settle, useBrowserSuite, waitForIdle, watchProblems } from './harness.ts';
import { languageLeaks } from './language-rule.ts';

const suite = useBrowserSuite();
// 15 rows: 12 figures (district-wide 2023–2025, three places in 2025 and one in 2024) and 3 refused rows (an
// unknown indicator, a unit that does not match, a year not yet begun).
const FIGURES = resolve(ROOT, 'tests/fixtures/monitor-browser/planner-figures.csv');
// A map file is not a table of figures: refused as a whole.
const MAP_FILE = resolve(ROOT, 'tests/fixtures/monitor/figures.geojson');
// Chinese headers and indicators named as statisticians write them (营收, 数, 强度 …): 6 figures, and value added
// (增加值), which is not the plan's revenue, refused.
const CHINESE_NAMES = resolve(ROOT, 'tests/fixtures/monitor-browser/chinese-names.csv');

/** The monitor's symbols the map draws in the current view, by place. */
function symbols(page: Page): Promise<{ place: string; value: number }[]> {
  return page.evaluate(() => {
    const map = (window as unknown as MapHandle).__yangpu.map;
    if (!map.getLayer('monitor-symbols')) return [];
    return map
      .queryRenderedFeatures({ layers: ['monitor-symbols'] })
      .map((f) => ({ place: f.properties.place as string, value: f.properties.value as number }))
      .sort((a, b) => b.value - a.value);
  });
}

const card = (panel: Locator, id: string) => panel.getByTestId(`indicator-${id}`);
const text = async (l: Locator) => ((await l.textContent()) ?? '').replace(/\s+/g, ' ').trim();

async function importFigures(page: Page, panel: Locator, file: string) {
  await page.getByTestId('monitor-file').setInputFiles(file);
  await panel.getByTestId('monitor-commit').click();
  await panel.getByTestId('import-report').waitFor();
}

describe('plan monitor: targets, figures and places (production build)', () => {
  it('says plainly there are no figures, then loads a file through the picker: report, figures against the targets, charts, places on the map and in a list', async () => {
    const { page, problems } = await openPage(suite, '?lang=en&panel=monitor');
    const panel = page.getByTestId('monitor-panel');
    const noData = panel.getByTestId('monitor-no-data');
    await noData.waitFor({ timeout: 30_000 });
    expect(await text(noData)).toContain('No figures are loaded, so only the plan’s targets are shown here, with no figures.');
    // Every target with its words and its section, no status, no figure, no chart.
    const targets = panel.getByTestId('monitor-targets');
    expect(await targets.locator('article').count()).toBe(8);
    const lead = card(panel, 'leading_industries_revenue');
    expect(await text(lead)).toContain('「三大先导产业总规模达到1400亿元」');
    expect(await text(lead)).toContain('I. Main targets');
    expect(await text(lead)).toContain('Target for 2026: reach 1,400 × 100 million yuan');
    expect(await text(card(panel, 'rd_intensity'))).toContain('reach 5%');
    expect(await text(card(panel, 'zhangjiang_tier'))).toContain('stay in tier 1');
    expect(await text(card(panel, 'gazelle_firms'))).toContain('keep growing (the plan sets no level)');
    expect(await targets.getByTestId('indicator-status').count()).toBe(0);
    expect(await targets.locator('svg').count()).toBe(0);
    expect(await targets.getByTestId('indicator-latest').count()).toBe(0);
    expect(await panel.getByTestId('monitor-places').count()).toBe(0);
    expect(await axeSerious(page, '[data-testid="monitor-panel"]')).toEqual([]);
    await page.screenshot({ path: screenshotPath('monitor-empty-en') });

    // The file through the picker: its review, then the report with exact counts and every refusal worded.
    await page.getByTestId('monitor-file').setInputFiles(FIGURES);
    const review = panel.getByRole('region', { name: /Check planner-figures\.csv/ });
    await review.waitFor();
    expect(await text(review)).toContain('15 rows · 6 columns · CSV · UTF-8');
    expect(await text(review)).toContain('With these settings: 12 rows can be imported, 3 will be rejected.');
    await review.getByRole('button', { name: 'Import', exact: true }).click();
    const report = panel.getByTestId('import-report');
    await report.waitFor();
    const reportText = await text(report);
    expect(reportText).toContain('12 rows accepted');
    expect(reportText).toContain('3 rows rejected');
    expect(reportText).toContain('Indicator "专利授权量" not recognised');
    // The file's own words are quoted as written, marked Chinese; the indicator and its unit are named in English.
    expect(reportText).toMatch(/Unit "亿元" does not match the indicator: “Corporate R&D spending, share of revenue” is given in %/);
    expect(reportText).toContain('Indicators accepted: Three leading industries, combined scale, Digital economy, revenue,');
    expect(await report.locator('[lang="zh-Hans"]', { hasText: '专利授权量' }).count()).toBe(1);
    expect(reportText).toMatch(/Year 2030 is out of range/);
    expect(reportText).toContain('Kept in this browser');
    await report.getByRole('checkbox', { name: 'Only the rejected rows' }).check();
    expect(await report.locator('tbody tr').count()).toBe(3);
    expect(await languageLeaks(panel)).toEqual([]);
    expect(await axeSerious(page, '[data-testid="monitor-panel"]')).toEqual([]);
    await page.screenshot({ path: screenshotPath('monitor-report-en') });

    // Where the plan stands: 1,265 of 1,400 (90.4 %), +10 % on 2024, +10.7 % needed in 2026.
    expect(await text(lead.getByTestId('indicator-status'))).toBe('Status: Target not yet reached');
    expect(await text(lead.getByTestId('indicator-latest'))).toContain('1,265 × 100 million yuan (2025)');
    expect(await text(lead.getByTestId('indicator-share'))).toBe('90.4%');
    expect(await text(lead.getByTestId('indicator-yoy'))).toBe('+10% (2025 on 2024)');
    expect(await text(lead.getByTestId('indicator-required'))).toBe('+10.7% a year (2025–2026)');
    // 4.6 of 5 %; 4.2 → 4.6 is +9.5 %; (5 / 4.6) − 1 = +8.7 %.
    const rd = card(panel, 'rd_intensity');
    expect(await text(rd.getByTestId('indicator-share'))).toBe('92%');
    expect(await text(rd.getByTestId('indicator-yoy'))).toBe('+9.5% (2025 on 2024)');
    expect(await text(rd.getByTestId('indicator-required'))).toBe('+8.7% a year (2025–2026)');
    expect(await text(card(panel, 'gazelle_firms').getByTestId('indicator-status'))).toBe('Status: Growing');
    expect(await text(card(panel, 'zhangjiang_tier').getByTestId('indicator-status'))).toBe('Status: Target reached');
    // No figures for unicorns: no figure is made up.
    const unicorn = card(panel, 'unicorn_firms');
    expect(await text(unicorn.getByTestId('indicator-status'))).toBe('Status: No figures yet');
    expect(await unicorn.getByTestId('indicator-latest').count()).toBe(0);
    expect(await unicorn.locator('svg').count()).toBe(0);
    expect(await panel.getByTestId('monitor-no-data').count()).toBe(0);

    // The chart, with the target marked, and its numbers as a table.
    const chart = lead.getByTestId('indicator-chart');
    await chart.locator('svg[role="img"]').waitFor();
    expect(await chart.locator('svg[role="img"]').getAttribute('aria-label')).toBe('Three leading industries, combined scale over the years');
    expect(await chart.locator('svg').first().textContent()).toContain('2026 target 1,400 × 100 million yuan');
    const rows = await chart.getByTestId('indicator-chart-table').locator('tbody tr').allTextContents();
    expect(rows.map((r) => r.replace(/\s+/g, ' ').trim())).toEqual([
      '20231,000 × 100 million yuan',
      '20241,150 × 100 million yuan',
      '20251,265 × 100 million yuan',
      'Target 20261,400 × 100 million yuan',
    ]);

    // By place: the latest year by default, on the map and in the list.
    const places = panel.getByTestId('monitor-places');
    const list = places.getByTestId('monitor-place-list');
    await list.waitFor();
    expect((await list.locator('tbody tr').allTextContents()).map((r) => r.replace(/\s+/g, ' ').trim())).toEqual([
      'Greater KIC (Knowledge & Innovation Community)180 × 100 million yuan',
      'Changyang Campus (Changyang Valley)95.5 × 100 million yuan',
      'Fudan University National University Science Park60 × 100 million yuan',
    ]);
    expect(await text(places.getByTestId('monitor-legend'))).toContain('180 × 100 million yuan');
    await settle(page);
    await expect
      .poll(() => symbols(page), { timeout: 20_000 })
      .toEqual([
        { place: 'zc-kic', value: 180 },
        { place: 'zc-changyang-campus', value: 95.5 },
        { place: 'sp-fudan', value: 60 },
      ]);
    await places.scrollIntoViewIfNeeded();
    await page.screenshot({ path: screenshotPath('monitor-places-en') });
    expect(await axeSerious(page, '[data-testid="monitor-panel"]')).toEqual([]);
    expect(problems.errors).toEqual([]);
    await page.close();
  }, 300_000);

  it('picks the indicator and year the map shows (in the link), selects a place, keeps the figures after a reload, refuses a broken file', async () => {
    const { page, problems } = await openPage(suite, '?lang=en&panel=monitor');
    const panel = page.getByTestId('monitor-panel');
    await panel.getByTestId('monitor-no-data').waitFor({ timeout: 30_000 });
    await importFigures(page, panel, FIGURES);
    const lead = card(panel, 'leading_industries_revenue');
    const places = panel.getByTestId('monitor-places');
    const list = places.getByTestId('monitor-place-list');
    await list.waitFor();

    // The year picker drives the map and goes into the link.
    await places.getByTestId('monitor-pick-year').selectOption('2024');
    await expect.poll(() => page.url()).toMatch(/[?&]myr=2024(&|$)/);
    await settle(page);
    await expect.poll(() => symbols(page)).toEqual([{ place: 'zc-kic', value: 150 }]);
    // So does the indicator picker: gazelle firms have no figures by place, and the map draws none.
    await places.getByTestId('monitor-pick-indicator').selectOption('gazelle_firms');
    await expect.poll(() => page.url()).toMatch(/[?&]mind=gazelle_firms(&|$)/);
    expect(page.url()).not.toMatch(/myr=/);
    expect(await text(places.getByTestId('monitor-places-none'))).toBe('This indicator has no figures by place.');
    await settle(page);
    await expect.poll(() => symbols(page)).toEqual([]);
    // Back to the leading industries, 2024, from the card's own button; then a place from the list.
    await lead.getByRole('button', { name: 'Show by place on the map' }).click();
    await places.getByTestId('monitor-pick-year').selectOption('2024');
    await expect.poll(() => page.url()).toMatch(/[?&]myr=2024(&|$)/);
    expect(page.url()).not.toMatch(/mind=/);
    await list.getByRole('button', { name: 'Select Greater KIC (Knowledge & Innovation Community) on the map' }).click();
    await expect.poll(() => page.url()).toMatch(/[?&]sel=plan(:|%3A)zc-kic(&|$)/);
    await page.getByTestId('feature-card').waitFor();

    // A reload keeps the figures (this browser's storage) and the link keeps the year.
    await page.reload();
    const after = page.getByTestId('monitor-panel');
    await after.getByTestId('monitor-place-list').waitFor({ timeout: 30_000 });
    expect(await text(card(after, 'leading_industries_revenue').getByTestId('indicator-share'))).toBe('90.4%');
    expect(await after.getByTestId('monitor-place-list').locator('tbody tr').count()).toBe(1);
    expect(await text(after.getByTestId('monitor-datasets'))).toContain('12 figures · planner-figures.csv');
    await settle(page);
    await expect.poll(() => symbols(page), { timeout: 20_000 }).toEqual([{ place: 'zc-kic', value: 150 }]);

    // A broken file is refused with its reason; what was loaded stays.
    await page.getByTestId('monitor-file').setInputFiles(MAP_FILE);
    const failed = after.getByTestId('monitor-file-failed');
    await failed.waitFor();
    expect(await text(failed)).toContain('figures.geojson could not be imported');
    expect(await text(failed)).toContain('This is a map file (GeoJSON/KML)');
    expect(await text(failed)).toContain('The figures already loaded are unchanged.');
    expect(await text(card(after, 'leading_industries_revenue').getByTestId('indicator-share'))).toBe('90.4%');
    expect(await after.getByTestId('monitor-datasets').locator('li').count()).toBe(1);

    // The export writes every figure back in the import's columns.
    const download = page.waitForEvent('download');
    await after.getByTestId('monitor-export').click();
    const csv = readFileSync(await downloadPath(await download), 'utf8');
    expect(csv).toMatch(/^\uFEFFindicator,year,value,unit,source,place,place name\r\n"Three leading industries, combined scale",2023,1000,100 million yuan,/);
    expect(csv.trim().split('\r\n')).toHaveLength(13);

    // Removing the dataset asks first, then leaves the targets alone again.
    await after.getByRole('button', { name: /^Remove · planner-figures$/ }).click();
    await after.getByRole('button', { name: 'Yes, remove' }).click();
    await after.getByTestId('monitor-no-data').waitFor();
    expect(await after.getByTestId('monitor-targets').getByTestId('indicator-status').count()).toBe(0);
    await settle(page);
    expect(await symbols(page)).toEqual([]);
    expect(problems.errors).toEqual([]);
    await page.close();
  }, 300_000);

  it('without the browser’s storage, says so and still shows the figures for this visit', async () => {
    const context = await suite.browser.newContext({ viewport: { width: 1280, height: 800 } });
    // A browser that keeps nothing (storage switched off): the page sees no IndexedDB at all.
    await context.addInitScript({ content: 'Object.defineProperty(window, "indexedDB", { value: undefined, configurable: true });' });
    const page = await context.newPage();
    const problems = watchProblems(page, suite.server.url.replace(/\/$/, ''));
    await page.goto(`${suite.server.url}?lang=en&panel=monitor`);
    await waitForIdle(page);
    const panel = page.getByTestId('monitor-panel');
    await panel.getByTestId('monitor-no-data').waitFor({ timeout: 30_000 });
    await importFigures(page, panel, FIGURES);
    const report = panel.getByTestId('import-report');
    expect(await text(report)).toContain('12 rows accepted');
    expect(await text(report)).toMatch(/This browser does not allow saving data.*will be gone after a reload/);
    expect(await text(card(panel, 'leading_industries_revenue').getByTestId('indicator-share'))).toBe('90.4%');
    expect(await panel.getByTestId('monitor-place-list').locator('tbody tr').count()).toBe(3);
    expect(problems.errors).toEqual([]);
    await context.close();
  }, 300_000);

  it('gives the template in the reader’s language, reads it back filled in, and reads Chinese headers and indicator names', async () => {
    const { page, problems } = await openPage(suite, '?lang=zh&panel=monitor');
    const panel = page.getByTestId('monitor-panel');
    await panel.getByTestId('monitor-no-data').waitFor({ timeout: 30_000 });

    // The Chinese template: Chinese headers, a how-to and an example the import skips, the plan's names and units.
    const download = page.waitForEvent('download');
    await panel.getByTestId('monitor-template').click();
    const got = await download;
    expect(got.suggestedFilename()).toBe('杨浦园统计模板.csv');
    const template = readFileSync(await downloadPath(got), 'utf8');
    const lines = template.replace(/^\uFEFF/, '').split('\r\n');
    expect(lines[0]).toBe('指标,年份,数值,单位,数据来源,地点');
    expect(lines[1]).toMatch(/^# 填写说明/);
    expect(lines[2]).toBe('# 示例：数字经济产业营收,2025,620,亿元,杨浦区统计公报（2025）,');
    expect(lines[3]).toBe('三大先导产业总规模,,,亿元,,');
    expect(template).not.toMatch(/[A-Za-z]{2,} [A-Za-z]{2,} [A-Za-z]{2,}/);

    // Imported as it came: nothing to import, and the report says why, in Chinese.
    await page.getByTestId('monitor-file').setInputFiles({ name: 'template.csv', mimeType: 'text/csv', buffer: Buffer.from(template) });
    await panel.getByTestId('monitor-commit').click();
    const report = panel.getByTestId('import-report');
    await report.waitFor();
    expect(await text(report)).toContain('跳过了 2 行以 # 开头的说明：第 2, 3 行。');
    expect(await text(report)).toContain('8 行只有指标和单位');
    expect(await languageLeaks(panel)).toEqual([]);

    // Filled in (the example row taken as it is, two rows of the plan's): three figures.
    const filled = [
      lines[0],
      lines[1],
      lines[2]!.replace('# 示例：', ''),
      '三大先导产业总规模,2025,1265,亿元,区统计公报,',
      '瞪羚企业数量,2025,138,家,区科委,',
      '',
    ].join('\r\n');
    await page.getByTestId('monitor-file').setInputFiles({ name: 'filled.csv', mimeType: 'text/csv', buffer: Buffer.from(`\uFEFF${filled}`) });
    await panel.getByTestId('monitor-commit').click();
    await expect.poll(async () => text(panel.getByTestId('import-report'))).toContain('接受 3 行');
    expect(await text(card(panel, 'digital_economy_revenue').getByTestId('indicator-latest'))).toContain('620亿元（2025 年）');

    // Chinese headers and the names statisticians write: six figures; value added is not revenue.
    await page.getByTestId('monitor-file').setInputFiles(CHINESE_NAMES);
    await panel.getByTestId('monitor-commit').click();
    await expect.poll(async () => text(panel.getByTestId('import-report'))).toContain('导入报告：chinese-names.csv');
    const names = panel.getByTestId('import-report');
    expect(await text(names)).toContain('接受 6 行');
    expect(await text(names)).toContain('拒绝 1 行');
    expect(await text(names)).toContain('无法识别指标“数字经济增加值”');
    expect(await names.locator('[lang="en"]', { hasText: 'chinese-names.csv' }).count()).toBe(1);
    expect(await languageLeaks(panel)).toEqual([]);

    // In English, the template has not one Chinese character.
    await page.evaluate(() => {
      history.pushState(null, '', '?lang=en&panel=monitor');
      dispatchEvent(new PopStateEvent('popstate'));
    });
    await expect.poll(() => text(panel.getByTestId('monitor-template'))).toBe('Download the CSV template');
    const english = page.waitForEvent('download');
    await panel.getByTestId('monitor-template').click();
    const en = readFileSync(await downloadPath(await english), 'utf8');
    expect(en).toMatch(/^\uFEFFindicator,year,value,unit,source,place\r\n/);
    expect(en).not.toMatch(/[\u4e00-\u9fff]/);
    expect(await languageLeaks(panel)).toEqual([]);

    // On a phone (the same page, turned narrow), in English: the same template, with its commented example, and the
    // Chinese headers and names still read (the report in English).
    await page.setViewportSize({ width: 390, height: 844 });
    await expect.poll(() => page.getByTestId('sheet').getAttribute('data-size')).toBe('half');
    const narrow = page.waitForEvent('download');
    await panel.getByTestId('monitor-template').click();
    const enLines = readFileSync(await downloadPath(await narrow), 'utf8').split('\r\n');
    expect(enLines[0]).toBe('\uFEFFindicator,year,value,unit,source,place');
    expect(enLines[1]).toMatch(/^"?# How to fill this in/);
    expect(enLines[2]).toBe('"# Example: Digital economy, revenue",2025,620,100 million yuan,Yangpu statistical bulletin (2025),');
    const phoneCsv = [
      '指标,年度,数值,单位,数据来源,园区',
      '数字经济营收,2023,540,亿元,区经委年报,',
      '瞪羚企业数,2024,120,家,区科委,',
      '数字经济增加值,2025,300,亿元,区经委年报,',
    ];
    await page.getByTestId('monitor-file').setInputFiles({ name: 'phone.csv', mimeType: 'text/csv', buffer: Buffer.from(phoneCsv.join('\r\n')) });
    await panel.getByTestId('monitor-commit').click();
    await expect.poll(async () => text(names)).toContain('phone.csv');
    expect(await text(names)).toContain('2 rows accepted');
    expect(await text(names)).toContain('Indicator "数字经济增加值" not recognised');
    expect(problems.errors).toEqual([]);
    await page.close();
  }, 300_000);

  it('works in Chinese on a phone: the targets, the import and its report, the places', async () => {
    const { page, problems } = await openPage(suite, '?lang=zh&panel=monitor', { width: 390, height: 844 });
    const panel = page.getByTestId('monitor-panel');
    const noData = panel.getByTestId('monitor-no-data');
    await noData.waitFor({ timeout: 30_000 });
    expect(await text(noData)).toContain('尚未载入任何统计数据，因此这里只列出方案的目标，不显示任何数值。');
    expect(await text(card(panel, 'leading_industries_revenue'))).toContain('2026 年目标：达到 1,400亿元');
    expect(await axeSerious(page, '[data-testid="monitor-panel"]')).toEqual([]);
    await page.screenshot({ path: screenshotPath('monitor-empty-phone-zh') });
    // The Chinese template on a phone: Chinese headers and a commented example row.
    const download = page.waitForEvent('download');
    await panel.getByTestId('monitor-template').click();
    const template = readFileSync(await downloadPath(await download), 'utf8').split('\r\n');
    expect(template[0]).toBe('\uFEFF指标,年份,数值,单位,数据来源,地点');
    expect(template[2]).toBe('# 示例：数字经济产业营收,2025,620,亿元,杨浦区统计公报（2025）,');

    await importFigures(page, panel, FIGURES);
    const report = panel.getByTestId('import-report');
    expect(await text(report)).toContain('接受 12 行');
    expect(await text(report)).toContain('拒绝 3 行');
    expect(await text(report)).toContain('无法识别指标“专利授权量”。可填写的指标：三大先导产业总规模、数字经济产业营收、');
    expect(await text(report)).toContain('单位“亿元”与指标不符：企业研发经费支出占营收比例的单位是“%”');
    expect(await languageLeaks(panel)).toEqual([]);
    await report.scrollIntoViewIfNeeded();
    await page.screenshot({ path: screenshotPath('monitor-report-phone-zh') });

    const lead = card(panel, 'leading_industries_revenue');
    expect(await text(lead.getByTestId('indicator-status'))).toBe('状态：尚未达到目标');
    expect(await text(lead.getByTestId('indicator-latest'))).toContain('1,265亿元（2025 年）');
    expect(await text(lead.getByTestId('indicator-yoy'))).toBe('+10%（2025 年对 2024 年）');
    await lead.getByTestId('indicator-chart').locator('svg[role="img"]').waitFor();
    await lead.scrollIntoViewIfNeeded();
    await page.screenshot({ path: screenshotPath('monitor-chart-phone-zh') });

    const list = panel.getByTestId('monitor-place-list');
    await list.scrollIntoViewIfNeeded();
    expect(await text(list.locator('tbody tr').first())).toBe('大创智180亿元');
    expect(await axeSerious(page, '[data-testid="monitor-panel"]')).toEqual([]);
    await page.screenshot({ path: screenshotPath('monitor-places-phone-zh') });
    // Every control of the targets, the places and the import is a 44 px target on a phone.
    const small = await panel.evaluate((root) =>
      [
        ...root.querySelectorAll<HTMLElement>(
          ':is([data-testid="monitor-targets"], [data-testid="monitor-data"]) :is(button, select, input:not([type="file"]):not([type="checkbox"]), summary)',
        ),
      ]
        .filter((el) => el.offsetParent !== null && el.getBoundingClientRect().height < 43.5)
        .map((el) => `${el.tagName} ${el.textContent?.trim().slice(0, 30)}`),
    );
    expect(small).toEqual([]);
    // Chinese headers and the names statisticians write (数字经济营收 …), read on a phone too.
    await importFigures(page, panel, CHINESE_NAMES);
    await expect.poll(() => text(report)).toContain('导入报告：chinese-names.csv');
    expect(await text(report)).toContain('接受 6 行');
    expect(problems.errors).toEqual([]);
    await page.close();
  }, 300_000);
});
