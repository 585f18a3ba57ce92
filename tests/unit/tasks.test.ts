import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SECTIONS, TASKS, TASKS_PART, taskByNumber } from '../../src/lib/data/tasks.ts';
import { TOUR } from '../../src/lib/data/tour.ts';
import { itWithData, PLAN_TEXT } from '../support/shared.ts';

const hasPlan = existsSync(PLAN_TEXT);
// The text file breaks lines (and pages) mid-sentence: comparisons ignore whitespace.
const norm = (s: string) => s.replace(/\s+/g, '');
const plan = hasPlan ? norm(readFileSync(PLAN_TEXT, 'utf8')) : '';

/** The plan's text of task n: from its numbered heading to the next task's heading (or part 三). */
function taskText(n: number): string {
  const task = taskByNumber(n);
  const start = task ? plan.indexOf(norm(`${n}.${task.title_zh}`)) : -1;
  if (start < 0) return '';
  const following = taskByNumber(n + 1);
  const end = following ? plan.indexOf(norm(`${n + 1}.${following.title_zh}`), start) : plan.indexOf('三、保障措施', start);
  return end > start ? plan.slice(start, end) : '';
}

/** Every plan feature id: the themed source files and the zones. */
function planFeatures(): Map<string, { class: string }> {
  const out = new Map<string, { class: string }>();
  for (const file of readdirSync('data/plan').filter((f) => f.endsWith('.geojson'))) {
    const json = JSON.parse(readFileSync(join('data/plan', file), 'utf8')) as { features: { properties: { id: string; class: string } }[] };
    for (const f of json.features) out.set(f.properties.id, { class: f.properties.class });
  }
  const zones = JSON.parse(readFileSync('data/plan/zones.json', 'utf8')) as { zones: { id: string; class: string }[] };
  for (const z of zones.zones) out.set(z.id, { class: z.class });
  return out;
}

const QUOTED = /^任务(\d+)：「([^」]+)」$/;
// Chinese readers get these texts unmarked: three English words in a row would be English in a Chinese text.
const LATIN_WORDS = /[A-Za-z]{2,}[ ,.;:'’-]+[A-Za-z]{2,}[ ,.;:'’-]+[A-Za-z]{2,}/;

describe('the plan’s 18 tasks', () => {
  it('has every task 1–18 exactly once, in order', () => {
    expect(TASKS.map((t) => t.n)).toEqual(Array.from({ length: 18 }, (_, i) => i + 1));
  });

  it('puts every task under the section the plan puts it under, and every section has tasks', () => {
    expect(SECTIONS.flatMap((s) => s.tasks)).toEqual(TASKS.map((t) => t.n));
    for (const task of TASKS) {
      const section = SECTIONS.find((s) => (s.tasks as readonly number[]).includes(task.n));
      expect(task.section_zh, `task ${task.n}`).toBe(section?.zh);
      expect(task.section_en, `task ${task.n}`).toBe(section?.en);
    }
  });

  it('has non-empty Chinese and English texts for every task', () => {
    for (const task of TASKS) {
      for (const key of ['section_zh', 'section_en', 'title_zh', 'title_en', 'quote_zh', 'gloss_en'] as const) {
        expect(task[key].trim(), `task ${task.n} ${key}`).not.toBe('');
      }
      expect(task.gloss_en, `task ${task.n} gloss is English`).not.toMatch(/[\u4e00-\u9fff]/);
      expect(task.title_en, `task ${task.n} title is English`).not.toMatch(/[\u4e00-\u9fff]/);
      expect(task.section_en, `task ${task.n} section is English`).not.toMatch(/[\u4e00-\u9fff]/);
      for (const key of ['section_zh', 'title_zh', 'quote_zh'] as const) expect(task[key], `task ${task.n} ${key} is Chinese`).not.toMatch(LATIN_WORDS);
    }
  });

  itWithData(PLAN_TEXT)('uses the plan’s own headings: the part, the six sections and the 18 numbered task titles', () => {
    expect(plan).toContain(norm(TASKS_PART.zh));
    for (const s of SECTIONS) expect(plan, s.zh).toContain(norm(s.zh));
    for (const task of TASKS) expect(plan, `task ${task.n}`).toContain(norm(`${task.n}.${task.title_zh}`));
  });

  itWithData(PLAN_TEXT)('quotes every task verbatim, from that task’s own text', () => {
    for (const task of TASKS) {
      const text = taskText(task.n);
      expect(text, `task ${task.n} found in the plan`).not.toBe('');
      expect(text, `task ${task.n} quote`).toContain(norm(task.quote_zh));
    }
  });
});

describe('the guided tour', () => {
  const features = planFeatures();
  const targetIds = TOUR.map((s) => s.target.replace(/^plan:/, ''));

  it('has 6–8 stops with unique ids and targets', () => {
    expect(TOUR.length).toBeGreaterThanOrEqual(6);
    expect(TOUR.length).toBeLessThanOrEqual(8);
    expect(new Set(TOUR.map((s) => s.id)).size).toBe(TOUR.length);
    expect(new Set(TOUR.map((s) => s.target)).size).toBe(TOUR.length);
  });

  it('points every stop at an existing plan feature, as a search entry id', () => {
    expect(features.size).toBeGreaterThan(40);
    for (const stop of TOUR) {
      expect(stop.target, stop.id).toMatch(/^plan:[a-z0-9-]+$/);
      expect(features.has(stop.target.slice(5)), `${stop.id}: ${stop.target}`).toBe(true);
    }
  });

  it('visits Future Valley, Wujiaochang, the riverside, Changyang Campus, a science park and a drone route, and ends at Yang-Shu-Pu', () => {
    expect(targetIds).toContain('zone-future-valley');
    expect(targetIds.some((id) => id === 'zc-wujiaochang' || id === 'lm-wujiaochang-circus')).toBe(true);
    expect(targetIds).toContain('zc-yangpu-riverside');
    expect(targetIds).toContain('zc-changyang-campus');
    expect(targetIds.some((id) => features.get(id)?.class === 'university_science_park')).toBe(true);
    expect(targetIds.some((id) => features.get(id)?.class === 'drone_route')).toBe(true);
    expect(targetIds.at(-1)).toBe('zone-yangshupu-belt');
  });

  it('gives every stop a title in both languages and its sentence as 任务N：「…」 with an English gloss of the same task', () => {
    for (const stop of TOUR) {
      expect(stop.title.zh.trim(), stop.id).not.toBe('');
      expect(stop.title.en.trim(), stop.id).not.toBe('');
      const m = QUOTED.exec(stop.text.zh);
      expect(m, `${stop.id}: ${stop.text.zh}`).not.toBeNull();
      expect(Number(m![1]), stop.id).toBe(stop.task);
      expect(stop.text.en, stop.id).toMatch(new RegExp(`^Task ${stop.task}: \\S`));
      expect(stop.text.en, stop.id).not.toMatch(/[\u4e00-\u9fff]/);
      expect(stop.title.en, stop.id).not.toMatch(/[\u4e00-\u9fff]/);
      for (const zh of [stop.title.zh, stop.text.zh]) expect(zh, stop.id).not.toMatch(LATIN_WORDS);
      if (stop.zoom !== undefined) expect(stop.zoom, stop.id).toBeGreaterThanOrEqual(8);
    }
  });

  itWithData(PLAN_TEXT)('quotes every stop’s sentence verbatim from the task it cites', () => {
    for (const stop of TOUR) {
      const m = QUOTED.exec(stop.text.zh);
      const [n, quote] = [Number(m?.[1]), m?.[2] ?? ''];
      expect(quote, stop.id).not.toBe('');
      expect(taskText(n), `${stop.id}: task ${n}`).toContain(norm(quote));
    }
  });
});
