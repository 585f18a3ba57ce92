import bbox from '@turf/bbox';
import type { Page } from 'playwright-core';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { IndicatorDataset, TaskProgress } from '../../src/features/monitor/types.ts';
import { axeSerious, downloadPath, type MapHandle, openPage, ROOT, screenshotPath, settle, useBrowserSuite, waitForIdle, watchDialogs } from './harness.ts';

const suite = useBrowserSuite();

/** The task progress this browser stores (IndexedDB `yangpu-monitor`, opened by the app first). */
const storedTasks = (page: Page) =>
  page.evaluate(
    () =>
      new Promise<TaskProgress[]>((ok, fail) => {
        const req = indexedDB.open('yangpu-monitor');
        req.onerror = () => fail(req.error);
        req.onsuccess = () => {
          const db = req.result;
          const get = db.transaction('tasks').objectStore('tasks').getAll();
          get.onsuccess = () => {
            db.close();
            ok(get.result as TaskProgress[]);
          };
          get.onerror = () => fail(get.error);
        };
      }),
  );

/** Puts a dataset straight into the store, as an import would have (the import itself is tested in monitor.test.ts). */
const storeDataset = (page: Page, dataset: IndicatorDataset) =>
  page.evaluate(
    (ds) =>
      new Promise<void>((ok, fail) => {
        const req = indexedDB.open('yangpu-monitor');
        req.onerror = () => fail(req.error);
        req.onsuccess = () => {
          const db = req.result;
          const tx = db.transaction('datasets', 'readwrite');
          tx.objectStore('datasets').put(ds);
          tx.oncomplete = () => {
            db.close();
            ok();
          };
          tx.onerror = () => fail(tx.error);
        };
      }),
    dataset,
  );

const DATASET: IndicatorDataset = {
  id: 'browser-test',
  name: 'Bulletin 2025',
  fileName: 'bulletin.csv',
  importedAt: '2026-11-01T08:00:00.000Z',
  observations: [
    { indicator: 'leading_industries_revenue', year: 2024, value: 1102.5, unit: '亿元', source: '杨浦区统计公报', row: 2 },
    { indicator: 'leading_industries_revenue', year: 2025, value: 1210, unit: '亿元', source: '杨浦区统计公报', row: 3 },
    { indicator: 'gazelle_firms', year: 2025, value: 37, unit: '家', source: '区科委', place: 'zone-future-valley', row: 4 },
    { indicator: 'gazelle_firms', year: 2025, value: 21, unit: '家', source: '区科委', place: 'zone-yangshupu-belt', row: 5 },
  ],
};

/** Opens a page; a step that cannot happen fails within 30 s, naming the step, instead of hanging. */
async function open(path: string) {
  const opened = await openPage(suite, path);
  opened.page.setDefaultTimeout(30_000);
  return opened;
}

const row = (page: Page, n: number) => page.locator(`[data-testid="task-row"][data-task="${n}"]`);

/** Opens a task's row (folded to one line) by its summary. */
async function openRow(page: Page, n: number) {
  const r = row(page, n);
  if (!(await r.locator('details').evaluate((d) => (d as HTMLDetailsElement).open))) await r.locator('summary').click();
  return r;
}

describe('plan monitor: task progress and snapshots (production build)', () => {
  it('sets status, note and date, keeps them over a reload, exports and imports JSON, refuses a bad file, shows a task on the map', async () => {
    const { page, problems } = await open('?lang=en&panel=monitor');
    const dialogs = watchDialogs(page);
    const tasks = page.getByTestId('monitor-tasks');
    await tasks.waitFor();
    await expect.poll(() => tasks.getByTestId('task-counts').textContent(), { timeout: 20_000 }).toBe('Of 18 tasks: 0 done, 0 under way, 18 not started');
    expect(await tasks.locator('h4').allTextContents()).toContain('(6) Build new spaces for integrated sci-tech innovation');

    // Task 17: status by pointer, a date, a note with hostile text (shown as text).
    const r17 = await openRow(page, 17);
    await expect.poll(() => r17.getByRole('radio', { name: 'Done' }).isEnabled(), { timeout: 20_000 }).toBe(true);
    await r17.getByRole('radio', { name: 'Done' }).check();
    await r17.getByLabel('Date of task 17').fill('2026-05-10');
    const note = 'Phase 1 open <img src=x onerror=alert(1)>';
    await r17.getByLabel('Note on task 17').fill(note);
    await r17.getByLabel('Note on task 17').blur();
    expect(await r17.getAttribute('data-status')).toBe('done');
    expect(await r17.locator('summary').textContent()).toContain(note);

    // Task 4 by keyboard alone: Tab to its row, open it, Tab to the status, arrow to "Under way".
    const r4 = row(page, 4);
    await r4.locator('summary').focus();
    await page.keyboard.press('Enter');
    await page.keyboard.press('Tab');
    const focused = () => page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.value ?? null);
    expect(await focused()).toBe('not_started');
    expect(await r4.locator('label.choice.not_started').evaluate((l) => getComputedStyle(l).outlineStyle)).toBe('solid');
    await page.keyboard.press('ArrowRight');
    expect(await focused()).toBe('under_way');
    await expect.poll(() => r4.getAttribute('data-status')).toBe('under_way');
    // A status set without a date is dated today.
    expect(await r4.getByLabel('Date of task 4').inputValue()).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(await tasks.getByTestId('task-counts').textContent()).toBe('Of 18 tasks: 1 done, 1 under way, 16 not started');

    // Saved in the browser as they change, and back after a reload.
    await expect
      .poll(() => storedTasks(page).then((t) => t.map((x) => `${x.n}:${x.status}:${x.note ?? ''}`)), { timeout: 10_000 })
      .toEqual(['4:under_way:', `17:done:${note}`]);
    await page.reload();
    await waitForIdle(page);
    await expect.poll(() => page.getByTestId('task-counts').textContent(), { timeout: 20_000 }).toBe('Of 18 tasks: 1 done, 1 under way, 16 not started');
    const again = await openRow(page, 17);
    expect(await again.getByLabel('Note on task 17').inputValue()).toBe(note);
    expect(await again.getByLabel('Date of task 17').inputValue()).toBe('2026-05-10');
    expect(await again.getByRole('radio', { name: 'Done' }).isChecked()).toBe(true);

    // Export as JSON.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('task-export').click()]);
    expect(download.suggestedFilename()).toMatch(/^yangpu-tasks-\d{4}-\d{2}-\d{2}\.json$/);
    const exported = readFileSync(await downloadPath(download), 'utf8');
    const file = JSON.parse(exported);
    expect(file.format).toBe('yangpu-monitor-tasks');
    expect(file.tasks).toEqual([
      { n: 4, status: 'under_way', date: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) },
      { n: 17, status: 'done', note, date: '2026-05-10' },
    ]);

    // Change something, then import the export back: the file's progress replaces it.
    await again.getByRole('radio', { name: 'Under way' }).check();
    await expect.poll(() => again.getAttribute('data-status')).toBe('under_way');
    const input = page.getByTestId('task-import');
    await input.setInputFiles({ name: 'tasks.json', mimeType: 'application/json', buffer: Buffer.from(exported) });
    const report = page.getByTestId('task-import-report');
    await expect.poll(() => report.textContent()).toContain('tasks.json: 2 accepted, 0 rejected');
    await expect.poll(() => again.getAttribute('data-status')).toBe('done');

    // A broken file and a file of bad entries change nothing and say why.
    await input.setInputFiles({ name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from('{"tasks": [ {"n": 1,') });
    await expect.poll(() => report.textContent()).toContain('broken.json: nothing accepted, task progress unchanged');
    expect(await report.textContent()).toContain('The file is not valid JSON');
    const bad = JSON.stringify({
      tasks: [
        { n: 19, status: 'done' },
        { n: 3, status: 'done', date: '2026-02-30' },
        { n: 5, status: 'finished' },
      ],
    });
    await input.setInputFiles({ name: 'bad.json', mimeType: 'application/json', buffer: Buffer.from(bad) });
    await expect.poll(() => report.textContent()).toContain('bad.json: nothing accepted');
    const lines = await report.locator('li').allTextContents();
    expect(lines).toEqual([
      'Entry 1: there is no task number 19 (tasks are numbered 1–18)',
      'Task 3: the date "2026-02-30" is not valid (expected a real date as YYYY-MM-DD)',
      'Task 5: the status "finished" is not valid (expected not_started, under_way or done)',
    ]);
    expect(await page.getByTestId('task-counts').textContent()).toBe('Of 18 tasks: 1 done, 1 under way, 16 not started');

    // "Show on map": the task's features are highlighted and the map fits them.
    const plan = JSON.parse(readFileSync(resolve(ROOT, 'public/data/plan.geojson'), 'utf8'));
    const features18 = plan.features.filter((f: { properties: { plan_tasks: number[] } }) => f.properties.plan_tasks.includes(18));
    const [w, s, e, n] = bbox({ type: 'FeatureCollection', features: features18 });
    const planPaint = () =>
      page.evaluate(() =>
        JSON.stringify(
          (window as unknown as MapHandle).__yangpu.map
            .getStyle()
            .layers.filter((l) => (l as { source?: string }).source === 'plan')
            .map((l) => l.paint),
        ),
      );
    expect(await planPaint()).not.toContain('plan_tasks');
    const r18 = await openRow(page, 18);
    const show = r18.getByRole('button', { name: /Show on map \(6 places\)/ });
    await show.click();
    await settle(page);
    expect(page.url()).toContain('task=18');
    expect(await show.getAttribute('aria-pressed')).toBe('true');
    // The others fade: the plan's paint now asks which features name task 18.
    expect(await planPaint()).toContain('plan_tasks');
    const bounds = await page.evaluate(() => (window as unknown as MapHandle).__yangpu.map.getBounds().toArray());
    expect(bounds[0][0]).toBeLessThanOrEqual(w);
    expect(bounds[0][1]).toBeLessThanOrEqual(s);
    expect(bounds[1][0]).toBeGreaterThanOrEqual(e);
    expect(bounds[1][1]).toBeGreaterThanOrEqual(n);
    // Tasks with no located place say so instead of offering the button.
    const r1 = await openRow(page, 1);
    expect(await r1.textContent()).toContain('No place of this task has a published location');
    expect(await r1.getByRole('button').count()).toBe(0);

    expect(await axeSerious(page, '[data-testid="monitor-tasks"]')).toEqual([]);
    expect(await axeSerious(page, '[data-testid="snapshot-bar"]')).toEqual([]);
    await r17.scrollIntoViewIfNeeded();
    await page.screenshot({ path: screenshotPath('monitor-tasks-en') });

    // Figures too many (and too varied to compress) for a link: the snapshot is refused, the JSON export suggested.
    await storeDataset(page, {
      ...DATASET,
      id: 'too-big',
      observations: Array.from({ length: 400 }, (_, i) => ({
        indicator: 'gazelle_firms' as const,
        year: 2025,
        value: i,
        unit: '家' as const,
        source: randomBytes(220).toString('base64'),
        place: `place-${i}`,
      })),
    });
    await page.reload();
    await waitForIdle(page);
    const share = page.getByTestId('snapshot-share');
    await expect.poll(() => share.isEnabled(), { timeout: 20_000 }).toBe(true);
    await share.click();
    await expect
      .poll(() => page.getByTestId('snapshot-share-problem').textContent(), { timeout: 20_000 })
      .toMatch(/^The snapshot is too big for a link \(\d+ characters, at most 60000\)\. Export the task progress \(JSON\)/);
    expect(page.url()).not.toContain('msnap=');
    expect(dialogs).toEqual([]);
    expect(problems.errors).toEqual([]);
    await page.close();
  }, 300_000);

  it('shares a read-only snapshot link that a fresh browser opens with the same statuses and figures, and keeps a copy on request', async () => {
    const { page, problems } = await open('?lang=zh&panel=monitor');
    const dialogs = watchDialogs(page);
    const r2 = await openRow(page, 2);
    await expect.poll(() => r2.getByRole('radio', { name: '进行中' }).isEnabled(), { timeout: 20_000 }).toBe(true);
    // Figures, stored as an import would store them.
    await storeDataset(page, DATASET);
    await r2.getByRole('radio', { name: '进行中' }).check();
    await r2.getByLabel('任务 2 的备注').fill('“一园多区”方案 <b>草案</b>\n第二行');
    await r2.getByLabel('任务 2 的备注').blur();
    const r17 = await openRow(page, 17);
    await r17.getByRole('radio', { name: '已完成' }).check();
    await r17.getByLabel('任务 17 的日期').fill('2026-05-10');
    await expect.poll(() => storedTasks(page).then((t) => t.length), { timeout: 10_000 }).toBe(2);
    // Saves run one after another: the status's (dated today) lands before the date's, and two stored tasks do not
    // mean the date is stored yet. Reloading before it is would lose it (seen on a busy machine).
    await expect.poll(() => storedTasks(page).then((t) => t.find((x) => x.n === 17)?.date), { timeout: 10_000 }).toBe('2026-05-10');
    await page.reload();
    await waitForIdle(page);
    const latest = page.getByTestId('indicator-leading_industries_revenue');
    await expect.poll(() => latest.getByTestId('indicator-latest').textContent(), { timeout: 20_000 }).toMatch(/1,?210/);
    // The map's symbols show the figures by place: gazelle firms, the indicator that has them.
    await page.getByTestId('monitor-pick-indicator').selectOption('gazelle_firms');
    // The card's chart loads with Plot, after the figures: its text (and the drawing's) is read once it is drawn,
    // else the colleague's drawn card could never match a "loading" one (seen on a busy machine).
    await expect.poll(() => latest.locator('.plot svg').count(), { timeout: 20_000 }).toBeGreaterThan(0);
    expect(await latest.textContent()).not.toContain('图表加载中');
    const ownFigures = await latest.textContent();
    const ownPlaces = await page.getByTestId('monitor-places').textContent();
    const ownCounts = await page.getByTestId('task-counts').textContent();
    expect(ownCounts).toBe('共 18 项：1 项已完成，1 项进行中，16 项未开始');

    await page.getByTestId('snapshot-share').click();
    await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toContain('msnap=');
    const link = await page.evaluate(() => navigator.clipboard.readText());
    expect(link.startsWith(suite.server.url)).toBe(true);
    expect(new URL(link).searchParams.get('panel')).toBe('monitor');
    expect(await page.getByTestId('snapshot-bar').textContent()).not.toContain('太大');
    await page.screenshot({ path: screenshotPath('monitor-share-zh') });
    expect(dialogs).toEqual([]);
    expect(problems.errors).toEqual([]);
    await page.close();

    // A colleague's browser: nothing stored, the link alone.
    const other = await open(link.slice(suite.server.url.length));
    const otherDialogs = watchDialogs(other.page);
    const p = other.page;
    const banner = p.getByTestId('snapshot-banner');
    await expect
      .poll(() => banner.getByTestId('snapshot-date').textContent(), { timeout: 20_000 })
      .toMatch(/^这是 \d{4}年\d{1,2}月\d{1,2}日.* 的快照，只能查看，不能修改。$/);
    await expect.poll(() => p.getByTestId('task-counts').textContent()).toBe(ownCounts);
    await p.screenshot({ path: screenshotPath('monitor-snapshot-banner-zh') });
    expect(await p.getByTestId('monitor-tasks').locator('input[type="radio"]').count()).toBe(0);
    expect(await p.getByTestId('monitor-tasks').locator('textarea, input[type="date"], input[type="file"]').count()).toBe(0);
    expect(await p.getByTestId('monitor-data').count()).toBe(0);
    const s2 = await openRow(p, 2);
    expect(await s2.getAttribute('data-status')).toBe('under_way');
    expect(await s2.getByTestId('task-note').textContent()).toBe('“一园多区”方案 <b>草案</b>\n第二行');
    expect(await s2.locator('b').count()).toBe(0);
    expect(await row(p, 17).getAttribute('data-status')).toBe('done');
    expect(await row(p, 17).locator('summary').textContent()).toContain('2026-05-10');
    // The same figures, and the map's symbols of the figures by place.
    await expect.poll(() => p.getByTestId('indicator-leading_industries_revenue').textContent()).toBe(ownFigures);
    expect(await p.getByTestId('monitor-places').textContent()).toBe(ownPlaces);
    await settle(p);
    // A source's features come once per tile they touch: count places.
    const symbols = await p.evaluate(() =>
      [...new Set((window as unknown as MapHandle).__yangpu.map.querySourceFeatures('monitor').map((f) => f.properties.place as string))].sort(),
    );
    expect(symbols).toEqual(['zone-future-valley', 'zone-yangshupu-belt']);
    expect(await axeSerious(p, '[data-testid="monitor-panel"]')).toEqual([]);
    await p.screenshot({ path: screenshotPath('monitor-snapshot-zh') });

    // Keep a copy: asked in the page first; cancelling changes nothing.
    await p.getByRole('button', { name: '在本浏览器保存一份副本' }).click();
    expect(await p.locator('[data-confirm]').evaluate((b) => b === document.activeElement)).toBe(true);
    expect(await banner.textContent()).toContain('4 个数据会另存为一个数据集');
    await p.getByRole('button', { name: '取消' }).click();
    expect(p.url()).toContain('msnap=');
    await p.getByRole('button', { name: '在本浏览器保存一份副本' }).click();
    await p.getByRole('button', { name: '保存副本' }).click();
    await expect.poll(() => banner.count()).toBe(0);
    expect(p.url()).not.toContain('msnap=');
    await expect.poll(() => storedTasks(p).then((t) => t.map((x) => `${x.n}:${x.status}`)), { timeout: 10_000 }).toEqual(['2:under_way', '17:done']);
    await p.reload();
    await waitForIdle(p);
    await expect.poll(() => p.getByTestId('task-counts').textContent(), { timeout: 20_000 }).toBe(ownCounts);
    expect(await p.getByTestId('monitor-tasks').locator('input[type="radio"]').count()).toBeGreaterThan(0);
    await expect.poll(() => p.getByTestId('indicator-leading_industries_revenue').textContent()).toBe(ownFigures);
    expect(otherDialogs).toEqual([]);
    expect(other.problems.errors).toEqual([]);
    await p.close();

    // A third browser goes back to its own (empty) data instead.
    const third = await open(link.slice(suite.server.url.length).replace('lang=zh', 'lang=en'));
    await expect.poll(() => third.page.getByTestId('snapshot-date').textContent(), { timeout: 20_000 }).toMatch(/^This is a snapshot from \d{1,2} \w+ \d{4}/);
    await third.page.getByRole('button', { name: 'Back to my own data' }).click();
    await expect.poll(() => third.page.getByTestId('task-counts').textContent()).toBe('Of 18 tasks: 0 done, 0 under way, 18 not started');
    expect(third.page.url()).not.toContain('msnap=');
    expect(third.problems.errors).toEqual([]);
    await third.page.close();
  }, 400_000);

  it('when the browser refuses storage, says so and keeps the edits for the session', async () => {
    const { page, problems } = await open('?lang=en&panel=monitor');
    // Private modes and blocked site data refuse IndexedDB on open.
    await page.addInitScript(() => {
      IDBFactory.prototype.open = () => {
        throw new DOMException('blocked by the test', 'SecurityError');
      };
    });
    await page.reload();
    await waitForIdle(page);
    const r5 = await openRow(page, 5);
    await expect.poll(() => r5.getByRole('radio', { name: 'Done' }).isEnabled(), { timeout: 20_000 }).toBe(true);
    await r5.getByRole('radio', { name: 'Done' }).check();
    const alert = page.getByTestId('task-save-problem');
    await expect
      .poll(() => alert.textContent(), { timeout: 10_000 })
      .toMatch(
        /^\s*Could not save in this browser\. This browser does not allow saving data .+\. Your changes stay for this session; export a JSON copy before you close the page\.\s*$/,
      );
    expect(await alert.getAttribute('role')).toBe('alert');
    expect(await page.getByTestId('task-counts').textContent()).toBe('Of 18 tasks: 1 done, 0 under way, 17 not started');
    expect(await r5.getAttribute('data-status')).toBe('done');
    await alert.scrollIntoViewIfNeeded();
    await page.screenshot({ path: screenshotPath('monitor-tasks-storage-en') });
    expect(problems.errors).toEqual([]);
    await page.close();
  }, 300_000);

  it('a damaged snapshot link says so, shows nothing of it, and leaves the rest of the app working', async () => {
    // Cut short (does not inflate), and well-formed but with an indicator the plan does not have.
    const links = {
      zh: [
        'FcYxDoMwEATAv2xt0NooFNflD1SJKEx8BYpkS76DBvH3KFPNhVO77a1CYsCna3YtT4cgMc1DjMPEhQ8hhRxJvhDQNtN-Zt9bNch7DfBs338vVEgKMM9',
        /^此快照链接已损坏，无法读取：快照数据已损坏，无法解压或解析。/,
      ],
      en: [
        'Hcy9DcIwEAbQXb7aQRejUFzHDlSgFMY-IQtkI_8JFKVCLEXDMrAHCm-AN6FJyj4GcK9gk5giblvA0KQ3Xd93a9rRwERMtCKiPRTiMUtqpvgYMvgwwQfnrSkxgXFyVyjcxSSwJj0oNHOp8v9r8Ev9eb2_zwcUcqzJChg3zKNCMfm8hOP8Aw',
        /^This snapshot link is damaged and cannot be read: The snapshot field observations\[0\]\.indicator is not valid\./,
      ],
    } as const;
    for (const lang of ['zh', 'en'] as const) {
      const [msnap, says] = links[lang];
      const { page, problems } = await open(`?lang=${lang}&panel=monitor&msnap=${msnap}`);
      const problem = page.getByTestId('snapshot-problem');
      await expect.poll(() => problem.textContent(), { timeout: 20_000 }).toMatch(says);
      expect(await page.getByTestId('task-none').textContent()).toBe(
        lang === 'zh' ? '快照无法读取，因此不显示任何任务状态。' : 'The snapshot cannot be read, so no task status is shown.',
      );
      expect(await page.getByTestId('task-row').count()).toBe(0);
      expect(await axeSerious(page, '[data-testid="monitor-panel"]')).toEqual([]);
      await page.screenshot({ path: screenshotPath(`monitor-snapshot-broken-${lang}`) });
      // The rest works: another tab opens, the map answers.
      await page.getByRole('tab', { name: lang === 'zh' ? '任务' : 'Tasks', exact: true }).click();
      await page.getByTestId('task-panel').waitFor();
      await waitForIdle(page);
      expect(problems.errors).toEqual([]);
      await page.close();
    }
  }, 300_000);
});
