import { describe, expect, it } from 'vitest';
import { buildIndicatorDataset, readIndicatorFile, suggestIndicatorMapping } from './import.ts';
import { INDICATORS } from './indicators.ts';
import { exportFileName, observationsCsv, templateCsv } from './template.ts';
import type { Observation } from './types.ts';
import { importMonitorFixture, NOW, PLACES } from '../../../tests/fixtures/monitor/helpers.ts';

const bytes = (s: string) => new TextEncoder().encode(s);

function reimport(name: string, text: string) {
  const r = readIndicatorFile({ name, bytes: bytes(text) });
  if (!r.table) throw new Error(r.fileErrors.map((e) => e.text).join('; '));
  return buildIndicatorDataset(r.table, suggestIndicatorMapping(r.table.headers), { places: PLACES, now: NOW, id: 'again' });
}

describe('template', () => {
  it('is the documented header and one row per indicator with its id and unit, BOM and CRLF', () => {
    expect(templateCsv()).toBe(
      '\uFEFF' +
        [
          'indicator,year,value,unit,source,place',
          'leading_industries_revenue,,,亿元,,',
          'digital_economy_revenue,,,亿元,,',
          'life_health_revenue,,,亿元,,',
          'green_low_carbon_revenue,,,亿元,,',
          'rd_intensity,,,%,,',
          'gazelle_firms,,,家,,',
          'unicorn_firms,,,家,,',
          'zhangjiang_tier,,,梯队,,',
          '',
        ].join('\r\n'),
    );
  });

  it('imported untouched, it gives no figures, no rejections, and says why', () => {
    const { dataset, report } = reimport('template.csv', templateCsv());
    expect([report.accepted, report.rejected]).toEqual([0, 0]);
    expect(dataset.observations).toEqual([]);
    expect(report.notes.map((n) => n.code)).toEqual(['encoding', 'monitor-template-rows-skipped', 'monitor-nothing-filled']);
    expect(report.notes[1]!.params).toEqual({ count: INDICATORS.length, rows: '2, 3, 4, 5, 6, 7, 8, 9' });
  });
});

describe('export', () => {
  const valid = importMonitorFixture('valid.csv').dataset.observations;

  it('re-imports to the same figures (row numbers aside), with no unused-column note', () => {
    const csv = observationsCsv(valid, 'zh', { places: PLACES });
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
    expect(en[0]).toBe('indicator,year,value,unit,source,place,indicator_name,place_name');
    expect(en.slice(1, 6)).toEqual([
      'leading_industries_revenue,2023,1000,亿元,杨浦区统计公报（2023）,,"Three leading industries, combined scale",',
      'leading_industries_revenue,2024,1150,亿元,杨浦区统计公报（2024）,,"Three leading industries, combined scale",',
      'leading_industries_revenue,2025,95.5,亿元,园区报表,zc-changyang-campus,"Three leading industries, combined scale",Changyang Campus (Changyang Valley)',
      'leading_industries_revenue,2025,180,亿元,园区报表,zc-kic,"Three leading industries, combined scale",Greater KIC (Knowledge & Innovation Community)',
      'digital_economy_revenue,2024,620,亿元,区经委年报,,"Digital economy, revenue",',
    ]);
    const zh = observationsCsv(valid, 'zh', { places: PLACES });
    expect(zh).toContain('zc-kic,三大先导产业总规模,大创智\r\n');
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
    expect(observationsCsv([], 'zh')).toBe('\uFEFFindicator,year,value,unit,source,place,indicator_name,place_name\r\n');
    expect(exportFileName(NOW)).toBe('yangpu-monitor-2026-06-30.csv');
  });
});
