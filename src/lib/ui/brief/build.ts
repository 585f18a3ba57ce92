/*
 * Which code builds a brief: the core builds zone and task briefs from the plan's data, adding what each loaded
 * feature says of them (FeatureState.briefSections); a feature builds the kinds it owns (FeatureDef.briefs), once its
 * chunk is loaded. Loaded with the print view.
 */
import { coreBrief, isCoreBrief } from '../../brief/index.ts';
import { waitUntil } from '../../brief/wait.ts';
import type { BriefDoc, BriefRequest, BriefSection } from '../../brief/types.ts';
import type { Lang } from '../../i18n/index.ts';
import type { AppState } from '../../state/app.svelte.ts';

/** What the features add to a brief they do not own, in the order of the features. */
export function contributions(app: AppState, request: BriefRequest, lang: Lang): BriefSection[] | null {
  const out: BriefSection[] = [];
  for (const def of app.featureDefs) {
    if (def.briefs?.kinds.includes(request.kind)) continue;
    const state = app.stateOf(def);
    const part = state.briefSections ? state.briefSections(request, lang) : [];
    // One feature's data still on its way holds the brief back (briefSections: null).
    if (part === null) return null;
    out.push(...part);
  }
  return out;
}

/** How long a brief waits for a feature's data that is on its way (see briefSections) before it is built without it. */
const CONTRIBUTIONS_WAIT_MS = 10_000;

/**
 * The brief, in `lang`: null when nothing has that name (an unknown listing) or when the plan's data a core brief
 * needs has not arrived (the caller asks again once it has).
 */
export async function buildBrief(app: AppState, request: BriefRequest, lang: Lang): Promise<BriefDoc | null> {
  // Every feature may add to a brief or own its kind: their definitions come first. Read before the await, so that
  // the print view builds again, with what is tracked after it, once they have come.
  if (!app.featuresComplete) await app.loadFeatures();
  if (isCoreBrief(request)) {
    if (!app.plan) return null;
    // Read before any await, so that the print view builds again when a feature's figures change.
    let extra = contributions(app, request, lang);
    if (extra === null) await waitUntil(() => (extra = contributions(app, request, lang)) !== null, CONTRIBUTIONS_WAIT_MS);
    const plan = app.plan;
    return plan && coreBrief(request, { features: plan.features, unlocated: app.unlocated }, lang, extra ?? []);
  }
  const owner = app.briefOwner(request.kind);
  if (!owner?.briefs) return null;
  await owner.load();
  return owner.briefs.build(app, app.stateOf(owner), request, lang);
}
