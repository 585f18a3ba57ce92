import { describe, expect, it } from 'vitest';
import { checkPoint, distanceM, fromWgs84, SHANGHAI_BBOX, toWgs84 } from '../../src/lib/import/coords.ts';
import { LISTING_IMPORT } from '../../src/features/invest/import.ts';
import { suggestMapping } from '../../src/features/invest/mapping.ts';
import type { Crs } from '../../src/lib/import/types.ts';
import { codes, importFixture, tableOf } from '../fixtures/listings/helpers.ts';

type P = [number, number];

/**
 * Published conversion pairs, each from a source independent of gcoord:
 * - EVIL: googollee/eviltransform, go/transform_test.go (`tests`, the Shanghai row; the same pairs are in its
 *   javascript/test.js): WGS-84 (31.1774276, 121.5272106) ↔ GCJ-02 (31.17530398364597, 121.531541859215).
 * - ALIYUN: Alibaba Cloud, Address Purification API reference, "坐标系转换" (TransferCoord) example response
 *   (help.aliyun.com/zh/address-purification/addrpapi/developer-reference/coordinate-system-conversion):
 *   GCJ02 120.026268,30.279164 = WGS84 120.021519,30.281543 = BD09 120.032768,30.285238.
 * - WANDERGIS: wandergis/coordtransform, test/app.js, the documented results for (116.404, 39.915):
 *   bd09togcj02 → [116.39762729119315, 39.90865673957631]; gcj02towgs84 → [116.39775550083061, 39.91359571849836].
 */
const EVIL = { wgs: [121.5272106, 31.1774276] as P, gcj: [121.531541859215, 31.17530398364597] as P };
const ALIYUN = { wgs: [120.021519, 30.281543] as P, gcj: [120.026268, 30.279164] as P, bd: [120.032768, 30.285238] as P };
const WANDERGIS = {
  bd: [116.404, 39.915] as P,
  gcjOfBd: [116.39762729119315, 39.90865673957631] as P,
  gcj: [116.404, 39.915] as P,
  wgsOfGcj: [116.39775550083061, 39.91359571849836] as P,
};

describe('GCJ-02 and BD-09 to WGS-84 against published pairs (within 5 m)', () => {
  it("GCJ-02 → WGS-84: eviltransform's Shanghai pair, Alibaba Cloud's example, wandergis's example", () => {
    expect(distanceM(toWgs84(EVIL.gcj, 'gcj02'), EVIL.wgs)).toBeLessThan(5);
    expect(distanceM(toWgs84(ALIYUN.gcj, 'gcj02'), ALIYUN.wgs)).toBeLessThan(5);
    expect(distanceM(toWgs84(WANDERGIS.gcj, 'gcj02'), WANDERGIS.wgsOfGcj)).toBeLessThan(5);
  });

  it("BD-09 → WGS-84: Alibaba Cloud's example; and a BD-09 point lands where its published GCJ-02 twin does", () => {
    expect(distanceM(toWgs84(ALIYUN.bd, 'bd09'), ALIYUN.wgs)).toBeLessThan(5);
    expect(distanceM(toWgs84(WANDERGIS.bd, 'bd09'), toWgs84(WANDERGIS.gcjOfBd, 'gcj02'))).toBeLessThan(5);
    expect(distanceM(toWgs84(ALIYUN.bd, 'bd09'), toWgs84(ALIYUN.gcj, 'gcj02'))).toBeLessThan(5);
  });

  it('WGS-84 → GCJ-02 / BD-09 (how Amap and Baidu would write a point)', () => {
    expect(distanceM(fromWgs84(EVIL.wgs, 'gcj02'), EVIL.gcj)).toBeLessThan(5);
    expect(distanceM(fromWgs84(ALIYUN.wgs, 'gcj02'), ALIYUN.gcj)).toBeLessThan(5);
    expect(distanceM(fromWgs84(ALIYUN.wgs, 'bd09'), ALIYUN.bd)).toBeLessThan(5);
    expect(toWgs84(EVIL.wgs, 'wgs84')).toEqual(EVIL.wgs);
  });

  it('the offsets are the size the judgement of the system relies on (~0.5 km for GCJ-02, ~1.2 km for BD-09 in Yangpu)', () => {
    const p: P = [121.507, 31.293];
    expect(distanceM(toWgs84(p, 'gcj02'), p)).toBeGreaterThan(400);
    expect(distanceM(toWgs84(p, 'gcj02'), p)).toBeLessThan(600);
    expect(distanceM(toWgs84(p, 'bd09'), p)).toBeGreaterThan(1000);
    expect(distanceM(toWgs84(p, 'bd09'), p)).toBeLessThan(1400);
  });

  it('distanceM is a great-circle distance', () => {
    expect(distanceM([121.5, 31], [121.5, 32])).toBeCloseTo(111_195, -1);
    expect(distanceM([121.5, 31.3], [121.5, 31.3])).toBe(0);
  });
});

describe('checkPoint', () => {
  it('accepts points in the Shanghai box, rounded to 6 decimals', () => {
    expect(checkPoint([121.5070000001, 31.293], 'wgs84')).toEqual({ lonlat: [121.507, 31.293] });
    const gcj = checkPoint(EVIL.gcj, 'gcj02');
    expect('lonlat' in gcj && distanceM(gcj.lonlat, EVIL.wgs)).toBeLessThan(5);
  });

  it('rejects swapped, impossible, outside and non-numeric coordinates with their own codes', () => {
    const code = (p: P, crs: Crs = 'wgs84') => {
      const r = checkPoint(p, crs);
      return 'error' in r ? r.error.code : 'ok';
    };
    expect(code([31.293, 121.507])).toBe('row-coordinates-swapped');
    expect(code([31.293, 121.507], 'bd09')).toBe('row-coordinates-swapped');
    expect(code([181, 31])).toBe('row-out-of-range');
    expect(code([121.5, 91])).toBe('row-out-of-range');
    expect(code([116.404, 39.915])).toBe('row-outside-area');
    expect(code([0, 0])).toBe('row-outside-area');
    expect(code([-121.5, 31.3])).toBe('row-outside-area');
    expect(code([NaN, 31.3])).toBe('row-bad-coordinates');
    expect(code([SHANGHAI_BBOX[0] - 0.01, 31.3])).toBe('row-outside-area');
    expect(code([SHANGHAI_BBOX[0] + 0.01, 31.3])).toBe('ok');
  });
});

// Stations placed 60–110 m from the true positions, in turning directions: near, but with no common offset.
const nearbyStations = (truth: P[]): P[] =>
  truth.map(([lon, lat], i) => {
    const angle = (i * 2 * Math.PI) / truth.length;
    const d = 60 + 10 * i;
    return [lon + (d * Math.cos(angle)) / (111_320 * Math.cos((lat * Math.PI) / 180)), lat + (d * Math.sin(angle)) / 110_540];
  });

const PLAN_POINTS: P[] = [
  [121.507, 31.293],
  [121.4978, 31.2808],
  [121.52756, 31.27487],
  [121.5305, 31.269],
  [121.50385, 31.29931],
  [121.49926, 31.30744],
];

describe('GCJ-02 and BD-09 files', () => {
  it('gcj02.csv read as GCJ-02 lands on the plan points, and the published pair within 5 m', () => {
    const { inventory, report } = importFixture('gcj02.csv', { crs: 'gcj02' });
    expect([report.accepted, report.rejected]).toEqual([7, 0]);
    expect(codes(report.notes)).toEqual(['encoding', 'crs-converted']);
    expect(report.notes[1]!.params).toEqual({ crs: 'GCJ-02' });
    const pts = inventory.listings.map((l) => [l.lon, l.lat] as P);
    PLAN_POINTS.forEach((p, i) => expect(distanceM(pts[i]!, p)).toBeLessThan(1));
    expect(distanceM(pts[6]!, EVIL.wgs)).toBeLessThan(5);
    expect(inventory.crs).toBe('gcj02');
  });

  it('bd09.csv read as BD-09 lands on the plan points', () => {
    const { inventory, report } = importFixture('bd09.csv', { crs: 'bd09' });
    expect([report.accepted, report.rejected]).toEqual([6, 0]);
    inventory.listings.forEach((l, i) => expect(distanceM([l.lon, l.lat], PLAN_POINTS[i]!)).toBeLessThan(1));
  });

  // The judgement of the file's system (crs-detect.ts) as the listings import runs it, on the fixtures' points.
  const judged = (file: string, places: P[]) => {
    const references = { places: places.map((lonlat) => ({ lonlat, names: [], precisionM: 30 })), outlines: [] };
    const table = tableOf(file);
    return LISTING_IMPORT.build(table, suggestMapping(table.headers), { crs: 'wgs84', references, name: 'n', final: false }).result.detection;
  };

  it('a GCJ-02 file is judged GCJ-02 from its points sitting at stations only when read so', async () => {
    const d = await judged('gcj02.csv', nearbyStations(PLAN_POINTS));
    expect(d.choice).toBe('gcj02');
    expect(d.fit.gcj02.near).toBe(6);
    expect(d.fit.wgs84.near + d.fit.bd09.near).toBe(0);
    // Its name says so too; the points alone would decide (six at stations, a weight of 5 against none).
    expect(d.clues.map((c) => [c.message.code, c.favours, c.weight])).toEqual([
      ['crs-clue-file-name', 'gcj02', 2],
      ['crs-clue-places', 'gcj02', 5],
    ]);
  });

  it('a BD-09 file is judged BD-09, whatever it is read as', async () => {
    const d = await judged('bd09.csv', nearbyStations(PLAN_POINTS));
    expect(d.choice).toBe('bd09');
    expect(d.fit.bd09.near).toBe(6);
  });

  it('no judgement when the points are far from every known place and only the file name speaks: the reader is asked', async () => {
    // Stations 3 km away: every reading is far; nothing to say.
    const far: P[] = nearbyStations(PLAN_POINTS).map(([lon, lat]) => [lon + 0.03, lat + 0.012]);
    const d = await judged('gcj02.csv', far);
    expect(d.choice).toBeNull();
    expect(d.undecided).toBe('weak');
    expect(d.clues.map((c) => c.message.code)).toEqual(['crs-clue-file-name']);
    expect((await judged('gcj02.csv', [])).choice).toBeNull();
  });
});
