import { describe, expect, it } from 'vitest';
import { importEn, importZh } from '../../src/lib/import/catalogue.ts';
import { importRuns } from '../../src/lib/import/messages.ts';
import { dataLang, messageRuns, runsText } from '../../src/lib/import/runs.ts';
import { HAN } from '../support/language.ts';

describe('what a file said, marked by its script', () => {
  it('marks Chinese on an English page and Latin words on a Chinese page, and nothing that reads as the page', () => {
    expect(dataLang('en', '杨浦区统计公报（2025）')).toBe('zh-Hans');
    expect(dataLang('en', 'Block A 示例楼')).toBe('zh-Hans');
    expect(dataLang('en', 'planner-figures.csv')).toBeUndefined();
    expect(dataLang('zh', 'planner-figures.csv')).toBe('en');
    expect(dataLang('zh', 'Phone is fine')).toBe('en');
    expect(dataLang('zh', '示例楼 A')).toBeUndefined();
    // Numbers and single letters are no language.
    expect(dataLang('zh', '1,200 m')).toBeUndefined();
    expect(dataLang('en', '2025')).toBeUndefined();
  });

  it('words a message in the page’s language and marks only its text params', () => {
    const runs = messageRuns('en', 'import.row-bad-area', { value: '一千二百' });
    expect(runs).toEqual([{ text: 'Floor area "' }, { text: '一千二百', lang: 'zh-Hans' }, { text: '" is not a number of m² (1 to 1,000,000).' }]);
    expect(runsText(messageRuns('zh', 'import.row-bad-area', { value: 'twelve hundred metres' }))).toBe(
      '面积“twelve hundred metres”不是有效的平方米数（应在 1 至 1,000,000 之间）。',
    );
    expect(messageRuns('zh', 'import.row-bad-area', { value: 'twelve hundred metres' })[1]).toEqual({ text: 'twelve hundred metres', lang: 'en' });
    // A param in the page's script joins the words around it; a number chooses the plural form.
    expect(messageRuns('en', 'import.ui.accepted', { count: 1 })).toEqual([{ text: '1 row accepted' }]);
    expect(messageRuns('en', 'import.ui.report', { file: 'a.csv' })).toEqual([{ text: 'Import report: a.csv' }]);
    // What a file says is never read as words to fill: braces in a cell stay as written.
    expect(runsText(messageRuns('en', 'import.row-bad-area', { value: '{value} {max}' }))).toBe(
      'Floor area "{value} {max}" is not a number of m² (1 to 1,000,000).',
    );
  });

  it('names a cleaned column by the import’s label of its field, in the page’s language', () => {
    const note = { code: 'row-markup', params: { field: 'name' }, text: '' };
    expect(runsText(importRuns('zh', note, (f) => (f === 'name' ? '名称' : undefined)))).toBe(
      '“名称”中含有标记代码（如 <script>）：按纯文本保存和显示，不会执行。',
    );
    expect(runsText(importRuns('en', note))).toBe('"name" contains markup (such as <script>): kept and shown as plain text, never run.');
  });

  it('the kernel’s English catalogue holds no Chinese, and both catalogues have the same keys', () => {
    expect(Object.keys(importEn).sort()).toEqual(Object.keys(importZh).sort());
    for (const [key, m] of Object.entries(importEn)) {
      for (const text of typeof m === 'string' ? [m] : Object.values(m)) expect(text, key).not.toMatch(HAN);
    }
  });
});
