import { describe, expect, it } from 'vitest';
import { parseFinderLink, writeFinderLink } from './link.ts';
import type { FinderSpec } from './needs.ts';

const write = (spec: FinderSpec) => {
  const q = new URLSearchParams();
  writeFinderLink(spec, q);
  return q.toString();
};
const parse = (search: string) => parseFinderLink(new URLSearchParams(search));

describe('the finder’s part of a link', () => {
  const full: FinderSpec = {
    needs: { industry: 'ai', people: 40, perMonth: 60000, by: '2027-03-01', metroM: 800, near: { id: 'sp-fudan', radiusM: 1500 }, zone: 'ysp', seats: true },
    must: ['area', 'metro'],
    weights: { zone: 3, near: 0 },
  };

  it('round-trips every need, the must-haves and the weights, with short keys in a fixed order', () => {
    const s = write(full);
    expect(s).toBe('fi=ai&fppl=40&fbudm=60000&fby=2027-03-01&fmetro=800&fnear=sp-fudan%3A1500&fzone=ysp&fseat=1&fmust=area%2Cmetro&fw=near%3A0%2Czone%3A3');
    expect(parse(s)).toEqual(full);
    const other: FinderSpec = { needs: { areaM2: 400, rentPerDay: 4.5, zone: 'fv' }, must: [], weights: {} };
    expect(parse(write(other))).toEqual(other);
  });

  it('is silent when nothing is set', () => {
    expect(write({ needs: {}, must: [], weights: {} })).toBe('');
    expect(parse('lang=en&lind=AI')).toBeUndefined();
  });

  it('clamps numbers, keeps one unit per need, and drops what is not one of its values', () => {
    expect(parse('farea=-5&fppl=30&fbud=1e9&fbudm=7&fmetro=99999')?.needs).toEqual({ areaM2: 1, rentPerDay: 1000, metroM: 5000 });
    expect(parse('fnear=sp-fudan:1&fby=2027-02-30&fzone=__proto__&fseat=true')?.needs).toEqual({ near: { id: 'sp-fudan', radiusM: 100 } });
    expect(parse('fnear=<script>:500&fi=<img src=x onerror=alert(1)>&farea=abc&fmetro=')).toBeUndefined();
    expect(parse('fnear=sp-fudan&fby=1999-12-31&fzone=constructor')).toBeUndefined();
  });

  it('keeps known rules once, in rule order, and weights as whole numbers clamped to 0–3', () => {
    const spec = parse('fmetro=500&fmust=zone,metro,metro,toString,&fw=metro:9,area:2,area:0,zone:1.5,evil:2,seats:1');
    expect(spec?.must).toEqual(['metro', 'zone']);
    // The default weight (1) is not stored; the first of a repeated rule counts.
    expect(spec?.weights).toEqual({ metro: 3, area: 2 });
  });
});
