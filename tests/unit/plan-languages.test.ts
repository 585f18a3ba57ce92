import { Window } from 'happy-dom';
import type { Component } from 'svelte';
import { render } from 'svelte/server';
import { beforeAll, describe, expect, it } from 'vitest';
import type { FeatureCollection, Polygon } from 'geojson';
import { yangpuOutline } from '../../scripts/lib/districts.ts';
import { buildPlanDataset, type PlanDataset } from '../../scripts/lib/plan/build.ts';
import { applyOsmCampuses } from '../../scripts/lib/plan/osm-campuses.ts';
import type { PlanOutputCollection } from '../../src/lib/data/plan-schema.ts';
import { TASKS } from '../../src/lib/data/tasks.ts';
import { TOUR } from '../../src/lib/data/tour.ts';
import { loadMessages, type Lang } from '../../src/lib/i18n/index.ts';
import { AppState } from '../../src/lib/state/app.svelte.ts';
import { appContext } from '../../src/lib/state/context.ts';
import FeatureCard from '../../src/lib/ui/FeatureCard.svelte';
import ListPanel from '../../src/lib/ui/ListPanel.svelte';
import TaskPanel from '../../src/lib/ui/TaskPanel.svelte';
import Tour from '../../src/lib/ui/Tour.svelte';
import { breaksLanguageRule } from '../support/language.ts';

/*
 * One language at a time: in the reader's language X, no visible text whose nearest `lang` is X holds the other
 * language — in English no Chinese character, in Chinese no three English words in a row. Quotations of the plan
 * and names kept as written are fine where they are marked with their own `lang`. The rule is the tests' own
 * (tests/support/language.ts), not taken from the code that marks the text, so this test checks that code.
 */

/** Every text and label of `html` that is in the other language than the `lang` it is marked with. */
function leaks(html: string, lang: Lang): string[] {
  const window = new Window();
  // What the page around the component says: the app sets it on <html>.
  const doc = new window.DOMParser().parseFromString(`<html lang="${lang === 'zh' ? 'zh-Hans' : 'en'}"><body>${html}</body></html>`, 'text/html');
  const marked = (el: Element | null) => ((el?.closest('[lang]')?.getAttribute('lang') ?? '').startsWith('zh') ? 'zh' : 'en');
  const wrong = (text: string, as: Lang) => breaksLanguageRule(as, text);
  const out: string[] = [];
  const walker = doc.createTreeWalker(doc.body, 4);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const el = n.parentElement as unknown as Element | null;
    const text = n.textContent?.trim() ?? '';
    if (text && !el?.closest('[aria-hidden="true"]') && wrong(text, marked(el))) out.push(`${marked(el)}: ${text.slice(0, 120)}`);
  }
  for (const el of doc.body.querySelectorAll('[aria-label],[title]') as unknown as Element[]) {
    for (const attr of ['aria-label', 'title']) {
      const v = el.getAttribute(attr);
      if (v && wrong(v, marked(el))) out.push(`${attr} ${marked(el)}: ${v}`);
    }
  }
  window.close();
  return out;
}

/** The text a reader gets from `html`. */
function textOf(html: string): string {
  const window = new Window();
  const text = new window.DOMParser().parseFromString(html, 'text/html').body.textContent ?? '';
  window.close();
  return text.replace(/\s+/g, ' ');
}

const LANGS: Lang[] = ['zh', 'en'];
let plan: PlanDataset;

beforeAll(async () => {
  await loadMessages();
  plan = buildPlanDataset({ outline: yangpuOutline() });
});

function appWith(search: string, collection: PlanOutputCollection = plan.located): AppState {
  const app = new AppState(search);
  app.plan = collection;
  app.unlocated = plan.unlocated;
  return app;
}

const html = (component: Component, app: AppState) => render(component, { context: appContext(app) }).body;

describe('one language at a time', () => {
  it('on the card of every plan place, in both languages', () => {
    const found: string[] = [];
    for (const f of plan.located.features) {
      for (const lang of LANGS) {
        const body = html(FeatureCard as Component, appWith(`?lang=${lang}&sel=plan:${f.properties.id}`));
        expect(body, f.properties.id).toContain('data-testid="feature-card"');
        found.push(...leaks(body, lang).map((l) => `${f.properties.id} ${l}`));
      }
    }
    expect(plan.located.features.length).toBeGreaterThanOrEqual(50);
    expect(found).toEqual([]);
  });

  it('on the card of a campus drawn from OpenStreetMap, whose source and derivation the build extends', () => {
    const campus = plan.located.features.find((f) => f.properties.id === 'campus-tongji-siping')!;
    const [lon, lat] = campus.geometry.type === 'Point' ? campus.geometry.coordinates : [121.4972, 31.285];
    const ring = [
      [lon! - 0.01, lat! - 0.01],
      [lon! + 0.01, lat! - 0.01],
      [lon! + 0.01, lat! + 0.01],
      [lon! - 0.01, lat! + 0.01],
      [lon! - 0.01, lat! - 0.01],
    ];
    const osm: FeatureCollection<Polygon> = {
      type: 'FeatureCollection',
      features: [{ type: 'Feature', properties: { name: '同济大学', osm_id: 'w123' }, geometry: { type: 'Polygon', coordinates: [ring] } }],
    };
    const { collection, replaced } = applyOsmCampuses(plan.located, osm);
    expect(replaced.map((r) => r.id)).toEqual(['campus-tongji-siping']);
    const p = collection.features.find((f) => f.properties.id === 'campus-tongji-siping')!.properties;
    expect(p.derivation_zh).toContain('w123');
    expect(p.source.text_zh).toContain('© OpenStreetMap 贡献者');
    for (const lang of LANGS) {
      expect(leaks(html(FeatureCard as Component, appWith(`?lang=${lang}&sel=plan:campus-tongji-siping`, collection)), lang)).toEqual([]);
    }
  });

  it('in the task panel, with every task open', () => {
    const found: string[] = [];
    for (const task of TASKS) {
      for (const lang of LANGS) {
        const body = html(TaskPanel as Component, appWith(`?lang=${lang}&panel=tasks&task=${task.n}`));
        expect(body).toContain('data-testid="task-detail"');
        // Chinese readers get the plan's sentence alone; English readers its gloss with the sentence (marked) beneath.
        expect(textOf(body).includes(task.gloss_en), `task ${task.n} gloss in ${lang}`).toBe(lang === 'en');
        expect(textOf(body), `task ${task.n}`).toContain(task.quote_zh);
        found.push(...leaks(body, lang).map((l) => `task ${task.n} ${l}`));
      }
    }
    expect(found).toEqual([]);
  });

  it('in the tour, at every stop', () => {
    const found: string[] = [];
    TOUR.forEach((stop, i) => {
      for (const lang of LANGS) {
        const body = html(Tour as Component, appWith(`?lang=${lang}&panel=tour&tour=${i}`));
        expect(body).toContain(stop.title[lang]);
        expect(textOf(body).includes(stop.text.en), `stop ${i} gloss in ${lang}`).toBe(lang === 'en');
        expect(textOf(body), `stop ${i}`).toContain(stop.text.zh);
        found.push(...leaks(body, lang).map((l) => `stop ${i} ${l}`));
      }
    });
    expect(found).toEqual([]);
  });

  it('in the list of the places in view', () => {
    for (const lang of LANGS) {
      const app = appWith(`?lang=${lang}&panel=list`);
      app.inView = plan.located.features.map((f) => f.properties.id);
      const body = html(ListPanel as Component, app);
      expect(body.match(/<li/g)?.length ?? 0).toBeGreaterThan(10);
      expect(leaks(body, lang)).toEqual([]);
    }
  });

  it('finds text in the wrong language (the check itself)', () => {
    expect(leaks('<p>See the plan tasks</p><p lang="en">address 国泰路11号</p>', 'zh')).toEqual(['zh: See the plan tasks', 'en: address 国泰路11号']);
    expect(leaks('<p>Plan tasks 4 and 17, address <span lang="zh-Hans">国泰路11号</span></p>', 'en')).toEqual([]);
    expect(leaks('<blockquote lang="zh-Hans" aria-label="The plan’s own words here">「甲」</blockquote>', 'en')).toEqual([
      'aria-label zh: The plan’s own words here',
    ]);
  });
});
