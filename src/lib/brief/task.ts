/*
 * The task brief (one of the plan's 18 tasks) from the plan's data: its section and title, the plan's words (the
 * quotation, and an English reader's gloss), every place the plan ties to it — located ones numbered on the map
 * excerpt with their kind and precision, the others listed as "location not published", never placed — and what
 * the plan says of each place under this task. Pure: plan data in, a BriefDoc in one language out.
 */
import type { PlanOutputFeature, PlanRecord } from '../data/plan-schema.ts';
import { splitTaskQuotes } from '../data/quotes.ts';
import { TASKS, TASKS_PART } from '../data/tasks.ts';
import { t, type Lang } from '../i18n/index.ts';
import './messages.ts';
import { nameRun, numbered, pinsOf, placesBox, placesTable, textRuns, unlocatedList } from './places.ts';
import type { BriefBlock, BriefDoc, BriefSection } from './types.ts';

export interface TaskBriefInput {
  n: number;
  features: readonly PlanOutputFeature[];
  unlocated: readonly PlanRecord[];
  lang: Lang;
  /** Sections the loaded features add (the monitor's status of the task), placed before the sources. */
  extra?: readonly BriefSection[];
}

/** The task brief, or null for a number that is not one of the plan's tasks. */
export function taskBrief({ n, features, unlocated, lang, extra = [] }: TaskBriefInput): BriefDoc | null {
  const task = TASKS.find((x) => x.n === n);
  if (!task) return null;
  const located = features.filter((f) => f.properties.plan_tasks.includes(n));
  const unpublished = unlocated.filter((r) => r.plan_tasks.includes(n));
  const places = numbered(located);

  // The plan's words on each place under this task, where its summary quotes them (and they are not the task's own).
  const words: BriefBlock[] = [...located, ...unpublished].flatMap((f): BriefBlock[] => {
    const p = 'properties' in f ? f.properties : f;
    const part = splitTaskQuotes(p.summary_zh, p.summary_en, p.plan_tasks).tasks.find((q) => q.task === n);
    if (!part?.quotes.length) return [];
    const zh = part.quotes.map((q) => `「${q}」`).join('');
    if (zh === `「${task.quote_zh}」`) return [];
    return [{ type: 'quote', task: n, zh, gloss: part.gloss ?? undefined, place: [nameRun(p, lang)] }];
  });

  const placeBlocks: BriefBlock[] = located.length ? [placesTable(places, lang)] : [];
  if (!located.length && !unpublished.length) placeBlocks.push({ type: 'text', runs: [{ text: t(lang, 'brief.noTaskPlaces') }] });

  const sections: BriefSection[] = [
    {
      heading: t(lang, 'brief.overview'),
      blocks: [
        {
          type: 'facts',
          rows: [
            { label: t(lang, 'brief.task'), value: [{ text: t(lang, 'brief.taskNo', { n }) }] },
            { label: t(lang, 'brief.section'), value: [{ text: `${TASKS_PART[lang]} ${task[`section_${lang}`]}` }] },
            { label: t(lang, 'brief.title'), value: [{ text: task[`title_${lang}`] }] },
          ],
        },
        { type: 'quote', task: n, zh: `「${task.quote_zh}」`, gloss: task.gloss_en },
      ],
    },
    { heading: t(lang, 'brief.taskPlaces'), blocks: placeBlocks },
    ...(unpublished.length ? [{ heading: t(lang, 'brief.unlocatedPlaces'), blocks: [unlocatedList(unpublished, lang)] }] : []),
    ...(words.length ? [{ heading: t(lang, 'brief.placeWords'), blocks: words }] : []),
    ...extra,
  ];

  return {
    request: { kind: 'task', n },
    title: [{ text: t(lang, 'brief.taskHeading', { n, title: task[`title_${lang}`] }) }],
    subtitle: t(lang, 'brief.kind.task'),
    map: located.length
      ? { bounds: placesBox(located), pins: pinsOf(places), highlight: located.map((f) => f.properties.id), caption: t(lang, 'brief.mapCaptionTask', { n }) }
      : undefined,
    sections,
    // The plan itself, then where each place's record comes from (each source once).
    sources: [
      [{ text: t(lang, 'brief.planDoc') }],
      ...[...new Set([...located.map((f) => f.properties), ...unpublished].map((p) => (lang === 'zh' ? p.source.text_zh : p.source.text)))].map((text) =>
        textRuns(lang, text),
      ),
    ],
  };
}
