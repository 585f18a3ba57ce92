import { describe, expect, it } from 'vitest';
import { formatLink, onlyViewDiffers, parseLink, type LinkState } from '../../src/lib/state/permalink.ts';

const known = new Set(['metro', 'landmarks', 'zone_future_valley']);

describe('links', () => {
  const full: LinkState = {
    lang: 'en',
    view: { zoom: 13.25, lat: 31.2934, lon: 121.5123, bearing: 20, pitch: 45 },
    layers: { metro: false, landmarks: true },
    selection: 'plan:sp-fudan',
    panel: 'tasks',
    tasks: [4, 17],
  };

  it('round-trips every field, in a fixed, readable form', () => {
    const s = formatLink(full);
    expect(s).toBe('?lang=en&map=13.25/31.2934/121.5123/20/45&layers=landmarks,-metro&sel=plan:sp-fudan&panel=tasks&task=4,17');
    expect(parseLink(s, known)).toEqual(full);
  });

  it('leaves bearing and pitch out when both are zero', () => {
    expect(formatLink({ view: { zoom: 12, lat: 31.3, lon: 121.5, bearing: 0, pitch: 0 } })).toBe('?map=12/31.3/121.5');
    expect(parseLink('?map=12/31.3/121.5', known).view).toEqual({ zoom: 12, lat: 31.3, lon: 121.5, bearing: 0, pitch: 0 });
  });

  it('clamps a view outside the map to its limits', () => {
    expect(parseLink('?map=40/89/-170/999/200', known).view).toEqual({ zoom: 18, lat: 31.5, lon: 121.25, bearing: 180, pitch: 85 });
  });

  it('ignores hostile and malformed values', () => {
    const hostile = parseLink('?lang=fr&map=abc/1/2&layers=evil,-landmarks,<img>&sel=javascript:alert(1)&panel=<script>&task=19&tour=-1', known);
    expect(hostile).toEqual({ layers: { landmarks: false } });
    expect(parseLink('?sel=plan:' + 'a'.repeat(200), known).selection).toBeUndefined();
    expect(parseLink('?task=3.5', known).tasks).toBeUndefined();
    // A "+" typed into a link arrives as a space.
    expect(parseLink('?layers=+metro', known).layers).toEqual({ metro: true });
  });

  it('carries a brief (brief=zone:fv|zone:ysp|task:<n>|site:<id>|shortlist) and drops hostile ones', () => {
    for (const raw of ['zone:fv', 'zone:ysp', 'task:1', 'task:18', 'site:s-01', 'site:imp:abc_1', 'shortlist']) {
      const link = parseLink(`?brief=${raw}`, known);
      expect(link.brief, raw).toBeDefined();
      expect(formatLink(link)).toBe(`?brief=${raw}`);
    }
    expect(parseLink('?brief=task:17', known).brief).toEqual({ kind: 'task', n: 17 });
    expect(parseLink('?brief=zone:ysp', known).brief).toEqual({ kind: 'zone', id: 'ysp' });
    expect(formatLink({ ...full, brief: { kind: 'site', id: 'x1' } })).toBe(`${formatLink(full)}&brief=site:x1`);
    const hostile = [
      'task:0',
      'task:19',
      'task:017',
      'task:1.5',
      'task:',
      'zone:xx',
      'zone:',
      'site:',
      'site:<img src=x>',
      'site:' + 'a'.repeat(90),
      'javascript:alert(1)',
      'shortlist:1',
      'SHORTLIST',
      '',
    ];
    for (const raw of hostile) expect(parseLink(`?brief=${encodeURIComponent(raw)}`, known).brief, raw).toBeUndefined();
  });

  it('reads the tasks of old links (one task) and new ones (several), and writes them sorted, each once', () => {
    expect(parseLink('?task=4', known).tasks).toEqual([4]);
    expect(parseLink('?task=17,4', known).tasks).toEqual([4, 17]);
    expect(formatLink({ tasks: [17, 4, 17] })).toBe('?task=4,17');
    expect(formatLink({ tasks: [] })).toBe('');
    // Out of range, not a number, repeated or empty: only the real task numbers stay.
    expect(parseLink('?task=0,19,abc,4,4', known).tasks).toEqual([4]);
    expect(parseLink('?task=,,1e1,-3,0x4,18,', known).tasks).toEqual([18]);
    expect(parseLink('?task=0,19,abc', known)).toEqual({});
    expect(parseLink('?task=', known)).toEqual({});
    expect(formatLink({ tasks: [0, 19, 2.5, NaN] })).toBe('');
  });

  it('tells a camera move from a change that deserves a history entry', () => {
    const moved = { ...full, view: { ...full.view!, zoom: 14 } };
    expect(onlyViewDiffers(full, moved)).toBe(true);
    expect(onlyViewDiffers(full, { ...full, selection: 'plan:other' })).toBe(false);
    expect(onlyViewDiffers(full, { ...full, layers: { metro: true } })).toBe(false);
    expect(onlyViewDiffers(full, { ...full, tasks: [4] })).toBe(false);
  });
});
