import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { PlanProperties } from '../../src/lib/data/plan-schema.ts';
import { httpUrl, inLang, langRuns, roundDistance, splitTaskQuotes } from '../../src/lib/data/quotes.ts';

// Every record of the real sources: the features of data/plan/*.geojson and the zones of zones.json.
const records: Pick<PlanProperties, 'id' | 'plan_tasks' | 'summary_zh' | 'summary_en'>[] = readdirSync('data/plan')
  .filter((f) => f.endsWith('.geojson') || f === 'zones.json')
  .sort()
  .flatMap((f) => {
    const json = JSON.parse(readFileSync(`data/plan/${f}`, 'utf8')) as { features?: { properties: PlanProperties }[]; zones?: PlanProperties[] };
    return json.features?.map((x) => x.properties) ?? json.zones ?? [];
  });

describe('splitTaskQuotes on the real summaries', () => {
  it('reads the sources', () => {
    expect(records.length).toBeGreaterThanOrEqual(50);
  });

  for (const r of records) {
    it(`${r.id}: one block per task of plan_tasks, each with the plan's words and an English gloss`, () => {
      const split = splitTaskQuotes(r.summary_zh, r.summary_en, r.plan_tasks);
      if (r.plan_tasks.length === 0) {
        expect(split).toEqual({ tasks: [], zh: r.summary_zh, en: r.summary_en });
        return;
      }
      expect(split.zh).toBeNull();
      expect(split.en).toBeNull();
      expect(split.tasks.map((t) => t.task).sort((a, b) => a - b)).toEqual([...r.plan_tasks].sort((a, b) => a - b));
      for (const t of split.tasks) {
        expect(t.quotes.length).toBeGreaterThan(0);
        // Each quotation is the text between 「」 in the source, whole.
        for (const q of t.quotes) expect(r.summary_zh).toContain(`「${q}」`);
        expect(t.gloss).toBeTruthy();
        expect(r.summary_en).toContain(t.gloss!);
        expect(t.gloss).not.toMatch(/^Task \d+:/);
        // A gloss stands alone under its task's heading: it names its subject instead of pointing back with a pronoun.
        expect(t.gloss, `task ${t.task}`).not.toMatch(/^(it|they|this|these|its|their)\b/i);
      }
      // Nothing is lost: every 「quotation」 of the summary is in some block.
      const all = [...r.summary_zh.matchAll(/「([^」]*)」/g)].map((m) => m[1]);
      expect(split.tasks.flatMap((t) => t.quotes)).toEqual(all);
    });
  }
});

describe('splitTaskQuotes on hand-made texts', () => {
  it('splits two tasks with several quotations and a note', () => {
    const split = splitTaskQuotes('任务17：「甲」（注）；任务4：「乙」；「丙」', 'Task 17: first. Task 4: second.', [4, 17]);
    expect(split).toEqual({
      tasks: [
        { task: 17, quotes: ['甲'], note: '（注）', gloss: 'first.' },
        { task: 4, quotes: ['乙', '丙'], note: '', gloss: 'second.' },
      ],
      zh: null,
      en: null,
    });
  });

  it('keeps "Task N" in a gloss whose sentence needs it', () => {
    const split = splitTaskQuotes('任务17：「甲」', 'Task 17 names the sub-centre.', [17]);
    expect(split.tasks[0]!.gloss).toBe('Task 17 names the sub-centre.');
  });

  it('ignores 任务 inside a quotation', () => {
    const split = splitTaskQuotes('任务3：「完成任务5的目标」', 'Task 3: reach the aims.', [3]);
    expect(split.tasks).toEqual([{ task: 3, quotes: ['完成任务5的目标'], note: '', gloss: 'reach the aims.' }]);
  });

  it('gives the whole texts when the Chinese cannot be split', () => {
    const none = { tasks: [], zh: '行动方案未提及。', en: 'Not named in the plan.' };
    expect(splitTaskQuotes('行动方案未提及。', 'Not named in the plan.')).toEqual(none);
    expect(splitTaskQuotes('任务1：「甲」', 'Task 1: a.', [2]).zh).toBe('任务1：「甲」'); // numbers differ from plan_tasks
    expect(splitTaskQuotes('前言 任务1：「甲」', 'Task 1: a.').zh).toBe('前言 任务1：「甲」'); // text before the first task
    expect(splitTaskQuotes('任务1：「甲」；任务1：「乙」', 'Task 1: a.').zh).not.toBeNull(); // a repeated number
  });

  it('splits the Chinese but gives the whole English when the English names other tasks', () => {
    const split = splitTaskQuotes('任务1：「甲」；任务2：「乙」', 'Tasks 1 and 2: both.', [1, 2]);
    expect(split.tasks.map((t) => [t.task, t.gloss])).toEqual([
      [1, null],
      [2, null],
    ]);
    expect(split.en).toBe('Tasks 1 and 2: both.');
  });
});

describe('roundDistance', () => {
  it('rounds metres, then switches to kilometres at 1 km', () => {
    expect(roundDistance(0)).toEqual({ value: '0', unit: 'm' });
    expect(roundDistance(42.4)).toEqual({ value: '42', unit: 'm' });
    expect(roundDistance(847)).toEqual({ value: '850', unit: 'm' });
    expect(roundDistance(994)).toEqual({ value: '990', unit: 'm' });
    expect(roundDistance(996)).toEqual({ value: '1.0', unit: 'km' });
    expect(roundDistance(1234)).toEqual({ value: '1.2', unit: 'km' });
    expect(roundDistance(12_960)).toEqual({ value: '13.0', unit: 'km' });
  });
});

describe('httpUrl', () => {
  it('links only absolute http(s) URLs', () => {
    expect(httpUrl('https://en.wikipedia.org/wiki/Fudan_University')).toBe('https://en.wikipedia.org/wiki/Fudan_University');
    expect(httpUrl('http://hdkjy.shou.edu.cn')).toBe('http://hdkjy.shou.edu.cn/');
    expect(httpUrl('javascript:alert(1)')).toBeNull();
    expect(httpUrl('  JavaScript:alert(1)')).toBeNull();
    expect(httpUrl('data:text/html,<b>x</b>')).toBeNull();
    expect(httpUrl('/data/plan.geojson')).toBeNull();
    expect(httpUrl('OpenStreetMap')).toBeNull();
    expect(httpUrl('')).toBeNull();
    expect(httpUrl(undefined)).toBeNull();
  });
});

describe('langRuns', () => {
  const marked = (text: string, lang: 'zh' | 'en') =>
    langRuns(text, lang)
      .filter((r) => r.lang !== null)
      .map((r) => r.text);

  it('marks the Chinese names and addresses of an English text, each whole', () => {
    const text =
      'Gazetteer c02: address 淞沪路2005号, corner 淞沪路/殷行路, 长海路399号 / 清源环路650号, "同济大学中国(上海)数字城市研究院" (杨府发〔2024〕12号).';
    expect(marked(text, 'en')).toEqual([
      '淞沪路2005号',
      '淞沪路/殷行路',
      '长海路399号 / 清源环路650号',
      '同济大学中国(上海)数字城市研究院',
      '杨府发〔2024〕12号',
    ]);
    expect(langRuns(text, 'en').every((r) => r.lang !== null || !/[\u4e00-\u9fff]/.test(r.text))).toBe(true);
  });

  it('marks the stretches of three or more Latin words in a Chinese text, without the spaces around them', () => {
    const text = '由 scripts/lib/plan/derive-zones.ts 推导，经由 Weishi-corroding/shanghai-metro-pathfinder 仓库；地名表 c01，BD-09→WGS-84。';
    expect(marked(text, 'zh')).toEqual(['scripts/lib/plan/derive-zones.ts', 'Weishi-corroding/shanghai-metro-pathfinder']);
    expect(langRuns(text, 'zh').find((r) => r.lang === 'en')).toEqual({ text: 'scripts/lib/plan/derive-zones.ts', lang: 'en' });
  });

  it('gives back the text whole when joined, and leaves a text in one language alone', () => {
    for (const [text, lang] of [
      ['Plan task 13. Gazetteer p02: address 国权北路1688弄湾谷科技园A8栋10楼 (GitHub code).', 'en'],
      ['方案任务13。地名表 p02：地址国权北路1688弄湾谷科技园A8栋10楼（GitHub 代码）。', 'zh'],
      ['', 'en'],
    ] as const) {
      expect(
        langRuns(text, lang)
          .map((r) => r.text)
          .join(''),
      ).toBe(text);
    }
    expect(langRuns('Pinned to the campus centre.', 'en')).toEqual([{ text: 'Pinned to the campus centre.', lang: null }]);
    expect(langRuns('钉在校园中心（地名表 c04）。', 'zh')).toEqual([{ text: '钉在校园中心（地名表 c04）。', lang: null }]);
  });
});

describe('inLang', () => {
  it('gives the reader’s language, else the other one with its language', () => {
    expect(inLang({ zh: '甲', en: 'A' }, 'zh')).toEqual({ text: '甲', lang: 'zh' });
    expect(inLang({ zh: '甲', en: 'A' }, 'en')).toEqual({ text: 'A', lang: 'en' });
    expect(inLang({ zh: '  ', en: 'A' }, 'zh')).toEqual({ text: 'A', lang: 'en' });
    expect(inLang({ en: 'A' }, 'zh')).toEqual({ text: 'A', lang: 'en' });
    expect(inLang({ zh: null, en: undefined }, 'en')).toBeNull();
  });
});
