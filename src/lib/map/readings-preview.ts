/** One reading of a file's coordinates as lib/map/ReadingsPreview.svelte draws it. */
export interface Reading {
  id: string;
  /** Its short name (the choice's label), and what uses it, under the map. */
  label: string;
  detail: string;
  /** The points as this reading places them (WGS-84), with their names. */
  points: { lonlat: [number, number]; name?: string }[];
  /** What the reading's map shows, in words. */
  summary: string;
}
