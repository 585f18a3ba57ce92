import { describe, expect, it } from 'vitest';
import * as schema from '../../src/lib/data/plan-schema.ts';
import * as vocab from '../../src/lib/data/vocab.ts';

// vocab.ts copies the label tables of plan-schema.ts so that the browser bundle needs no zod: they must not drift.
describe('vocab: the browser copy of the plan vocabularies', () => {
  it('has the class labels of plan-schema.ts, for every class', () => {
    expect(vocab.CLASS_LABELS).toEqual(schema.CLASS_LABELS);
    expect(Object.keys(vocab.CLASS_LABELS)).toEqual([...schema.PLAN_CLASSES]);
  });

  it('has the industry labels of plan-schema.ts, for every industry', () => {
    expect(vocab.INDUSTRY_LABELS).toEqual(schema.INDUSTRY_LABELS);
    expect(Object.keys(vocab.INDUSTRY_LABELS)).toEqual([...schema.INDUSTRIES]);
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
