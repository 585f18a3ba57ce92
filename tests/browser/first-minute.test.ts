import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { axeSerious, type MapHandle, openPage, screenshotPath, settle, useBrowserSuite, useSharedPages, type Viewport } from './harness.ts';
import { languageLeaks } from './language-rule.ts';

const suite = useBrowserSuite();
const shared = useSharedPages(suite);

const PHONE: Viewport = { width: 390, height: 844 };
const ERRANDS: Record<string, { button: string; panel: string }> = {
  'phone-zh': { button: '开始导览', panel: 'tour' },
  'phone-en': { button: 'Explore the zones', panel: 'layers' },
  'desktop-zh': { button: '寻找空间', panel: 'invest' },
  'desktop-en': { button: 'Follow the plan', panel: 'monitor' },
};
const DESKTOP: Viewport = { width: 1280, height: 800 };
const SIZES = [
  ['phone', PHONE],
  ['desktop', DESKTOP],
] as const;

type CameraHandle = { __yangpu: { app: { camera: { seq: number } | null } } };
type Handle = MapHandle & {
  __yangpu: { app: { insets: Record<'top' | 'right' | 'bottom' | 'left', number>; selectedEntry?: { lon: number; lat: number; bbox?: number[] } } };
};

/**
 * Where the selected place (its extent, or its point) is drawn, and the part of the map the panels, cards and
 * notices leave clear, measured from the page itself (the overlays' boxes), not from the app's own accounting.
 */
async function selectionAndClear(page: Page) {
  return page.evaluate(() => {
    const { map, app } = (window as unknown as Handle).__yangpu;
    const entry = app.selectedEntry;
    if (!entry) return null;
    const canvas = map.getCanvas().getBoundingClientRect();
    const corners: [number, number][] = entry.bbox
      ? [
          [entry.bbox[0]!, entry.bbox[1]!],
          [entry.bbox[2]!, entry.bbox[3]!],
        ]
      : [[entry.lon, entry.lat]];
    const points = corners.map((c) => map.project(c)).map((p) => ({ x: p.x + canvas.left, y: p.y + canvas.top }));
    const overlays = [
      // The map's own control column on the right (zoom and compass, then export, share and locate) hides what is
      // under it as much as a panel does.
      ...document.querySelectorAll<HTMLElement>(
        '[data-testid="sheet"], [data-testid="feature-card"], [data-testid="welcome"], .overlay > *, .nav-dock, .maplibregl-ctrl-top-right, .export-slot',
      ),
    ]
      .filter((el) => !el.hidden && el.getClientRects().length > 0)
      .map((el) => {
        const r = el.getBoundingClientRect();
        return { what: el.dataset.testid ?? el.className, left: r.left, top: r.top, right: r.right, bottom: r.bottom };
      });
    return { points, canvas: { left: canvas.left, top: canvas.top, right: canvas.right, bottom: canvas.bottom }, overlays };
  });
}

/** The overlays a point lies under (a few pixels of slack at their edges), or that it is off the map. */
function hidden(state: NonNullable<Awaited<ReturnType<typeof selectionAndClear>>>): string[] {
  const out: string[] = [];
  for (const p of state.points) {
    const { canvas } = state;
    if (p.x < canvas.left || p.x > canvas.right || p.y < canvas.top || p.y > canvas.bottom) out.push(`off the map at ${Math.round(p.x)},${Math.round(p.y)}`);
    for (const o of state.overlays) if (p.x > o.left + 2 && p.x < o.right - 2 && p.y > o.top + 2 && p.y < o.bottom - 2) out.push(`under ${o.what}`);
  }
  return out;
}

describe('the first minute (production build)', () => {
  for (const [size, viewport] of SIZES)
    for (const lang of ['zh', 'en'] as const)
      it(`greets a first visit (${size}, ${lang}): what this is, whose plan, the tour and the main tasks; then never again`, async () => {
        const { page, problems } = await openPage(suite, `?lang=${lang}`, viewport, { greet: true });
        const welcome = page.getByTestId('welcome');
        await welcome.waitFor();
        const text = (await welcome.textContent()) ?? '';
        expect(text).toContain(lang === 'zh' ? '杨府发〔2024〕12号' : 'Yangpu District Government');
        expect(text).toContain(lang === 'zh' ? '行动方案' : 'action plan');
        // The map no longer opens on the data's caveats: they are in the legend and in About.
        expect(await page.getByTestId('data-notice').count()).toBe(0);
        expect(await page.locator('.overlay').textContent()).not.toMatch(lang === 'zh' ? /示意带|虚线框/ : /schematic band|dashed boxes/);
        const errands = await welcome.getByRole('button').allTextContents();
        expect(errands).toEqual(
          lang === 'zh'
            ? ['×', '开始导览', '浏览功能区', '寻找空间', '跟踪方案进展']
            : ['×', 'Take the tour', 'Explore the zones', 'Find space', 'Follow the plan'],
        );
        // Nothing of the welcome is cut off: it fits its box and the screen.
        const fits = await welcome.evaluate((el) => {
          const r = el.getBoundingClientRect();
          return el.scrollHeight <= el.clientHeight + 1 && r.bottom <= innerHeight && r.right <= innerWidth && r.top >= 0;
        });
        expect(fits).toBe(true);
        expect(await axeSerious(page)).toEqual([]);
        await page.screenshot({ path: screenshotPath(`first-screen-${size}-${lang}`) });

        // Nothing on the first screen is in the other language.
        expect(await languageLeaks(page.locator('body'))).toEqual([]);

        // Each errand is one tap away, opens its panel with the focus in it, and dismisses the welcome for good
        // (one errand per page size and language, so that all four are tried).
        const errand = ERRANDS[`${size}-${lang}`]!;
        await welcome.getByRole('button', { name: errand.button }).click();
        await page.locator(`#tabpanel-${errand.panel}`).waitFor({ timeout: 20_000 });
        if (errand.panel !== 'tour') await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe(`tabpanel-${errand.panel}`);
        expect(await welcome.count()).toBe(0);
        expect(await page.evaluate(() => localStorage.getItem('yangpu:welcomed'))).toBe('1');
        await page.reload();
        await page.getByTestId('map').waitFor();
        await page.waitForFunction(() => (window as unknown as MapHandle).__yangpu?.map.loaded());
        expect(await page.getByTestId('welcome').count()).toBe(0);
        expect(problems.errors).toEqual([]);
        await page.close();
      });

  it('dismisses the welcome with Escape (phone and desktop, zh and en)', async () => {
    const { page } = await openPage(suite, '?lang=zh', DESKTOP, { greet: true });
    const welcome = page.getByTestId('welcome');
    // The first visit's welcome, then (on the same page, turned narrow, then English, then wide again) the welcome
    // brought back as a first visit would see it: the greetings of each size and language are tested above.
    for (const [viewport, lang] of [
      [DESKTOP, 'zh'],
      [PHONE, 'zh'],
      [PHONE, 'en'],
      [DESKTOP, 'en'],
    ] as const) {
      const where = `${viewport.width}px, ${lang}`;
      await page.setViewportSize(viewport);
      if (lang === 'en' && (await page.evaluate(() => document.documentElement.lang)).startsWith('zh'))
        await page.getByRole('button', { name: '切换到英文' }).click();
      if ((await welcome.count()) === 0)
        await page.evaluate(() => {
          localStorage.removeItem('yangpu:welcomed');
          (window as unknown as { __yangpu: { app: { welcome: boolean } } }).__yangpu.app.welcome = true;
        });
      await welcome.getByRole('button', { name: lang === 'zh' ? '开始导览' : 'Take the tour' }).focus();
      // On a phone the welcome sits along the bottom of the map; on a desktop in its top-left corner.
      await expect.poll(async () => (await welcome.boundingBox())!.y > viewport.height / 2, { message: where }).toBe(viewport === PHONE);
      await page.keyboard.press('Escape');
      expect(await welcome.count(), where).toBe(0);
      expect(await page.evaluate(() => localStorage.getItem('yangpu:welcomed')), where).toBe('1');
    }
    await page.close();
  });

  for (const [size, viewport, lang] of [
    ['phone', PHONE, 'zh'],
    ['phone', PHONE, 'en'],
    ['desktop', DESKTOP, 'zh'],
    ['desktop', DESKTOP, 'en'],
  ] as const)
    it(`keeps About one tap away, with the sources, the licences and the data's caveats (${size}, ${lang})`, async () => {
      const { page, problems } = await shared.visit(`?lang=${lang}`, viewport);
      await page.getByRole('button', { name: lang === 'zh' ? /关于/ : /About/ }).click();
      const about = page.getByRole('region', { name: lang === 'zh' ? '关于' : 'About', exact: true });
      await about.getByRole('heading', { level: 2 }).waitFor();
      const text = (await about.textContent()) ?? '';
      for (const needle of lang === 'zh'
        ? ['黄浦江为示意带', '虚线框', '© OpenStreetMap 贡献者', 'ODbL', 'Apache-2.0', '杨府发〔2024〕12号', 'GCJ-02']
        : ['schematic band', 'dashed boxes', '© OpenStreetMap contributors', 'ODbL', 'Apache-2.0', 'document [2024] No. 12', 'GCJ-02'])
        expect(text).toContain(needle);
      expect(await axeSerious(page, '[data-testid="sheet"]')).toEqual([]);
      await page.screenshot({ path: screenshotPath(`about-${size}-${lang}`) });
      // The legend draws the caveats beside what they qualify.
      await page.getByRole('tab', { name: lang === 'zh' ? '图层' : 'Layers' }).click();
      await page.locator('#tabpanel-layers').getByRole('heading', { level: 2 }).waitFor();
      const legend = (await page.locator('#tabpanel-layers').textContent()) ?? '';
      expect(legend).toContain(lang === 'zh' ? '沿杨浦—浦东区界绘制的示意带' : 'a schematic band along the Yangpu–Pudong boundary');
      expect(legend).toContain(lang === 'zh' ? '仅在这些虚线框内' : 'only inside these boxes');
      // On a wide screen the credits wrap short of the scale bar instead of running under it.
      if (size === 'desktop') {
        const scale = (await page.locator('.maplibregl-ctrl-scale').boundingBox())!;
        const credits = (await page.locator('.maplibregl-ctrl-attrib').boundingBox())!;
        expect(credits.x >= scale.x + scale.width || credits.y + credits.height <= scale.y).toBe(true);
      }
      expect(problems.errors).toEqual([]);
    });

  for (const lang of ['zh', 'en'] as const)
    it(`puts every panel one tap away on a phone, each tab keeping its place (${lang})`, async () => {
      const { page, problems } = await shared.visit(`?lang=${lang}`, PHONE);
      const nav = page.getByTestId('nav');
      const tabs = nav.getByRole('tab');
      const boxes = () => tabs.evaluateAll((els) => els.map((el) => JSON.stringify(el.getBoundingClientRect())));
      const before = await boxes();
      expect(before).toHaveLength(8);
      const names = await tabs.allTextContents();
      for (let i = 0; i < names.length; i++) {
        await tabs.nth(i).click();
        const id = (await tabs.nth(i).getAttribute('id'))!.replace('tab-', '');
        const panel = page.locator(`#tabpanel-${id}`);
        await panel
          .getByRole('heading', { level: 2 })
          .first()
          .waitFor({ timeout: 20_000 })
          .catch(async (e: unknown) => {
            await page.screenshot({ path: screenshotPath(`debug-${id}`) });
            throw e;
          });
        expect(await tabs.nth(i).getAttribute('aria-selected')).toBe('true');
        expect(await boxes()).toEqual(before);
        // The panel's content is not cut off sideways, and the sheet leaves the map a share of the screen.
        const [scroll, client] = await panel.evaluate((el) => [el.scrollWidth, el.clientWidth]);
        expect(scroll, names[i]).toBeLessThanOrEqual(client);
        // Nor does anything in it scroll sideways once its disclosures are open (tables reflow instead).
        const sideways = await panel.evaluate((el) => {
          el.querySelectorAll('details').forEach((d) => (d.open = true));
          return [...el.querySelectorAll<HTMLElement>('*')]
            .filter((c) => c.scrollWidth > c.clientWidth + 1 && /auto|scroll/.test(getComputedStyle(c).overflowX))
            .map((c) => `${c.tagName.toLowerCase()}.${c.className} ${c.scrollWidth}>${c.clientWidth}`);
        });
        expect(sideways, names[i]).toEqual([]);
        // Every control in it, disclosures open, is a 44 px target for a finger (a link inside a sentence aside).
        const small = await panel.evaluate((el) =>
          [...el.querySelectorAll<HTMLElement>('button, input, select, textarea, summary, a[href], [role=tab]')]
            .filter((c) => c.getClientRects().length > 0 && !(c.tagName === 'A' && getComputedStyle(c).display === 'inline'))
            .map((c) => {
              // A checkbox or a radio counts with its whole label row, which is what a finger hits.
              const target = c instanceof HTMLInputElement && /checkbox|radio/.test(c.type) ? (c.closest('label') ?? c) : c;
              const r = target.getBoundingClientRect();
              return {
                what: `${c.tagName} ${c.getAttribute('aria-label') ?? c.textContent?.trim().slice(0, 30)}`,
                w: Math.round(r.width),
                h: Math.round(r.height),
              };
            })
            // A control drawn 1 px wide is a visually hidden input whose label is the target.
            .filter((b) => b.w > 1 && (b.w < 44 || b.h < 44)),
        );
        expect(small, names[i]).toEqual([]);
        await page.screenshot({ path: screenshotPath(`phone-${id}-${lang}`) });
      }
      // Every tab is a 44 px target whose whole name shows.
      const sizes = await tabs.evaluateAll((els) =>
        els.map((el) => {
          const r = el.getBoundingClientRect();
          const label = el.querySelector<HTMLElement>('.label')!;
          return { w: r.width, h: r.height, clipped: label.scrollWidth > label.clientWidth + 1 || label.getBoundingClientRect().right > r.right };
        }),
      );
      expect(sizes.filter((s) => s.w < 44 || s.h < 44 || s.clipped)).toEqual([]);
      expect(problems.errors).toEqual([]);
    });

  for (const lang of ['en', 'zh'] as const)
    it(`pulls a phone's sheet between a peek, half and full height by dragging its grip (${lang})`, async () => {
      const { page, problems } = await shared.visit(`?lang=${lang}&panel=list`, PHONE);
      const sheet = page.getByTestId('sheet');
      const grip = sheet.getByRole('button', { name: lang === 'zh' ? /面板高度/ : /Panel height/ });
      const height = async () => (await sheet.boundingBox())!.height;
      const map = (await page.getByTestId('map').boundingBox())!;
      const half = await height();
      expect(half).toBeGreaterThan(map.height * 0.4);
      expect(half).toBeLessThan(map.height * 0.6);
      const drag = async (toY: number) => {
        const g = (await grip.boundingBox())!;
        await page.mouse.move(g.x + g.width / 2, g.y + 10);
        await page.mouse.down();
        for (let i = 1; i <= 6; i++) await page.mouse.move(g.x + g.width / 2, g.y + 10 + ((toY - g.y - 10) * i) / 6);
        await page.mouse.up();
      };
      await drag(map.y + 40);
      await expect.poll(() => sheet.getAttribute('data-size')).toBe('full');
      await expect.poll(height).toBeGreaterThan(map.height - 2);
      await drag(map.y + map.height - 10);
      await expect.poll(() => sheet.getAttribute('data-size')).toBe('peek');
      await expect.poll(height).toBeLessThan(60);
      expect(await grip.getAttribute('aria-label')).toMatch(lang === 'zh' ? /收起/ : /Collapsed/);
      // At the peek the scale bar and the credits ride above the sheet, and a tap on the credits' (i) reaches it.
      const sheetTop = async () => (await sheet.boundingBox())!.y;
      const bottomOf = async (selector: string) => {
        const b = (await page.locator(selector).boundingBox())!;
        return b.y + b.height;
      };
      await expect.poll(async () => (await bottomOf('.maplibregl-ctrl-attrib')) - (await sheetTop())).toBeLessThanOrEqual(0);
      expect(await bottomOf('.maplibregl-ctrl-scale')).toBeLessThanOrEqual(await sheetTop());
      // The sheet folded them behind the (i) when it came up; a tap on the (i) reaches it and opens them.
      const credits = page.locator('.maplibregl-ctrl-attrib');
      expect(await credits.getAttribute('class')).not.toMatch(/maplibregl-compact-show/);
      await page.locator('.maplibregl-ctrl-attrib-button').click();
      await expect.poll(() => credits.getAttribute('class')).toMatch(/maplibregl-compact-show/);
      expect(await bottomOf('.maplibregl-ctrl-attrib')).toBeLessThanOrEqual(await sheetTop());
      await page.screenshot({ path: screenshotPath(`sheet-peek-credits-${lang}`) });
      await page.locator('.maplibregl-ctrl-attrib-button').click();
      // A tap on a tab brings the panel back up.
      await page
        .getByTestId('nav')
        .getByRole('tab', { name: lang === 'zh' ? '任务' : 'Tasks' })
        .click();
      await expect.poll(() => sheet.getAttribute('data-size')).toBe('half');
      expect(problems.errors).toEqual([]);
    });

  for (const [size, viewport] of SIZES)
    it(`never leaves the selected place under a card, the sheet or a notice (${size}, zh then en)`, async () => {
      const { page, problems } = await shared.visit('?lang=zh&panel=list', viewport);
      if (size === 'phone')
        await page
          .getByTestId('sheet')
          .getByRole('button', { name: /面板高度/ })
          .press('End');
      const clear = async (what: string) => {
        await page.getByTestId('feature-card').waitFor();
        await settle(page);
        expect(hidden((await selectionAndClear(page))!), what).toEqual([]);
      };
      const list = { zh: '列表', en: 'List' };
      // Choose a few places from the list (of what is in view), as a visitor scrolling it would: two in Chinese, then
      // (the card's text, hence its height, changing with the language) the one chosen and another in English.
      for (const [i, lang] of [
        [0, 'zh'],
        [3, 'zh'],
        [6, 'en'],
      ] as const) {
        if (lang === 'en' && (await page.evaluate(() => document.documentElement.lang)).startsWith('zh')) {
          await page.getByRole('button', { name: '切换到英文' }).click();
          await expect.poll(() => page.getByTestId('nav').getByRole('tab', { name: list.en }).count()).toBe(1);
          await clear('the last place, in English');
        }
        await page.getByTestId('nav').getByRole('tab', { name: list[lang] }).click();
        // (A place not chosen already: a tap on the chosen one changes nothing, and on a phone brings no card back.)
        const item = page.locator('#tabpanel-list button:not([aria-current])').nth(i);
        const name = (await item.textContent()) ?? '';
        await item.click();
        await clear(`${name} (${lang})`);
      }
      // A link that selects a place at the edge of the map: the map moves it out from under the card.
      await page.evaluate(() => {
        const { map } = (window as unknown as Handle).__yangpu;
        const c = map.getCanvas();
        map.jumpTo({ center: map.unproject([c.clientWidth * 0.9, c.clientHeight * 0.9]) });
      });
      await page.getByTestId('nav').getByRole('tab', { name: list.en }).click();
      await page.locator('#tabpanel-list').getByRole('button').last().click();
      await clear('at the edge (en)');
      // Moving a place clear leaves no padding on the map (a later fit would add it to its own, and fail).
      expect(await page.evaluate(() => (window as unknown as MapHandle).__yangpu.map.getPadding())).toEqual({ top: 0, bottom: 0, left: 0, right: 0 });
      await page.screenshot({ path: screenshotPath(`selection-clear-${size}`) });
      expect(problems.errors).toEqual([]);
    });

  for (const lang of ['zh', 'en'] as const)
    it(`frames every tour stop clear of the header, the notices and the sheet on a phone (${lang})`, async () => {
      const { page, problems } = await shared.visit(`?lang=${lang}&panel=tour`, PHONE);
      const card = page.getByTestId('tour-card');
      await card.waitFor({ timeout: 20_000 });
      const total = Number(((await card.textContent()) ?? '').match(/\d+ \/ (\d+)/)![1]);
      for (let i = 0; i < total; i++) {
        await settle(page);
        const state = await selectionAndClear(page);
        if (state) expect(hidden(state), `stop ${i + 1}`).toEqual([]);
        // The stop's buttons are in sight, not under the navigation or off the screen.
        const next = page.getByRole('button', { name: lang === 'zh' ? /下一站/ : /Next/ });
        const box = (await next.boundingBox())!;
        const nav = (await page.getByTestId('nav').boundingBox())!;
        expect(box.y + box.height).toBeLessThanOrEqual(nav.y + 1);
        // The stop's text is read whole above its buttons at half height, not under them (English comes first, the
        // Chinese original folded; the close button shares the title row).
        expect(await page.getByTestId('sheet').getAttribute('data-size')).toBe('half');
        const [textEnd, buttonsTop] = await card.evaluate((el) => {
          const lines = [...el.querySelectorAll('h3, .text, summary')].map((e) => e.getBoundingClientRect().bottom);
          return [Math.max(...lines), el.parentElement!.querySelector('.controls')!.getBoundingClientRect().top];
        });
        expect(textEnd, `stop ${i + 1}`).toBeLessThanOrEqual(buttonsTop + 1);
        await page.screenshot({ path: screenshotPath(`tour-phone-${lang}-${i + 1}`) });
        if (i === total - 1) break;
        // The next stop's flight starts after the click's update: wait for its request before waiting for the map.
        const seq = await page.evaluate(() => (window as unknown as CameraHandle).__yangpu.app.camera?.seq ?? 0);
        await next.click();
        await page.waitForFunction((s) => ((window as unknown as CameraHandle).__yangpu.app.camera?.seq ?? 0) > s, seq);
      }
      expect(problems.errors).toEqual([]);
    });
});
