/*
 * Which code builds a brief: the core builds zone and task briefs from the plan's data, adding what each loaded
 * feature says of them (FeatureState.briefSections); a feature builds the kinds it owns (FeatureDef.briefs), once its
 * chunk is loaded. Loaded with the print view.
 */
import { coreBrief, isCoreBrief } from '../../brief/index.ts';
import type { BriefDoc, BriefRequest, BriefSection } from '../../brief/types.ts';
import type { Lang } from '../../i18n/index.ts';
import type { AppState } from '../../state/app.svelte.ts';

/** What the features add to a brief they do not own, in the order of the features. */
export function contributions(app: AppState, request: BriefRequest, lang: Lang): BriefSection[] {
  return app.featureDefs.flatMap((def) => (def.briefs?.kinds.includes(request.kind) ? [] : (app.stateOf(def).briefSections?.(request, lang) ?? [])));
}

/**
 * The brief, in `lang`: null when nothing has that name (an unknown listing) or when the plan's data a core brief
 * needs has not arrived (the caller asks again once it has).
 */
export async function buildBrief(app: AppState, request: BriefRequest, lang: Lang): Promise<BriefDoc | null> {
  if (isCoreBrief(request)) {
    if (!app.plan) return null;
    return coreBrief(request, { features: app.plan.features, unlocated: app.unlocated }, lang, contributions(app, request, lang));
  }
  const owner = app.briefOwner(request.kind);
  if (!owner?.briefs) return null;
  await owner.load();
  return owner.briefs.build(app, app.stateOf(owner), request, lang);
}
