import { describe, expect, it } from 'vitest';
import { openPage, useBrowserSuite, waitForIdle } from './harness.ts';

const suite = useBrowserSuite();

// The harness forgives a cancelled request only when the page it belonged to was left; these tests keep that
// forgiveness from growing into blindness.
describe('the problem watcher of the browser tests', () => {
  it('reports a request the page itself cancelled, and forgives one a reload dropped', async () => {
    const { page, problems } = await openPage(suite, '?lang=en');
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
    } finally {
      suite.server.setFault(null);
      await page.close();
    }
  }, 120_000);
});
