/**
 * Yangpu's extent [west, south, east, north]: the bounding box of the district outline, which the basemap build
 * also records as the archive's `focus_bounds`. The map opens on it without waiting for the archive.
 */
export const YANGPU_BOUNDS: [number, number, number, number] = [121.48183, 31.24912, 121.56607, 31.34969];
