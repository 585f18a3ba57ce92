// "Near me"'s lazy chunk: its panel (what is near the position, and what went wrong).
import './messages.ts';
export { default as Panel } from './NearPanel.svelte';
