import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { PlanOutputCollection } from '../../src/lib/data/plan-schema.ts';
import { placesOfTasks, tasksBox } from '../../src/lib/data/task-places.ts';
import { axeSerious, drawnAt, type MapHandle, ROOT, screenshotPath, settle, useBrowserSuite, useSharedPages, waitForIdle, watchProblems } from './harness.ts';

const suite = useBrowserSuite();
// Every test here changes only the app's own state: they take turns on one desktop and one phone page, each
// starting from its link as back and forward would (see useSharedPages), instead of a cold start apiece.
const shared = useSharedPages(suite);

const center = (page: Page) => page.evaluate(() => (window as unknown as MapHandle).__yangpu.map.getCenter().toArray());
const PLAN = JSON.parse(readFileSync(resolve(ROOT, 'public/data/plan.geojson'), 'utf8')) as PlanOutputCollection;
const dist = (a: number[], b: number[]) => Math.hypot((a[0]! - b[0]!) * 95_000, (a[1]! - b[1]!) * 111_000);

describe('explorer (production build)', () => {
  it('toggles every layer row on and off through the panel', async () => {
    const { page, problems } = await shared.visit('?lang=en');
    // The layer panel is a chunk of its own, fetched once the map's first view is drawn: its rows come a moment later.
    const rows = page.locator('[data-testid="sheet"] input[type=checkbox]:not([disabled])');
    await expect.poll(() => rows.count()).toBeGreaterThanOrEqual(15);
    const styleVisibility = (id: string) => page.evaluate((l) => (window as unknown as MapHandle).__yangpu.map.getLayoutProperty(l, 'visibility'), id);
    for (const [name, layer] of [
      [/Future Valley \(indicative\)/, 'zone-future-valley-fill'],
      [/University science parks/, 'science-parks-circle'],
      [/Innovation platforms/, 'platforms-circle'],
      [/Drone delivery routes/, 'drone-routes-line'],
      [/Metro lines and stations/, 'metro-line'],
      [/Elevated roads/, 'elevated-line'],
      [/Subdistricts/, 'subdistricts-line'],
    ] as const) {
      const box = page.getByRole('checkbox', { name });
      await box.uncheck();
      await expect.poll(() => styleVisibility(layer)).toBe('none');
      await box.check();
      await expect.poll(() => styleVisibility(layer)).toBe('visible');
    }
    // Rows show how many of their features are in view.
    await waitForIdle(page);
    expect(await page.getByText(/\d+ in view/).count()).toBeGreaterThan(5);
    expect(problems.errors).toEqual([]);
  });

  it('opens a card by clicking a feature, quoting its task, and by keyboard from the list', async () => {
    const { page, problems } = await shared.visit('?lang=zh');
    // Click the Fudan national university science park where the map draws it.
    const point = await drawnAt(page, 'science-parks-circle', 'sp-fudan');
    await page.mouse.click(point.x, point.y);
    const card = page.getByRole('region', { name: /复旦大学国家大学科技园/ });
    await expect.poll(() => card.isVisible()).toBe(true);
    const text = (await card.textContent()) ?? '';
    expect(text).toContain('任务 10');
    expect(text).toMatch(/复旦/);
    expect(text).toMatch(/最近地铁站|地铁/);
    expect(page.url()).toContain('sel=plan:sp-fudan');
    const selected = await page.evaluate(() => {
      const map = (window as unknown as MapHandle).__yangpu.map;
      const f = map.queryRenderedFeatures({ layers: ['science-parks-circle'] }).find((x) => x.properties.id === 'sp-fudan')!;
      return map.getFeatureState({ source: 'plan', id: f.id! }).selected;
    });
    expect(selected).toBe(true);
    await page.screenshot({ path: screenshotPath('explorer-card-zh') });
    await page.keyboard.press('Escape');
    await expect.poll(() => card.count()).toBe(0);

    // Keyboard only: the list tab, then Enter on a place.
    await page.getByRole('tab', { name: '列表' }).focus();
    await page.keyboard.press('Enter');
    const item = page.getByRole('tabpanel').getByRole('button').first();
    await item.focus();
    const name = (await item.textContent())!.trim();
    await page.keyboard.press('Enter');
    const card2 = page
      .getByRole('region')
      .filter({ has: page.getByRole('heading', { level: 2 }) })
      .first();
    await expect.poll(async () => await page.evaluate(() => document.activeElement?.tagName)).toMatch(/^H[23]$/);
    expect((await card2.textContent()) ?? '').toContain(name.replace('示意', '').trim().slice(0, 4));
    expect(problems.errors).toEqual([]);
  });

  it.each([
    ['fudan', 'plan:sp-fudan', '复旦大学国家大学科技园'],
    ['fd', 'plan:sp-fudan', '复旦大学国家大学科技园'],
    ['复旦', 'plan:sp-fudan', '复旦大学国家大学科技园'],
    ['Tongji', null, '同济'],
    ['长阳', 'plan:zc-changyang-campus', '长阳创谷'],
  ])('search "%s" flies there and opens the card', async (query, id, name) => {
    const { page, problems } = await shared.visit('?lang=zh');
    const before = await center(page);
    const box = page.getByRole('combobox');
    await box.fill(query);
    const option = id
      ? page.locator(`[role=option][id$="${id.replace(/[:]/g, '\\:')}"]`).or(page.getByRole('option', { name: new RegExp(name) }).first())
      : page.getByRole('option', { name: new RegExp(name) }).first();
    await expect.poll(() => page.getByRole('option').count()).toBeGreaterThan(0);
    await option.first().waitFor();
    // Arrow down to the wanted option, then Enter.
    const options = await page.getByRole('option').allTextContents();
    const index = options.findIndex((o) => o.includes(name));
    expect(index, options.join(' | ')).toBeGreaterThanOrEqual(0);
    for (let i = 0; i <= index; i++) await box.press('ArrowDown');
    await box.press('Enter');
    await settle(page);
    if (id) expect(page.url()).toContain(`sel=${id}`);
    expect(await page.getByRole('region', { name: new RegExp(name) }).count()).toBeGreaterThan(0);
    const after = await center(page);
    expect(dist(before, after)).toBeGreaterThan(100);
    expect(problems.errors).toEqual([]);
  });

  it('a permalink restores view, layers, selection and language; back and forward work', async () => {
    const { page, problems } = await shared.visit('?lang=zh');
    await page.getByRole('button', { name: '切换到英文' }).click();
    await page.getByRole('checkbox', { name: /Metro lines and stations/ }).uncheck();
    await page.evaluate(() => (window as unknown as MapHandle).__yangpu.map.jumpTo({ center: [121.5123, 31.2934], zoom: 14.2 }));
    await settle(page);
    await page.getByRole('combobox').fill('changyang');
    await page.getByRole('combobox').press('Enter');
    await settle(page);
    const url = page.url();
    // "Copy link" on the card copies exactly the address that restores this state.
    await page.getByRole('button', { name: 'Copy link' }).click();
    await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toBe(url);
    expect(url).toMatch(/lang=en/);
    expect(url).toMatch(/layers=-metro/);
    expect(url).toMatch(/sel=plan:zc-changyang-campus/);
    const view = await page.evaluate(() => {
      const m = (window as unknown as MapHandle).__yangpu.map;
      return { c: m.getCenter().toArray(), z: m.getZoom() };
    });

    const fresh = await suite.browser.newPage({ viewport: { width: 1280, height: 800 } });
    const freshProblems = watchProblems(fresh, suite.server.url.replace(/\/$/, ''));
    await fresh.goto(url);
    await waitForIdle(fresh);
    const restored = await fresh.evaluate(() => {
      const m = (window as unknown as MapHandle).__yangpu.map;
      return { c: m.getCenter().toArray(), z: m.getZoom(), metro: m.getLayoutProperty('metro-line', 'visibility') };
    });
    expect(Math.abs(restored.z - view.z)).toBeLessThan(0.02);
    expect(dist(restored.c, view.c)).toBeLessThan(5);
    expect(restored.metro).toBe('none');
    expect(await fresh.evaluate(() => document.documentElement.lang)).toBe('en');
    expect(await fresh.getByRole('region', { name: /Changyang/ }).count()).toBeGreaterThan(0);
    expect(freshProblems.errors).toEqual([]);
    await fresh.close();

    // Back: the selection goes; forward: it comes back.
    await page.goBack();
    await expect.poll(() => page.url()).not.toContain('sel=');
    await expect.poll(() => page.getByRole('region', { name: /Changyang/ }).count()).toBe(0);
    await page.goForward();
    await expect.poll(() => page.url()).toContain('sel=plan:zc-changyang-campus');
    await expect.poll(() => page.getByRole('region', { name: /Changyang/ }).count()).toBeGreaterThan(0);
    expect(problems.errors).toEqual([]);
  });

  it('the task explorer shows several tasks: highlights and frames their places, in the link, back and forward', async () => {
    const { page, problems } = await shared.visit('?lang=en');
    await page.getByRole('tab', { name: 'Tasks' }).click();
    const panel = page.getByTestId('task-panel');
    const task = (n: number) => panel.getByRole('button', { name: new RegExp(`^Task ${n}\\b`) });
    await task(10).click();
    await expect.poll(() => page.url()).toContain('task=10');
    await task(17).click();
    await settle(page);
    expect(page.url()).toContain('task=10,17');
    expect(await task(10).getAttribute('aria-pressed')).toBe('true');
    expect(await task(17).getAttribute('aria-pressed')).toBe('true');
    expect(await task(4).getAttribute('aria-pressed')).toBe('false');
    // Each chosen task's details are open (the others stay folded).
    expect(await panel.getByTestId('task-detail').evaluateAll((els) => els.map((el) => el.getAttribute('data-task')))).toEqual(['10', '17']);
    expect((await panel.locator('[data-testid="task-detail"][data-task="17"]').textContent()) ?? '').toMatch(/Future Valley/);
    expect(await panel.getByTestId('tasks-chosen').textContent()).toContain('Shown on the map: tasks 10, 17');

    // Both highlighted: the places of each are drawn, and the plan's paint keeps vivid what names either.
    const drawn = await page.evaluate(() => {
      const map = (window as unknown as MapHandle).__yangpu.map;
      const plan = map.getStyle().layers.filter((l) => (l as { source?: string }).source === 'plan' && map.getLayoutProperty(l.id, 'visibility') !== 'none');
      const named = (n: number) => ['in', n, ['coalesce', ['get', 'plan_tasks'], ['literal', []]]] as unknown as import('maplibre-gl').FilterSpecification;
      const ids = (n: number) => [
        ...new Set(map.queryRenderedFeatures({ layers: plan.map((l) => l.id), filter: named(n) }).map((f) => f.properties.id as string)),
      ];
      return { 10: ids(10), 17: ids(17), paint: JSON.stringify(map.getPaintProperty('science-parks-circle', 'circle-opacity')) };
    });
    expect(drawn[10]).toContain('sp-fudan');
    expect(drawn[17]).toContain('zc-kic');
    expect(drawn.paint).toContain('["any",["in",10,');
    expect(drawn.paint).toContain('["in",17,');
    // Framed: the camera's bounds hold every place of either task.
    const [w, s, e, n] = await page.evaluate(() => (window as unknown as MapHandle).__yangpu.map.getBounds().toArray().flat());
    for (const f of placesOfTasks(PLAN.features, [10, 17])) {
      const [fw, fs, fe, fn] = tasksBox([f], f.properties.plan_tasks)!;
      expect(fw >= w! && fs >= s! && fe <= e! && fn <= n!, f.properties.id).toBe(true);
    }
    expect(await axeSerious(page, '[data-testid="task-panel"]')).toEqual([]);
    await page.screenshot({ path: screenshotPath('explorer-tasks-10-17-en') });

    // A task with no located place is shown in the panel, says so, and leaves the map where it is.
    const before = await center(page);
    await task(1).click();
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'Task 1 has no place located on the map' }).count()).toBe(1);
    expect(dist(before, await center(page))).toBeLessThan(1);
    expect(page.url()).toContain('task=1,10,17');

    // Back and forward step through the choices, as a reload of each link would restore them.
    await page.goBack();
    await expect.poll(() => task(1).getAttribute('aria-pressed')).toBe('false');
    expect(page.url()).toMatch(/task=10,17(&|$)/);
    await page.goBack();
    await expect.poll(() => task(17).getAttribute('aria-pressed')).toBe('false');
    expect(page.url()).toMatch(/task=10(&|$)/);
    await page.goForward();
    await expect.poll(() => task(17).getAttribute('aria-pressed')).toBe('true');
    expect(page.url()).toMatch(/task=10,17(&|$)/);
    await expect
      .poll(() => page.evaluate(() => JSON.stringify((window as unknown as MapHandle).__yangpu.map.getPaintProperty('science-parks-circle', 'circle-opacity'))))
      .toContain('["in",17,');

    // "Clear" takes them all out; the focus goes to the panel's heading.
    await panel.getByRole('button', { name: 'Clear the tasks' }).click();
    await expect.poll(() => page.url()).not.toContain('task=');
    expect(await panel.locator('[aria-pressed="true"]').count()).toBe(0);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('tasks-heading');
    expect(problems.errors).toEqual([]);
  });

  it('shows several tasks on a phone, in Chinese: framed above the sheet, 44 px targets', async () => {
    const { page, problems } = await shared.visit('?lang=zh&panel=tasks', { width: 390, height: 844 });
    const panel = page.getByTestId('task-panel');
    const task = (n: number) => panel.getByRole('button', { name: new RegExp(`^任务 ${n}(?!\\d)`) });
    await task(11).tap();
    await task(10).tap();
    await settle(page);
    expect(page.url()).toContain('task=10,11');
    expect(await task(11).getAttribute('aria-pressed')).toBe('true');
    // Every place of both is on the map above the sheet.
    const sheetTop = (await page.getByTestId('sheet').boundingBox())!.y;
    const points = placesOfTasks(PLAN.features, [10, 11]).map((f) => f.geometry.coordinates as [number, number]);
    const screen = await page.evaluate((pts) => pts.map((p) => (window as unknown as MapHandle).__yangpu.map.project(p)), points);
    for (const p of screen) expect(p.x > 0 && p.x < 390 && p.y > 0 && p.y < sheetTop, JSON.stringify(p)).toBe(true);
    const clear = panel.getByRole('button', { name: '清除所选任务' });
    for (const target of [clear, task(10), task(4)]) {
      const box = (await target.boundingBox())!;
      expect(Math.min(box.width, box.height)).toBeGreaterThanOrEqual(44);
    }
    expect(await axeSerious(page, '[data-testid="task-panel"]')).toEqual([]);
    await page.screenshot({ path: screenshotPath('explorer-phone-tasks-zh') });
    expect(problems.errors).toEqual([]);
  });

  it('the guided tour steps by button and key, moving the map and opening cards', async () => {
    const { page, problems } = await shared.visit('?lang=en');
    await page.getByRole('tab', { name: 'Tour' }).click();
    await settle(page);
    const first = (await page.getByTestId('tour-card').textContent()) ?? '';
    expect(first).toMatch(/1 \/ 7/);
    const c0 = await center(page);
    await page.getByRole('button', { name: /Next/ }).click();
    await settle(page);
    expect((await page.getByTestId('tour-card').textContent()) ?? '').toMatch(/2 \/ 7/);
    await page.keyboard.press('ArrowRight');
    await settle(page);
    expect((await page.getByTestId('tour-card').textContent()) ?? '').toMatch(/3 \/ 7/);
    expect(dist(c0, await center(page))).toBeGreaterThan(100);
    expect(page.url()).toMatch(/panel=tour&tour=2|tour=2/);
    // A swipe to the right on the stop's card goes back one stop.
    const box = (await page.getByTestId('tour-card').boundingBox())!;
    await page.mouse.move(box.x + 40, box.y + box.height / 2);
    await page.mouse.down();
    await page.mouse.move(box.x + 160, box.y + box.height / 2, { steps: 6 });
    await page.mouse.up();
    await settle(page);
    expect((await page.getByTestId('tour-card').textContent()) ?? '').toMatch(/2 \/ 7/);
    expect(problems.errors).toEqual([]);
  });

  it('keeps the tour usable on a phone: its buttons stay visible while it moves from place to place', async () => {
    const { page, problems } = await shared.visit('?lang=en&panel=tour', { width: 390, height: 844 });
    await settle(page);
    const next = page.getByRole('button', { name: /Next/ });
    for (const stop of ['2 / 7', '3 / 7']) {
      await next.tap();
      await settle(page);
      expect((await page.getByTestId('tour-card').textContent()) ?? '').toContain(stop);
      expect(await next.isVisible()).toBe(true);
      // Nothing covers the button: the topmost element at its centre is the button itself.
      const covered = await next.evaluate((el) => {
        const r = el.getBoundingClientRect();
        const top = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
        return !(top === el || el.contains(top));
      });
      expect(covered).toBe(false);
    }
    expect(page.url()).toContain('sel=plan:');
    await page.screenshot({ path: screenshotPath('explorer-phone-tour') });
    expect(problems.errors).toEqual([]);
  });

  it('pans and zooms with the keyboard once the map has focus', async () => {
    const { page, problems } = await shared.visit('?lang=en');
    const before = await page.evaluate(() => {
      const m = (window as unknown as MapHandle).__yangpu.map;
      return { c: m.getCenter().toArray(), z: m.getZoom() };
    });
    await page.locator('.maplibregl-canvas').focus();
    await page.keyboard.press('ArrowRight');
    await settle(page);
    await page.keyboard.press('Equal');
    await settle(page);
    const after = await page.evaluate(() => {
      const m = (window as unknown as MapHandle).__yangpu.map;
      return { c: m.getCenter().toArray(), z: m.getZoom() };
    });
    expect(after.c[0]).toBeGreaterThan(before.c[0]!);
    expect(after.z).toBeGreaterThan(before.z + 0.5);
    expect(await page.locator('.maplibregl-canvas').getAttribute('aria-label')).toBe('Interactive map of Yangpu District');
    expect(problems.errors).toEqual([]);
  });

  it('gives every control on a phone a touch target of at least 44 px', async () => {
    const { page, problems } = await shared.visit('?lang=zh&panel=layers', { width: 390, height: 844 });
    const small = await page.evaluate(() =>
      [...document.querySelectorAll<HTMLElement>('button, input, [role=tab], [role=combobox], summary, a[href]')]
        .filter((el) => el.offsetParent !== null && el.getClientRects().length > 0)
        .map((el) => {
          // A checkbox counts with its whole label row, which is what a finger hits.
          const target = el instanceof HTMLInputElement && el.type === 'checkbox' ? (el.closest('label') ?? el) : el;
          const r = target.getBoundingClientRect();
          return { what: `${el.tagName} ${el.getAttribute('aria-label') ?? el.textContent?.trim().slice(0, 20)}`, w: r.width, h: r.height };
        })
        .filter((b) => b.w > 0 && (b.h < 44 || b.w < 44)),
    );
    expect(small).toEqual([]);
    await page.screenshot({ path: screenshotPath('explorer-phone-sheet') });
    expect(problems.errors).toEqual([]);
  });

  it('switching language changes the interface and the map labels', async () => {
    const { page, problems } = await shared.visit('?lang=zh');
    expect(await page.getByRole('tab', { name: '图层' }).count()).toBe(1);
    await page.getByRole('button', { name: '切换到英文' }).click();
    await waitForIdle(page);
    expect(await page.getByRole('tab', { name: 'Layers' }).count()).toBe(1);
    expect(await page.getByRole('combobox').getAttribute('placeholder')).toMatch(/Search/);
    const field = await page.evaluate(() => JSON.stringify((window as unknown as MapHandle).__yangpu.map.getLayoutProperty('districts-label', 'text-field')));
    expect(field.indexOf('name_en')).toBeLessThan(field.lastIndexOf('name_zh'));
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    expect(problems.errors).toEqual([]);
  });

  for (const [label, viewport] of [
    ['desktop', { width: 1280, height: 800 }],
    ['phone', { width: 390, height: 844 }],
  ] as const) {
    for (const lang of ['zh', 'en'] as const) {
      it(`has no serious or critical accessibility violations (${label}, ${lang})`, async () => {
        const { page, problems } = await shared.visit(`?lang=${lang}&sel=plan:sp-fudan${label === 'phone' ? '' : '&panel=layers'}`, viewport);
        await page
          .getByRole('region', { name: /Fudan|复旦/ })
          .first()
          .waitFor();
        const results = await new AxeBuilder({ page }).exclude('.maplibregl-canvas').analyze();
        const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
        expect(bad.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
        expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
        await page.screenshot({ path: screenshotPath(`explorer-${label}-${lang}`) });
        expect(problems.errors).toEqual([]);
      });
    }
  }
});
