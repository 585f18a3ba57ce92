import gcoord from 'gcoord';
import { describe, expect, it } from 'vitest';
import { axeSerious, openPage, useBrowserSuite } from './harness.ts';

const suite = useBrowserSuite();

describe('navigate there (production build)', () => {
  it('opens on a phone’s place card: five 44 px links in new tabs, the position converted per service, axe clean', async () => {
    const { page, problems } = await openPage(suite, '?lang=zh&sel=plan:sp-fudan', { width: 390, height: 844 });
    const card = page.getByTestId('feature-card');
    const nav = card.getByTestId('navigate');
    await nav.locator('summary').click();
    const links = nav.locator('a');
    await expect.poll(() => links.count(), { timeout: 10_000 }).toBe(5);
    await nav.scrollIntoViewIfNeeded();
    expect(await nav.getByTestId('navigate-indicative').textContent()).toMatch(/示意.*±\d+ 米/);

    const found = await links.evaluateAll((as) =>
      as.map((a) => {
        const r = a.getBoundingClientRect();
        return { href: (a as HTMLAnchorElement).href, target: a.getAttribute('target'), rel: a.getAttribute('rel'), w: r.width, h: r.height };
      }),
    );
    for (const l of found) {
      expect(l).toMatchObject({ target: '_blank', rel: 'noopener noreferrer' });
      expect(Math.min(l.w, l.h)).toBeGreaterThanOrEqual(44);
    }
    // The place as the build's data holds it (WGS-84), against what Amap and Baidu are sent.
    const point = await page.evaluate(async () => {
      const plan = (await (await fetch('/data/plan.geojson')).json()) as { features: { properties: { id: string }; geometry: { coordinates: number[] } }[] };
      return plan.features.find((f) => f.properties.id === 'sp-fudan')!.geometry.coordinates;
    });
    const amap = new URL(found[0]!.href).searchParams.get('position')!.split(',').map(Number);
    const baidu = new URL(found[1]!.href).searchParams.get('location')!.split(',').map(Number);
    const gcj = gcoord.transform([point[0]!, point[1]!], gcoord.WGS84, gcoord.GCJ02);
    const bd = gcoord.transform([point[0]!, point[1]!], gcoord.WGS84, gcoord.BD09);
    expect(Math.abs(amap[0]! - gcj[0]) + Math.abs(amap[1]! - gcj[1])).toBeLessThan(2e-6);
    expect(Math.abs(baidu[1]! - bd[0]) + Math.abs(baidu[0]! - bd[1])).toBeLessThan(2e-6);

    expect(await axeSerious(page, '[data-testid="feature-card"]')).toEqual([]);
    expect(problems.errors).toEqual([]);
  });
});
