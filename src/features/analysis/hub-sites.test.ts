import { describe, expect, it } from 'vitest';
import { formatLink, parseLink } from '../../lib/state/permalink.ts';
import { FEATURES } from '../../../tests/support/features.ts';
import { hubCandidateSites, siteId, siteName, siteNumber } from './hub-sites.ts';
import './labels.ts';
import { ANALYSIS_LIMITS, parseAnalysisLink, writeAnalysisLink, type AnalysisLink } from './link.ts';
import { AnalysisState } from './state.svelte.ts';

const sitesOf = (raw: string) => parseAnalysisLink(new URLSearchParams({ hpts: raw }))?.sites;

describe('sites the planner adds, in the link', () => {
  const link: AnalysisLink = {
    hubs: { by: 'count', hubs: 1, withinM: 1000, candidates: 'added' },
    sites: [
      [121.51234, 31.29876],
      [121.5, 31.3],
    ],
  };

  it('round-trip, five decimals, with the candidates that use them', () => {
    const s = formatLink({ analysis: link }, FEATURES);
    expect(s).toBe('?hk=1&hc=added&hpts=121.51234,31.29876;121.5,31.3');
    expect(parseLink(s, new Set(), FEATURES).analysis).toEqual(link);
    const q = new URLSearchParams();
    writeAnalysisLink({ hubs: { ...link.hubs!, candidates: 'all' }, sites: [[121.512345678, 31.3]] }, q);
    expect(q.toString()).toBe('hk=1&hc=all&hpts=121.51235%2C31.3');
  });

  it('are kept without hubs asked for, and only whole', () => {
    expect(sitesOf('121.5,31.3')).toEqual([[121.5, 31.3]]);
    for (const hostile of [
      '121.5,31.3;1,1',
      '121.5,31.3;121.5',
      '121.5,31.3;121.5,31.3,4',
      '121.5,;121.5,31.3',
      'x,y',
      ';',
      '121.5,31.3;Infinity,31.3',
      '<script>',
    ])
      expect(sitesOf(hostile), hostile).toBeUndefined();
    const many = Array.from({ length: ANALYSIS_LIMITS.sites + 1 }, () => '121.5,31.3').join(';');
    expect(sitesOf(many)).toBeUndefined();
    expect(sitesOf(many.slice(0, many.lastIndexOf(';')))).toHaveLength(ANALYSIS_LIMITS.sites);
    // An unknown candidates code falls back to the components.
    expect(parseAnalysisLink(new URLSearchParams('hk=2&hc=mine'))?.hubs?.candidates).toBe('components');
  });
});

describe('adding sites on the map', () => {
  it('a click in site mode adds a site, not a vertex; in area mode a vertex', () => {
    const s = new AnalysisState();
    s.drawMode = 'sites';
    s.addDrawPoint([121.512345678, 31.3]);
    expect(s.sites).toEqual([[121.51235, 31.3]]);
    expect(s.area).toEqual([]);
    s.drawMode = 'area';
    s.addDrawPoint([121.52, 31.31]);
    expect(s.area).toHaveLength(1);
    expect(s.sites).toHaveLength(1);
  });

  it('keeps at most what a link carries, removes one by its place, and goes into the link', () => {
    const s = new AnalysisState();
    for (let i = 0; i < ANALYSIS_LIMITS.sites + 3; i++) s.addSite([121.5 + i / 1000, 31.3]);
    expect(s.sites).toHaveLength(ANALYSIS_LIMITS.sites);
    s.removeSite(0);
    expect(s.sites[0]).toEqual([121.501, 31.3]);
    expect(s.toLink()?.sites).toHaveLength(ANALYSIS_LIMITS.sites - 1);
    s.apply(undefined);
    expect(s.sites).toEqual([]);
  });

  it('draws the sites, hollow and numbered, only while hubs are asked for', () => {
    const s = new AnalysisState();
    s.onMap = true;
    s.addSite([121.5, 31.3]);
    const roles = () => (s.overlay?.features ?? []).map((f) => [f.properties?.role, f.properties?.n]);
    expect(roles()).toEqual([]);
    s.hubSettings = { by: 'count', hubs: 1, withinM: 1000, candidates: 'added' };
    expect(roles()).toEqual([['hub-site', 1]]);
  });
});

describe('the candidates a consolidation searches', () => {
  const components = [{ id: 'zc-1', lon: 121.5, lat: 31.3 }];
  const parks = [{ id: 'sp-1', lon: 121.51, lat: 31.31 }];
  const sites: [number, number][] = [
    [121.52, 31.32],
    [121.53, 31.33],
  ];
  const ids = (which: Parameters<typeof hubCandidateSites>[0]) => hubCandidateSites(which, { components, parks, sites }).map((c) => c.id);

  it('follow the choice, added sites named by their number', () => {
    expect(ids('components')).toEqual(['zc-1']);
    expect(ids('parks')).toEqual(['sp-1']);
    expect(ids('both')).toEqual(['zc-1', 'sp-1']);
    expect(ids('added')).toEqual(['site:1', 'site:2']);
    expect(ids('all')).toEqual(['zc-1', 'sp-1', 'site:1', 'site:2']);
    expect(hubCandidateSites('added', { components, parks, sites })[1]).toEqual({ id: 'site:2', lon: 121.53, lat: 31.33 });
  });

  it('name a site in either language, and nothing else', () => {
    expect(siteNumber(siteId(4))).toBe(5);
    expect(siteName('site:2', 'en')).toBe('Site 2');
    expect(siteName('site:2', 'zh')).toBe('添加点 2');
    expect(siteName('sp-1', 'en')).toBeNull();
    expect(siteNumber('site:x')).toBeNull();
    expect(siteNumber('site:0')).toBeNull();
  });
});

describe("the L function's cost in the dashboard's request", () => {
  it('keeps 99 placements up to 300 parks, fewer (never under 19) beyond, none beyond 2,000', async () => {
    const { lFunctionFor } = await import('./runner.ts');
    expect(lFunctionFor(36)).toEqual({ steps: 20, simulations: 99 });
    expect(lFunctionFor(300)).toEqual({ steps: 20, simulations: 99 });
    expect(lFunctionFor(600)).toEqual({ steps: 20, simulations: 24 });
    expect(lFunctionFor(1000)).toEqual({ steps: 20, simulations: 19 });
    expect(lFunctionFor(2001)).toBe(false);
  });
});
