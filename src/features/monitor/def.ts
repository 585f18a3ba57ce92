/*
 * The plan monitor's definition: its state, its part of the link and its layer row. A chunk of its own, loaded
 * through the door (index.ts) after the first view.
 */
import { headOf, type FeatureDef } from '../../lib/state/feature.ts';
import { monitor } from './index.ts';
import { MONITOR_REGISTRY } from './layers.ts';
import { parseMonitorLink, writeMonitorLink, type MonitorLink } from './link.ts';
import { MonitorState } from './state.svelte.ts';

export const monitorDef: FeatureDef<MonitorState> = {
  ...headOf(monitor),
  rows: MONITOR_REGISTRY,
  link: { parse: parseMonitorLink, write: (link, q) => writeMonitorLink(link as MonitorLink, q) },
  createState: () => new MonitorState(),
  // A task's or zone's brief prints the recorded status of its tasks: it asks for the monitor's records too.
  wanted: (app, state) => state.wanted(app.panel) || app.brief?.kind === 'task' || app.brief?.kind === 'zone',
  load: () => import('./view.ts'),
};
