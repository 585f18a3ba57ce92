import { describe, expect, it } from 'vitest';
import type { Bilingual } from '../../src/lib/i18n/index.ts';
import { CLASS_LABELS, INDUSTRY_LABELS, KIND_LABELS, labelOf, STATUS_LABELS } from '../../src/lib/data/vocab.ts';

// Hostile data: a value outside a closed list is shown as written, even when it names a member every object has.
describe('labels of values outside the vocabulary', () => {
  it.each(['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf', '<img src=x onerror=alert(1)>'])('"%s" comes out as itself', (key) => {
    const tables: Record<string, Bilingual>[] = [CLASS_LABELS, STATUS_LABELS, INDUSTRY_LABELS, KIND_LABELS];
    for (const table of tables) expect(labelOf(table, key)).toEqual({ zh: key, en: key });
  });

  it('known values keep their labels', () => {
    expect(labelOf(STATUS_LABELS, 'operating').en).toBe('Operating');
  });
});
