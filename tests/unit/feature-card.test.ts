import { render } from 'svelte/server';
import { describe, expect, it } from 'vitest';
import type { PlanOutputFeature, PlanProperties } from '../../src/lib/data/plan-schema.ts';
import type { SearchEntry } from '../../src/lib/search/types.ts';
import { AppState } from '../../src/lib/state/app.svelte.ts';
import { appContext } from '../../src/lib/state/context.ts';
import FeatureCard from '../../src/lib/ui/FeatureCard.svelte';

// Server rendering of the card: what it says, as text. (Focus and clipboard need a browser.)
const station = (id: string, zh: string, en: string, lon: number, lat: number): SearchEntry => ({
  id: `place:${id}`,
  kind: 'station',
  name_zh: zh,
  name_en: en,
  pinyin: id,
  initials: id,
  lon,
  lat,
  source: 'OpenStreetMap',
});

const props = (over: Partial<PlanProperties> = {}): PlanProperties => ({
  id: 'sp-test',
  name_zh: '测试科技园',
  name_en: 'Test Science Park',
  class: 'university_science_park',
  plan_tasks: [17, 4],
  summary_zh: '任务17：「甲乙」（注）；任务4：「丙丁」；「戊」',
  summary_en: 'Task 17: first gloss. Task 4: second gloss.',
  industries: ['ai', 'fintech'],
  status: 'planned',
  source: {
    text: 'Plan tasks 4 and 17, address 国泰路11号.',
    text_zh: '方案任务4、17，经由 scripts/lib/plan/derive-zones.ts 推导。',
    url: 'https://example.org/park',
  },
  precision_m: 800,
  indicative: true,
  location_published: true,
  derivation: 'Pinned to the campus centre.',
  derivation_zh: '钉在校园中心。',
  address_zh: '国泰路11号',
  address_en: '11 Guotai Road',
  ...over,
});

function appWith(feature: PlanOutputFeature, lang: 'zh' | 'en', places: SearchEntry[]): AppState {
  const app = new AppState(`?lang=${lang}&sel=plan:${feature.properties.id}`);
  app.plan = { type: 'FeatureCollection', features: [feature] };
  app.places = places;
  return app;
}

const point = (p: PlanProperties): PlanOutputFeature => ({ type: 'Feature', id: 1, properties: p, geometry: { type: 'Point', coordinates: [121.5, 31.3] } });
/** The markup without Svelte's hydration comments. */
const bare = (html: string) => html.replace(/<!--[^]*?-->/g, '');
const text = (html: string) =>
  bare(html)
    .replace(/<[^>]+>/g, ' ')
    .replace(/\s+/g, ' ');

describe('FeatureCard (server-rendered)', () => {
  const stations = [station('far', '远站', 'Far', 121.5, 31.35), station('near', '近站', 'Near', 121.5, 31.31)];

  it('renders nothing without a selection', () => {
    const app = new AppState('');
    expect(render(FeatureCard, { context: appContext(app) }).body).not.toContain('<section');
  });

  it('shows names, class, status, tasks with their quotes and glosses, industries, source and the nearest station', () => {
    const { body } = render(FeatureCard, { context: appContext(appWith(point(props()), 'zh', stations)) });
    const words = text(body);
    expect(body).toMatch(/<section class="card[^"]*" aria-labelledby="([^"]+)"/);
    const labelledBy = /aria-labelledby="([^"]+)"/.exec(body)![1];
    expect(body).toContain(`id="${labelledBy}"`);
    expect(body).toMatch(/<h2[^>]*lang="zh-Hans"[^>]*>测试科技园<\/h2>/);
    expect(body).toMatch(/<p class="other-name[^"]*" lang="en">Test Science Park<\/p>/);
    expect(words).toContain('国家大学科技园');
    expect(words).toContain('规划中');
    expect(words).toContain('示意位置，误差可达 ±800 米');
    // Chinese readers get the plan's words and the notes, not the English glosses.
    expect(words).toContain('任务 17 「甲乙」 （注） 任务 4 「丙丁」 「戊」 来源');
    expect(words).not.toContain('gloss');
    expect(body.match(/<blockquote[^>]*><span lang="zh-Hans">「/g)).toHaveLength(3);
    // Source and derivation in Chinese, with the file name marked as English.
    expect(words).toContain('方案任务4、17，经由 scripts/lib/plan/derive-zones.ts 推导。');
    expect(bare(body)).toContain('<span lang="en">scripts/lib/plan/derive-zones.ts</span>');
    expect(words).toContain('钉在校园中心。');
    expect(words).not.toMatch(/Plan tasks|Pinned/);
    expect(words).toContain('人工智能');
    expect(words).toContain('金融科技');
    expect(words).toContain('国泰路11号');
    expect(words).toContain('近站 · 直线距离 1.1 公里'); // 0.01° of latitude: 1112 m
    expect(body).toMatch(/<a href="https:\/\/example\.org\/park" rel="noopener noreferrer" target="_blank"[^>]*>/);
    for (const label of ['缩放至', '复制链接', '关闭']) expect(words).toContain(label);
  });

  it('speaks English when the app does, with the Chinese name marked as Chinese', () => {
    const { body } = render(FeatureCard, { context: appContext(appWith(point(props()), 'en', stations)) });
    expect(body).toMatch(/<h2[^>]*lang="en"[^>]*>Test Science Park<\/h2>/);
    expect(body).toMatch(/<p class="other-name[^"]*" lang="zh-Hans">测试科技园<\/p>/);
    const words = text(body);
    expect(words).toContain('Near · 1.1 km straight-line');
    expect(words).toContain('Planned');
    // English readers get the gloss, the plan's own words folded under it (collapsed) and marked as Chinese; the
    // Chinese note is glossed already.
    expect(words).toContain('Task 17 first gloss. Original (Chinese) 「甲乙」 Task 4 second gloss. Original (Chinese) 「丙丁」 「戊」 Source');
    expect(bare(body).match(/<details class="fold original[^"]*"[^>]*>\s*<summary>Original \(Chinese\)<\/summary>\s*<div lang="zh-Hans">/g)).toHaveLength(2);
    expect(words).not.toContain('（注）');
    expect(bare(body)).toMatch(/<p class="gloss[^"]*" lang="en">first gloss\.<\/p>/);
    expect(body.match(/<span lang="zh-Hans">「/g)).toHaveLength(3);
    // The source in English, the Chinese address in it marked as Chinese.
    expect(bare(body)).toMatch(/<p class="source[^"]*" lang="en"[^>]*>Plan tasks 4 and 17, address <span lang="zh-Hans">国泰路11号<\/span>\.<\/p>/);
    expect(words).toContain('Pinned to the campus centre.');
    expect(words).not.toMatch(/方案任务|钉在/);
    // The address in English first, the Chinese beside it marked as Chinese.
    expect(bare(body)).toMatch(/<span lang="en">11 Guotai Road<\/span>\s*<span class="other-address[^"]*" lang="zh-Hans">国泰路11号<\/span>/);
  });

  it('falls back to the other language, marked as such, where the data has no text in the reader’s', () => {
    const p = props({ source: { text: 'Plan task 4.' } as PlanProperties['source'], derivation_zh: '' });
    const { body } = render(FeatureCard, { context: appContext(appWith(point(p), 'zh', stations)) });
    expect(bare(body)).toMatch(/<p class="source[^"]*" lang="en"[^>]*>Plan task 4\.<\/p>/);
    expect(bare(body)).toMatch(/<p class="source[^"]*" lang="en"[^>]*>Pinned to the campus centre\.<\/p>/);
  });

  it('renders hostile data as text and links only http(s) URLs', () => {
    const p = props({
      name_zh: '<img src=x onerror=alert(1)>',
      source: { text: '<script>alert(1)</script>', text_zh: '<script>alert(2)</script>', url: 'javascript:alert(1)' },
      derivation: '<b>bold</b>',
      derivation_zh: '<i>斜体</i>',
    });
    const { body } = render(FeatureCard, { context: appContext(appWith(point(p), 'zh', stations)) });
    expect(body).not.toContain('<img');
    expect(body).not.toContain('<script');
    expect(body).not.toContain('<b>');
    expect(body).not.toContain('<i>');
    expect(body).toContain('&lt;script>alert(2)&lt;/script>');
    expect(body).toContain('&lt;img src=x onerror=alert(1)>');
    expect(body).not.toMatch(/href="javascript:/i);
    expect(text(body)).toContain('javascript:alert(1)'); // shown, not linked
  });

  it('shows the whole texts when the summary cannot be split, and metres below 1 km', () => {
    const p = props({ plan_tasks: [], class: 'landmark', summary_zh: '行动方案未提及。', summary_en: 'Not named in the plan.' });
    const near = [station('n', '邻站', 'Next door', 121.5, 31.305)];
    const words = text(render(FeatureCard, { context: appContext(appWith(point(p), 'zh', near)) }).body);
    expect(words).toContain('行动方案未提及。');
    expect(words).not.toContain('Not named in the plan.');
    const english = text(render(FeatureCard, { context: appContext(appWith(point(p), 'en', near)) }).body);
    expect(english).toContain('Not named in the plan.');
    expect(english).not.toContain('行动方案未提及。');
    expect(words).toContain('邻站 · 直线距离 560 米'); // 0.005° of latitude: 556 m
  });

  it('says the station lies within a polygon', () => {
    const f: PlanOutputFeature = {
      type: 'Feature',
      id: 2,
      properties: props({ class: 'campus', area_km2: 0.79, area_km2_stated: 0.8 }),
      geometry: {
        type: 'Polygon',
        coordinates: [
          [
            [121.49, 31.3],
            [121.52, 31.3],
            [121.52, 31.32],
            [121.49, 31.32],
            [121.49, 31.3],
          ],
        ],
      },
    };
    const words = text(render(FeatureCard, { context: appContext(appWith(f, 'en', stations)) }).body);
    expect(words).toContain('Near · The station lies within it');
    expect(words).toContain('0.79 km² (source states 0.8 km²)');
  });

  it('shows a non-plan place: kind, OpenStreetMap attribution, no nearest station for a station', () => {
    const app = new AppState('?lang=en&sel=place:near');
    app.places = stations;
    const words = text(render(FeatureCard, { context: appContext(app) }).body);
    expect(words).toContain('Near');
    expect(words).toContain('近站');
    expect(words).toContain('Metro station');
    expect(words).toContain('© OpenStreetMap contributors');
    expect(words).not.toContain('Nearest metro station');
  });

  it('names the plan dataset as a source in the reader’s language', () => {
    const entry: SearchEntry = { ...station('plan-only', '规划地点', 'Plan place', 121.5, 31.3), id: 'plan:plan-only', kind: 'plan', source: 'plan dataset' };
    for (const [lang, words] of [
      ['zh', '本项目的规划数据集'],
      ['en', 'The project’s plan dataset'],
    ] as const) {
      const app = new AppState(`?lang=${lang}&sel=plan:plan-only`);
      app.places = [entry];
      const shown = text(render(FeatureCard, { context: appContext(app) }).body);
      expect(shown).toContain(words);
      expect(shown).not.toMatch(/(Source|来源) plan dataset/);
    }
  });
});
