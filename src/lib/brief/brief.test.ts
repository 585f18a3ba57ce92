import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { PlanOutputCollection, PlanRecord } from '../data/plan-schema.ts';
import { HAN } from '../data/quotes.ts';
import { TASKS } from '../data/tasks.ts';
import { runsText } from '../import/runs.ts';
import { coreBrief, taskBrief, zoneBrief } from './index.ts';
import type { BriefBlock, BriefDoc } from './types.ts';

// The real plan data, as the site serves it: the briefs' golden content comes from it.
const ROOT = resolve(import.meta.dirname, '../../..');
const plan = JSON.parse(readFileSync(resolve(ROOT, 'public/data/plan.geojson'), 'utf8')) as PlanOutputCollection;
const unlocated = JSON.parse(readFileSync(resolve(ROOT, 'public/data/plan-unlocated.json'), 'utf8')) as PlanRecord[];
const data = { features: plan.features, unlocated };

/** Every text of a brief, in reading order, as one string (runs joined). */
function text(doc: BriefDoc): string {
  const block = (b: BriefBlock): string[] => {
    switch (b.type) {
      case 'facts':
        return b.rows.flatMap((r) => [r.label, runsText(r.value)]);
      case 'text':
        return [runsText(b.runs)];
      case 'list':
        return b.items.map(runsText);
      case 'quote':
        return [b.zh, b.gloss ?? '', runsText(b.place ?? [])];
      case 'checks':
        return b.items.map((i) => runsText(i.runs));
      case 'table':
        return [...b.head, ...b.rows.flatMap((r) => r.map(runsText)), b.caption ?? ''];
    }
  };
  return [runsText(doc.title), doc.subtitle ?? '', ...doc.sections.flatMap((s) => [s.heading, ...s.blocks.flatMap(block)]), ...doc.sources.map(runsText)].join(
    '\n',
  );
}
const tableNames = (doc: BriefDoc, heading: string) =>
  doc.sections.find((s) => s.heading === heading)!.blocks.flatMap((b) => (b.type === 'table' ? b.rows.map((r) => runsText(r[1]!)) : []));

describe('zone brief', () => {
  it('lists 未来谷’s components, with kind, precision and the indicative mark, numbered as the pins are', () => {
    const doc = zoneBrief({ zone: 'fv', ...data, lang: 'zh' })!;
    expect(runsText(doc.title)).toBe('“未来谷”科技创新策源功能区');
    expect(tableNames(doc, '组成板块').sort()).toEqual(['复旦大学江湾校区', '复旦大学邯郸校区', '大创智', '环同济知识经济圈', '五角场城市副中心'].sort());
    const table = doc.sections.find((s) => s.heading === '组成板块')!.blocks[0] as Extract<BriefBlock, { type: 'table' }>;
    expect(table.rows.every((r) => runsText(r[4]!) === '示意位置' && /^±\d+ 米$/.test(runsText(r[3]!)))).toBe(true);
    // Pins: one per numbered place, labels 1…n in table order.
    expect(doc.map!.pins!.map((p) => p.label).slice(0, 5)).toEqual(['1', '2', '3', '4', '5']);
    expect(doc.map!.highlight).toEqual(['zone-future-valley']);
    const [w, s, e, n] = doc.map!.bounds!;
    expect(w < 121.52 && e > 121.5 && s < 31.3 && n > 31.3).toBe(true);
  });

  it('gives the area drawn and the plan’s tasks in the plan’s words, and says the outline is indicative', () => {
    const doc = zoneBrief({ zone: 'fv', ...data, lang: 'en' })!;
    const all = text(doc);
    expect(all).toContain('13.29 km²');
    expect(all).toContain('indicative');
    expect(all).toContain('Task 17: Plan the "Future Valley"');
    const quotes = doc.sections.flatMap((s) => s.blocks).filter((b): b is Extract<BriefBlock, { type: 'quote' }> => b.type === 'quote');
    expect(quotes.map((q) => q.task)).toEqual([4, 17]);
    expect(quotes[1]!.zh).toContain('以复旦大学江湾校区、邯郸校区为基础');
    expect(quotes[1]!.gloss).toMatch(/Fudan/);
  });

  it('finds the places inside 杨数浦 and counts them by kind', () => {
    const doc = zoneBrief({ zone: 'ysp', ...data, lang: 'zh' })!;
    const inside = tableNames(doc, '区内的其他地点');
    expect(inside.length).toBeGreaterThan(0);
    // Nothing is listed twice, and the zone itself is not one of its places.
    expect(new Set(inside).size).toBe(inside.length);
    expect(inside).not.toContain('“杨数浦”创新秀带');
    const counts = doc.sections.find((s) => s.heading === '各类地点数量')!.blocks[0] as Extract<BriefBlock, { type: 'facts' }>;
    const total = counts.rows.reduce((sum, r) => sum + Number(/\d+/.exec(runsText(r.value))![0]), 0);
    expect(total).toBe(inside.length + 5);
  });

  it('adds the features’ sections before the sources; an unknown zone gives nothing', () => {
    const extra = [{ heading: 'Monitor', blocks: [{ type: 'text' as const, runs: [{ text: 'no status recorded' }] }] }];
    expect(coreBrief({ kind: 'zone', id: 'fv' }, data, 'en', extra)!.sections.at(-1)).toEqual(extra[0]);
    expect(zoneBrief({ zone: 'fv', features: [], unlocated: [], lang: 'en' })).toBeNull();
  });
});

describe('task brief', () => {
  it('task 10: its section, quote and gloss, and the science parks among its places', () => {
    const doc = taskBrief({ n: 10, ...data, lang: 'en' })!;
    const all = text(doc);
    expect(runsText(doc.title)).toBe('Task 10: Build model university science parks that lead the future');
    expect(all).toContain('(4) Develop the university science parks');
    expect(all).toContain(TASKS[9]!.quote_zh);
    expect(all).toContain(TASKS[9]!.gloss_en);
    const rows = (doc.sections[1]!.blocks[0] as Extract<BriefBlock, { type: 'table' }>).rows;
    expect(rows.filter((r) => runsText(r[2]!) === 'National university science park').length).toBe(4);
    expect(doc.map!.pins).toHaveLength(rows.length);
  });

  it('task 17 lists 未来谷’s components', () => {
    const doc = taskBrief({ n: 17, ...data, lang: 'zh' })!;
    const names = doc.sections[1]!.blocks.flatMap((b) => (b.type === 'table' ? b.rows.map((r) => runsText(r[1]!)) : []));
    for (const c of ['复旦大学江湾校区', '复旦大学邯郸校区', '大创智', '环同济知识经济圈', '五角场城市副中心']) expect(names).toContain(c);
  });

  it('lists unlocated records as "location not published", never placed', () => {
    const doc = taskBrief({ n: 6, ...data, lang: 'en' })!;
    expect(doc.map).toBeUndefined();
    const section = doc.sections.find((s) => s.heading.startsWith('Places whose location is not published'))!;
    const item = runsText((section.blocks[0] as Extract<BriefBlock, { type: 'list' }>).items[0]!);
    expect(item).toMatch(/Location not published$/);
    expect(item).toContain(unlocated.find((r) => r.plan_tasks.includes(6))!.name_en);
    // A task without any place says so.
    expect(text(taskBrief({ n: 1, ...data, lang: 'en' })!)).toContain('The plan names no particular place');
  });

  it('is in one language: a Chinese brief’s own words are Chinese, an English one’s have no Chinese outside marked runs', () => {
    const zh = taskBrief({ n: 12, ...data, lang: 'zh' })!;
    expect(zh.sections.map((s) => s.heading).every((h) => HAN.test(h))).toBe(true);
    const en = taskBrief({ n: 12, ...data, lang: 'en' })!;
    for (const s of en.sections) {
      expect(HAN.test(s.heading)).toBe(false);
      for (const b of s.blocks) {
        if (b.type === 'table') for (const r of b.rows) for (const cell of r) for (const run of cell) if (HAN.test(run.text)) expect(run.lang).toBe('zh-Hans');
      }
    }
  });

  it('keeps hostile text as text: a name with markup comes out as the same characters', () => {
    const evil = structuredClone(plan.features.find((f) => f.properties.id === 'sp-fudan')!);
    evil.properties.name_en = '<img src=x onerror=alert(1)>';
    const doc = taskBrief({ n: 10, features: [evil], unlocated: [], lang: 'en' })!;
    expect(text(doc)).toContain('<img src=x onerror=alert(1)>');
    expect(taskBrief({ n: 19, ...data, lang: 'en' })).toBeNull();
  });
});
