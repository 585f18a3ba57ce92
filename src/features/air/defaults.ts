import { DRAWN_VERTICES_MAX } from '../../lib/data/drawn-area.ts';

/** Defaults of the low-altitude settings: a 60 m corridor, and 36 km/h (10 m/s), a delivery drone's cruise. */
export const AIR_DEFAULTS = { corridorWidth: 60, cruiseKmh: 36 } as const;

/** Ranges the low-altitude settings may take, and the most vertices a sketch keeps. */
export const AIR_LIMITS = { corridorWidth: [20, 500], cruiseKmh: [10, 100], sketchPoints: DRAWN_VERTICES_MAX } as const;
