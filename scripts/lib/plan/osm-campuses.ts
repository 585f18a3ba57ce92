import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import centroid from '@turf/centroid';
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import type { PlanOutputCollection, PlanOutputFeature } from '../../../src/lib/data/plan-schema.ts';

/** A plan campus whose drawn geometry was replaced by an OpenStreetMap campus polygon. */
export interface CampusReplacement {
  id: string;
  osmId: string;
}

/**
 * Replaces the plan's campus points and hand-drawn outlines with OpenStreetMap campus polygons
 * (`amenity=university`) where an extract has them: the OSM name must begin the plan's Chinese name
 * ("同济大学" → "同济大学四平路校区") and the plan's geometry must sit inside the polygon. The result is a build
 * output only (OSM data is never committed); inputs are not mutated.
 */
export function applyOsmCampuses(
  plan: PlanOutputCollection,
  osmCampuses: FeatureCollection<Polygon | MultiPolygon>,
): { collection: PlanOutputCollection; replaced: CampusReplacement[] } {
  const replaced: CampusReplacement[] = [];
  const features = plan.features.map((f): PlanOutputFeature => {
    if (f.properties.class !== 'campus') return f;
    const anchor = f.geometry.type === 'Point' ? f.geometry.coordinates : centroid(f as Feature).geometry.coordinates;
    const match = osmCampuses.features.find((c) => {
      const name = String(c.properties?.name ?? c.properties?.name_zh ?? '');
      return name.length >= 2 && f.properties.name_zh.startsWith(name) && booleanPointInPolygon(anchor, c);
    });
    if (!match) return f;
    const osmId = String(match.properties?.osm_id ?? '');
    replaced.push({ id: f.properties.id, osmId });
    return {
      ...f,
      geometry: structuredClone(match.geometry),
      properties: {
        ...f.properties,
        indicative: false,
        precision_m: 10,
        derivation: `OpenStreetMap campus polygon (amenity=university, ${osmId}) from an extract, replacing: ${f.properties.derivation}`,
        derivation_zh: `取自数据摘录的 OpenStreetMap 校园多边形（amenity=university，${osmId}），替代原先的：${f.properties.derivation_zh}`,
        source: {
          ...f.properties.source,
          text: `${f.properties.source.text}; outline © OpenStreetMap contributors (ODbL)`,
          text_zh: `${f.properties.source.text_zh}；轮廓 © OpenStreetMap 贡献者（ODbL）`,
        },
        area_km2: undefined,
      },
    };
  });
  return { collection: { ...plan, features: features.map(dropUndefined) }, replaced };
}

function dropUndefined(f: PlanOutputFeature): PlanOutputFeature {
  const properties = Object.fromEntries(Object.entries(f.properties).filter(([, v]) => v !== undefined));
  return { ...f, properties: properties as PlanOutputFeature['properties'] };
}
