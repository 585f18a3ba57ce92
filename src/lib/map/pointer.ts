/*
 * The pointer over the map: hover highlight, cursor and click to select. A chunk of its own, which the map view binds
 * at the first idle, or as soon as a pointer reaches the map before it (see MapView.svelte): the first view draws
 * without it.
 */
import type { GeoJSONSource, Map as MlMap, MapGeoJSONFeature, MapMouseEvent } from 'maplibre-gl';
import type { SearchEntry } from '../search/types.ts';
import type { AppState } from '../state/app.svelte.ts';
import type { Pickable } from '../state/feature.ts';

const CLICKABLE_TYPES = new Set(['circle', 'fill', 'line']);

/** Style layers of the plan that respond to pointer and selection, as currently visible. */
export function planLayerIds(map: MlMap): string[] {
  return map
    .getStyle()
    .layers.filter((l) => 'source' in l && l.source === 'plan' && CLICKABLE_TYPES.has(l.type) && l.layout?.visibility !== 'none')
    .map((l) => l.id);
}

/** Circle layers of a feature's source that answer the pointer (points and clusters), as currently visible. */
export function pickableLayerIds(map: MlMap, source: string): string[] {
  return map
    .getStyle()
    .layers.filter((l) => 'source' in l && l.source === source && l.type === 'circle' && l.layout?.visibility !== 'none')
    .map((l) => l.id);
}

function stationLayerIds(map: MlMap): string[] {
  return map.getLayer('metro-station') && map.getLayoutProperty('metro-station', 'visibility') !== 'none' ? ['metro-station'] : [];
}

// Points and lines over areas: a click on a science park inside a zone selects the park, not the zone.
const PRIORITY: Record<string, number> = { Point: 0, LineString: 1, MultiLineString: 1, Polygon: 2, MultiPolygon: 2 };

function pickTop(features: MapGeoJSONFeature[]): MapGeoJSONFeature | undefined {
  return [...features].sort((a, b) => (PRIORITY[a.geometry.type] ?? 3) - (PRIORITY[b.geometry.type] ?? 3))[0];
}

/** The search entry of a clicked station: same Chinese name, nearest point. */
export function stationEntry(places: readonly SearchEntry[], name: string, lon: number, lat: number): SearchEntry | undefined {
  let best: SearchEntry | undefined;
  let bestD = Infinity;
  for (const p of places) {
    if (p.kind !== 'station' || p.name_zh !== name) continue;
    const d = (p.lon - lon) ** 2 + (p.lat - lat) ** 2;
    if (d < bestD) [best, bestD] = [p, d];
  }
  return best;
}

/**
 * Hover highlight (feature-state), pointer cursor and click-to-select; `early`, a click made before they were bound,
 * is answered at once. Returns the cleanup.
 */
export function bindPointer(map: MlMap, app: AppState, early?: MapMouseEvent): () => void {
  let hovered: string | number | undefined;
  const setHover = (id: string | number | undefined) => {
    if (hovered === id) return;
    if (hovered !== undefined) map.setFeatureState({ source: 'plan', id: hovered }, { hover: false });
    hovered = id;
    if (id !== undefined) map.setFeatureState({ source: 'plan', id }, { hover: true });
  };
  // The features' points (drawn above the plan: the listings) answer the pointer first; clusters only change the cursor.
  const pickables = app.doors.flatMap((f) => f.pickable ?? []);
  let hoveredPick: { source: string; id: string | number } | undefined;
  const setPickHover = (next: { source: string; id: string | number } | undefined) => {
    if (hoveredPick?.source === next?.source && hoveredPick?.id === next?.id) return;
    if (hoveredPick && map.getSource(hoveredPick.source)) map.setFeatureState(hoveredPick, { hover: false });
    hoveredPick = next;
    if (next) map.setFeatureState(next, { hover: true });
  };
  const pickAt = (e: MapMouseEvent): { feature: MapGeoJSONFeature; pickable: Pickable } | undefined => {
    for (const pickable of pickables) {
      const layers = pickableLayerIds(map, pickable.source);
      const feature = layers.length ? map.queryRenderedFeatures(e.point, { layers })[0] : undefined;
      if (feature) return { feature, pickable };
    }
    return undefined;
  };
  const onMove = (e: MapMouseEvent) => {
    if (app.drawing) {
      setHover(undefined);
      setPickHover(undefined);
      map.getCanvas().style.cursor = 'crosshair';
      return;
    }
    const picked = pickAt(e);
    const pointId = picked && picked.feature.properties.point_count === undefined ? picked.feature.id : undefined;
    setPickHover(picked && pointId !== undefined ? { source: picked.pickable.source, id: pointId } : undefined);
    if (picked) {
      setHover(undefined);
      map.getCanvas().style.cursor = 'pointer';
      return;
    }
    const layers = planLayerIds(map);
    const top = layers.length ? pickTop(map.queryRenderedFeatures(e.point, { layers })) : undefined;
    setHover(top?.id);
    const overStation = !top && stationLayerIds(map).length > 0 && map.queryRenderedFeatures(e.point, { layers: stationLayerIds(map) }).length > 0;
    map.getCanvas().style.cursor = top || overStation ? 'pointer' : '';
  };
  const onLeave = () => {
    setHover(undefined);
    setPickHover(undefined);
    map.getCanvas().style.cursor = '';
  };
  const onClick = (e: MapMouseEvent) => {
    // While drawing (a drone route, a selection polygon), a click adds a vertex and selects nothing.
    if (app.drawing) {
      app.addDrawPoint([e.lngLat.lng, e.lngLat.lat]);
      return;
    }
    const picked = pickAt(e);
    if (picked) {
      const { feature, pickable } = picked;
      const clusterId = feature.properties.cluster_id;
      if (typeof clusterId === 'number' && feature.geometry.type === 'Point') {
        // A cluster opens up: zoom to where its points separate.
        const center = feature.geometry.coordinates as [number, number];
        const source = map.getSource<GeoJSONSource>(pickable.source);
        source
          ?.getClusterExpansionZoom(clusterId)
          .then((zoom) =>
            map.easeTo({ center, zoom: Math.min(zoom + 0.5, map.getMaxZoom()), duration: matchMedia('(prefers-reduced-motion: reduce)').matches ? 0 : 600 }),
          )
          .catch(() => map.easeTo({ center, zoom: map.getZoom() + 2 }));
        return;
      }
      const selection = pickable.selection(feature.properties);
      if (selection) {
        app.select(selection);
        return;
      }
    }
    const layers = planLayerIds(map);
    const top = layers.length ? pickTop(map.queryRenderedFeatures(e.point, { layers })) : undefined;
    if (top) {
      app.select(`plan:${String(top.properties.id)}`);
      return;
    }
    const stations = stationLayerIds(map);
    const station = stations.length ? map.queryRenderedFeatures(e.point, { layers: stations })[0] : undefined;
    if (station && station.geometry.type === 'Point') {
      const [lon, lat] = station.geometry.coordinates as [number, number];
      const entry = stationEntry(app.places, String(station.properties.name_zh), lon, lat);
      if (entry) {
        app.select(entry.id);
        return;
      }
    }
    app.select(null);
  };
  map.on('mousemove', onMove);
  map.on('mouseout', onLeave);
  map.on('click', onClick);
  if (early) onClick(early);
  return () => {
    map.off('mousemove', onMove);
    map.off('mouseout', onLeave);
    map.off('click', onClick);
    setHover(undefined);
    setPickHover(undefined);
  };
}
