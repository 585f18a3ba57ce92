import type { LegendSymbol } from '../../layers/types.ts';

/** The print view's map excerpt, as it is being drawn and once drawn. */
export interface BriefMap {
  state: 'drawing' | 'done' | 'failed';
  /** The image, a PNG data URL. */
  image?: string;
  width?: number;
  height?: number;
  /** The legend: the registry rows the excerpt draws, in registry order. */
  legend?: { id: string; label: string; symbol: LegendSymbol }[];
  /** Whether the basemap is drawn (its credit is then printed). */
  basemap?: boolean;
  reason?: string;
}
