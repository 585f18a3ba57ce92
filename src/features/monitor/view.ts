// The plan monitor's lazy chunk: its panel and its engine (stored figures and tasks, a link's snapshot, the symbols).
import './messages.ts';
import './import-catalogue.ts';
export { default as Panel } from './MonitorPanel.svelte';
export { default as Sync } from './MonitorSync.svelte';
