import type { Map as MlMap, PaddingOptions } from 'maplibre-gl';
import { REGISTRY_KEY } from '../layers/style.ts';
import type { AppState, CameraRequest } from '../state/app.svelte.ts';

/** Marks the selected plan feature (or, with `source`, a feature's point) through feature-state. Returns the cleanup. */
export function markSelected(map: MlMap, numericId: number | undefined, source = 'plan'): () => void {
  if (numericId === undefined) return () => {};
  const target = { source, id: numericId };
  const apply = () => {
    if (map.getSource(source)) map.setFeatureState(target, { selected: true });
  };
  apply();
  // A style diff that re-adds the source drops feature-state: set it again when the data is back.
  map.on('sourcedata', apply);
  return () => {
    map.off('sourcedata', apply);
    if (map.getSource(source)) map.setFeatureState(target, { selected: false });
  };
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((v, i) => v === b[i]);
}

/**
 * Keeps the state in sync with what the map shows: the camera after every move, and after every render that
 * settles, the plan features in view and the number of features per registry row. Returns the cleanup.
 *
 * The counting (a query of every rendered feature: tens of milliseconds) runs in a task of its own after the `idle`
 * event, not in it: MapLibre calls every `on` listener before any `once` one, so counted inside the event it held
 * back everything else waiting for the idle — the app's first-idle flag, and with it the panels and the features.
 */
export function reportView(map: MlMap, app: AppState): () => void {
  const onMoveEnd = () => {
    const c = map.getCenter();
    app.view = { lon: c.lng, lat: c.lat, zoom: map.getZoom(), bearing: map.getBearing(), pitch: map.getPitch() };
  };
  let counting: ReturnType<typeof setTimeout> | undefined;
  const count = () => {
    counting = undefined;
    const layers = map.getStyle().layers;
    const rows = new Map<string, Set<string>>();
    const planIds = new Set<string>();
    const ids = layers.filter((l) => 'source' in l && l.layout?.visibility !== 'none').map((l) => l.id);
    for (const f of map.queryRenderedFeatures({ layers: ids })) {
      const row = (f.layer.metadata as Record<string, string> | undefined)?.[REGISTRY_KEY];
      if (!row) continue;
      const key = `${f.sourceLayer ?? f.source}:${String(f.id ?? JSON.stringify(f.properties))}`;
      if (!rows.has(row)) rows.set(row, new Set());
      // A cluster (of a feature's points) stands for its points: it counts as many.
      const points = typeof f.properties.point_count === 'number' ? f.properties.point_count : 0;
      if (points > 0) for (let i = 0; i < points; i++) rows.get(row)!.add(`${key}#${i}`);
      else rows.get(row)!.add(key);
      if (f.source === 'plan' && typeof f.properties.id === 'string') planIds.add(f.properties.id);
    }
    const counts = Object.fromEntries([...rows].map(([row, set]) => [row, set.size]));
    if (JSON.stringify(counts) !== JSON.stringify(app.counts)) app.counts = counts;
    const inView = [...planIds].sort();
    if (!sameList(inView, app.inView)) app.inView = inView;
  };
  const onIdle = () => {
    counting ??= setTimeout(count, 0);
  };
  map.on('moveend', onMoveEnd);
  map.on('idle', onIdle);
  onMoveEnd();
  return () => {
    clearTimeout(counting);
    map.off('moveend', onMoveEnd);
    map.off('idle', onIdle);
  };
}

/**
 * Where the middle of the part of the map `padding` leaves clear lies from the canvas's middle: the offset for an
 * easeTo that centres there. An offset, not `padding`: easeTo would keep the padding on the map, shift every later
 * centre (and the links), and add it to every later fit's own.
 */
export function centreOffset(padding: PaddingOptions): [number, number] {
  return [((padding.left ?? 0) - (padding.right ?? 0)) / 2, ((padding.top ?? 0) - (padding.bottom ?? 0)) / 2];
}

/** Carries out a camera request, leaving room for the panels given by `padding`. */
export function applyCamera(map: MlMap, request: CameraRequest, padding: PaddingOptions): void {
  const duration = request.animate && !matchMedia('(prefers-reduced-motion: reduce)').matches ? 900 : 0;
  switch (request.kind) {
    case 'fit':
      map.fitBounds(request.bbox, { padding, maxZoom: request.maxZoom ?? 16, duration });
      break;
    case 'center':
      map.easeTo({
        center: [request.lon, request.lat],
        zoom: request.zoom,
        offset: centreOffset(padding),
        duration,
      });
      break;
    // A whole camera (a link's, or the 3D view's tilt): exactly that view, no room made for the panels. Eased like
    // the others, so tilting into the 3D view is a movement the eye can follow; a link's view arrives at once.
    case 'view':
      map.easeTo({
        center: [request.view.lon, request.view.lat],
        zoom: request.view.zoom,
        bearing: request.view.bearing,
        pitch: request.view.pitch,
        duration,
      });
      break;
  }
}
