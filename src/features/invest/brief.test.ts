import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { BriefBlock, BriefDoc } from '../../lib/brief/types.ts';
import type { PlanOutputCollection } from '../../lib/data/plan-schema.ts';
import type { TextRun } from '../../lib/import/runs.ts';
import type { SearchEntry } from '../../lib/search/types.ts';
import type { AppState } from '../../lib/state/app.svelte.ts';
import { breaksLanguageRule, expectOneLanguage } from '../../../tests/support/language.ts';
import { investBriefEn, investBriefZh } from './brief-messages.ts';
import { shortlistBrief, siteBrief } from './brief.ts';
import { EMPTY_FINDER, type FinderSpec } from './finder/needs.ts';
import { buildSampleInventory } from './sample.ts';
import type { InvestState } from './state.svelte.ts';
import type { Inventory, Listing } from './types.ts';

// Real data, as the site serves it: the plan's places, the stations of the search index and the team's sample.
const ROOT = resolve(import.meta.dirname, '../../..');
const plan = JSON.parse(readFileSync(resolve(ROOT, 'public/data/plan.geojson'), 'utf8')) as PlanOutputCollection;
const places = JSON.parse(readFileSync(resolve(ROOT, 'public/data/search.json'), 'utf8')) as SearchEntry[];
const sample = buildSampleInventory(readFileSync(resolve(ROOT, 'data/listings/sample.csv'), 'utf8')).inventory;
const app = { plan, places } as unknown as AppState;

/** The investors' state as the builders read it: inventories, shortlist and the finder's needs. */
function stateOf(inventories: Inventory[], { shortlist = [] as string[], finder = EMPTY_FINDER as FinderSpec } = {}): InvestState {
  const byId = new Map(inventories.flatMap((i) => i.listings.map((l) => [l.id, l] as const)));
  return { inventories, shortlist, finder, byId, load: 'ready' } as unknown as InvestState;
}

const byName = (name: string, type?: string): Listing => sample.listings.find((l) => l.name.startsWith(name) && (type === undefined || l.spaceType === type))!;
const runsText = (runs: readonly TextRun[]) => runs.map((r) => r.text).join('');
const section = (doc: BriefDoc, heading: string) => doc.sections.find((s) => s.heading === heading);

/** Every run of a brief, with the language it is marked with (none: the page's). */
function allRuns(doc: BriefDoc): TextRun[] {
  const fromBlock = (b: BriefBlock): TextRun[] => {
    switch (b.type) {
      case 'facts':
        return b.rows.flatMap((r) => [{ text: r.label }, ...r.value]);
      case 'text':
        return b.runs;
      case 'list':
        return b.items.flat();
      case 'quote':
        // The plan's Chinese words are shown marked as Chinese; the gloss is the page's language.
        return [{ text: b.zh, lang: 'zh-Hans' }, ...(b.gloss ? [{ text: b.gloss }] : []), ...(b.place ?? [])];
      case 'checks':
        return b.items.flatMap((i) => i.runs);
      case 'table':
        return [...b.head.map((text) => ({ text })), ...b.rows.flat(2), ...(b.caption ? [{ text: b.caption }] : [])];
    }
  };
  return [
    ...doc.title,
    ...(doc.subtitle ? [{ text: doc.subtitle }] : []),
    ...(doc.map?.caption ? [{ text: doc.map.caption }] : []),
    ...doc.sections.flatMap((s) => [{ text: s.heading }, ...s.blocks.flatMap(fromBlock)]),
    ...doc.sources.flat(),
  ];
}

describe('the site brief', () => {
  const ai: FinderSpec = { needs: { industry: 'ai', areaM2: 1000, metroM: 800, zone: 'ysp' }, must: [], weights: {} };

  it('says the offer, what is near, each need met or missed with its figures, and the plan’s words for the place', () => {
    const l = byName('长阳创谷', 'office');
    const doc = siteBrief(app, stateOf([sample], { finder: ai }), l.id, 'en')!;
    expect(doc.request).toEqual({ kind: 'site', id: l.id });
    expect(runsText(doc.title)).toBe(l.en!.name);
    expect(doc.sample).toBe(true);
    expect(doc.subtitle).toBe('Site brief · Office · 1,800 m²');
    expect(doc.map!.pins).toEqual([{ lon: l.lon, lat: l.lat, label: '1' }]);

    const facts = section(doc, 'The offer')!.blocks[0]!;
    expect(facts.type === 'facts' && facts.rows.map((r) => r.label)).toEqual(expect.arrayContaining(['Floor area', 'Rent', 'Available from', 'Industries']));
    const near = section(doc, 'What is near')!.blocks[0]!;
    expect(near.type === 'facts' && runsText(near.rows[0]!.value)).toMatch(/^.+ · \d+ m$/);

    // Four needs stated, four checks, each with its mark in words; the zone and industry are met here.
    const checks = section(doc, 'Why it fits: each need checked')!.blocks.find((b) => b.type === 'checks')!;
    expect(checks.type === 'checks' && checks.items.length).toBe(4);
    const lines = checks.type === 'checks' ? checks.items.map((i) => runsText(i.runs)) : [];
    expect(lines.find((x) => /Yang-Shu-Pu|Yangshupu/.test(x))).toBeDefined();
    expect(checks.type === 'checks' && checks.items.filter((i) => i.met === true).length).toBeGreaterThanOrEqual(2);

    // Task 18's words for the Yangshupu belt, in English with the plan's Chinese beside them.
    const quotes = section(doc, 'The plan’s words')!.blocks.filter((b) => b.type === 'quote');
    const t18 = quotes.find((q) => q.type === 'quote' && q.task === 18);
    expect(t18?.type === 'quote' && t18.zh).toContain('培育壮大以人工智能');
    expect(t18?.type === 'quote' && t18.gloss).toMatch(/digital-economy chain led by AI/);
  });

  it('without needs, says how to state them and still quotes the plan for the place', () => {
    const l = byName('上海财经大学');
    const doc = siteBrief(app, stateOf([sample]), l.id, 'zh')!;
    const why = section(doc, '为何合适：需求逐条对照')!;
    expect(why.blocks).toEqual([{ type: 'text', runs: [{ text: expect.stringContaining('未填写选址需求') }] }]);
    const quotes = section(doc, '规划原文')!.blocks.filter((b) => b.type === 'quote');
    expect(quotes.some((q) => q.type === 'quote' && q.task === 11 && q.zh.includes('金融科技'))).toBe(true);
    // A Chinese reader gets the plan's own words, no English gloss.
    expect(quotes.every((q) => q.type === 'quote' && q.gloss === undefined)).toBe(true);
  });

  it('leaves the marks to the printed list, and says a place on the spot is under 25 m away, not 0 m', () => {
    const l = byName('复旦大学', 'office');
    const near: FinderSpec = { needs: { near: { id: 'sp-fudan', radiusM: 1500 } }, must: [], weights: {} };
    const doc = siteBrief(app, stateOf([sample], { finder: near }), l.id, 'en')!;
    const checks = section(doc, 'Why it fits: each need checked')!.blocks.find((b) => b.type === 'checks');
    if (checks?.type !== 'checks') throw new Error('no checks');
    expect(checks.items).toEqual([
      {
        met: true,
        runs: [{ text: 'Near a science park or platform (weight 1): under 25 m to Fudan University National University Science Park; asked within 1.5 km' }],
      },
    ]);
  });

  it('is null for a listing this browser does not have', () => {
    expect(siteBrief(app, stateOf([sample]), 'nope:1', 'en')).toBeNull();
  });

  it('keeps a hostile listing’s words as text, marked with their language, and names the file it came from', () => {
    const hostile: Listing = {
      ...byName('互联宝地'),
      id: 'evil:1',
      inventoryId: 'evil',
      name: '<img src=x onerror=alert(1)>',
      address: '"><script>alert(2)</script>',
      en: undefined,
      sample: false,
      source: 'Operator <b>X</b> export',
      sourceDate: '2026-11-01',
    };
    const inv: Inventory = {
      id: 'evil',
      name: 'evil.csv',
      fileName: 'evil.csv',
      importedAt: '2026-12-01T00:00:00Z',
      crs: 'wgs84',
      sample: false,
      listings: [hostile],
    };
    const doc = siteBrief(app, stateOf([inv]), 'evil:1', 'zh')!;
    expect(doc.title).toEqual([{ text: '<img src=x onerror=alert(1)>', lang: 'en' }]);
    expect(doc.sample).toBe(false);
    const all = allRuns(doc);
    expect(all.some((r) => r.text === '"><script>alert(2)</script>')).toBe(true);
    expect(runsText(doc.sources[0]!)).toBe('房源来源：Operator <b>X</b> export（2026-11-01）');
  });

  it('keeps to one language: unmarked text is the reader’s, data in the other language is marked', () => {
    for (const lang of ['zh', 'en'] as const)
      for (const l of sample.listings) {
        const doc = siteBrief(app, stateOf([sample], { finder: ai }), l.id, lang)!;
        for (const r of allRuns(doc)) if (!r.lang) expect(breaksLanguageRule(lang, r.text), `${lang} ${l.id}: ${r.text}`).toBe(false);
      }
  });
});

describe('the shortlist brief', () => {
  it('compares the pinned listings this browser has, numbered as on its map, and says how many it left out', () => {
    const a = byName('复旦大学', 'office');
    const b = byName('大连路');
    const c = byName('湾谷');
    const doc = shortlistBrief(app, stateOf([sample], { shortlist: [a.id, 'gone:1', b.id, c.id] }), 'en');
    expect(runsText(doc.title)).toBe('3 pinned listings');
    expect(doc.map!.pins!.map((p) => [p.label, p.lon, p.lat])).toEqual([
      ['1', a.lon, a.lat],
      ['2', b.lon, b.lat],
      ['3', c.lon, c.lat],
    ]);
    // The map frames every pin with room around it.
    const [w, s, e, n] = doc.map!.bounds!;
    for (const l of [a, b, c]) expect(l.lon > w && l.lon < e && l.lat > s && l.lat < n).toBe(true);

    const table = doc.sections[0]!.blocks[0]!;
    if (table.type !== 'table') throw new Error('no table');
    expect(table.head).toEqual(['No.', 'Name', 'Area', 'Rent', 'Available', 'Nearest station', 'Zone']);
    expect(table.rows.map((r) => runsText(r[1]!))).toEqual([a.en!.name, b.en!.name, c.en!.name]);
    // The largest area is marked best in words, once.
    const largest = [a, b, c].reduce((x, y) => (y.areaM2 > x.areaM2 ? y : x));
    const areaCells = table.rows.map((r) => runsText(r[2]!));
    expect(areaCells.filter((x) => x.endsWith('★ best'))).toHaveLength(1);
    expect(areaCells[[a, b, c].indexOf(largest)]).toMatch(/★ best$/);
    expect(runsText((doc.sections[0]!.blocks[1] as { runs: TextRun[] }).runs)).toBe('1 pinned listing is not available in this browser and is left out.');
  });

  it('adds each listing’s site score when needs are stated', () => {
    const a = byName('长阳创谷', 'office');
    const finder: FinderSpec = { needs: { zone: 'ysp' }, must: [], weights: {} };
    const doc = shortlistBrief(app, stateOf([sample], { shortlist: [a.id, byName('湾谷').id], finder }), 'zh');
    const table = doc.sections[0]!.blocks[0]!;
    if (table.type !== 'table') throw new Error('no table');
    expect(table.head.at(-1)).toBe('选址得分');
    expect(table.rows.map((r) => runsText(r.at(-1)!))).toEqual(['100%', '0%']);
  });

  it('with nothing available, has no map and says so', () => {
    const doc = shortlistBrief(app, stateOf([sample], { shortlist: ['gone:1'] }), 'zh');
    expect(doc.map).toBeUndefined();
    expect(runsText((doc.sections[0]!.blocks[0] as { runs: TextRun[] }).runs)).toBe('收藏中没有本浏览器可用的房源。');
  });
});

it('words the investors’ briefs in both languages, each in its own', () => {
  expectOneLanguage(investBriefZh, investBriefEn);
});
