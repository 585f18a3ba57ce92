import { describe, expect, it } from 'vitest';
import { CORE_NOTES, noteOf } from '../../src/lib/layers/notes.ts';
import { CORE_REGISTRY } from '../../src/lib/layers/registry.ts';
import { REGISTRY } from '../support/features.ts';

// The core's rows' notes live apart from the rows (the first view carries the rows, the layer panel the notes).
describe("the layer panel's notes", () => {
  it("belong to rows of the core's, each in both languages", () => {
    const ids = new Set(CORE_REGISTRY.map((d) => d.id));
    expect(Object.keys(CORE_NOTES).filter((id) => !ids.has(id))).toEqual([]);
    for (const note of Object.values(CORE_NOTES))
      expect([note.zh.length > 0, note.en.length > 0, /\p{Script=Han}/u.test(note.en)]).toEqual([true, true, false]);
  });

  it("are the core's rows' only notes, and a feature's rows keep their own", () => {
    expect(CORE_REGISTRY.filter((d) => d.note).map((d) => d.id)).toEqual([]);
    // The plan's indicative zones, parks, platforms and drone routes say how far to trust them.
    for (const id of ['zone_future_valley', 'zone_yangshupu_belt', 'science_parks', 'platforms', 'drone_routes', 'water'])
      expect(noteOf(CORE_REGISTRY.find((d) => d.id === id)!)?.en, id).toMatch(/\w/);
    const featureRows = REGISTRY.filter((d) => !CORE_REGISTRY.includes(d) && d.note);
    expect(featureRows.length).toBeGreaterThan(0);
    for (const d of featureRows) expect(noteOf(d)).toBe(d.note);
  });
});
