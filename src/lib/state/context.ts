import { getContext, setContext } from 'svelte';
import type { AppState } from './app.svelte.ts';

// One key for the application state: the root provides it, every component below reads it, and a test that
// renders a component alone provides it through `appContext`.
const KEY = Symbol('yangpu:app');

/** Provides the application state to every component below the caller (the app's root does this once). */
export const provideApp = (app: AppState): AppState => setContext(KEY, app);

/** The application state, as the root provided it. */
export function useApp(): AppState {
  const app = getContext<AppState | undefined>(KEY);
  if (!app) throw new Error('useApp: no application state in context (render the component under the app, or pass appContext(app))');
  return app;
}

/** The context that provides `app`, for rendering a component on its own (server rendering, component tests). */
export const appContext = (app: AppState): Map<unknown, unknown> => new Map([[KEY, app]]);
