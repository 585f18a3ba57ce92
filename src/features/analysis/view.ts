// The dispersion dashboard's lazy chunk: its panel and the engine that runs its scenarios in the worker.
import './messages.ts';
export { default as Panel } from './AnalysisPanel.svelte';
export { default as Sync } from './AnalysisSync.svelte';
