/* What a file says about its own coordinates: read by parse.ts into `ImportTable.meta`, judged in crs-detect.ts. */

/** A GeoJSON's named coordinate system (the 2008 spec's `crs` member, still written by GIS tools), if any. */
export function geojsonCrs(obj: { crs?: unknown }): string | undefined {
  const crs = obj.crs as { type?: unknown; properties?: { name?: unknown; href?: unknown } } | undefined;
  const name = crs?.properties?.name ?? crs?.properties?.href;
  return typeof name === 'string' && name.trim() ? name.trim().slice(0, 120) : undefined;
}

// Tools whose KML files say who wrote them; what each writes is judged in crs-detect.ts.
const KML_TOOLS: [RegExp, string][] = [
  [/2bulu|两步路/i, '2bulu'],
  [/ovital|奥维|omap/i, 'Ovital'],
  [/locaspace|图新地球/i, 'LocaSpace'],
  // Named in words only: Google's KML namespaces are written by many tools (ArcGIS among them).
  [/google\s*(?:earth|my\s*maps)/i, 'Google Earth'],
  [/amap|高德/i, 'Amap'],
  [/baidu|百度/i, 'Baidu'],
];

/** The tool a KML names in its head (document name, comments, namespaces), if one this import knows. */
export function kmlTool(text: string): string | undefined {
  const head = text.slice(0, 4000);
  return KML_TOOLS.find(([pattern]) => pattern.test(head))?.[1];
}
