import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, openPage, screenshotPath, settle, useBrowserSuite, watchProblems, waitForIdle } from './harness.ts';

const suite = useBrowserSuite();
const OPERATOR_CSV = resolve(ROOT, 'tests/fixtures/listings/browser/operator-gcj02.csv');

// What the policy must never allow, in the header and in the <meta> (both are enforced, so both must be strict).
function assertStrict(policy: string): void {
  const directives = new Map(
    policy
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((d) => d[0])
      .map((d) => [d[0]!.toLowerCase(), d.slice(1)] as const),
  );
  const scripts = directives.get('script-src') ?? directives.get('default-src') ?? [];
  expect(scripts).toContain("'self'");
  expect(scripts).not.toContain("'unsafe-inline'");
  expect(scripts).not.toContain("'unsafe-eval'");
  expect(scripts).not.toContain('data:');
  expect(scripts).not.toContain('blob:');
  expect(directives.get('worker-src') ?? scripts).not.toContain('blob:');
  expect(directives.get('connect-src')).toEqual(["'self'"]);
  expect(directives.get('object-src')).toEqual(["'none'"]);
  expect(directives.get('style-src') ?? []).not.toContain("'unsafe-inline'");
  expect(policy).not.toMatch(/https?:|\*/);
}

describe('strict Content-Security-Policy (production build)', () => {
  it('ships a strict policy as a header and as a <meta>, and the header carries frame-ancestors', async () => {
    const res = await fetch(suite.server.url);
    // Two policies, both enforced (a host joins the CSP of each rule a path matches with a comma): the site's, and
    // the page's frame-ancestors alone (tests/browser/embed.test.ts frames the pages).
    const [header = '', framing, ...more] = (res.headers.get('content-security-policy') ?? '').split(/\s*,\s*/);
    expect(more).toEqual([]);
    assertStrict(header);
    expect(framing).toBe("frame-ancestors 'none'");
    const html = await res.text();
    const meta = /<meta http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)?.[1] ?? '';
    assertStrict(meta);
    // The <meta> comes before every script and stylesheet of the page, or they would load unchecked.
    expect(html.indexOf('Content-Security-Policy')).toBeLessThan(html.search(/<script|<link rel="(stylesheet|modulepreload)"/));
    // Assets carry the site's policy too (the map's worker is a document of its own), and so does the embed page.
    const worker = /assets\/[^"]+\.js/.exec(html)?.[0];
    expect(worker).toBeTruthy();
    expect((await fetch(`${suite.server.url}${worker}`)).headers.get('content-security-policy')).toBe(header);
    const embed = await fetch(`${suite.server.url}embed.html?embed=map`);
    expect(embed.headers.get('content-security-policy')).toBe(`${header}, frame-ancestors *`);
    expect(/<meta http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(await embed.text())?.[1]).toBe(meta);
  });

  it('walks every tab, search, a card, the PNG export, the dashboard, an investors’ import and the monitor without a violation', async () => {
    const { page, problems } = await openPage(suite, '?lang=en');
    page.context().setDefaultTimeout(30_000);

    // Every tab of the sheet, each given time to draw what it shows (charts, lists, its map layers).
    const tabs = page.getByRole('tablist').getByRole('tab');
    const names = await tabs.allTextContents();
    expect(names.length).toBeGreaterThanOrEqual(8);
    for (const name of names) {
      await page.getByRole('tab', { name, exact: true }).click();
      await page.getByRole('tabpanel').waitFor();
      if (name === 'Analysis') {
        await page.getByTestId('analysis-panel').locator('figure svg').first().waitFor({ timeout: 60_000 });
      }
      if (name === 'Space') {
        await expect.poll(() => page.getByTestId('invest-count').textContent(), { timeout: 30_000 }).toMatch(/listings match/);
      }
      if (name === 'Monitor') await page.getByTestId('monitor-panel').waitFor();
      await waitForIdle(page);
    }
    await page.screenshot({ path: screenshotPath('csp-monitor') });

    // An investors' import through the file picker, read and placed.
    await page.getByRole('tab', { name: 'Space', exact: true }).click();
    await page.getByTestId('invest-file').setInputFiles(OPERATOR_CSV);
    const review = page.getByTestId('invest-panel').getByRole('region', { name: /Check operator-gcj02\.csv/ });
    await review.waitFor();
    await review.getByRole('button', { name: 'Import', exact: true }).click();
    await page.getByTestId('import-report').waitFor();

    // Search, then the place's card.
    const box = page.getByRole('combobox', { name: 'Search places' });
    await box.fill('Fudan');
    await expect.poll(() => page.getByRole('option').count()).toBeGreaterThan(0);
    await box.press('Enter');
    await page.getByRole('region', { name: /Fudan/ }).first().waitFor();
    await settle(page);

    // The PNG export (canvas read-back, fonts and the legend drawn into an image).
    await page.getByRole('button', { name: 'Close the panel' }).click();
    const exportButton = page.getByRole('button', { name: 'Export PNG', exact: true });
    await expect.poll(() => exportButton.isEnabled()).toBe(true);
    const [download] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), exportButton.click()]);
    expect(download.suggestedFilename()).toMatch(/\.png$/);

    // Chinese, for the other font and labels.
    await page.getByRole('button', { name: /中文/ }).click();
    await waitForIdle(page);
    await page.screenshot({ path: screenshotPath('csp-walk') });
    expect(problems.errors).toEqual([]);
    await page.close();
  }, 300_000);

  it('would notice a violation: an injected inline script is refused and reported', async () => {
    const page = await suite.browser.newPage();
    const problems = watchProblems(page, suite.server.url.replace(/\/$/, ''));
    await page.goto(`${suite.server.url}?lang=en`);
    await waitForIdle(page);
    const ran = await page.evaluate(() => {
      const s = document.createElement('script');
      s.textContent = 'window.__injected = true';
      document.head.append(s);
      return new Promise<boolean>((done) => setTimeout(() => done(Boolean((window as unknown as { __injected?: boolean }).__injected)), 300));
    });
    expect(ran).toBe(false);
    await expect.poll(() => problems.errors.filter((e) => /Content Security Policy|CSP violation/.test(e)).length).toBeGreaterThan(0);
    await page.close();
  });
});
