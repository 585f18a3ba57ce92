import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { INDICATORS, MONITOR_QUOTE_ZH, MONITOR_SECTION, TARGETS_SECTION, TARGET_YEAR, indicator } from './indicators.ts';
import { INDICATOR_IDS, UNITS } from './types.ts';
import { describeWithData, PLAN_TEXT } from '../../../tests/support/shared.ts';

const hasPlan = existsSync(PLAN_TEXT);
// The text file breaks lines (and pages) mid-sentence: comparisons ignore whitespace.
const norm = (s: string) => s.replace(/\s+/g, '');
const plan = hasPlan ? norm(readFileSync(PLAN_TEXT, 'utf8')) : '';

describeWithData(PLAN_TEXT)("the monitor quotes the plan's own words", () => {
  // Part 一 ends where part 二 begins: every target must be quoted from there, not from elsewhere in the plan.
  const partOne = plan.slice(plan.indexOf(norm(TARGETS_SECTION.zh)), plan.indexOf('二、'));

  it.each(INDICATORS.map((i) => [i.id, i.quote_zh]))('%s: "%s" is in part 一 verbatim', (_id, quote) => {
    expect(partOne.length).toBeGreaterThan(200);
    expect(partOne).toContain(norm(quote));
  });

  it('the monitoring quote is in part 三 (1), verbatim', () => {
    const part = plan.slice(plan.indexOf('三、保障措施'));
    expect(part).toContain(norm(MONITOR_QUOTE_ZH));
    expect(part.indexOf('（一）加强组织落实')).toBeLessThan(part.indexOf(norm(MONITOR_QUOTE_ZH)));
    expect(MONITOR_SECTION.zh).toContain('加强组织落实');
  });

  it('the numbers of the targets are the ones the quotes give', () => {
    for (const i of INDICATORS) {
      if (i.target.kind === 'at-least') expect(norm(i.quote_zh)).toContain(`${i.target.value}${i.unit}`);
      if (i.target.kind !== 'none') expect(i.target.year).toBe(TARGET_YEAR);
    }
    expect(plan).toContain('到2026年');
  });
});

describe('indicators', () => {
  it('one per id, in the type order, each with a unit the import knows', () => {
    expect(INDICATORS.map((i) => i.id)).toEqual([...INDICATOR_IDS]);
    for (const i of INDICATORS) {
      expect(UNITS).toContain(i.unit);
      expect(indicator(i.id)).toBe(i);
      expect(i.min).toBeLessThan(i.max);
    }
  });

  it('the total is made of three parts that point back at it', () => {
    const total = indicator('leading_industries_revenue');
    expect(total.parts).toHaveLength(3);
    for (const p of total.parts!) {
      expect(indicator(p).partOf).toBe(total.id);
      expect(indicator(p).unit).toBe(total.unit);
    }
  });

  it('no alias names two indicators (case, spaces and quotation marks aside)', () => {
    const key = (s: string) =>
      s
        .normalize('NFKC')
        .toLowerCase()
        .replace(/[\s_\-·"'“”‘’「」『』]/g, '');
    const owner = new Map<string, string>();
    for (const i of INDICATORS) {
      for (const a of [i.id, i.name.zh, i.name.en, ...i.aliases]) {
        const k = key(a);
        expect(owner.get(k) ?? i.id, `${a} names ${owner.get(k)} and ${i.id}`).toBe(i.id);
        owner.set(k, i.id);
      }
    }
  });
});
