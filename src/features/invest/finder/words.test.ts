import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { PlanOutputCollection } from '../../../lib/data/plan-schema.ts';
import type { SearchEntry } from '../../../lib/search/types.ts';
import type { Listing } from '../types.ts';
import { explainListing, finderContext, nearChoices, planWordHeading, planWordQuote, planWordWhy } from './explain.ts';
import { planWords } from './words.ts';

// The plan's words come from the real plan data, as the site serves it.
const ROOT = resolve(import.meta.dirname, '../../../..');
const plan = JSON.parse(readFileSync(resolve(ROOT, 'public/data/plan.geojson'), 'utf8')) as PlanOutputCollection;
const places = JSON.parse(readFileSync(resolve(ROOT, 'public/data/search.json'), 'utf8')) as SearchEntry[];
const context = finderContext(plan, places);
const at = (id: string) => {
  const f = plan.features.find((x) => x.properties.id === id)!;
  const [lon, lat] = (f.geometry as { coordinates: number[] }).coordinates;
  return { lon: lon!, lat: lat! };
};

const listing = (over: Partial<Listing>): Listing => ({
  id: 'inv:1',
  inventoryId: 'inv',
  name: 'X',
  areaM2: 500,
  spaceType: 'office',
  industries: [],
  source: 'test',
  lon: 121.5305,
  lat: 31.269,
  sample: false,
  ...over,
});
// 互联宝地: inside 杨数浦, far from every science park and platform.
const IN_YSP = { lon: 121.5305, lat: 31.269 };
const keyOf = (w: { placeId: string; task: number }) => `${w.placeId}#${w.task}`;

describe('the plan’s words for a listing', () => {
  it('quotes task 18 for a listing inside 杨数浦 wanting AI, and says the plan names AI for the zone', () => {
    const words = planWords(listing(IN_YSP), { industry: 'ai' }, context);
    expect(words.map(keyOf)).toEqual(['zone-yangshupu-belt#18']);
    expect(words[0]!.quote_zh).toContain('培育壮大以人工智能');
    expect(words[0]!.industries).toEqual(['ai']);
    expect(planWordWhy('en', words[0]!)).toBe(
      'Yang-Shu-Pu innovation show belt: the listing lies inside this zone, for which the plan names Artificial intelligence.',
    );
    expect(planWordHeading('zh', words[0]!)).toMatch(/^任务18：/);
    // English readers get the gloss, with the Chinese original beside it; Chinese readers the plan's words alone.
    const en = planWordQuote('en', words[0]!);
    expect(en.text).toMatch(/^integrate the Yangpu riverside/);
    expect(en.original).toContain('培育壮大以人工智能');
    expect(planWordQuote('zh', words[0]!)).toEqual({ text: words[0]!.quote_zh, original: null });
  });

  it('gives a zone’s first task, naming no industry, when none of its tasks names the one asked for', () => {
    const words = planWords(listing(IN_YSP), { industry: 'fintech' }, context);
    expect(words.map(keyOf)).toEqual(['zone-yangshupu-belt#7']);
    expect(words[0]!.industries).toEqual([]);
    expect(planWordWhy('zh', words[0]!)).toBe('“杨数浦”创新秀带：房源位于该功能区内。');
  });

  it('quotes task 11 of 上海财经大学国家大学科技园 for fintech near it, and nothing of it for AI', () => {
    const here = listing({ ...at('sp-sufe'), lon: at('sp-sufe').lon + 0.002 });
    const fintech = planWords(here, { industry: '金融科技' }, context).filter((w) => w.placeId === 'sp-sufe');
    expect(fintech.map((w) => [w.task, w.why])).toEqual([[11, 'industry']]);
    expect(fintech[0]!.quote_zh).toContain('金融科技企业集聚');
    expect(planWords(here, { industry: 'ai' }, context).some((w) => w.placeId === 'sp-sufe')).toBe(false);
  });

  it('quotes the place asked to be near only when the listing is within the radius', () => {
    const here = listing({ ...at('pf-nttc-east'), lat: at('pf-nttc-east').lat + 0.005 });
    const near = planWords(here, { near: { id: 'pf-nttc-east', radiusM: 1000 } }, context).filter((w) => w.placeId === 'pf-nttc-east');
    expect(near.map((w) => [w.task, w.why])).toEqual([[13, 'near']]);
    expect(planWords(here, { near: { id: 'pf-nttc-east', radiusM: 300 } }, context).some((w) => w.placeId === 'pf-nttc-east')).toBe(false);
  });

  it('quotes task 12 of a nearby incubator for seats, not for an office', () => {
    const here = { ...at('inc-yangpu-business-incubation-center') };
    const seats = planWords(listing({ ...here, spaceType: 'incubator_desk' }), {}, context).filter((w) => w.why === 'incubator');
    expect(seats.map((w) => [w.placeId, w.task])).toEqual([['inc-yangpu-business-incubation-center', 12]]);
    expect(planWords(listing({ ...here, spaceType: 'office' }), {}, context).some((w) => w.why === 'incubator')).toBe(false);
  });

  it('with no needs, speaks of the listing’s place and its own industries only', () => {
    const ai = explainListing(listing({ ...IN_YSP, industries: ['人工智能'] }), context);
    expect(ai.outcomes).toEqual([]);
    expect(ai.words.map(keyOf)).toEqual(['zone-yangshupu-belt#18']);
    // Outside both zones and far from every place of the plan: nothing to quote.
    expect(planWords(listing({ lon: 121.44, lat: 31.36, industries: ['人工智能'] }), {}, context)).toEqual([]);
  });

  it('offers the located science parks and platforms as places to be near', () => {
    const ids = nearChoices(context).map((p) => p.id);
    expect(ids).toContain('sp-fudan');
    expect(ids).toContain('pf-nttc-east');
    expect(ids.some((id) => id.startsWith('zone-') || id.startsWith('inc-'))).toBe(false);
    expect(ids.indexOf('sp-fudan')).toBeLessThan(ids.indexOf('pf-nttc-east'));
  });
});
