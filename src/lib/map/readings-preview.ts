/** One reading of a file's coordinates as lib/map/ReadingsPreview.svelte draws it. */
export interface Reading {
  id: string;
  /** Its short name (the choice's label), and what uses it, under the map. */
  label: string;
  detail: string;
  /**
   * The points as this reading places them (WGS-84), with their names: asked for when the map is made (placing
   * thousands of points is not work for the task that shows the choice).
   */
  points: () => { lonlat: [number, number]; name?: string }[];
  /** What the reading's map shows, in words. */
  summary: string;
}
