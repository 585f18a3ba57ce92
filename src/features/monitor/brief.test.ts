import { describe, expect, it } from 'vitest';
import { runsText } from '../../lib/import/runs.ts';
import { monitorBriefSections } from './brief.ts';

const zone = { properties: { id: 'zone-future-valley', plan_tasks: [4, 17] } } as never;

describe("the monitor's part of a brief", () => {
  it('says "no status recorded" when the monitor has no record, and gives a task its recorded status, date and note', () => {
    const none = monitorBriefSections([], false, { kind: 'task', n: 10 }, 'en', []);
    expect(none[0]!.blocks).toEqual([{ type: 'text', runs: [{ text: 'No status recorded in the plan monitor.' }] }]);
    const [section] = monitorBriefSections(
      [{ n: 17, status: 'under_way', date: '2026-03-01', note: '<b>见</b> note' }],
      false,
      { kind: 'zone', id: 'fv' },
      'en',
      [zone],
    );
    const items = (section!.blocks[0] as { items: { text: string; lang?: string }[][] }).items;
    expect(items.map(runsText)).toEqual(['Task 4: no status recorded', 'Task 17: Under way (2026-03-01): <b>见</b> note']);
    // The planner's note is data: marked with its language, kept as text.
    expect(items[1]!.at(-1)).toEqual({ text: '<b>见</b> note', lang: 'zh-Hans' });
    expect(monitorBriefSections([], false, { kind: 'shortlist' }, 'en', [zone])).toEqual([]);
  });
});
