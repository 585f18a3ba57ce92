import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mergePins, pinLabel } from './pins.ts';
import type { BriefPin } from './types.ts';

// A flat projection for the tests: one degree is 10,000 px.
const project = (p: BriefPin) => ({ x: p.lon * 10_000, y: -p.lat * 10_000 });
const pin = (label: string, lon: number, lat: number): BriefPin => ({ lon, lat, label });

describe('pins of a map excerpt', () => {
  it('labels a mark with its numbers, runs of three or more shortened', () => {
    expect(pinLabel(['7'])).toBe('7');
    expect(pinLabel(['23', '22'])).toBe('22,23');
    expect(pinLabel(['5', '3', '4', '9'])).toBe('3–5,9');
    expect(pinLabel(['1', '2', '4', '5', '6', '7'])).toBe('1,2,4–7');
  });

  it('merges pins that would overlap into the first one’s mark, and leaves apart the ones that would not', () => {
    const pins = [pin('1', 121.5, 31.3), pin('2', 121.502, 31.3), pin('3', 121.5001, 31.3001), pin('4', 121.5, 31.3)];
    // 1 and 3 are 1.4 px apart, 4 is on 1; 2 is 20 px away: its own mark.
    expect(mergePins(pins, project, 16)).toEqual([pin('1,3,4', 121.5, 31.3), pin('2', 121.502, 31.3)]);
    // With a pixel's room, only the pins at one spot share a mark.
    expect(mergePins(pins, project, 1)).toEqual([pin('1,4', 121.5, 31.3), pin('2', 121.502, 31.3), pin('3', 121.5001, 31.3001)]);
  });

  it('keeps every number on exactly one mark, and marks at least a mark’s width apart', () => {
    const pinsArb = fc.array(fc.tuple(fc.double({ min: 121.49, max: 121.51, noNaN: true }), fc.double({ min: 31.29, max: 31.31, noNaN: true })), {
      maxLength: 40,
    });
    fc.assert(
      fc.property(pinsArb, (coords) => {
        const pins = coords.map(([lon, lat], i) => pin(String(i + 1), lon, lat));
        const frozen = structuredClone(pins);
        const marks = mergePins(pins, project);
        expect(pins).toEqual(frozen);
        const numbers = marks.flatMap((m) =>
          m.label.split(',').flatMap((part) => {
            const [a, b] = part.split('–').map(Number);
            return b === undefined ? [a!] : Array.from({ length: b - a! + 1 }, (_, k) => a! + k);
          }),
        );
        expect(numbers.sort((x, y) => x - y)).toEqual(pins.map((_, i) => i + 1));
        for (let i = 0; i < marks.length; i++)
          for (let j = i + 1; j < marks.length; j++) {
            const a = project(marks[i]!);
            const b = project(marks[j]!);
            expect(Math.hypot(a.x - b.x, a.y - b.y)).toBeGreaterThanOrEqual(16);
          }
      }),
      { seed: 19, numRuns: 200 },
    );
  });
});
