import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { flushSync } from 'svelte';
import { describe, expect, it } from 'vitest';
import { createApp } from '../support/features.ts';
import type { PlanOutputCollection } from '../../src/lib/data/plan-schema.ts';
import type { SearchEntry } from '../../src/lib/search/types.ts';
import '../../src/features/invest/messages.ts';
import '../../src/features/invest/finder/messages.ts';
import Finder from '../../src/features/invest/finder/Finder.svelte';
import { finderCodec } from '../../src/features/invest/finder/link.ts';
import { buildSampleInventory } from '../../src/features/invest/sample.ts';
import type { Inventory } from '../../src/features/invest/types.ts';
import { breaksLanguageRule } from '../support/language.ts';
import { render } from './helpers.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const plan = JSON.parse(readFileSync(resolve(ROOT, 'public/data/plan.geojson'), 'utf8')) as PlanOutputCollection;
const places = JSON.parse(readFileSync(resolve(ROOT, 'public/data/search.json'), 'utf8')) as SearchEntry[];
const sample = buildSampleInventory(readFileSync(resolve(ROOT, 'data/listings/sample.csv'), 'utf8')).inventory;

const HOSTILE = '<img src=x onerror=alert(1)>';
const hostile: Inventory = {
  ...sample,
  id: 'inv-h',
  name: 'hostile',
  sample: false,
  listings: [{ ...sample.listings[0]!, id: 'inv-h:1', inventoryId: 'inv-h', name: HOSTILE, industries: [HOSTILE, '人工智能'], sample: false, en: undefined }],
};

function setup(lang: 'en' | 'zh') {
  const app = createApp(`?lang=${lang}&panel=invest`);
  app.plan = plan;
  app.places = places;
  app.features.invest.inventories = [sample, hostile];
  app.features.invest.load = 'ready';
  // As the investors' panel does before its parts mount.
  app.features.invest.useFinderCodec(finderCodec);
  return { app, root: render(Finder, app) };
}

/** The labelled control whose label text contains `label`, inside the fieldset whose legend is `legend`. */
function control<T extends HTMLElement>(root: HTMLElement, legend: string, label?: string): T {
  const set = [...root.querySelectorAll('fieldset')].find((f) => f.querySelector('legend')?.textContent === legend)!;
  const labels = [...set.querySelectorAll('label')];
  return (label ? labels.find((l) => l.textContent?.includes(label)) : labels[0])!.querySelector('input, select') as T;
}
function change(el: HTMLInputElement | HTMLSelectElement, value: string) {
  el.value = value;
  el.dispatchEvent(new Event('change', { bubbles: true }));
  flushSync();
}

/** The text of `root` outside elements marked with another language than `lang`. */
function ownText(root: Element, lang: 'en' | 'zh'): string {
  const other = lang === 'en' ? 'zh' : 'en';
  let out = '';
  const walk = (n: Node) => {
    if (n.nodeType === 3) out += n.textContent;
    else if (n instanceof HTMLElement && !(n.lang && n.lang.startsWith(other)) && n.tagName !== 'OPTION') n.childNodes.forEach(walk);
  };
  walk(root);
  return out;
}

const results = (root: HTMLElement) => [...root.querySelectorAll('[data-testid="finder-results"] > [data-testid="finder-result"]')];

describe('the site finder (component)', () => {
  it('ranks the listings from the form, with reasons and the plan’s words in English only', () => {
    const { app, root } = setup('en');
    expect(root.textContent).toContain('State at least one need');
    change(control(root, 'Industry'), 'ai');
    change(control(root, 'Floor area', 'Unit'), 'people');
    change(control(root, 'Floor area', 'Amount'), '40');
    change(control(root, 'Walk to a metro station'), '800');
    change(control(root, 'Walk to a metro station', 'Importance'), 'must');
    change(control(root, 'Zone'), 'ysp');
    change(control(root, 'Zone', 'Weight'), '3');
    expect(app.features.invest.finder).toEqual({ needs: { industry: 'ai', people: 40, metroM: 800, zone: 'ysp' }, must: ['metro'], weights: { zone: 3 } });

    const count = root.querySelector('[data-testid="finder-count"]')!.textContent!;
    const [, met, total] = /^(\d+) of (\d+) listings meets? every must-have$/.exec(count.trim())!.map(Number);
    expect(total).toBe(17);
    const items = results(root);
    expect(items).toHaveLength(Math.min(10, met!));
    // The first meets every rule: AI, 400 m², the metro, inside 杨数浦 (长阳创谷's office, 1,800 m²).
    const first = items[0]!;
    expect(first.querySelector('[data-testid="finder-score"]')!.textContent).toBe('Score 100%');
    const lines = [...first.querySelectorAll('[data-testid="finder-rules"] li')].map((l) => l.textContent);
    expect(lines).toHaveLength(4);
    expect(lines[1]).toBe('✓ Met · Floor area (weight 1): 1,800 m² for 400 m² needed (40 people × 10 m² per person)');
    expect(lines[2]).toMatch(/^✓ Met · Walk to a metro station \(must-have\): \d+ m to .+ station; asked within 800 m$/);
    const words = first.querySelector('[data-testid="finder-plan-words"]')!;
    expect(words.textContent).toContain('Task 18');
    expect(words.textContent).toContain('grow a digital-economy chain led by AI');
    // The original is folded under its gloss, marked as Chinese.
    expect(words.querySelector('[data-testid="original"] [lang="zh-Hans"]')!.textContent).toContain('培育壮大以人工智能');
    // Scores never rise down the list.
    const scores = items.map((i) => Number(/(\d+)%/.exec(i.querySelector('[data-testid="finder-score"]')!.textContent!)![1]));
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
    expect(breaksLanguageRule('en', ownText(root, 'en'))).toBe(false);

    // Those that miss the must-have are apart, counted, each saying which.
    const apart = root.querySelector<HTMLDetailsElement>('[data-testid="finder-apart"]')!;
    expect(apart.open).toBe(false);
    expect(apart.querySelector('summary')!.textContent).toBe(
      `${17 - met!} listing${17 - met! === 1 ? '' : 's'} miss${17 - met! === 1 ? 'es' : ''} a must-have`,
    );
    expect(apart.querySelector('li')!.textContent).toContain('Misses a must-have: Walk to a metro station');

    // Hostile text from a file stays text.
    expect(root.querySelector('img')).toBeNull();
    expect(root.textContent).toContain(HOSTILE);

    // Pinning and showing on the map act on the app.
    (first.querySelector('button[aria-pressed]') as HTMLButtonElement).click();
    flushSync();
    const id = first.getAttribute('data-lid')!;
    expect(app.features.invest.shortlist).toEqual([id]);
    [...first.querySelectorAll('button')].find((b) => b.textContent === 'Show on the map')!.click();
    flushSync();
    expect(app.selection).toBe(`listing:${id}`);
  });

  it('speaks Chinese only to Chinese readers, and shows more results a page at a time, saying how many', () => {
    const { app, root } = setup('zh');
    app.features.invest.finder = { needs: { rentPerDay: 10 }, must: [], weights: {} };
    flushSync();
    expect(root.querySelector('[data-testid="finder-count"]')!.textContent!.trim()).toBe('17 / 17 条房源满足全部必需条件');
    expect(results(root)).toHaveLength(10);
    expect(root.textContent).toContain('显示 10 / 17 条');
    [...root.querySelectorAll('button')].find((b) => b.textContent === '再显示 7 条')!.click();
    flushSync();
    expect(results(root)).toHaveLength(17);
    expect(root.textContent).toContain('显示 17 / 17 条');
    expect(root.querySelector('[data-testid="finder-apart"]')).toBeNull();
    expect(root.textContent).toContain('✓ 满足 · 预算（权重 1）：租金');
    expect(root.querySelector('[data-testid="original"]')).toBeNull();
    expect(breaksLanguageRule('zh', ownText(root, 'zh'))).toBe(false);
  });
});
