import { describe, expect, it } from 'vitest';
import * as schema from '../../src/lib/data/plan-schema.ts';
import * as vocab from '../../src/lib/data/vocab.ts';

const bilingual = (table: Record<string, { zh: string; en: string }>) => Object.values(table).every((l) => l.zh.trim().length > 0 && l.en.trim().length > 0);

// The label tables must cover exactly the schema's enumerations, so a new class or industry cannot go unlabelled.
describe('vocab: labels of the plan vocabularies', () => {
  it('labels every class of the schema, and nothing else, in both languages', () => {
    expect(schema.CLASS_LABELS).toBe(vocab.CLASS_LABELS);
    expect(Object.keys(vocab.CLASS_LABELS)).toEqual([...schema.PLAN_CLASSES]);
    expect(bilingual(vocab.CLASS_LABELS)).toBe(true);
  });

  it('labels every industry of the schema, and nothing else, in both languages', () => {
    expect(schema.INDUSTRY_LABELS).toBe(vocab.INDUSTRY_LABELS);
    expect(Object.keys(vocab.INDUSTRY_LABELS)).toEqual([...schema.INDUSTRIES]);
    expect(bilingual(vocab.INDUSTRY_LABELS)).toBe(true);
  });

  it('labels exactly the statuses of plan-schema.ts, in both languages', () => {
    expect(Object.keys(vocab.STATUS_LABELS)).toEqual([...schema.STATUSES]);
    expect(vocab.STATUS_LABELS).toEqual({
      operating: { zh: '运营中', en: 'Operating' },
      planned: { zh: '规划中', en: 'Planned' },
      demonstration: { zh: '示范运行', en: 'Demonstration' },
    });
  });

  it('labels a value outside the lists with the value itself', () => {
    expect(vocab.labelOf(vocab.STATUS_LABELS, 'planned')).toEqual({ zh: '规划中', en: 'Planned' });
    expect(vocab.labelOf(vocab.STATUS_LABELS, 'closed')).toEqual({ zh: 'closed', en: 'closed' });
  });
});
