import { describe, expect, it } from 'vitest';
import { FEATURES } from '../../../tests/support/features.ts';
import { formatLink, parseLink, type LinkState } from '../../lib/state/permalink.ts';

const known = new Set(['metro', 'landmarks', 'zone_future_valley']);

describe('links to a drone-route sketch', () => {
  it('round-trips the sketch and the corridor settings', () => {
    const state: LinkState = {
      air: {
        sketch: [
          [121.50123, 31.29012],
          [121.52, 31.3],
        ],
        corridorWidth: 80,
        cruiseKmh: 50,
      },
    };
    const s = formatLink(state, FEATURES);
    expect(s).toBe('?sketch=121.50123,31.29012;121.52,31.3&cw=80&speed=50');
    expect(parseLink(s, known, FEATURES)).toEqual(state);
  });

  it('drops a sketch with any bad vertex, and clamps the settings', () => {
    expect(parseLink('?sketch=121.5,31.3;abc,31.3', known, FEATURES).air?.sketch).toBeUndefined();
    expect(parseLink('?sketch=0,0', known, FEATURES).air?.sketch).toBeUndefined();
    expect(parseLink(`?sketch=${Array.from({ length: 51 }, () => '121.5,31.3').join(';')}`, known, FEATURES).air?.sketch).toBeUndefined();
    expect(parseLink('?cw=5&speed=1000', known, FEATURES)).toEqual({ air: { corridorWidth: 20, cruiseKmh: 100 } });
  });
});
