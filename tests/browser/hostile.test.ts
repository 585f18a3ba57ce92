import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { IncomingMessage } from 'node:http';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, newOwnedPage, ROOT, screenshotPath, waitForIdle, watchDialogs, watchProblems, type PageProblems } from './harness.ts';
import { startServer, type Fault, type TestServer } from './server.ts';

// Issue 8: hostile data everywhere data is shown — the plan's names, sources and URLs in cards, the list, search
// results, unlocated records, imports — is text: no element, no script, no link that runs code, no dialog, no
// request to another host, no page error. The test server swaps the site's data for a hostile copy.

const DIST = resolve(ROOT, process.env.YANGPU_DIST ?? 'dist');

const IMG = '<img src=x onerror=alert(1)>';
const SCRIPT = '<script>alert(2)</script>';
const RLO = '\u202Egnp.exe\u202C';
const TEMPLATE = "{{constructor.constructor('alert(3)')()}}";
const DOLLAR = '${alert(4)}';
const LONG = 'W'.repeat(3000);
const IFRAME = '<iframe src="https://evil.example/frame"></iframe>';
const FOREIGN = 'https://evil.example/track.png';

type Props = Record<string, unknown> & { id: string; source: { text: string; url?: string } };
const read = (p: string) => JSON.parse(readFileSync(resolve(DIST, p), 'utf8')) as unknown;

// The hostile names by plan id, shared by the plan, the search index and the unlocated records.
const NAMES: Record<string, { zh: string; en: string }> = {
  'sp-fudan': { zh: `${IMG}复旦`, en: SCRIPT },
  'zone-future-valley': { zh: `${RLO}未来谷`, en: LONG },
};

function hostilePlan(): string {
  const plan = read('data/plan.geojson') as { features: { properties: Props }[] };
  let incubator = false;
  for (const { properties: p } of plan.features) {
    const name = NAMES[p.id];
    if (name) {
      p.name_zh = name.zh;
      p.name_en = name.en;
    }
    if (p.id === 'sp-fudan') {
      p.summary_zh = IFRAME;
      p.summary_en = `<b onmouseover=alert(5)>bold</b>`;
      p.address_zh = TEMPLATE;
      p.source = { text: '<a href="javascript:alert(6)">source</a>', url: 'javascript:alert(7)' };
      p.industries = ['__proto__', 'constructor', 'toString'];
      p.derivation = DOLLAR;
      p.derivation_zh = DOLLAR;
    }
    if (p.id === 'zone-future-valley') p.source = { text: LONG, url: FOREIGN };
    if (p.class === 'incubator' && !incubator) {
      incubator = true;
      NAMES[p.id] = { zh: TEMPLATE, en: DOLLAR };
      p.name_zh = TEMPLATE;
      p.name_en = DOLLAR;
      p.status = 'constructor';
      p.source = { text: 'data link', url: 'data:text/html,<script>alert(8)</script>' };
    }
  }
  return JSON.stringify(plan);
}

function hostileSearch(): string {
  const entries = read('data/search.json') as (Record<string, unknown> & { id: string; kind: string })[];
  let station = false;
  for (const e of entries) {
    const name = NAMES[e.id.replace(/^plan:/, '')];
    if (name) {
      e.name_zh = name.zh;
      e.name_en = name.en;
    }
    if (e.kind === 'station' && !station) {
      station = true;
      e.name_en = `${IMG} station`;
      e.source = 'javascript:alert(9)';
    }
  }
  return JSON.stringify(entries);
}

function hostileUnlocated(): string {
  const records = read('data/plan-unlocated.json') as Props[];
  const first = records[0]!;
  first.name_zh = `${IMG}交易所`;
  first.name_en = RLO;
  first.source = { text: TEMPLATE, url: 'JaVaScRiPt:alert(10)' };
  return JSON.stringify(records);
}

let server: TestServer;
let browser: Browser;
beforeAll(async () => {
  const bodies: Record<string, Buffer> = {
    '/data/plan.geojson': Buffer.from(hostilePlan()),
    '/data/search.json': Buffer.from(hostileSearch()),
    '/data/plan-unlocated.json': Buffer.from(hostileUnlocated()),
  };
  const hook = (req: IncomingMessage): Fault | null => {
    const body = bodies[new URL(req.url ?? '/', 'http://x').pathname];
    return body ? { corrupt: () => body } : null;
  };
  [server, browser] = await Promise.all([startServer({ root: DIST, fault: hook }), launchBrowser()]);
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function open(path: string): Promise<{ page: Page; problems: PageProblems; dialogs: string[] }> {
  const page = await newOwnedPage(browser, { viewport: { width: 1280, height: 800 } });
  const problems = watchProblems(page, server.url.replace(/\/$/, ''));
  const dialogs = watchDialogs(page);
  await page.goto(`${server.url}${path}`);
  await waitForIdle(page);
  return { page, problems, dialogs };
}

/** Nothing from the data became markup: no injected element, no script link, no handler attribute. */
async function noMarkup(page: Page) {
  expect(await page.locator('img[src="x"]').count()).toBe(0);
  expect(await page.locator('iframe').count()).toBe(0);
  expect(await page.locator('b[onmouseover]').count()).toBe(0);
  expect(await page.locator('a[href^="javascript" i], a[href^="data:" i]').count()).toBe(0);
  expect(await page.locator('script', { hasText: 'alert(' }).count()).toBe(0);
  // The page does not grow sideways for a 3,000-character word.
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= innerWidth)).toBe(true);
}

const card = (page: Page) => page.getByTestId('feature-card');

describe('hostile data (production build, test server)', () => {
  it('the plan’s names, sources and URLs are text in the list, the cards and search, in both languages', async () => {
    const { page, problems, dialogs } = await open('?lang=zh');
    // The list shows the names as written.
    await page.getByRole('tab', { name: '列表' }).click();
    const panel = page.getByRole('tabpanel');
    await expect.poll(() => panel.textContent()).toContain(`${IMG}复旦`);
    expect(await panel.textContent()).toContain(TEMPLATE);
    await noMarkup(page);

    // Its card: the heading is the name, the source is plain text, the script URL no link.
    await panel
      .getByRole('button', { name: `${IMG}复旦` })
      .first()
      .click();
    await expect.poll(() => card(page).getByRole('heading', { level: 2 }).textContent()).toBe(`${IMG}复旦`);
    const text = (await card(page).textContent()) ?? '';
    for (const s of [SCRIPT, IFRAME, TEMPLATE, DOLLAR, '<a href="javascript:alert(6)">source</a>', 'javascript:alert(7)']) expect(text).toContain(s);
    // Industries outside the vocabulary are shown as written, even names of Object's own members.
    for (const s of ['__proto__', 'constructor', 'toString']) expect(text).toContain(s);
    await noMarkup(page);
    await page.screenshot({ path: screenshotPath('hostile-card-zh') });

    // The zone with a bidi override and a 3,000-character English name; its source links to a foreign host
    // that is never fetched (a link, not an image).
    await page.goto(`${server.url}?lang=en&sel=plan:zone-future-valley`);
    await waitForIdle(page);
    await expect.poll(() => card(page).getByRole('heading', { level: 2 }).textContent()).toBe(LONG);
    expect(await card(page).textContent()).toContain(`${RLO}未来谷`);
    const link = card(page).getByRole('link', { name: FOREIGN });
    expect(await link.getAttribute('rel')).toBe('noopener noreferrer');
    const box = await card(page).boundingBox();
    expect(box!.x + box!.width).toBeLessThanOrEqual(1280);
    await noMarkup(page);
    await page.screenshot({ path: screenshotPath('hostile-card-long-en') });

    // The incubator named like a template, with a status named like Object's constructor and a data: URL.
    const id = Object.entries(NAMES).find(([, n]) => n.zh === TEMPLATE)![0];
    await page.goto(`${server.url}?lang=en&sel=plan:${id}`);
    await waitForIdle(page);
    await expect.poll(() => card(page).getByRole('heading', { level: 2 }).textContent()).toBe(DOLLAR);
    const incubatorText = (await card(page).textContent()) ?? '';
    expect(incubatorText).toContain('constructor');
    expect(incubatorText).toContain('data:text/html,<script>alert(8)</script>');
    await noMarkup(page);

    // Search finds the hostile names and shows them as text; choosing one opens its card.
    const search = page.getByRole('combobox');
    await search.fill('alert(2)');
    const option = page.getByRole('option', { name: SCRIPT }).first();
    await option.waitFor();
    await option.click();
    await expect.poll(() => card(page).getByRole('heading', { level: 2 }).textContent()).toBe(SCRIPT);
    await search.fill('station');
    await page
      .getByRole('option', { name: `${IMG} station` })
      .first()
      .click();
    await expect.poll(() => card(page).getByRole('heading', { level: 2 }).textContent()).toBe(`${IMG} station`);
    expect(await card(page).textContent()).toContain('javascript:alert(9)');
    await noMarkup(page);

    expect(dialogs).toEqual([]);
    expect(problems.errors).toEqual([]);
    await page.close();
  }, 300_000);

  it('unlocated records and an imported file with hostile values are text too', async () => {
    const { page, problems, dialogs } = await open('?lang=zh');
    // The places whose location is not published are listed under the layers.
    const unlocated = page.getByTestId('unlocated');
    await unlocated.locator('summary').click();
    await expect.poll(() => unlocated.textContent()).toContain(`${IMG}交易所`);
    expect(await unlocated.textContent()).toContain(RLO);
    await noMarkup(page);

    // The operator's file of hostile rows, through the investors' import.
    await page.getByRole('tab', { name: '招商' }).click();
    await page.getByTestId('invest-file').setInputFiles(resolve(ROOT, 'tests/fixtures/listings/hostile.csv'));
    const invest = page.getByTestId('invest-panel');
    // Nothing in the file tells its coordinate system: the reader chooses (the file is written in WGS-84).
    await invest
      .getByTestId('crs-choice')
      .getByRole('radio', { name: /^WGS-84/ })
      .check();
    await invest.getByRole('button', { name: '导入', exact: true }).click();
    await invest.getByTestId('import-report').waitFor();
    const results = invest.getByTestId('invest-results');
    await expect.poll(() => results.textContent()).toContain('<script>alert(1)</script>');
    expect(await results.textContent()).toContain('Bidi');
    await results.locator('li', { hasText: '<script>alert(1)</script>' }).getByRole('button').first().click();
    const listing = page.getByTestId('listing-card');
    await expect.poll(() => listing.textContent()).toContain(IMG);
    // Its script URL is no web page: not offered as a link (noMarkup checks there is none).
    expect(await listing.getByRole('link').count()).toBe(0);
    await noMarkup(page);
    await page.screenshot({ path: screenshotPath('hostile-import-zh') });

    expect(dialogs).toEqual([]);
    expect(problems.errors).toEqual([]);
    await page.close();
  }, 300_000);
});
