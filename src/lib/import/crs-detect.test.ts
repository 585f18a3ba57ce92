import { describe, expect, it } from 'vitest';
import { distanceM, fromWgs84, toWgs84 } from './coords.ts';
import { detectCrs, placeKey, type CrsReference, type CrsSample } from './crs-detect.ts';
import type { Crs } from './types.ts';

// Three Yangpu stations as OpenStreetMap places them (WGS-84, ±30 m), and a campus known only to ±400 m.
const WUJIAOCHANG: CrsReference = { lonlat: [121.51007, 31.29974], names: ['五角场', 'Wujiaochang'], precisionM: 30 };
const JIANGWAN: CrsReference = { lonlat: [121.5145, 31.3071], names: ['江湾体育场', 'Jiangwan Stadium'], precisionM: 30 };
const DANYANG: CrsReference = { lonlat: [121.52605, 31.25691], names: ['丹阳路', 'Danyang Road'], precisionM: 30 };
const VAGUE: CrsReference = { lonlat: [121.5, 31.3], names: ['某大学科技园'], precisionM: 400 };
const PLACES = { places: [WUJIAOCHANG, JIANGWAN, DANYANG, VAGUE] };

/** Where a map using `crs` writes a WGS-84 point moved `east`/`north` metres. */
function written(p: readonly [number, number], crs: Crs, east = 0, north = 0): [number, number] {
  const moved: [number, number] = [p[0] + east / (111_320 * Math.cos((p[1] * Math.PI) / 180)), p[1] + north / 110_574];
  return fromWgs84(moved, crs);
}

describe('placeKey', () => {
  it('compares names without brackets, spaces, 上海 in front or 站 behind', () => {
    expect(placeKey('五角场(地铁站)')).toBe('五角场');
    expect(placeKey('上海市 五角场站')).toBe('五角场');
    expect(placeKey('复旦大学（邯郸校区）')).toBe(placeKey('复旦大学邯郸校区'));
    expect(placeKey('Wujiaochang Station')).toBe('wujiaochang');
    expect(placeKey('五角场4号口')).not.toBe('五角场');
  });
});

describe('detectCrs', () => {
  it('hears a GeoJSON that declares WGS-84 (CRS84), with the standard as a weak second clue', () => {
    const samples: CrsSample[] = [{ written: [121.45, 31.2] }];
    const d = detectCrs(samples, PLACES, { format: 'geojson', meta: { crs: 'urn:ogc:def:crs:OGC:1.3:CRS84' } });
    expect(d.choice).toBe('wgs84');
    expect(d.scores).toEqual({ wgs84: 4, gcj02: 0, bd09: 0 });
    expect(d.clues.map((c) => [c.kind, c.favours, c.weight])).toEqual([
      ['declared', 'wgs84', 3],
      ['standard', 'wgs84', 1],
    ]);
  });

  it('finds GCJ-02 from names that land on their stations only when read so (an Amap export)', () => {
    const samples: CrsSample[] = [
      { name: '五角场(地铁站)', written: written(WUJIAOCHANG.lonlat, 'gcj02', 40, -20) },
      { name: '江湾体育场地铁站', written: written(JIANGWAN.lonlat, 'gcj02', -30, 50) },
      { name: '丹阳路', written: written(DANYANG.lonlat, 'gcj02') },
      // Not a known place, and far from all: no vote.
      { name: '某写字楼', written: written([121.55, 31.33], 'gcj02') },
    ];
    const d = detectCrs(samples, PLACES, { format: 'csv' });
    expect(d.namedRows).toBe(3);
    expect(d.fit.gcj02.named).toBe(3);
    expect(d.fit.wgs84.named + d.fit.bd09.named).toBe(0);
    // Three rows ahead by 3 at 2 each, capped at 6.
    expect(d.scores).toEqual({ wgs84: 0, gcj02: 6, bd09: 0 });
    expect(d.choice).toBe('gcj02');
    expect(d.clues[0]!.message.text).toBe(
      '3 rows are named like known places (e.g. "五角场(地铁站)"). Rows landing within 120 m of them under one reading only: WGS-84 0, GCJ-02 3, BD-09 0.',
    );
    // The preview frames the readings at a station the points come near.
    expect(d.focus).not.toBeNull();
    expect([WUJIAOCHANG, JIANGWAN, DANYANG].some((p) => p.lonlat[0] === d.focus![0] && p.lonlat[1] === d.focus![1])).toBe(true);
  });

  it('finds BD-09 from unnamed points sitting at stations under that reading only', () => {
    const samples: CrsSample[] = [
      { written: written(WUJIAOCHANG.lonlat, 'bd09', 60, 0) },
      { written: written(JIANGWAN.lonlat, 'bd09', 0, -70) },
      { written: written(DANYANG.lonlat, 'bd09', 20, 20) },
    ];
    const d = detectCrs(samples, PLACES);
    expect(d.fit.bd09.near).toBe(3);
    expect(d.fit.wgs84.near + d.fit.gcj02.near).toBe(0);
    expect(d.scores.bd09).toBe(3);
    expect(d.choice).toBe('bd09');
  });

  it('asks when nothing tells: a CSV whose points are nowhere near a known place', () => {
    const samples: CrsSample[] = [121.4, 121.42, 121.44].map((lon) => ({ name: '写字楼', written: [lon, 31.1] as [number, number] }));
    const d = detectCrs(samples, PLACES, { format: 'csv', fileName: 'offers.csv' });
    expect(d.choice).toBeNull();
    expect(d.undecided).toBe('no-clues');
    expect(d.clues).toEqual([]);
  });

  it('asks when only weak clues speak (a KML: WGS-84 by standard, often GCJ-02 in practice)', () => {
    const d = detectCrs([{ written: [121.4, 31.1] }], PLACES, { format: 'kml', meta: { tool: 'Google Earth' } });
    expect(d.choice).toBeNull();
    expect(d.undecided).toBe('weak');
    expect(d.scores).toEqual({ wgs84: 1, gcj02: 0, bd09: 0 });
  });

  it('asks when strong clues contradict each other: a column labelled GCJ-02 whose named points fit WGS-84', () => {
    const samples: CrsSample[] = [
      { name: '五角场', written: written(WUJIAOCHANG.lonlat, 'wgs84') },
      { name: '丹阳路', written: written(DANYANG.lonlat, 'wgs84') },
    ];
    const d = detectCrs(samples, PLACES, { coordinateHeaders: ['lng_gcj02', 'lat_gcj02'] });
    expect(d.clues.filter((c) => c.kind === 'header')).toHaveLength(2);
    expect(d.fit.wgs84.named).toBe(2);
    expect(d.undecided).toBe('conflict');
    expect(d.choice).toBeNull();
  });

  it('takes the file name and a labelled column as clues', () => {
    const a = detectCrs([{ written: [121.4, 31.1] }], PLACES, { fileName: '杨浦写字楼_高德.csv' });
    expect(a.clues.map((c) => [c.kind, c.favours, c.weight])).toEqual([['file-name', 'gcj02', 2]]);
    expect(a.choice).toBeNull();
    const b = detectCrs([{ written: [121.4, 31.1] }], PLACES, { fileName: 'offers-bd09.csv', coordinateHeaders: ['百度经度'] });
    expect(b.choice).toBe('bd09');
  });

  it('gives no vote to a place known less precisely than the GCJ-02 shift', () => {
    const d = detectCrs([{ name: '某大学科技园', written: written(VAGUE.lonlat, 'gcj02') }], PLACES);
    expect(d.namedRows).toBe(0);
    expect(d.choice).toBeNull();
  });

  it('counts points inside a campus outline under one reading only', () => {
    // A 300 m square; a point near its east edge is inside as WGS-84 and 480 m east of it as GCJ-02 read as WGS-84.
    const square = [
      [121.5, 31.3],
      [121.5032, 31.3],
      [121.5032, 31.3027],
      [121.5, 31.3027],
      [121.5, 31.3],
    ] as [number, number][];
    const inside = [121.5016, 31.30135] as const;
    const d = detectCrs([{ written: written(inside, 'wgs84') }], { places: [], outlines: [{ name: 'campus', rings: [square] }] });
    expect(d.fit.wgs84.inside).toBe(1);
    expect(d.clues.map((c) => [c.kind, c.favours, c.weight])).toEqual([['outlines', 'wgs84', 1]]);
  });

  it('never decides from chance: points scattered at random without names or words stay undecided', () => {
    // A seeded generator: the test is the same at every run.
    let seed = 7;
    const rand = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
    let decided = 0;
    for (let run = 0; run < 40; run++) {
      const samples: CrsSample[] = Array.from({ length: 60 }, () => ({ written: [121.49 + rand() * 0.05, 31.25 + rand() * 0.07] as [number, number] }));
      if (detectCrs(samples, PLACES).choice) decided++;
    }
    expect(decided).toBe(0);
  });

  it('leaves its inputs as they were', () => {
    const samples: CrsSample[] = [{ name: '五角场', written: written(WUJIAOCHANG.lonlat, 'gcj02') }];
    const before = JSON.stringify([samples, PLACES]);
    detectCrs(samples, PLACES, { format: 'csv' });
    expect(JSON.stringify([samples, PLACES])).toBe(before);
  });

  it('reads the true position back within a metre once the system is right', () => {
    const w = written(WUJIAOCHANG.lonlat, 'gcj02');
    expect(distanceM(toWgs84(w, 'gcj02'), WUJIAOCHANG.lonlat)).toBeLessThan(1);
    expect(distanceM(toWgs84(w, 'wgs84'), WUJIAOCHANG.lonlat)).toBeGreaterThan(400);
  });
});
