/**
 * The candidate hub sites of a consolidation: the plan's zone components, the parks themselves and the sites the
 * planner added, as the settings' `candidates` chooses among them. Added sites get ids no plan id can take (plan
 * ids never hold a colon), so that a hub's name, the map and the CSV tell them apart.
 */
import { t, type Lang } from '../../lib/i18n/index.ts';
import type { ConsolidationSite } from './consolidate.ts';
import type { HubCandidates } from './link.ts';

const PREFIX = 'site:';

/** The id of the added site at `index` (from 0): its number, as the panel and the map show it. */
export const siteId = (index: number): string => `${PREFIX}${index + 1}`;

/** The number of an added site's id ("site:2" → 2); null for any other id. */
export function siteNumber(id: string): number | null {
  if (!id.startsWith(PREFIX)) return null;
  const n = Number(id.slice(PREFIX.length));
  return Number.isInteger(n) && n >= 1 ? n : null;
}

/** "Site 2" / "添加点 2" for an added site's id; null for any other id. */
export function siteName(id: string, lang: Lang): string | null {
  const n = siteNumber(id);
  return n === null ? null : t(lang, 'analysis.site', { n });
}

/** Whether a choice of candidates includes the sites the planner added. */
export const usesSites = (which: HubCandidates): boolean => which === 'added' || which === 'all';

/** The candidate list a consolidation searches, in a fixed order (components, parks, added sites). */
export function hubCandidateSites(
  which: HubCandidates,
  from: { components: readonly ConsolidationSite[]; parks: readonly ConsolidationSite[]; sites: readonly (readonly [number, number])[] },
): ConsolidationSite[] {
  const components = which === 'components' || which === 'both' || which === 'all';
  const parks = which === 'parks' || which === 'both' || which === 'all';
  return [
    ...(components ? from.components : []),
    ...(parks ? from.parks : []),
    ...(usesSites(which) ? from.sites.map(([lon, lat], i) => ({ id: siteId(i), lon, lat })) : []),
  ];
}
