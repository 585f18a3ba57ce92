import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { PlanOutputCollection, PlanOutputFeature } from '../../src/lib/data/plan-schema.ts';
import { placesOfTasks, tasksBox } from '../../src/lib/data/task-places.ts';
import { AppState } from '../../src/lib/state/app.svelte.ts';

const plan = JSON.parse(readFileSync(resolve(import.meta.dirname, '../../public/data/plan.geojson'), 'utf8')) as PlanOutputCollection;

const feature = (id: number, plan_tasks: number[], geometry: PlanOutputFeature['geometry']) =>
  ({ type: 'Feature', id, properties: { id: `f${id}`, plan_tasks }, geometry }) as unknown as PlanOutputFeature;
const features = [
  feature(1, [4], { type: 'Point', coordinates: [121.5, 31.3] }),
  feature(2, [17, 4], {
    type: 'Polygon',
    coordinates: [
      [
        [121.52, 31.28],
        [121.53, 31.28],
        [121.53, 31.29],
        [121.52, 31.28],
      ],
    ],
  }),
  feature(3, [7], {
    type: 'LineString',
    coordinates: [
      [121.4, 31.2],
      [121.6, 31.4],
    ],
  }),
  feature(4, [17], {
    type: 'MultiPolygon',
    coordinates: [
      [
        [
          [121.55, 31.33],
          [121.56, 31.33],
          [121.56, 31.34],
          [121.55, 31.33],
        ],
      ],
    ],
  }),
];

describe('the places of chosen tasks', () => {
  it('are those naming any chosen task, framed by the box of all their vertices', () => {
    expect(placesOfTasks(features, [4, 17]).map((f) => f.id)).toEqual([1, 2, 4]);
    expect(tasksBox(features, [4])).toEqual([121.5, 31.28, 121.53, 31.3]);
    expect(tasksBox(features, [4, 17])).toEqual([121.5, 31.28, 121.56, 31.34]);
    expect(tasksBox(features, [7, 17])).toEqual([121.4, 31.2, 121.6, 31.4]);
  });

  it('have no box when no chosen task has a located place', () => {
    expect(tasksBox(features, [])).toBeNull();
    expect(tasksBox(features, [1, 3])).toBeNull();
  });

  it('in the plan: tasks 4 and 17 frame every place of either', () => {
    const box = tasksBox(plan.features, [4, 17])!;
    const places = placesOfTasks(plan.features, [4, 17]);
    expect(places.length).toBeGreaterThan(placesOfTasks(plan.features, [4]).length);
    for (const f of places) {
      const [w, s, e, n] = tasksBox([f], f.properties.plan_tasks)!;
      expect(w >= box[0] && s >= box[1] && e <= box[2] && n <= box[3], f.properties.id).toBe(true);
    }
  });
});

describe('picking tasks', () => {
  const app = (search = '') => {
    const a = new AppState(search);
    a.plan = plan;
    return a;
  };

  it('adds and takes out tasks, kept sorted, and frames the places of those shown', () => {
    const a = app('?lang=en');
    expect(a.pickTask(17)).toBe(true);
    expect(a.pickTask(4)).toBe(true);
    expect(a.tasks).toEqual([4, 17]);
    expect(a.camera).toMatchObject({ kind: 'fit', bbox: tasksBox(plan.features, [4, 17]), maxZoom: 16, animate: true });
    expect(a.formatLink()).toContain('task=4,17');
    expect(a.pickTask(17)).toBe(true);
    expect(a.tasks).toEqual([4]);
    expect(a.camera).toMatchObject({ kind: 'fit', bbox: tasksBox(plan.features, [4]) });
  });

  it('leaves the map where it is for a task with no located place, and says so', () => {
    const a = app('?lang=en&task=4');
    const unlocated = [...Array(18).keys()].map((i) => i + 1).find((n) => !tasksBox(plan.features, [n]))!;
    expect(a.camera).toBeNull();
    expect(a.pickTask(unlocated)).toBe(false);
    expect(a.tasks).toEqual([4, unlocated].sort((x, y) => x - y));
    expect(a.camera).toBeNull();
  });

  it('frames nothing when a link restores tasks (the link has its own view)', () => {
    const a = app('?lang=en');
    a.applyLink(a.parseLink('?lang=en&task=17,4,4,99'));
    expect(a.tasks).toEqual([4, 17]);
    expect(a.camera).toBeNull();
  });
});
