import { describe, expect, it } from 'vitest';
import { INDICATOR_FIELDS, INDICATOR_IMPORT } from './import.ts';
import { INDICATOR_SPEC, keepDataset, planPlaces } from './import-spec.ts';
import { MonitorState } from './state.svelte.ts';
import { monitorTable, PLACES } from '../../../tests/fixtures/monitor/helpers.ts';

// The statistics' spec of the shared import flow: its fields, what it requires, its build and how it keeps a dataset.

describe('the statistics import in the shared flow', () => {
  it('lists every column, and marks each required one the mapping lacks', () => {
    const t = monitorTable('valid.csv');
    expect(INDICATOR_IMPORT.fields(t)).toEqual(INDICATOR_FIELDS);
    const missing = INDICATOR_IMPORT.missing({ indicator: 'indicator', unit: 'unit' }, t);
    expect(missing.map((m) => [m.fields, m.message.code])).toEqual([
      [['year'], 'monitor-mapping-missing-year'],
      [['value'], 'monitor-mapping-missing-value'],
      [['source'], 'monitor-mapping-missing-source'],
    ]);
    expect(INDICATOR_IMPORT.missing(INDICATOR_IMPORT.suggest(t.headers), t)).toEqual([]);
  });

  it('builds the dataset with the places and the name the panel gives', () => {
    const t = monitorTable('valid.csv');
    const { result, report } = INDICATOR_IMPORT.build(t, INDICATOR_IMPORT.suggest(t.headers), { places: PLACES, name: 'Bulletin', final: true });
    expect(result.name).toBe('Bulletin');
    expect(result.fileName).toBe('valid.csv');
    expect(report.accepted).toBe(result.observations.length);
    expect(report.accepted).toBeGreaterThan(0);
    // Without the places, a figure for a place is refused.
    const none = INDICATOR_IMPORT.build(t, INDICATOR_IMPORT.suggest(t.headers), { places: new Map(), name: 'x', final: false });
    const placed = result.observations.filter((o) => o.place !== undefined).length;
    expect(none.report.rejected - report.rejected).toBe(placed);
    expect(placed).toBeGreaterThan(0);
  });

  it('names the plan’s places, located or not', () => {
    const places = planPlaces({
      unlocated: [{ id: 'u1', name_zh: '甲', name_en: 'A' }],
      plan: { features: [{ properties: { id: 'p1', name_zh: '乙', name_en: 'B' } }] },
    });
    expect([...places]).toEqual([
      ['u1', { name_zh: '甲', name_en: 'A' }],
      ['p1', { name_zh: '乙', name_en: 'B' }],
    ]);
    expect(planPlaces({ unlocated: [], plan: null }).size).toBe(0);
  });

  it('keeps a dataset for the visit when this browser keeps nothing, and says so', async () => {
    const mon = new MonitorState();
    const t = monitorTable('valid.csv');
    const { result } = INDICATOR_IMPORT.build(t, INDICATOR_IMPORT.suggest(t.headers), { places: PLACES, name: 'b', final: true });
    const problem = await keepDataset(mon, result);
    expect(problem?.code).toBe('storage-unavailable');
    expect(mon.storageProblem).toEqual(problem);
    expect(mon.datasets).toEqual([result]);
  });

  it('words its own messages, the shared ones and its columns', () => {
    expect(INDICATOR_SPEC.fieldLabel('en', 'place')).toBe('Place (optional)');
    expect(INDICATOR_SPEC.message('en', { code: 'monitor-row-no-year', text: '' })).toEqual([{ text: 'No year.' }]);
    expect(INDICATOR_SPEC.message('zh', { code: 'file-empty', text: '' })).toEqual([{ text: '文件为空。' }]);
    // What the file said is a run of its own, marked with its language.
    expect(INDICATOR_SPEC.message('en', { code: 'monitor-row-bad-year', params: { value: '二〇二五年' }, text: '' })).toEqual([
      { text: 'Year "' },
      { text: '二〇二五年', lang: 'zh-Hans' },
      { text: '" is not a four-digit year (such as 2025).' },
    ]);
  });
});
