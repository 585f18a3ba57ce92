// The low-altitude feature's lazy chunk: its panel and its engine, with its messages.
import './messages.ts';
export { default as Panel } from './AirPanel.svelte';
export { default as Sync } from './AirSync.svelte';
