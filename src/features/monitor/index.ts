/*
 * The plan monitor (plan part 三): the 2026 targets, the year's statistics against them, figures by place and the
 * 18 tasks' progress, with read-only snapshot links. This door is the only way in; what the first view needs (the
 * state, its part of the link, its layer row, its tab's name) is here, and the panel and the engine are one lazy
 * chunk (view.ts).
 */
import type { FeatureDef } from '../../lib/state/feature.ts';
import './labels.ts';
import { MONITOR_REGISTRY } from './layers.ts';
import { parseMonitorLink, writeMonitorLink, type MonitorLink } from './link.ts';
import { MonitorState } from './state.svelte.ts';

export type { MonitorLink } from './link.ts';
export { MonitorState } from './state.svelte.ts';

declare module '../../lib/state/feature.ts' {
  interface FeatureStates {
    monitor: MonitorState;
  }
}
declare module '../../lib/state/permalink.ts' {
  interface FeatureLinks {
    monitor?: MonitorLink;
  }
}

export const monitor: FeatureDef<MonitorState> = {
  id: 'monitor',
  panel: true,
  icon: 'M3 17l6-6 4 4 8-8M15 7h6v6',
  rows: MONITOR_REGISTRY,
  link: { parse: parseMonitorLink, write: (link, q) => writeMonitorLink(link as MonitorLink, q) },
  createState: () => new MonitorState(),
  // A task's or zone's brief prints the recorded status of its tasks: it asks for the monitor's records too.
  wanted: (app, state) => state.wanted(app.panel) || app.brief?.kind === 'task' || app.brief?.kind === 'zone',
  load: () => import('./view.ts'),
};
