import type { LayerSpecification } from '@maplibre/maplibre-gl-style-spec';
import type { Bilingual, Lang } from '../i18n/index.ts';
import type { Theme } from './theme.ts';

/** Panel groups, in the order the panel shows them. */
export const GROUPS = ['zones', 'parks', 'platforms', 'invest', 'low_altitude', 'analysis', 'monitor', 'context'] as const;
export type GroupId = (typeof GROUPS)[number];

/** Where a layer sits in the drawing order; within a slot, registry order decides. */
// Plan labels come last so that, in label collisions, the plan's places win over the basemap's.
export const SLOTS = ['land', 'water', 'buildings', 'outlines', 'roads', 'transit', 'overlay', 'labels', 'plan-labels', 'zone-labels'] as const;
export type Slot = (typeof SLOTS)[number];

/** How the legend draws a layer's symbol. */
export type LegendSymbol =
  | { kind: 'fill'; fill: string; line: string; dashed?: boolean }
  | { kind: 'line'; color: string | string[]; width: number; dashed?: boolean }
  | { kind: 'circle'; fill: string; line: string };

/** A source of the style: 'basemap' (the archive), 'plan' (the plan's places) or a feature's own GeoJSON source. */
export type SourceId = string;

export interface StyleLayer {
  slot: Slot;
  layer: LayerSpecification;
}

/** One row of the layer registry: drives the layer panel, the legend and the style. */
export interface LayerDef {
  id: string;
  group: GroupId;
  label: Bilingual;
  /** One sentence on what the layer shows and how far to trust it. */
  note?: Bilingual;
  defaultVisible: boolean;
  source: SourceId;
  /** Source layers (basemap) whose features this row shows; the first counts features for the panel. */
  sourceLayers: string[];
  /** Plan classes (source `plan`) this row shows. */
  planClasses?: string[];
  legend: (theme: Theme) => LegendSymbol;
  style: (theme: Theme, lang: Lang) => StyleLayer[];
}
