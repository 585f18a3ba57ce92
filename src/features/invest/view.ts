// The investors' lazy chunk: its panel (search, results, shortlist, import) and its engine with the listing card.
import './messages.ts';
import './finder/messages.ts';
export { default as Panel } from './InvestView.svelte';
export { default as Sync } from './InvestSync.svelte';
