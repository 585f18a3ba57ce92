import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { importEn, importZh } from '../../lib/import/catalogue.ts';
import { monitorImportEn, monitorImportKey, monitorImportZh } from './import-catalogue.ts';
import { cleanText } from '../../lib/import/text.ts';
import type { ImportTable } from '../../lib/import/types.ts';
import { buildIndicatorDataset, FIRST_YEAR } from './import.ts';
import { INDICATORS } from './indicators.ts';
import { monitorMessage, monitorMessageRuns, monitorMessageText } from './import-messages.ts';
import { observationsCsv } from './template.ts';
import type { Observation } from './types.ts';
import { importMonitorFixture, NOW, PLACES } from '../../../tests/fixtures/monitor/helpers.ts';
import { ENGLISH_RUN, HAN } from '../../../tests/support/language.ts';

const utf8 = (s: string) => new TextEncoder().encode(s);

describe('monitor import messages', () => {
  const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

  it('Chinese and English have the same keys and the same placeholders', () => {
    expect(Object.keys(monitorImportEn).sort()).toEqual(Object.keys(monitorImportZh).sort());
    for (const [k, zh] of Object.entries(monitorImportZh)) {
      expect(placeholders(monitorImportEn[k as keyof typeof monitorImportEn]), k).toEqual(placeholders(zh));
      expect(zh.trim(), k).not.toBe('');
    }
  });

  it('every code a fixture produces has a text in both languages, with its params filled', () => {
    const codes = new Map<string, Record<string, string | number> | undefined>();
    for (const f of [
      'valid.csv',
      'unknown-indicator.csv',
      'unit-mismatch.csv',
      'year-out-of-range.csv',
      'duplicates.csv',
      'bad-values.csv',
      'hostile.csv',
      'gbk.csv',
      'template-partly-filled.csv',
    ]) {
      const { report } = importMonitorFixture(f);
      for (const m of [...report.notes, ...report.rows.flatMap((r) => r.messages)]) codes.set(m.code, m.params);
    }
    expect(codes.size).toBeGreaterThan(20);
    for (const [code, params] of codes) {
      for (const lang of ['zh', 'en'] as const) {
        const m = { code, text: '', ...(params && { params }) };
        const text = monitorMessageText(lang, m);
        expect(text, `${code} ${lang}`).not.toMatch(/\{\w+\}|^(m?import)\./);
        // Only what the file said may be in the other language, and then it is marked.
        const own = monitorMessageRuns(lang, m)
          .filter((r) => !r.lang)
          .map((r) => r.text)
          .join('');
        expect(own, `${code} ${lang}`).not.toMatch(lang === 'en' ? HAN : ENGLISH_RUN);
      }
      if (code.startsWith('monitor-')) expect(monitorImportZh).toHaveProperty([monitorImportKey(code)]);
      else expect(importZh).toHaveProperty([`import.${code}`]);
    }
  });

  it('renders in Chinese from the monitor catalogue, and shared codes from the investors’ catalogue', () => {
    const m = monitorMessage('monitor-row-year-out-of-range', { value: 2027, min: 2019, max: 2026 });
    expect(monitorMessageText('zh', m)).toBe('年份 2027 超出范围：只接受 2019 至 2026 年的数据（尚未开始的年份没有统计数据）。');
    expect(monitorMessageText('en', m)).toBe(m.text);
    expect(monitorMessageText('en', { code: 'file-empty', text: '' })).toBe(importEn['import.file-empty']);
    // The shared cleaning notes name the column by the monitor's own label.
    const markup = importMonitorFixture('hostile.csv').report.rows[0]!.messages[0]!;
    expect(markup.params).toEqual({ field: 'source' });
    expect(monitorMessageText('zh', markup)).toBe('“数据来源”中含有标记代码（如 <script>）：按纯文本保存和显示，不会执行。');
    expect(monitorMessageText('en', markup)).toBe('"Source" contains markup (such as <script>): kept and shown as plain text, never run.');
  });
});

describe('the monitor’s own words in the reader’s language', () => {
  const row = (name: string, line: string) => importMonitorFixture(name, utf8(`indicator,year,value,unit,source\n${line}\n`)).report.rows[0]!.messages[0]!;

  it('names the indicator and its unit in the reader’s language; the unit the file wrote stays as written, marked', () => {
    const m = row('u.csv', '独角兽企业,2025,6,亿元,区科委');
    expect(monitorMessageText('en', m)).toBe(
      'Unit "亿元" does not match the indicator: “Unicorn firms” is given in firms. Give the figure in firms (convert it if need be) and write "firms" in the unit column.',
    );
    expect(monitorMessageRuns('en', m).filter((r) => r.lang)).toEqual([{ text: '亿元', lang: 'zh-Hans' }]);
    expect(monitorMessageText('zh', m)).toBe(
      '单位“亿元”与指标不符：“独角兽”企业数量的单位是“家”。请以“家”为单位填写数值（必要时换算），并在“单位”列填写“家”。',
    );
  });

  it('lists the indicators a file may name, by their names in the reader’s language', () => {
    const m = row('n.csv', '数字经济增加值,2025,6,亿元,区科委');
    expect(monitorMessageText('zh', m)).toBe(`无法识别指标“数字经济增加值”。可填写的指标：${INDICATORS.map((i) => i.name.zh).join('、')}。`);
    expect(monitorMessageText('en', m)).toBe(`Indicator "数字经济增加值" not recognised. Indicators accepted: ${INDICATORS.map((i) => i.name.en).join(', ')}.`);
    const none = row('x.csv', ',2025,6,亿元,区科委');
    expect(monitorMessageText('en', none)).toBe('No indicator. Write the indicator’s name (such as “Three leading industries, combined scale”).');
    expect(monitorMessageText('zh', none)).toBe('缺少指标。请填写指标名称（如“三大先导产业总规模”）。');
  });

  it('writes figures with their unit as the panel does', () => {
    const m = row('r.csv', 'leading_industries_revenue,2025,-5,亿元,统计公报');
    expect(monitorMessageText('en', m)).toBe(
      'Value -5 × 100 million yuan is outside the plausible range (0 × 100 million yuan to 100,000 × 100 million yuan).',
    );
    expect(monitorMessageText('zh', m)).toBe('数值 -5亿元 超出合理范围（0亿元 至 100,000亿元）。');
    const tier = row('t.csv', 'zhangjiang_tier,2025,7,梯队,张江');
    expect(monitorMessageText('en', tier)).toBe('Value tier 7 is outside the plausible range (tier 1 to tier 5).');
    const total = monitorMessage('monitor-total-mismatch', { year: 2024, total: '1200', sum: '1150', unit: '亿元' });
    expect(monitorMessageText('en', total)).toBe(
      'In 2024, the district’s three leading industries’ combined scale is given as 1,200 × 100 million yuan, but the three industries add up to 1,150 × 100 million yuan: please check.',
    );
    expect(monitorMessageText('zh', total)).toBe('2024 年全区三大先导产业总规模为 1,200亿元，而三个产业之和为 1,150亿元：请核对。');
  });
});

describe('properties', () => {
  const HEADERS = ['indicator', 'year', 'value', 'unit', 'source', 'place'];
  const MAPPING = { indicator: 'indicator', year: 'year', value: 'value', unit: 'unit', source: 'source', place: 'place' };
  const piece = (known: string[]) => fc.oneof(fc.constantFrom(...known), fc.string({ maxLength: 12 }), fc.constant(''));
  const rowSpec = fc.record({
    indicator: piece([...INDICATORS.map((i) => i.id), '瞪羚企业', 'gdp', '<b>x</b>']),
    year: piece(['2018', '2019', '2024', '2025年', '２０２６', '2027', '24']),
    value: piece(['0', '1', '4.6', '12.5', '1,234.5', '１３８', '1400亿元', '700万元', '5%', '-3', 'n/a', '第一梯队', '1e3']),
    unit: piece(['亿元', '%', '家', '梯队', '万元', '个', 'tier']),
    source: piece(['统计公报', '=SUM(A1)', '\u0007\u202e', '  ']),
    place: piece(['zc-kic', 'ZC-KIC', '长阳创谷', 'nowhere']),
  });
  const tableOf = (rows: Record<string, string>[]): ImportTable => ({
    format: 'csv',
    fileName: 'random.csv',
    encoding: 'UTF-8',
    rowKind: 'row',
    headers: HEADERS,
    rows: rows.map((values, i) => ({ row: i + 2, values })),
    notes: [],
  });

  it('any table: every row accepted or rejected with a reason, and every figure kept is valid', () => {
    fc.assert(
      fc.property(fc.array(rowSpec, { maxLength: 25 }), (rows) => {
        const { dataset, report } = buildIndicatorDataset(tableOf(rows), MAPPING, { places: PLACES, now: NOW });
        const skipped = Number(report.notes.find((n) => n.code === 'monitor-template-rows-skipped')?.params?.['count'] ?? 0);
        expect(report.rows.length + skipped).toBe(rows.length);
        expect(report.accepted).toBe(dataset.observations.length);
        expect(report.accepted + report.rejected).toBe(report.rows.length);
        for (const r of report.rows) if (!r.accepted) expect(r.messages.length).toBeGreaterThan(0);
        const keys = new Set<string>();
        for (const o of dataset.observations) {
          const ind = INDICATORS.find((i) => i.id === o.indicator)!;
          expect(o.unit).toBe(ind.unit);
          expect(o.year).toBeGreaterThanOrEqual(FIRST_YEAR);
          expect(o.year).toBeLessThanOrEqual(2026);
          expect(o.value).toBeGreaterThanOrEqual(ind.min);
          expect(o.value).toBeLessThanOrEqual(ind.max);
          if (ind.integer) expect(Number.isInteger(o.value)).toBe(true);
          expect(o.source).not.toBe('');
          expect(o.source).not.toMatch(/[\u0000-\u001f\u007f-\u009f\u202a-\u202e]|^\s|\s$/);
          if (o.place !== undefined) expect(PLACES.has(o.place)).toBe(true);
          const k = `${o.indicator}|${o.year}|${o.place ?? ''}`;
          expect(keys.has(k)).toBe(false);
          keys.add(k);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('any set of valid figures survives export and import unchanged', () => {
    const figure = fc
      .record({
        k: fc.integer({ min: 0, max: INDICATORS.length - 1 }),
        year: fc.integer({ min: FIRST_YEAR, max: 2026 }),
        v: fc.double({ min: 0, max: 1, noNaN: true }),
        source: fc.string({ minLength: 1, maxLength: 30 }).filter((x) => x.trim() !== ''),
        place: fc.constantFrom(undefined, 'zc-kic', 'zc-changyang-campus'),
      })
      .map(({ k, year, v, source, place }): Observation => {
        const ind = INDICATORS[k]!;
        const raw = ind.min + v * Math.min(ind.max - ind.min, 5000);
        const value = ind.integer ? Math.round(raw) : Math.round(raw * 100) / 100;
        const o: Observation = { indicator: ind.id, year, value, unit: ind.unit, source };
        if (place) o.place = place;
        return o;
      });
    fc.assert(
      fc.property(fc.uniqueArray(figure, { selector: (o) => `${o.indicator}|${o.year}|${o.place ?? ''}`, minLength: 1, maxLength: 20 }), (figures) => {
        // What the import keeps of a source is its cleaned text: compare with that.
        const kept = figures.map((o) => ({ ...o, source: cleanText(o.source, 'source').value })).filter((o) => o.source !== '');
        fc.pre(kept.length > 0);
        const text = observationsCsv(kept, 'en', { places: PLACES });
        const { dataset, report } = importMonitorFixture('export.csv', utf8(text));
        expect(report.rejected).toBe(0);
        const strip = (list: Observation[]) =>
          list.map(({ row: _row, ...rest }) => rest).sort((a, b) => `${a.indicator}|${a.year}|${a.place}`.localeCompare(`${b.indicator}|${b.year}|${b.place}`));
        expect(strip(dataset.observations)).toEqual(strip(kept));
      }),
      { numRuns: 100 },
    );
  });
});
