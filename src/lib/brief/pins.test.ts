import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MARK_HEIGHT, markWidth, mergePins, pinLabel } from './pins.ts';
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

  it('sizes a mark to its label: a pill as tall as a number, wider with every character', () => {
    expect(markWidth('7')).toBe(MARK_HEIGHT);
    expect(markWidth('22,23')).toBe(43);
    expect(markWidth('3–5,9')).toBeGreaterThan(markWidth('22'));
  });

  it('merges pins whose marks would touch into the first one’s mark, and leaves apart the ones that would not', () => {
    // 1 and 3 are 1.4 px apart and 4 is on 1: one mark. 2 is 35 px to the right: apart from "1,3,4" (43 px wide), whose
    // half-width and 2's reach 32.5 px with the gap. 5 is 21 px under 1, more than a mark's height and the gap.
    const pins = [pin('1', 121.5, 31.3), pin('2', 121.5035, 31.3), pin('3', 121.5001, 31.3001), pin('4', 121.5, 31.3), pin('5', 121.5, 31.2979)];
    expect(mergePins(pins, project)).toEqual([pin('1,3,4', 121.5, 31.3), pin('2', 121.5035, 31.3), pin('5', 121.5, 31.2979)]);
    // 2 closer (30 px): "1,3,4" reaches it, and it joins.
    expect(mergePins([...pins.slice(0, 1), pin('2', 121.503, 31.3), ...pins.slice(2)], project)[0]!.label).toBe('1–4');
  });

  it('merges again when a mark grown with its numbers reaches a neighbour', () => {
    // 1 and 2 touch (10 px apart); "1,2" is 30 px wide and reaches 3, 24 px from 1, which a lone "1" would not.
    const pins = [pin('1', 121.5, 31.3), pin('3', 121.5024, 31.3), pin('2', 121.501, 31.3)];
    expect(mergePins([pins[0]!, pins[1]!], project)).toHaveLength(2);
    expect(mergePins(pins, project)).toEqual([pin('1–3', 121.5, 31.3)]);
  });

  it('keeps every number on exactly one mark, and no two marks touching', () => {
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
        // No two marks touch: apart by their half-widths across, or by a mark's height up and down.
        for (let i = 0; i < marks.length; i++)
          for (let j = i + 1; j < marks.length; j++) {
            const a = project(marks[i]!);
            const b = project(marks[j]!);
            const across = Math.abs(a.x - b.x) >= (markWidth(marks[i]!.label) + markWidth(marks[j]!.label)) / 2;
            expect(across || Math.abs(a.y - b.y) >= MARK_HEIGHT).toBe(true);
          }
      }),
      { seed: 19, numRuns: 200 },
    );
  });
});
