/*
 * What the plan monitor adds to a printable brief: the recorded status of the task (a task brief) or of the zone's
 * tasks (a zone brief), with its date and note as the planner wrote them (plain text, marked as data). Loaded with
 * the monitor's chunk; the monitor's state answers with it once that chunk has run (see MonitorState.briefSections).
 */
import type { BriefBlock, BriefRequest, BriefSection } from '../../lib/brief/types.ts';
import type { PlanOutputFeature } from '../../lib/data/plan-schema.ts';
import { ZONE_CODES } from '../../lib/data/zones.ts';
import type { Lang } from '../../lib/i18n/index.ts';
import { dataRun, type TextRun } from '../../lib/import/runs.ts';
import { t } from './messages.ts';
import type { TaskProgress } from './types.ts';

/** The tasks a brief asks about: the task's own, or the zone's plan tasks. */
function tasksOf(request: BriefRequest, plan: readonly PlanOutputFeature[]): number[] {
  if (request.kind === 'task') return [request.n];
  if (request.kind === 'zone') return plan.find((f) => f.properties.id === ZONE_CODES[request.id])?.properties.plan_tasks ?? [];
  return [];
}

/** The monitor's section of a task or zone brief; [] for other briefs. */
export function monitorBriefSections(
  progress: readonly TaskProgress[],
  readOnly: boolean,
  request: BriefRequest,
  lang: Lang,
  plan: readonly PlanOutputFeature[],
): BriefSection[] {
  const tasks = tasksOf(request, plan);
  if (!tasks.length) return [];
  const recorded = tasks.flatMap((n) => progress.filter((p) => p.n === n));
  const blocks: BriefBlock[] = [];
  if (readOnly) blocks.push({ type: 'text', runs: [{ text: t(lang, 'monitorBrief.snapshot') }] });
  if (!recorded.length) blocks.push({ type: 'text', runs: [{ text: t(lang, 'monitorBrief.none') }] });
  else
    blocks.push({
      type: 'list',
      items: tasks.map((n): TextRun[] => {
        const p = recorded.find((r) => r.n === n);
        if (!p) return [{ text: t(lang, 'monitorBrief.taskNone', { n }) }];
        return [
          { text: t(lang, 'monitorBrief.task', { n, status: t(lang, `taskStatus.${p.status}`) }) },
          ...(p.date ? [{ text: t(lang, 'monitorBrief.date', { date: p.date }) }] : []),
          ...(p.note ? [{ text: t(lang, 'labelSeparator') }, dataRun(lang, p.note)] : []),
        ];
      }),
    });
  return [{ heading: t(lang, 'monitorBrief.heading'), blocks }];
}
