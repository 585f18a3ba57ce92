import gcoord from 'gcoord';
import { describe, expect, it } from 'vitest';
import { NAV_SERVICES, navigationLinks, type NavLink, type NavPlace, type NavService } from '../../src/lib/data/navigate.ts';
import { navigateEn, navigateZh } from '../../src/lib/ui/card/navigate-messages.ts';
import { expectOneLanguage } from '../support/language.ts';

// The Fudan science park's pin, WGS-84 as the map draws it.
const FUDAN: NavPlace = { lon: 121.503, lat: 31.2965, name: '复旦大学国家大学科技园', address: '国权路525号' };
const HOSTILE = 'A&B=1#frag "q" \'s\'\n<script>alert(1)</script>;title:x|coord:0,0 ?&callnative=0';

const byService = (links: NavLink[]) => Object.fromEntries(links.map((l) => [l.service, new URL(l.href)])) as Record<NavService, URL>;
const pair = (s: string | null) => {
  const m = /^(-?\d+\.\d+),(-?\d+\.\d+)$/.exec(s ?? '');
  if (!m) throw new Error(`not a coordinate pair: ${s}`);
  return [Number(m[1]), Number(m[2])] as [number, number];
};
/** Tencent's marker value, split as the service splits it: `key:value` pairs between semicolons. */
const markerParts = (marker: string | null) =>
  Object.fromEntries((marker ?? '').split(';').map((kv) => [kv.slice(0, kv.indexOf(':')), kv.slice(kv.indexOf(':') + 1)]));

/** Each service's position, read back from its link as `[lon, lat]` in the order its documentation gives. */
function positions(links: NavLink[]): Record<NavService, [number, number]> {
  const u = byService(links);
  const [amapLon, amapLat] = pair(u.amap.searchParams.get('position')); // lon,lat
  const [baiduLat, baiduLon] = pair(u.baidu.searchParams.get('location')); // lat,lng
  const [tencentLat, tencentLon] = pair(markerParts(u.tencent.searchParams.get('marker')).coord ?? null); // lat,lng
  const [appleLat, appleLon] = pair(u.apple.searchParams.get('ll')); // lat,lng
  return {
    amap: [amapLon, amapLat],
    baidu: [baiduLon, baiduLat],
    tencent: [tencentLon, tencentLat],
    apple: [appleLon, appleLat],
    osm: [Number(u.osm.searchParams.get('mlon')), Number(u.osm.searchParams.get('mlat'))],
  };
}

const expectNear = (got: readonly number[], want: readonly number[], tolerance: number) => {
  expect(Math.abs(got[0]! - want[0]!), `lon ${got[0]} vs ${want[0]}`).toBeLessThanOrEqual(tolerance);
  expect(Math.abs(got[1]! - want[1]!), `lat ${got[1]} vs ${want[1]}`).toBeLessThanOrEqual(tolerance);
};

describe('navigation links', () => {
  it('offers the five services, each on its documented https host', () => {
    const links = navigationLinks(FUDAN);
    expect(links.map((l) => l.service)).toEqual([...NAV_SERVICES]);
    const u = byService(links);
    expect(u.amap.origin + u.amap.pathname).toBe('https://uri.amap.com/marker');
    expect(u.baidu.origin + u.baidu.pathname).toBe('https://api.map.baidu.com/marker');
    expect(u.tencent.origin + u.tencent.pathname).toBe('https://apis.map.qq.com/uri/v1/marker');
    expect(u.apple.origin + u.apple.pathname).toBe('https://maps.apple.com/');
    expect(u.osm.origin + u.osm.pathname).toBe('https://www.openstreetmap.org/');
  });

  it.each([
    ['a park in Yangpu', FUDAN],
    ['Wujiaochang', { lon: 121.5141, lat: 31.3008, name: '五角场' }],
    ['the far end of the district', { lon: 121.5658, lat: 31.2495, name: 'x' }],
  ])('holds every link to gcoord’s conversion within 1e-6°, in the order each service reads (%s)', (_what, place) => {
    const got = positions(navigationLinks(place));
    const gcj = gcoord.transform([place.lon, place.lat], gcoord.WGS84, gcoord.GCJ02);
    const bd = gcoord.transform([place.lon, place.lat], gcoord.WGS84, gcoord.BD09);
    expectNear(got.amap, gcj, 1e-6);
    expectNear(got.tencent, gcj, 1e-6);
    expectNear(got.apple, gcj, 1e-6);
    expectNear(got.baidu, bd, 1e-6);
    expectNear(got.osm, [place.lon, place.lat], 1e-6);
    // The conversion is not a no-op here: a WGS-84 link would land hundreds of metres off (≈ 0.004° in Yangpu).
    expect(Math.abs(got.amap[0] - place.lon)).toBeGreaterThan(0.003);
    expect(Math.abs(got.baidu[1] - place.lat)).toBeGreaterThan(0.003);
  });

  it('names the coordinate system wherever the service has a parameter for it, and asks for the app on a phone', () => {
    const u = byService(navigationLinks(FUDAN));
    expect(u.amap.searchParams.get('coordinate')).toBe('gaode');
    expect(u.amap.searchParams.get('callnative')).toBe('1');
    expect(u.amap.searchParams.get('src')).toBeTruthy();
    expect(u.baidu.searchParams.get('coord_type')).toBe('bd09ll');
    expect(u.baidu.searchParams.get('output')).toBe('html');
    expect(u.baidu.searchParams.get('src')).toMatch(/^webapp\.[A-Za-z0-9]+\.[A-Za-z0-9]+$/);
    expect(u.tencent.searchParams.get('coord_type')).toBe('2');
    expect(u.tencent.searchParams.get('referer')).toBeTruthy();
    expect(u.osm.hash).toBe('#map=17/31.296500/121.503000');
  });

  it('passes the name, and the address where a service shows one', () => {
    const u = byService(navigationLinks(FUDAN));
    expect(u.amap.searchParams.get('name')).toBe(FUDAN.name);
    expect(u.baidu.searchParams.get('title')).toBe(FUDAN.name);
    expect(u.baidu.searchParams.get('content')).toBe(FUDAN.address);
    expect(markerParts(u.tencent.searchParams.get('marker'))).toMatchObject({ title: FUDAN.name, addr: FUDAN.address });
    expect(u.apple.searchParams.get('q')).toBe(FUDAN.name);
    // Without an address, the services that require a detail line get the name again.
    const bare = byService(navigationLinks({ lon: 121.5, lat: 31.3, name: 'Yangpu' }));
    expect(bare.baidu.searchParams.get('content')).toBe('Yangpu');
  });

  it('keeps a hostile name one parameter of one line, every other parameter intact', () => {
    const links = navigationLinks({ lon: 121.5, lat: 31.3, name: HOSTILE });
    const oneLine = HOSTILE.replace(/\s+/g, ' ');
    for (const link of links) {
      expect(link.href).not.toMatch(/[\s"'<>()]/);
      expect(link.href).not.toContain('<script');
    }
    const u = byService(links);
    expect(u.amap.searchParams.getAll('name')).toEqual([oneLine]);
    expect(u.amap.searchParams.getAll('callnative')).toEqual(['1']);
    expect(u.amap.searchParams.getAll('coordinate')).toEqual(['gaode']);
    expect(u.amap.hash).toBe('');
    expect(u.baidu.searchParams.getAll('title')).toEqual([oneLine]);
    expect(u.baidu.searchParams.getAll('coord_type')).toEqual(['bd09ll']);
    expect(u.apple.searchParams.getAll('q')).toEqual([oneLine]);
    expect(u.apple.searchParams.getAll('ll')).toHaveLength(1);
    // Tencent splits its marker on ";" and ":" once decoded: the name's own become full-width, one title, one coord.
    const marker = markerParts(u.tencent.searchParams.get('marker'));
    expect(Object.keys(marker)).toEqual(['coord', 'title', 'addr']);
    expect(marker.coord).toMatch(/^\d+\.\d{6},\d+\.\d{6}$/);
    expect(marker.title).toBe(oneLine.replace(/;/g, '；').replace(/:/g, '：').replace(/\|/g, '｜'));
    expect(u.tencent.searchParams.getAll('coord_type')).toEqual(['2']);
    expect(u.osm.hash).toMatch(/^#map=17\/31\.300000\/121\.500000$/);
  });

  it('leaves its input alone, takes the options it is given, and refuses a position that is not one', () => {
    const place = { ...FUDAN };
    const frozen = Object.freeze({ ...FUDAN });
    navigationLinks(frozen);
    navigationLinks(place);
    expect(place).toEqual(FUDAN);
    const two = navigationLinks(FUDAN, { services: ['osm', 'amap'], source: 'my site!', zoom: 12 });
    expect(two.map((l) => l.service)).toEqual(['osm', 'amap']);
    expect(new URL(two[0]!.href).hash).toBe('#map=12/31.296500/121.503000');
    expect(new URL(two[1]!.href).searchParams.get('src')).toBe('my-site');
    expect(() => navigationLinks({ lon: Number.NaN, lat: 31, name: 'x' })).toThrow(/longitude/);
    expect(() => navigationLinks({ lon: 31.3, lat: 121.5, name: 'swapped' })).toThrow(/latitude/);
    expect(navigationLinks({ lon: 121.5, lat: 31.3, name: '  \n ' }).find((l) => l.service === 'amap')!.href).toContain('name=31.300000%2C121.500000');
  });
});

describe('against published sample conversions', () => {
  // gcoord's README (https://github.com/hujiulong/gcoord#使用): WGS-84 [116.403988, 39.914266] → BD-09
  // [116.41661560068297, 39.92196580126834]. The same algorithm: held to 1e-6°.
  it('Baidu: gcoord’s own WGS-84 → BD-09 example', () => {
    const got = positions(navigationLinks({ lon: 116.403988, lat: 39.914266, name: 'x' }));
    expectNear(got.baidu, [116.41661560068297, 39.92196580126834], 1e-6);
  });

  // Amap's coordinate conversion service (https://lbs.amap.com/api/webservice/guide/api/convert), its sample
  // request locations=116.481499,39.990475&coordsys=gps and response "116.487585177952,39.991754014757": Amap's
  // own GCJ-02 for a GPS position. Its server and gcoord differ by 4e-7°, the link's six decimals add up to 5e-7°:
  // held to 2e-6° (0.2 m), where sending WGS-84 would miss by 6e-3°.
  it('Amap, Tencent and Apple: Amap’s own GPS → GCJ-02 sample', () => {
    const got = positions(navigationLinks({ lon: 116.481499, lat: 39.990475, name: 'x' }));
    for (const s of ['amap', 'tencent', 'apple'] as const) expectNear(got[s], [116.487585177952, 39.991754014757], 2e-6);
  });
});

describe('the catalogue of "navigate there"', () => {
  it('keeps to its language, key for key', () => {
    expectOneLanguage(navigateZh, navigateEn);
  });
});
