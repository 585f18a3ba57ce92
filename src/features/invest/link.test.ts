import { describe, expect, it } from 'vitest';
import { parseInvestLink, validDate, validIndustry, writeInvestLink, type InvestLink } from './link.ts';
import { formatLink, parseLink } from '../../lib/state/permalink.ts';
import { FEATURES } from '../../../tests/support/features.ts';

const write = (link: InvestLink) => {
  const q = new URLSearchParams();
  writeInvestLink(link, q);
  return q;
};
const parse = (search: string) => parseInvestLink(new URLSearchParams(search));

describe('the investors’ part of a link', () => {
  const full: InvestLink = {
    shortlist: ['sample:3', 'inv-1a2b:row-7'],
    filters: {
      areaMin: 50,
      areaMax: 800,
      types: ['lab', 'office'],
      industries: ['人工智能', 'Bio & med'],
      rentMin: 2.5,
      rentMax: 6,
      availableBy: '2026-03-31',
      stationWithinM: 800,
      within: 'zone-future-valley',
    },
    sort: { key: 'rent', desc: true },
    area: [
      [121.51, 31.29],
      [121.52, 31.29],
      [121.515, 31.3],
    ],
  };

  it('round-trips filters, sort, pins and the drawn area through the whole link', () => {
    const s = formatLink({ lang: 'en', panel: 'invest', invest: full }, FEATURES);
    expect(s).toContain('pins=sample:3,inv-1a2b:row-7');
    expect(s).toContain('lsqm=50-800&ltype=lab,office');
    expect(s).toContain('lrent=2.5-6&lby=2026-03-31&lmetro=800&lin=fv&lsort=-rent&lpoly=121.51,31.29;121.52,31.29;121.515,31.3');
    expect(parseLink(s, new Set(), FEATURES).invest).toEqual(full);
  });

  it('writes open ranges with one side and reads them back', () => {
    const link: InvestLink = { filters: { areaMin: 100, rentMax: 3 } };
    const q = write(link);
    expect(q.get('lsqm')).toBe('100-');
    expect(q.get('lrent')).toBe('-3');
    expect(parse(q.toString())).toEqual(link);
  });

  it('is silent when nothing is set', () => {
    expect(write({}).toString()).toBe('');
    expect(parse('?lang=en&map=12/31.3/121.5')).toBeUndefined();
  });

  it('reads every zone choice and the default sort direction', () => {
    expect(parse('lin=ysp')?.filters?.within).toBe('zone-yangshupu-belt');
    expect(parse('lin=area')?.filters?.within).toBe('drawn');
    expect(parse('lsort=area')?.sort).toEqual({ key: 'area', desc: false });
  });
});

describe('hostile and malformed values', () => {
  it('drops markup, script URLs and unknown codes', () => {
    const out = parse(
      'pins=' +
        encodeURIComponent('<script>alert(1)</script>,javascript:alert(1),ok:1,ok:1,a b') +
        '&ltype=office,<img src=x onerror=alert(1)>,villa&lin=<b>&lsort=price&lind=' +
        encodeURIComponent('<img src=x onerror=alert(1)>,javascript:alert(1),生物医药'),
    );
    // "javascript:alert(1)" has parentheses: not an id.
    expect(out).toEqual({ shortlist: ['ok:1'], filters: { types: ['office'], industries: ['生物医药'] } });
  });

  it('clamps numbers to their ranges and orders a reversed range', () => {
    expect(parse('lsqm=-5-2e9')?.filters).toBeUndefined();
    expect(parse('lsqm=2e9-10')?.filters).toEqual({ areaMin: 10, areaMax: 1_000_000 });
    expect(parse('lrent=9999-')?.filters).toEqual({ rentMin: 1000 });
    expect(parse('lrent=abc-def')).toBeUndefined();
    expect(parse('lmetro=1')?.filters).toEqual({ stationWithinM: 50 });
    expect(parse('lmetro=1e9')?.filters).toEqual({ stationWithinM: 5000 });
    expect(parse('lmetro=NaN')).toBeUndefined();
    expect(parse('lmetro=')).toBeUndefined();
  });

  it('keeps only real calendar dates', () => {
    expect(validDate('2026-02-28')).toBe('2026-02-28');
    expect(validDate('2026-02-30')).toBeUndefined();
    expect(validDate('1999-12-31')).toBeUndefined();
    expect(validDate('2026-1-5')).toBeUndefined();
    expect(parse('lby=2026-13-01')).toBeUndefined();
  });

  it('drops a polygon with any bad or distant vertex, and a too long one', () => {
    expect(parse('lpoly=121.5,31.3;121.51,abc;121.52,31.29')).toBeUndefined();
    expect(parse('lpoly=121.5,31.3;0,0;121.52,31.29')).toBeUndefined();
    expect(parse('lpoly=121.5,31.3;121.51,')).toBeUndefined();
    const many = Array.from({ length: 51 }, (_, i) => `121.5,${(31.2 + i / 1000).toFixed(3)}`).join(';');
    expect(parse(`lpoly=${many}`)).toBeUndefined();
  });

  it('keeps at most 50 pins and 8 industries, without repeats', () => {
    const pins = Array.from({ length: 70 }, (_, i) => `x:${i % 60}`).join(',');
    expect(parse(`pins=${pins}`)?.shortlist).toHaveLength(50);
    const inds = Array.from({ length: 12 }, (_, i) => `ind${i}`).join(',');
    expect(parse(`lind=${inds}`)?.filters?.industries).toHaveLength(8);
  });

  it('accepts industry terms in any script, not markup', () => {
    expect(validIndustry(' 集成电路 ')).toBe('集成电路');
    expect(validIndustry('R&D / AI')).toBe('R&D / AI');
    expect(validIndustry('"><svg onload=alert(1)>')).toBeUndefined();
    expect(validIndustry('x'.repeat(41))).toBeUndefined();
  });
});

describe('a selected listing in the link', () => {
  it('round-trips sel=listing:<id> and rejects a hostile one', () => {
    expect(parseLink('?sel=listing:sample:3', new Set(), FEATURES).selection).toBe('listing:sample:3');
    expect(parseLink('?sel=listing:Inv-9:Row_2', new Set(), FEATURES).selection).toBe('listing:Inv-9:Row_2');
    expect(parseLink('?sel=listing:<script>', new Set(), FEATURES).selection).toBeUndefined();
    expect(parseLink('?sel=listing:javascript:alert(1)', new Set(), FEATURES).selection).toBeUndefined();
    // Other kinds of selection stay lower case, as before.
    expect(parseLink('?sel=plan:SP-Fudan', new Set(), FEATURES).selection).toBeUndefined();
  });
});

describe('the finder in the investors’ link', () => {
  it('passes its keys through as written until the finder’s codec reads them, and makes the investors’ data wanted', async () => {
    const { InvestState } = await import('./state.svelte.ts');
    const { finderCodec } = await import('./finder/link.ts');
    const finder = { needs: { industry: 'ai', people: 40, metroM: 800, zone: 'ysp' as const }, must: ['metro' as const], weights: { zone: 3 } };
    const written = 'fi=ai&fppl=40&fmetro=800&fzone=ysp&fmust=metro&fw=zone:3';
    expect(decodeURIComponent(finderCodec.write(finder))).toBe(written);
    // Other keys, and the finder's own in any order, come through; the link writes them back in the finder's order.
    const link = parseLink(`?lang=en&fw=zone%3A3&fi=ai&fppl=40&fmetro=800&fzone=ysp&fmust=metro&zzz=1`, new Set(), FEATURES).invest;
    expect(link?.finder && finderCodec.parse(link.finder)).toEqual(finder);
    expect(decodeURIComponent(formatLink({ lang: 'en', invest: link }, FEATURES))).toContain(written);

    const state = new InvestState();
    expect(state.wanted({}, null)).toBe(false);
    state.apply(link);
    // Before the codec: wanted (so the chunk loads), nothing read yet, the link unchanged.
    expect(state.wanted({}, null)).toBe(true);
    expect(state.finder).toEqual({ needs: {}, must: [], weights: {} });
    expect(state.toLink()).toEqual(link);
    state.useFinderCodec(finderCodec);
    expect(state.finder).toEqual(finder);
    state.finder = { ...finder, weights: {} };
    expect(decodeURIComponent(state.toLink()!.finder!)).toBe('fi=ai&fppl=40&fmetro=800&fzone=ysp&fmust=metro');
    state.apply(undefined);
    expect(state.toLink()).toBeUndefined();
  });

  it('drops a hostile value once the codec reads the link, and never lets a key grow past a link’s worth', async () => {
    const { InvestState } = await import('./state.svelte.ts');
    const { finderCodec } = await import('./finder/link.ts');
    const link = parseLink(`?lang=en&fi=${encodeURIComponent('<script>')}&fmetro=800&fby=${'9'.repeat(500)}`, new Set(), FEATURES).invest!;
    expect(new URLSearchParams(link.finder).get('fby')).toHaveLength(200);
    const state = new InvestState();
    state.apply(link);
    state.useFinderCodec(finderCodec);
    expect(state.finder).toEqual({ needs: { metroM: 800 }, must: [], weights: {} });
    expect(state.toLink()).toEqual({ finder: 'fmetro=800' });
  });
});
