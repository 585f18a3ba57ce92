import { describe, expect, it } from 'vitest';
import { newOwnedPage, useBrowserSuite, waitForIdle, watchProblems } from './harness.ts';

const suite = useBrowserSuite();

// The harness forgives a cancelled request only when the page it belonged to was left; these tests keep that
// forgiveness from growing into blindness.
describe('the problem watcher of the browser tests', () => {
  it('reports a request the page itself cancelled, and forgives one a reload dropped', async () => {
    // Without the service worker, which would answer the reloads from its cache and not wait for the held page.
    const page = await newOwnedPage(suite.browser, { serviceWorkers: 'block' });
    const problems = watchProblems(page, suite.server.url.replace(/\/$/, ''));
    await page.goto(`${suite.server.url}?lang=en`);
    await waitForIdle(page);
    suite.server.setFault((req) => (new URL(req.url!, 'http://x').pathname === '/data/slow.json' ? { delayMs: 5_000 } : null));
    try {
      await page.evaluate(async () => {
        const ctrl = new AbortController();
        const pending = fetch('data/slow.json?own', { signal: ctrl.signal }).catch(() => undefined);
        setTimeout(() => ctrl.abort(), 200);
        await pending;
      });
      await expect.poll(() => problems.errors).toEqual([expect.stringMatching(/request failed: .*slow\.json\?own net::ERR_ABORTED/)]);

      problems.errors.length = 0;
      const issued = page.waitForRequest(/slow\.json\?reload/);
      await page.evaluate(() => void fetch('data/slow.json?reload').catch(() => undefined));
      await issued;
      await page.reload();
      // The dropped request's event arrives long before the reloaded map is idle.
      await waitForIdle(page);
      expect(problems.errors).toEqual([]);

      // The old document still runs until the new one's answer arrives, and what it sends meanwhile is dropped at
      // the commit: forgiven too, though it was sent after the reload began (the page is held for 1.5 s).
      suite.server.setFault((req) => {
        const path = new URL(req.url!, 'http://x').pathname;
        return path === '/data/slow.json' ? { delayMs: 5_000 } : path === '/' || path === '/index.html' ? { delayMs: 1_500 } : null;
      });
      // The old document sends it half a second into the reload (Playwright cannot evaluate in a page whose
      // navigation is pending, so the page schedules it itself).
      await page.evaluate(() => void setTimeout(() => void fetch('data/slow.json?late').catch(() => undefined), 500));
      const order: string[] = [];
      page.on('request', (r) => {
        if (r.isNavigationRequest()) order.push('navigation');
        else if (r.url().includes('slow.json?late')) order.push('late');
      });
      const reloaded = page.reload();
      await reloaded;
      expect(order).toEqual(['navigation', 'late']);
      await waitForIdle(page);
      expect(problems.errors).toEqual([]);

      // A page's own history.replaceState is no new document: what it cancels afterwards is still reported.
      await page.evaluate(async () => {
        const ctrl = new AbortController();
        const pending = fetch('data/slow.json?after-replace', { signal: ctrl.signal }).catch(() => undefined);
        history.replaceState(null, '', `${location.pathname}${location.search}#moved`);
        setTimeout(() => ctrl.abort(), 200);
        await pending;
      });
      await expect.poll(() => problems.errors).toEqual([expect.stringMatching(/request failed: .*slow\.json\?after-replace net::ERR_ABORTED/)]);
    } finally {
      suite.server.setFault(null);
      await page.close();
    }
  }, 120_000);
});
