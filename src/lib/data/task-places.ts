/** The plan's located places that chosen tasks name, and their extent: what picking tasks frames on the map. */
import type { Position } from 'geojson';
import type { PlanGeometry, PlanOutputFeature } from './plan-schema.ts';
import { boxOf, type Box } from './box.ts';

/** The located places that name any of `tasks`. */
export function placesOfTasks(features: readonly PlanOutputFeature[], tasks: readonly number[]): PlanOutputFeature[] {
  return features.filter((f) => f.properties.plan_tasks.some((n) => tasks.includes(n)));
}

function* positions(g: PlanGeometry): Generator<Position> {
  if (g.type === 'Point') yield g.coordinates;
  else if (g.type === 'LineString') yield* g.coordinates;
  else if (g.type === 'Polygon') for (const ring of g.coordinates) yield* ring;
  else for (const polygon of g.coordinates) for (const ring of polygon) yield* ring;
}

/** The box of the located places of `tasks`, or null when none of them has one (the map then stays where it is). */
export function tasksBox(features: readonly PlanOutputFeature[], tasks: readonly number[]): Box | null {
  const places = placesOfTasks(features, tasks);
  return places.length ? boxOf(places.flatMap((f) => [...positions(f.geometry)])) : null;
}
