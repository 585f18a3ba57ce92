import type { Page } from 'playwright-core';
import { beforeEach, describe, expect, it } from 'vitest';
import { countDraws } from '../../scripts/bench/hook.ts';
import { drawnAt, holdBack, isChunk, newOwnedPage, screenshotPath, useBrowserSuite, waitForIdle, watchProblems, type PageProblems } from './harness.ts';

/*
 * The features' definitions (their rows, states and link codecs: src/features/<f>/def.ts) are chunks the first view
 * does without (AppState.loadFeatures): fetched after the map's first idle, or at once when a link names a feature;
 * and a press on a feature's button before they come still does what it says.
 */

const suite = useBrowserSuite();
beforeEach(() => suite.server.setFault(null));

const HERE = { longitude: 121.50437, latitude: 31.29862, accuracy: 25 };

/** An init script: `setup` (script text) at once, then `onMap` (script text, `map` in scope) the moment the app hands out its map (window.__yangpu). */
const whenMapMade = (onMap: string, setup = '') => `
  ${setup}
  let handle;
  Object.defineProperty(window, '__yangpu', {
    configurable: true,
    get: () => handle,
    set: (value) => {
      handle = value;
      const map = value.map;
      ${onMap}
    },
  });
`;

// When the map's first `idle` fired, in the page's clock: the listener is added the moment the app hands out its map,
// so it runs in the same dispatch as the app's own first-idle listener, before anything that listener starts.
const FIRST_IDLE_CLOCK = whenMapMade(`map.once('idle', () => (window.__firstIdleAt = performance.now()));`);

type Handle = { __firstIdleAt?: number; __yangpu: { app: { featuresComplete: boolean; registry: { id: string }[]; toLink(): Record<string, unknown> } } };

async function open(path: string, options: { geolocation?: typeof HERE } = {}): Promise<{ page: Page; problems: PageProblems }> {
  const page = await newOwnedPage(suite.browser, {
    viewport: { width: 1280, height: 800 },
    ...(options.geolocation ? { geolocation: options.geolocation, permissions: ['geolocation'] } : {}),
  });
  await page.addInitScript({ content: FIRST_IDLE_CLOCK });
  const problems = watchProblems(page, suite.server.url.replace(/\/$/, ''));
  await page.goto(`${suite.server.url}${path}`);
  return { page, problems };
}

/** When each feature definition's request started, and when the first idle came, in the page's clock. */
function timeline(page: Page) {
  return page.evaluate((pattern) => {
    const re = new RegExp(pattern);
    const starts = performance
      .getEntriesByType('resource')
      .filter((e) => re.test(new URL(e.name).pathname))
      .map((e) => e.startTime);
    return { starts, idle: (window as unknown as Handle).__firstIdleAt ?? null };
  }, '/assets/def-[^/]*\\.js$');
}

const complete = (page: Page) => page.evaluate(() => (window as unknown as Handle).__yangpu.app.featuresComplete);

describe('the features after the first view (production build)', () => {
  it('fetches no feature definition before the first idle; then the features, their rows and their layers come', async () => {
    const { page, problems } = await open('?lang=en');
    await waitForIdle(page);
    await expect.poll(() => complete(page), { timeout: 15_000 }).toBe(true);
    const { starts, idle } = await timeline(page);
    expect(idle).not.toBeNull();
    // Five features, five definitions, each fetched after the first view was drawn.
    expect(starts).toHaveLength(5);
    expect(starts.filter((t) => t < idle!)).toEqual([]);
    // Their rows join the layer panel, and their layers the style.
    await expect.poll(() => page.getByRole('tabpanel').textContent()).toContain('Sample listings');
    await expect
      .poll(() =>
        page.evaluate(
          () => (window as unknown as { __yangpu: { map: import('maplibre-gl').Map } }).__yangpu.map.getLayer('listings-sample-point') !== undefined,
        ),
      )
      .toBe(true);
    expect(problems.errors).toEqual([]);
    await page.close();
  });

  it('defines the features a link names before the first idle, and keeps the link as it was written', async () => {
    const { page, problems } = await open('?lang=en&panel=invest&lsqm=100-500&ltype=office');
    await waitForIdle(page);
    const { starts, idle } = await timeline(page);
    expect(starts.length).toBe(5);
    expect(starts.filter((t) => t > idle!)).toEqual([]);
    const link = await page.evaluate(() => (window as unknown as Handle).__yangpu.app.toLink().invest);
    expect(link).toEqual({ filters: { areaMin: 100, areaMax: 500, types: ['office'] } });
    const search = new URL(page.url()).searchParams;
    expect([search.get('lsqm'), search.get('ltype'), search.get('panel')]).toEqual(['100-500', 'office', 'invest']);
    await expect.poll(() => page.getByRole('tabpanel').textContent(), { timeout: 15_000 }).toContain('Sample listings');
    expect(problems.errors).toEqual([]);
    await page.close();
  });

  it('a press on "near me" before the definitions come asks for the position once they do', async () => {
    const release = holdBack(suite.server, (url) => isChunk(url, 'def'));
    const { page, problems } = await open('?lang=en', { geolocation: HERE });
    await page.getByTestId('control-near').click();
    await page.waitForFunction(() => Boolean((window as unknown as Partial<Handle>).__yangpu), null, { timeout: 30_000 });
    expect(await complete(page)).toBe(false);
    // The panel says it is coming meanwhile, in the reader's language.
    await expect.poll(() => page.getByTestId('sheet').textContent()).toContain('Loading…');
    release();
    const status = page.getByTestId('near-status');
    await expect.poll(() => status.getAttribute('data-status'), { timeout: 15_000 }).toBe('located');
    await page.screenshot({ path: screenshotPath('near-before-definitions-en') });
    expect(problems.errors).toEqual([]);
    await page.close();
  });

  it('answers a click on the map made before its pointer code came, once it has', async () => {
    const release = holdBack(suite.server, (url) => isChunk(url, 'pointer'));
    const { page, problems } = await open('?lang=en');
    await waitForIdle(page);
    // Fudan's national university science park, where the map draws it.
    const point = await drawnAt(page, 'science-parks-circle', 'sp-fudan');
    await page.mouse.click(point.x, point.y);
    const card = page.getByRole('region', { name: /Fudan University National University Science Park/ });
    expect(await card.count()).toBe(0);
    release();
    await expect.poll(() => card.isVisible(), { timeout: 15_000 }).toBe(true);
    expect(page.url()).toContain('sel=plan:sp-fudan');
    expect(problems.errors).toEqual([]);
    await page.close();
  });

  it('a definition that cannot be downloaded is said in the panel and the status line; the map and the core panels work', async () => {
    suite.server.setFault((req) => (isChunk(req.url, 'def') ? { status: 404 } : null));
    const { page, problems } = await open('?lang=zh');
    await waitForIdle(page);
    await expect.poll(() => page.getByRole('status').filter({ hasText: '数据加载失败' }).count(), { timeout: 10_000 }).toBe(1);
    await page.getByRole('tab', { name: '招商' }).click();
    await expect.poll(() => page.getByRole('tabpanel').getByRole('alert').textContent(), { timeout: 15_000 }).toMatch(/数据加载失败/);
    await page.getByRole('tab', { name: '任务' }).click();
    await expect.poll(async () => ((await page.getByRole('tabpanel').textContent()) ?? '').length).toBeGreaterThan(50);
    expect(await complete(page)).toBe(false);
    // Nothing failed but the definitions.
    expect(problems.errors.filter((e) => !/\/assets\/def-|404|dynamically imported module/i.test(e))).toEqual([]);
    await page.close();
  });
});

// Every frame the map ends (its `render` event) and whether it issued draw calls; for those that did, whether the
// map's sources were loaded then. Draw calls are counted as the bench counts them (scripts/bench/hook.ts).
const FRAME_LOG = whenMapMade(
  `
  const loaded = (id) => (map.getSource(id) ? map.isSourceLoaded(id) : null);
  let before = counter.draws;
  map.on('render', () => {
    const drew = counter.draws > before;
    before = counter.draws;
    if (drew) frames.push({ at: performance.now(), all: map.loaded(), basemap: loaded('basemap'), plan: loaded('plan') });
  });
`,
  `
  const counter = { draws: 0 };
  ${countDraws('counter')}
  const frames = (window.__frames = []);
`,
);

type Frame = { at: number; all: boolean; basemap: boolean | null; plan: boolean | null };
const drawnFrames = (page: Page) => page.evaluate(() => (window as unknown as { __frames: Frame[] }).__frames);

describe('the first view drawn whole (production build)', () => {
  async function openLogged(path: string) {
    const page = await newOwnedPage(suite.browser, { viewport: { width: 1280, height: 800 } });
    await page.addInitScript({ content: FRAME_LOG });
    await page.goto(`${suite.server.url}${path}`);
    return page;
  }

  it('draws nothing until the basemap and the plan are both there, then both in one frame', async () => {
    const page = await openLogged('?lang=en');
    await waitForIdle(page);
    const frames = await drawnFrames(page);
    expect(frames.length).toBeGreaterThan(0);
    // The first frame that drew anything is the first view whole: every source loaded, the basemap and the plan.
    expect(frames[0]).toMatchObject({ all: true, basemap: true, plan: true });
    // And the plan is on the map: its places are drawn at the first idle.
    const plan = await page.evaluate(
      () =>
        (window as unknown as { __yangpu: { map: import('maplibre-gl').Map } }).__yangpu.map.queryRenderedFeatures().filter((f) => f.source === 'plan').length,
    );
    expect(plan).toBeGreaterThan(0);
    await page.close();
  });

  it('a late plan does not hold the basemap back: it is drawn alone, and the plan joins it when it comes', async () => {
    const release = holdBack(suite.server, (url) => new URL(url ?? '/', 'http://x').pathname.endsWith('/data/plan.geojson'));
    const page = await openLogged('?lang=en');
    // The basemap is drawn while the plan is still on its way (map/first-frame.ts: LATE_SOURCE_MS after the basemap).
    await expect.poll(async () => (await drawnFrames(page)).some((f) => f.basemap && f.plan === false), { timeout: 20_000 }).toBe(true);
    const first = (await drawnFrames(page))[0]!;
    expect(first).toMatchObject({ all: false, basemap: true, plan: false });
    release();
    await waitForIdle(page);
    await expect.poll(async () => (await drawnFrames(page)).at(-1)).toMatchObject({ all: true, plan: true });
    await page.screenshot({ path: screenshotPath('first-view-late-plan') });
    await page.close();
  });
});
