/*
 * What the dispersion dashboard adds to a zone's printable brief: for each scenario it has computed, how many parks
 * it counts and what share of them (by area, or by count when no park has an outline) lies inside that zone. Only
 * figures that exist: nothing before the dashboard has run. Loaded with the dashboard's chunk.
 */
import type { BriefRequest, BriefSection } from '../../lib/brief/types.ts';
import type { Lang } from '../../lib/i18n/index.ts';
import type { DispersionResult } from './dispersion-types.ts';
import { scenarioName } from './figures.ts';
import { t } from './messages.ts';
import { ZONE_IDS } from './scenario-spec.ts';

const ZONES = { fv: ZONE_IDS.future_valley, ysp: ZONE_IDS.yangshupu } as const;

/** The dashboard's results, by scenario: B only when it is compared. */
export interface AnalysisResults {
  a: DispersionResult | null;
  b: DispersionResult | null;
}

/** The dashboard's section of a zone brief; [] for other briefs or before any scenario is computed. */
export function analysisBriefSections(results: AnalysisResults, request: BriefRequest, lang: Lang): BriefSection[] {
  if (request.kind !== 'zone') return [];
  const zoneId = ZONES[request.id];
  const lines = (['a', 'b'] as const).flatMap((which) => {
    const r = results[which];
    const zone = r?.zones.find((z) => z.id === zoneId);
    if (!r || !zone || r.count === 0) return [];
    const share = `${Math.round(zone.share * 100)} %`;
    const key = zone.basis === 'area' ? 'analysisBrief.zoneArea' : 'analysisBrief.zoneCount';
    return [[{ text: t(lang, key, { scenario: scenarioName(lang, which), count: r.count, share }) }]];
  });
  return lines.length ? [{ heading: t(lang, 'analysisBrief.heading'), blocks: [{ type: 'list', items: lines }] }] : [];
}
