/**
 * What the side-by-side readings of a file's coordinates draw (lib/map/ReadingsPreview.svelte), for the import's
 * review and for changing an inventory's system after the import: each listing placed under each reading, and the
 * known places near where they are compared, in the reader's language.
 */
import { distanceM, toWgs84 } from '../../lib/import/coords.ts';
import type { CrsDetection } from '../../lib/import/crs-detect.ts';
import { CRS_CHOICES, type Crs } from '../../lib/import/types.ts';
import type { Lang } from '../../lib/i18n/index.ts';
import type { Reading } from '../../lib/map/readings-preview.ts';
import type { CrsReferences } from './import.ts';
import { t } from './messages.ts';
import { writtenOf } from './recast.ts';
import type { Listing } from './types.ts';
import { CRS_NAMES } from '../../lib/import/messages.ts';
import { crsUsers } from './view-format.ts';

/** How far from the focus the maps draw (they show about 1.5 km; the rest is never seen). */
const RADIUS_M = 3000;
/** Places known less precisely than this are not drawn as references (the judgement ignores them too). */
const PRECISE_M = 150;

const near = (p: readonly [number, number], focus: [number, number] | null) => focus !== null && distanceM(p, focus) <= RADIUS_M;

/**
 * Each reading of the listings' numbers as the file wrote them (`crs`: the system they were read in), near the focus,
 * with what it shows in words.
 */
export function previewReadings(lang: Lang, listings: readonly Listing[], crs: Crs, detection: CrsDetection): Reading[] {
  return CRS_CHOICES.map((r) => ({
    id: r,
    label: CRS_NAMES[r],
    detail: crsUsers(lang, r),
    points: () => listings.map((l) => ({ lonlat: toWgs84(writtenOf(l, crs), r) })).filter((p) => near(p.lonlat, detection.focus)),
    summary: t(lang, 'investReadingFit', { named: detection.fit[r].named, near: detection.fit[r].near }),
  }));
}

/**
 * The ground the maps show: the known place the readings are compared at and the point that came nearest to it
 * under each reading (so that every map shows where its reading puts that point); west, south, east, north.
 */
export function previewBounds(detection: CrsDetection): [number, number, number, number] | null {
  const { focus, focusSample } = detection;
  if (!focus) return null;
  const pts = [focus, ...(focusSample ? CRS_CHOICES.map((r) => toWgs84(focusSample, r)) : [])];
  const lons = pts.map((p) => p[0]);
  const lats = pts.map((p) => p[1]);
  // At least ~600 m across, so that a lone place is shown with its surroundings.
  const pad = 0.003;
  return [Math.min(...lons) - pad, Math.min(...lats) - pad, Math.max(...lons) + pad, Math.max(...lats) + pad];
}

/** The precisely known places near the focus, named in the reader's language. */
export function knownPlaces(lang: Lang, references: CrsReferences, focus: [number, number] | null): { lonlat: readonly [number, number]; name: string }[] {
  return references.places
    .filter((p) => p.precisionM <= PRECISE_M && near(p.lonlat, focus))
    .map((p) => ({ lonlat: p.lonlat, name: (lang === 'zh' ? p.names[0] : p.names[1]) ?? '' }));
}
