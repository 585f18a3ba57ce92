import { flushSync } from 'svelte';
import { describe, expect, it } from 'vitest';
import { createApp } from '../support/features.ts';
import type { PlanOutputFeature, PlanProperties } from '../../src/lib/data/plan-schema.ts';
import type { SearchEntry } from '../../src/lib/search/types.ts';
import CardActions from '../../src/lib/ui/card/CardActions.svelte';
import Navigate from '../../src/lib/ui/card/Navigate.svelte';
import { breaksLanguageRule } from '../support/language.ts';
import { render } from './helpers.ts';

const PLACE = { lon: 121.503, lat: 31.2965, name: '复旦大学国家大学科技园', address: '国权路525号' };
const SERVICES = ['amap', 'baidu', 'tencent', 'apple', 'osm'];

const links = (root: HTMLElement) => [...root.querySelectorAll<HTMLAnchorElement>('[data-testid="navigate"] a')];
/** What the disclosure says, link names included (the data's own name is in the hrefs, not the text). */
const words = (root: HTMLElement) => root.querySelector('[data-testid="navigate"]')?.textContent ?? '';

const feature = (over: Partial<PlanProperties>, geometry: PlanOutputFeature['geometry']): PlanOutputFeature =>
  ({
    type: 'Feature',
    id: 1,
    geometry,
    properties: {
      id: 'sp-test',
      name_zh: '测试科技园',
      name_en: 'Test Science Park',
      class: 'university_science_park',
      plan_tasks: [],
      summary_zh: '',
      summary_en: '',
      industries: [],
      status: 'planned',
      source: { text: 'x', text_zh: 'x' },
      precision_m: 300,
      indicative: true,
      location_published: true,
      derivation: 'x',
      derivation_zh: 'x',
      ...over,
    },
  }) as PlanOutputFeature;

const entry = (kind: SearchEntry['kind'], id = 'x'): SearchEntry => ({
  id: `place:${id}`,
  kind,
  name_zh: '五角场站',
  name_en: 'Wujiaochang Station',
  pinyin: '',
  initials: '',
  lon: 121.5141,
  lat: 31.3008,
  source: 'OpenStreetMap',
});

describe('navigate there (component)', () => {
  it.each(['zh', 'en'] as const)('offers five links that open in a new tab, in one language (%s)', (lang) => {
    const root = render(Navigate, createApp(`?lang=${lang}`), { place: PLACE });
    const summary = root.querySelector('[data-testid="navigate"] > summary')!;
    expect(summary.textContent).toBe(lang === 'zh' ? '导航前往' : 'Navigate there');
    const all = links(root);
    expect(all.map((a) => a.dataset.service)).toEqual(SERVICES);
    for (const a of all) {
      expect(a.getAttribute('target')).toBe('_blank');
      expect(a.getAttribute('rel')).toBe('noopener noreferrer');
      expect(a.href).toMatch(/^https:\/\//);
      // The accessible name: the service, and that it opens a new tab.
      expect(a.textContent).toContain(lang === 'zh' ? '新标签页' : 'new tab');
    }
    expect(all[0]!.textContent).toContain(lang === 'zh' ? '高德地图' : 'Amap');
    expect(all[3]!.textContent).toContain(lang === 'zh' ? 'Apple 地图' : 'Apple Maps');
    expect(breaksLanguageRule(lang, words(root))).toBe(false);
    // No indicative note for an exact position.
    expect(root.querySelector('[data-testid="navigate-indicative"]')).toBeNull();
  });

  it.each([
    ['zh', /示意.*±300 米/],
    ['en', /indicative.*±300 m/],
  ] as const)('says beside the links that an indicative position is one (%s)', (lang, said) => {
    const root = render(Navigate, createApp(`?lang=${lang}`), { place: PLACE, indicativeM: 300 });
    const note = root.querySelector('[data-testid="navigate-indicative"]')!;
    expect(note.textContent).toMatch(said);
    expect(breaksLanguageRule(lang, words(root))).toBe(false);
    // Before the links, read before one is chosen.
    expect(note.nextElementSibling?.tagName).toBe('UL');
  });

  it('follows a switch of language without a reload', () => {
    const app = createApp('?lang=zh');
    const root = render(Navigate, app, { place: PLACE, indicativeM: 500 });
    app.setLang('en');
    flushSync();
    expect(links(root)[1]!.textContent).toContain('Baidu Maps');
    expect(breaksLanguageRule('en', words(root))).toBe(false);
  });

  it('opens and closes as a disclosure', () => {
    const root = render(Navigate, createApp('?lang=en'), { place: PLACE });
    const details = root.querySelector<HTMLDetailsElement>('[data-testid="navigate"]')!;
    expect(details.tagName).toBe('DETAILS');
    expect(details.open).toBe(false);
    details.open = true;
    expect(links(root)).toHaveLength(5);
  });
});

describe('navigate there on the place card (component)', () => {
  const withPlan = (f: PlanOutputFeature, lang: 'zh' | 'en' = 'zh') => {
    const app = createApp(`?lang=${lang}&sel=plan:${f.properties.id}`);
    app.plan = { type: 'FeatureCollection', features: [f] };
    return app;
  };

  it('hands an indicative plan place over with its caveat, and the name in the reader’s language', () => {
    const f = feature({ address_zh: '国权路525号' }, { type: 'Point', coordinates: [121.503, 31.2965] });
    const root = render(CardActions, withPlan(f, 'en'), { feature: f, onclose: () => {} });
    expect(links(root)).toHaveLength(5);
    expect(root.querySelector('[data-testid="navigate-indicative"]')!.textContent).toMatch(/±300 m/);
    const amap = new URL(links(root)[0]!.href);
    expect(amap.searchParams.get('name')).toBe('Test Science Park (测试科技园)');
    const baidu = new URL(links(root)[1]!.href);
    expect(baidu.searchParams.get('content')).toBe('国权路525号');
  });

  it('has no caveat for a place with a published position, and hands an area over at a point inside it', () => {
    const ring = [
      [121.5, 31.29],
      [121.51, 31.29],
      [121.51, 31.3],
      [121.5, 31.3],
      [121.5, 31.29],
    ];
    const f = feature({ class: 'campus', indicative: false, precision_m: 10 }, { type: 'Polygon', coordinates: [ring] });
    const root = render(CardActions, withPlan(f), { feature: f, onclose: () => {} });
    expect(links(root)).toHaveLength(5);
    expect(root.querySelector('[data-testid="navigate-indicative"]')).toBeNull();
    const osm = new URL(links(root)[4]!.href);
    expect(Number(osm.searchParams.get('mlon'))).toBeCloseTo(121.505, 3);
    expect(Number(osm.searchParams.get('mlat'))).toBeCloseTo(31.295, 3);
    expect(new URL(links(root)[0]!.href).searchParams.get('name')).toBe('测试科技园');
  });

  it('offers no pin for a zone or a drone route', () => {
    const zone = feature(
      { id: 'zone-x', class: 'zone' },
      {
        type: 'Polygon',
        coordinates: [
          [
            [121.5, 31.29],
            [121.51, 31.29],
            [121.51, 31.3],
            [121.5, 31.29],
          ],
        ],
      },
    );
    expect(links(render(CardActions, withPlan(zone), { feature: zone, onclose: () => {} }))).toHaveLength(0);
    const route = feature(
      { id: 'dr-x', class: 'drone_route' },
      {
        type: 'LineString',
        coordinates: [
          [121.5, 31.29],
          [121.51, 31.3],
        ],
      },
    );
    expect(links(render(CardActions, withPlan(route), { feature: route, onclose: () => {} }))).toHaveLength(0);
  });

  it.each([
    ['station', 5],
    ['campus', 5],
    ['road', 0],
    ['elevated_road', 0],
    ['district', 0],
    ['subdistrict', 0],
  ] as const)('a search result of kind %s gets %i links', (kind, count) => {
    const app = createApp('?lang=zh&sel=place:x');
    app.places = [entry(kind)];
    const root = render(CardActions, app, { feature: undefined, onclose: () => {} });
    expect(links(root)).toHaveLength(count);
    if (count) {
      expect(root.querySelector('[data-testid="navigate-indicative"]')).toBeNull();
      expect(new URL(links(root)[4]!.href).searchParams.get('mlat')).toBe('31.300800');
    }
  });
});
