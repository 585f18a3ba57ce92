/*
 * The briefs the core builds itself: a zone's and a task's, from the plan's data. The print view
 * (ui/brief/) loads this module lazily, with the brief's messages; features build their own kinds (FeatureDef.briefs).
 */
import type { PlanOutputFeature, PlanRecord } from '../data/plan-schema.ts';
import type { Lang } from '../i18n/index.ts';
import { taskBrief } from './task.ts';
import type { BriefDoc, BriefRequest, BriefSection } from './types.ts';
import { zoneBrief } from './zone.ts';

export { taskBrief, type TaskBriefInput } from './task.ts';
export { zoneBrief, type ZoneBriefInput } from './zone.ts';
export { formatBrief, parseBrief } from './link.ts';
export { nameRun, numbered, pinPoint, pinsOf, placesBox, placesTable, pointInArea, textRuns, unlocatedList } from './places.ts';
export * from './types.ts';

/** The plan's data a core brief is built from. */
export interface PlanData {
  features: readonly PlanOutputFeature[];
  unlocated: readonly PlanRecord[];
}

/** Whether the core builds briefs of this kind (zones and tasks); other kinds are a feature's. */
export const isCoreBrief = (request: BriefRequest): request is Extract<BriefRequest, { kind: 'zone' | 'task' }> =>
  request.kind === 'zone' || request.kind === 'task';

/** A zone or task brief, with the features' sections added; null when the plan has nothing by that name. */
export function coreBrief(request: BriefRequest, plan: PlanData, lang: Lang, extra: readonly BriefSection[] = []): BriefDoc | null {
  if (request.kind === 'zone') return zoneBrief({ zone: request.id, ...plan, lang, extra });
  if (request.kind === 'task') return taskBrief({ n: request.n, ...plan, lang, extra });
  return null;
}
