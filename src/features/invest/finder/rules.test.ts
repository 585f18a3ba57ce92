import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runsText } from '../../../lib/import/runs.ts';
import type { Listing, SpaceType } from '../types.ts';
import type { FinderContext, PlanPlace } from './context.ts';
import { explainListing, ruleText } from './explain.ts';
import { EMPTY_FINDER, RULE_IDS, type FinderSpec, type RuleId } from './needs.ts';
import { evaluate, rankListings, type RuleOutcome } from './rules.ts';

// Metres per degree of latitude on the sphere nearestStation measures on (mean radius 6371008.8 m).
const M_PER_DEG = (6371008.8 * Math.PI) / 180;
const HERE = { lon: 121.5, lat: 31.3 };
const north = (m: number) => HERE.lat + m / M_PER_DEG;

const listing = (over: Partial<Listing> = {}): Listing => ({
  id: 'inv:1',
  inventoryId: 'inv',
  name: 'A',
  areaM2: 1200,
  spaceType: 'office',
  industries: ['人工智能'],
  rentMin: 4.2,
  rentMax: 4.8,
  availableFrom: '2027-01-01',
  source: 'test',
  lon: HERE.lon,
  lat: HERE.lat,
  sample: false,
  ...over,
});

const square = (lon: number, lat: number, d: number) => ({
  type: 'Polygon' as const,
  coordinates: [
    [
      [lon - d, lat - d],
      [lon + d, lat - d],
      [lon + d, lat + d],
      [lon - d, lat + d],
      [lon - d, lat - d],
    ],
  ],
});
const place = (over: Partial<PlanPlace> & Pick<PlanPlace, 'id' | 'class' | 'geometry'>): PlanPlace => ({
  name_zh: over.id,
  name_en: over.id,
  tasks: [],
  industries: [],
  ...over,
});

/** A station 320 m north of the listing, a park 1 km north, 杨数浦 as a small square around the listing. */
const CONTEXT: FinderContext = {
  stations: [{ id: 'st-a', name_zh: '甲站', name_en: 'Alpha', lon: HERE.lon, lat: north(320), kind: 'station' }],
  places: [
    place({ id: 'zone-yangshupu-belt', name_en: 'the belt', class: 'zone', geometry: square(HERE.lon, HERE.lat, 0.005) }),
    place({ id: 'sp-x', name_en: 'Park X', class: 'university_science_park', geometry: { type: 'Point', coordinates: [HERE.lon, north(1000)] } }),
  ],
};

const spec = (needs: FinderSpec['needs'], must: RuleId[] = [], weights: FinderSpec['weights'] = {}): FinderSpec => ({ needs, must, weights });
const RULE_OF: Record<string, RuleId> = {
  industry: 'industry',
  areaM2: 'area',
  people: 'area',
  rentPerDay: 'budget',
  perMonth: 'budget',
  by: 'date',
  metroM: 'metro',
  near: 'near',
  zone: 'zone',
  seats: 'seats',
};
/** The outcome of the rule the first need written states. */
const one = (needs: FinderSpec['needs'], over: Partial<Listing> = {}, context = CONTEXT): RuleOutcome =>
  evaluate(listing(over), spec(needs), context).find((o) => o.rule === RULE_OF[Object.keys(needs)[0]!])!;
const en = (o: RuleOutcome) => runsText(ruleText('en', o));

describe('the finder’s rules, worked by hand', () => {
  it('metro: 320 m from a station meets "within 500 m", misses "within 300 m", and is unknown without stations', () => {
    const met = one({ metroM: 500 });
    expect(met.status).toBe('met');
    expect(met.rule === 'metro' && Math.round(met.station!.distanceM)).toBe(320);
    expect(en(met)).toBe('✓ Met · Walk to a metro station (weight 1): 320 m to Alpha station; asked within 500 m');
    expect(one({ metroM: 300 }).status).toBe('missed');
    const none = one({ metroM: 500 }, {}, { ...CONTEXT, stations: [] });
    expect(none.status).toBe('unknown');
    expect(en(none)).toBe('? Unknown · Walk to a metro station (weight 1): no station known; asked within 500 m');
  });

  it('area: 40 people at 10 m² each need 400 m²; an area given in m² wins over people', () => {
    expect(one({ people: 40 }, { areaM2: 350 }).status).toBe('missed');
    const met = one({ people: 40 }, { areaM2: 400 });
    expect(met.status).toBe('met');
    expect(en(met)).toBe('✓ Met · Floor area (weight 1): 400 m² for 400 m² needed (40 people × 10 m² per person)');
    expect(en(one({ areaM2: 500 }))).toBe('✓ Met · Floor area (weight 1): 1,200 m² for 500 m² needed');
  });

  it('budget per day: the range’s upper end is compared; no rent is unknown', () => {
    expect(one({ rentPerDay: 4.5 }).status).toBe('missed');
    expect(one({ rentPerDay: 4.8 }).status).toBe('met');
    expect(one({ rentPerDay: 5 }, { rentMin: undefined, rentMax: undefined }).status).toBe('unknown');
  });

  it('budget per month: upper rent × the area needed × 365/12 (4.8 × 400 × 365/12 = 58,400)', () => {
    const o = one({ perMonth: 60000, people: 40 });
    expect(o.rule === 'budget' && [o.monthly, o.pricedM2, o.pricedBy]).toEqual([58400, 400, 'need']);
    expect(o.status).toBe('met');
    expect(en(o)).toBe(
      '✓ Met · Budget (weight 1): at most 58,400 yuan/month (4.8 yuan/m²/day × 400 m² (the area needed) × 365 ÷ 12); budget 60,000 yuan/month',
    );
    expect(one({ perMonth: 58399, people: 40 }).status).toBe('missed');
    // No area stated: the listing's whole 1,200 m² is priced (175,200 a month).
    const whole = one({ perMonth: 200000 });
    expect(whole.rule === 'budget' && [whole.monthly, whole.pricedBy]).toEqual([175200, 'listing']);
  });

  it('date, zone, near, seats and industry', () => {
    expect(one({ by: '2027-01-01' }).status).toBe('met');
    expect(one({ by: '2026-12-31' }).status).toBe('missed');
    expect(one({ by: '2027-01-01' }, { availableFrom: undefined }).status).toBe('unknown');

    expect(en(one({ zone: 'ysp' }))).toBe('✓ Met · Zone (weight 1): inside the belt');
    expect(one({ zone: 'ysp' }, { lat: north(1000) }).status).toBe('missed');
    expect(one({ zone: 'fv' }).status).toBe('unknown');

    const near = one({ near: { id: 'sp-x', radiusM: 1500 } });
    expect(en(near)).toBe('✓ Met · Near a science park or platform (weight 1): 1.0 km to Park X; asked within 1.5 km');
    expect(one({ near: { id: 'sp-x', radiusM: 500 } }).status).toBe('missed');
    expect(one({ near: { id: 'sp-gone', radiusM: 500 } }).status).toBe('unknown');

    expect(one({ seats: true }, { spaceType: 'incubator_desk' }).status).toBe('met');
    expect(one({ seats: true }, { spaceType: 'coworking' }).status).toBe('met');
    expect(en(one({ seats: true }))).toBe('✗ Missed · Incubator seats (weight 1): offers Office, not incubator seats');

    const ai = one({ industry: 'ai' });
    expect(ai.status).toBe('met');
    expect(en(ai)).toBe(
      '✓ Met · Industry (weight 1): asked Artificial intelligence; the listing names Artificial intelligence; the plan names it in tasks 4, 18',
    );
    expect(one({ industry: 'ai' }, { industries: ['金融科技'] }).status).toBe('missed');
    expect(one({ industry: 'ai' }, { industries: [] }).status).toBe('unknown');
    expect(one({ industry: 'robots' }, { industries: ['Robots & drones'] }).status).toBe('met');
  });

  it('says the rules in Chinese to Chinese readers', () => {
    expect(runsText(ruleText('zh', { ...one({ metroM: 500 }), must: true }))).toBe('✓ 满足 · 地铁站步行距离（必需）：距甲站站 320 米，要求 500 米以内');
  });

  it('keeps hostile listing text as text, marked with its language', () => {
    const o = one({ industry: 'ai' }, { industries: ['<img src=x onerror=alert(1)>'] });
    const runs = ruleText('zh', o);
    expect(runs.some((r) => r.text === '<img src=x onerror=alert(1)>' && r.lang === 'en')).toBe(true);
  });
});

describe('the score and the order, worked by hand', () => {
  const a = listing({ id: 'inv:a', name: 'A' });
  // 1,020 m from the station.
  const far = listing({ id: 'inv:b', name: 'B', lat: north(-700) });
  const cheap = listing({ id: 'inv:c', name: 'C', rentMin: 3, rentMax: 3, lat: north(-700) });

  it('scores nice-to-haves by weight and sets apart, with the rule, listings that miss a must-have', () => {
    const s = spec({ metroM: 500, rentPerDay: 4 }, [], { metro: 3 });
    const { matches, apart } = rankListings([cheap, far, a], s, CONTEXT);
    expect(apart).toEqual([]);
    // a: metro (3) met, rent missed → 3/4; cheap: rent (1) met only → 1/4; far: nothing → 0.
    expect(matches.map((r) => [r.listing.id, r.score])).toEqual([
      ['inv:a', 0.75],
      ['inv:c', 0.25],
      ['inv:b', 0],
    ]);
    const must = rankListings([cheap, far, a], spec({ metroM: 500, rentPerDay: 4 }, ['metro']), CONTEXT);
    expect(must.matches.map((r) => r.listing.id)).toEqual(['inv:a']);
    expect(must.apart.map((r) => [r.listing.id, r.mustMissed])).toEqual([
      ['inv:c', ['metro']],
      ['inv:b', ['metro']],
    ]);
    // An unknown value does not meet a must-have.
    const unknown = rankListings([listing({ availableFrom: undefined })], spec({ by: '2030-01-01' }, ['date']), CONTEXT);
    expect(unknown.apart[0]?.mustMissed).toEqual(['date']);
  });

  it('breaks ties by the nearer station, then the name, then the id', () => {
    const twin = listing({ id: 'inv:0', name: 'A' });
    const s = spec({ rentPerDay: 10 });
    expect(rankListings([far, a, twin, cheap], s, CONTEXT).matches.map((r) => r.listing.id)).toEqual(['inv:0', 'inv:a', 'inv:b', 'inv:c']);
  });

  it('has no score when no nice-to-have weighs anything', () => {
    expect(rankListings([a], spec({ metroM: 500 }, [], { metro: 0 }), CONTEXT).matches[0]?.score).toBeNull();
    expect(explainListing(a, CONTEXT).outcomes).toEqual([]);
    expect(explainListing(a, CONTEXT, EMPTY_FINDER).score).toBeNull();
  });
});

describe('the ranking’s properties', () => {
  const TYPES: SpaceType[] = ['office', 'lab', 'incubator_desk', 'coworking', 'other'];
  const arbListing = (i: number) =>
    fc
      .record({
        name: fc.constantFrom('甲', 'A', 'b', 'B', '乙'),
        areaM2: fc.integer({ min: 1, max: 3000 }),
        spaceType: fc.constantFrom(...TYPES),
        industries: fc.subarray(['人工智能', '金融科技', 'AI', '数字经济']),
        rent: fc.option(fc.tuple(fc.integer({ min: 1, max: 80 }), fc.integer({ min: 0, max: 20 }))),
        from: fc.option(fc.constantFrom('2026-06-01', '2027-01-01', '2027-06-01')),
        dLat: fc.integer({ min: -1500, max: 1500 }),
      })
      .map((r): Listing =>
        listing({
          id: `inv:${i}`,
          name: r.name,
          areaM2: r.areaM2,
          spaceType: r.spaceType,
          industries: r.industries,
          rentMin: r.rent ? r.rent[0] / 10 : undefined,
          rentMax: r.rent ? (r.rent[0] + r.rent[1]) / 10 : undefined,
          availableFrom: r.from ?? undefined,
          lat: north(r.dLat),
        }),
      );
  const arbListings = fc.integer({ min: 1, max: 12 }).chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => arbListing(i))));
  const arbNeeds = fc.record(
    {
      industry: fc.constantFrom('ai', 'fintech'),
      areaM2: fc.integer({ min: 1, max: 2000 }),
      rentPerDay: fc.integer({ min: 1, max: 80 }).map((v) => v / 10),
      by: fc.constantFrom('2026-12-31', '2027-03-01'),
      metroM: fc.constantFrom(300, 500, 800, 1200),
      near: fc.constant({ id: 'sp-x', radiusM: 1000 }),
      zone: fc.constantFrom('ysp' as const, 'fv' as const),
      seats: fc.constant(true),
    },
    { requiredKeys: [] },
  );
  const metCount = (outcomes: RuleOutcome[]) => outcomes.filter((o) => o.status === 'met').length;

  it('at equal weights, a site that meets strictly more rules never ranks below one that meets fewer', () => {
    fc.assert(
      fc.property(arbListings, arbNeeds, fc.integer({ min: 0, max: 3 }), (listings, needs, w) => {
        const weights = Object.fromEntries(RULE_IDS.map((r) => [r, w]));
        const { matches, apart } = rankListings(listings, spec(needs, [], weights), CONTEXT);
        expect(apart).toEqual([]);
        for (let i = 0; i < matches.length; i++)
          for (let j = i + 1; j < matches.length; j++) expect(metCount(matches[i]!.outcomes)).toBeGreaterThanOrEqual(metCount(matches[j]!.outcomes));
      }),
      { seed: 42, numRuns: 300 },
    );
  });

  it('is stable: the same input gives the same order, whatever the input order; every listing is placed once', () => {
    fc.assert(
      fc.property(
        arbListings.chain((ls) => fc.tuple(fc.constant(ls), fc.shuffledSubarray(ls, { minLength: ls.length, maxLength: ls.length }))),
        arbNeeds,
        fc.subarray([...RULE_IDS]),
        ([listings, shuffled], needs, must) => {
          const s = spec(needs, must, { metro: 2, area: 3 });
          const ids = (r: ReturnType<typeof rankListings>) => [r.matches, r.apart].map((g) => g.map((x) => x.listing.id));
          const first = ids(rankListings(listings, s, CONTEXT));
          expect(ids(rankListings(listings, s, CONTEXT))).toEqual(first);
          expect(ids(rankListings(shuffled, s, CONTEXT))).toEqual(first);
          expect([...first[0]!, ...first[1]!].sort()).toEqual(listings.map((l) => l.id).sort());
          // Nothing in the matches misses a must-have; everything apart misses one.
          for (const r of rankListings(listings, s, CONTEXT).matches) expect(r.outcomes.filter((o) => o.must && o.status !== 'met')).toEqual([]);
        },
      ),
      { seed: 42, numRuns: 200 },
    );
  });

  it('never changes the listings or the spec it is given', () => {
    fc.assert(
      fc.property(arbListings, arbNeeds, (listings, needs) => {
        const s = spec(needs, ['metro'], { zone: 2 });
        const before = JSON.stringify([listings, s]);
        rankListings(listings, s, CONTEXT);
        expect(JSON.stringify([listings, s])).toBe(before);
      }),
      { seed: 42, numRuns: 50 },
    );
  });
});
