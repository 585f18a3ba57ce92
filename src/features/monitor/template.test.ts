import { describe, expect, it } from 'vitest';
import { buildIndicatorDataset, readIndicatorFile, suggestIndicatorMapping } from './import.ts';
import { INDICATORS } from './indicators.ts';
import { exportFileName, observationsCsv, templateCsv } from './template.ts';
import type { Observation } from './types.ts';
import { importMonitorFixture, NOW, PLACES } from '../../../tests/fixtures/monitor/helpers.ts';
import { HAN } from '../../../tests/support/language.ts';

const bytes = (s: string) => new TextEncoder().encode(s);

function reimport(name: string, text: string) {
  const r = readIndicatorFile({ name, bytes: bytes(text) });
  if (!r.table) throw new Error(r.fileErrors.map((e) => e.text).join('; '));
  return buildIndicatorDataset(r.table, suggestIndicatorMapping(r.table.headers), { places: PLACES, now: NOW, id: 'again' });
}

const lines = (csv: string) => csv.replace(/^\uFEFF/, '').split('\r\n');

describe('template', () => {
  it('in Chinese: Chinese headers, a how-to and an example as comment rows, one row per indicator with its name and unit', () => {
    const csv = templateCsv('zh');
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const rows = lines(csv);
    expect(rows[0]).toBe('指标,年份,数值,单位,数据来源,地点');
    expect(rows[1]).toMatch(/^# 填写说明（以 # 开头的行导入时跳过）/);
    expect(rows[2]).toBe('# 示例：数字经济产业营收,2025,620,亿元,杨浦区统计公报（2025）,');
    expect(rows.slice(3)).toEqual([
      '三大先导产业总规模,,,亿元,,',
      '数字经济产业营收,,,亿元,,',
      '生命健康产业规模,,,亿元,,',
      '绿色低碳产业规模,,,亿元,,',
      '企业研发经费支出占营收比例,,,%,,',
      '瞪羚企业数量,,,家,,',
      '“独角兽”企业数量,,,家,,',
      '张江高新区综合评价排名梯队,,,梯队,,',
      '',
    ]);
  });

  it('in English: English headers, names and units, and not one Chinese character', () => {
    const csv = templateCsv('en');
    expect(csv).not.toMatch(HAN);
    const rows = lines(csv);
    expect(rows[0]).toBe('indicator,year,value,unit,source,place');
    expect(rows[1]).toMatch(/^"# How to fill this in \(rows starting with # are skipped on import\)/);
    expect(rows[2]).toBe('"# Example: Digital economy, revenue",2025,620,100 million yuan,Yangpu statistical bulletin (2025),');
    expect(rows[3]).toBe('"Three leading industries, combined scale",,,100 million yuan,,');
    expect(rows).toContain('Gazelle firms,,,firms,,');
    expect(rows).toContain('Tier in the Zhangjiang Hi-tech Park ranking,,,tier,,');
  });

  it.each(['zh', 'en'] as const)('in %s, imported untouched: no figures, no rejections, and the report says why', (lang) => {
    const { dataset, report } = reimport('template.csv', templateCsv(lang));
    expect([report.accepted, report.rejected]).toEqual([0, 0]);
    expect(dataset.observations).toEqual([]);
    expect(report.notes.map((n) => n.code)).toEqual(['encoding', 'comment-rows-skipped', 'monitor-template-rows-skipped', 'monitor-nothing-filled']);
    expect(report.notes[1]!.params).toEqual({ count: 2, rows: '2, 3' });
    expect(report.notes[2]!.params).toEqual({ count: INDICATORS.length, rows: '4, 5, 6, 7, 8, 9, 10, 11' });
  });

  it.each(['zh', 'en'] as const)('in %s, filled in, every indicator imports; the example row, uncommented, is a valid figure', (lang) => {
    const rows = lines(templateCsv(lang));
    const example = rows[2]!.replace(/^"?# [^:：]+[:：]\s*/, rows[2]!.startsWith('"') ? '"' : '');
    const filled = rows.slice(3, -1).map((r, i) => r.replace(/,,,(.*),,$/, `,2024,${i === 7 ? 1 : 10 + i},$1,s${i},`));
    const { dataset, report } = reimport('filled.csv', [rows[0], rows[1], example, ...filled, ''].join('\r\n'));
    expect(report.rejected).toBe(0);
    expect(report.accepted).toBe(INDICATORS.length + 1);
    expect(dataset.observations.map((o) => o.indicator).sort()).toEqual([...INDICATORS.map((i) => i.id), 'digital_economy_revenue'].sort());
    expect(dataset.observations.find((o) => o.year === 2025)).toMatchObject({ indicator: 'digital_economy_revenue', value: 620, unit: '亿元' });
  });
});

describe('export', () => {
  const valid = importMonitorFixture('valid.csv').dataset.observations;

  it.each(['zh', 'en'] as const)('in %s, re-imports to the same figures (row numbers aside), with no unused-column note', (lang) => {
    const csv = observationsCsv(valid, lang, { places: PLACES });
    const { dataset, report } = reimport('export.csv', csv);
    expect([report.accepted, report.rejected]).toEqual([16, 0]);
    expect(report.notes.map((n) => n.code)).toEqual(['encoding']);
    const strip = (o: Observation[]) =>
      o.map(({ row: _row, ...rest }) => rest).sort((a, b) => `${a.indicator}${a.year}${a.place}`.localeCompare(`${b.indicator}${b.year}${b.place}`));
    expect(strip(dataset.observations)).toEqual(strip(valid));
  });

  it('orders figures by indicator, district first, then year, and names them in the language asked', () => {
    const en = observationsCsv(valid, 'en', { places: PLACES })
      .replace(/^\uFEFF/, '')
      .split('\r\n');
    // The sources are the file's own words (Chinese here); the export's are English.
    expect(en[0]).toBe('indicator,year,value,unit,source,place,place name');
    expect(en.slice(1, 6)).toEqual([
      '"Three leading industries, combined scale",2023,1000,100 million yuan,杨浦区统计公报（2023）,,',
      '"Three leading industries, combined scale",2024,1150,100 million yuan,杨浦区统计公报（2024）,,',
      '"Three leading industries, combined scale",2025,95.5,100 million yuan,园区报表,zc-changyang-campus,Changyang Campus (Changyang Valley)',
      '"Three leading industries, combined scale",2025,180,100 million yuan,园区报表,zc-kic,Greater KIC (Knowledge & Innovation Community)',
      '"Digital economy, revenue",2024,620,100 million yuan,区经委年报,,',
    ]);
    const zh = observationsCsv(valid, 'zh', { places: PLACES });
    expect(lines(zh)[0]).toBe('指标,年份,数值,单位,数据来源,地点,地点名称');
    expect(zh).toContain('\r\n三大先导产业总规模,2025,180,亿元,园区报表,zc-kic,大创智\r\n');
    expect(zh.endsWith('\r\n')).toBe(true);
  });

  it('neutralises formula-like text, and the import takes it back', () => {
    const hostile = importMonitorFixture('hostile.csv').dataset.observations;
    const csv = observationsCsv(hostile, 'en');
    expect(csv).toContain(`'=HYPERLINK(""http://evil.example"",""click"")`);
    expect(csv).not.toMatch(/,=HYPERLINK/);
    const { dataset } = reimport('export.csv', csv);
    expect(dataset.observations.map((o) => o.source).sort()).toEqual(hostile.map((o) => o.source).sort());
    expect(dataset.observations.find((o) => o.indicator === 'gazelle_firms')!.source).toBe('=HYPERLINK("http://evil.example","click")');
  });

  it('with no figures, the header alone; a dated file name', () => {
    expect(observationsCsv([], 'en')).toBe('\uFEFFindicator,year,value,unit,source,place,place name\r\n');
    expect(observationsCsv([], 'zh')).toBe('\uFEFF指标,年份,数值,单位,数据来源,地点,地点名称\r\n');
    expect(exportFileName(NOW)).toBe('yangpu-monitor-2026-06-30.csv');
  });
});
