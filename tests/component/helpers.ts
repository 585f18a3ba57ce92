import { createRawSnippet, flushSync, mount, tick, unmount, type Component } from 'svelte';
import { afterEach } from 'vitest';
import { appContext } from '../../src/lib/state/context.ts';
import type { AppState } from '../../src/lib/state/app.svelte.ts';

const mounted: { instance: Record<string, unknown>; target: HTMLElement }[] = [];

/** Mounts a component under `app` (as the app's root provides it) into a fresh element of the document. */
export function render<P extends Record<string, unknown>>(component: Component<P>, app: AppState, props: P = {} as P): HTMLElement {
  const target = document.createElement('div');
  document.body.append(target);
  const instance = mount(component, { target, props, context: appContext(app) }) as Record<string, unknown>;
  mounted.push({ instance, target });
  flushSync();
  return target;
}

/** A snippet that renders one paragraph of text from its argument, for components that take one. */
export const textSnippet = <T>(text: (arg: T) => string) =>
  createRawSnippet((arg: () => T) => ({ render: () => `<p data-testid="snippet">${text(arg())}</p>` }));

/** Lets promises and Svelte's effects settle. */
export async function settle(): Promise<void> {
  for (let i = 0; i < 5; i++) {
    await Promise.resolve();
    await tick();
  }
  flushSync();
}

export const press = (el: Element, key: string) => el.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true }));

afterEach(() => {
  for (const { instance, target } of mounted.splice(0)) {
    unmount(instance);
    target.remove();
  }
});
