import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** TypeScript in Svelte components goes through Vite's own transform. */
export default { preprocess: vitePreprocess() };
