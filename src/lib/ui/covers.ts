import { getContext, setContext } from 'svelte';
import type { Insets } from '../state/app.svelte.ts';

/** The side of the map an overlay is attached to, or 'auto' to take the side it reaches least far in from. */
export type Side = keyof Insets | 'auto';

const NONE: Insets = { top: 0, right: 0, bottom: 0, left: 0 };

/** How far `el` reaches into `frame` from the side it hangs on (0 when it is hidden or outside). */
export function reach(frame: DOMRect, el: DOMRect, side: Side): Insets {
  if (el.width === 0 || el.height === 0) return NONE;
  const from: Insets = {
    top: el.bottom - frame.top,
    bottom: frame.bottom - el.top,
    left: el.right - frame.left,
    right: frame.right - el.left,
  };
  const extent = (s: keyof Insets) => (s === 'top' || s === 'bottom' ? frame.height : frame.width);
  const depthFrom = (s: keyof Insets) => Math.max(0, Math.min(from[s], extent(s)));
  // A card covers a band along one side of the map: the side whose band leaves the most of the map clear.
  const left = (s: keyof Insets) => (extent(s) - depthFrom(s)) * (s === 'top' || s === 'bottom' ? frame.width : frame.height);
  const chosen = side === 'auto' ? (Object.keys(from) as (keyof Insets)[]).reduce((a, b) => (left(b) > left(a) ? b : a)) : side;
  const depth = depthFrom(chosen);
  return { ...NONE, [chosen]: Math.round(depth) };
}

/** The deepest reach per side over every overlay. */
export function deepest(all: Iterable<Insets>): Insets {
  const out = { ...NONE };
  for (const i of all) for (const k of Object.keys(out) as (keyof Insets)[]) out[k] = Math.max(out[k], i[k]);
  return out;
}

/**
 * Keeps `report` told how far the overlays reach into `frame` (the map's box): each overlay registers with the
 * returned `covers` action and the side it hangs on. The camera keeps what it frames out of these bands, so a card,
 * a sheet or a notice never hides the place it is about. Sizes are watched with a ResizeObserver; a change of layout
 * that moves an overlay without resizing it (a phone turned round) comes with a resize of the frame, watched too.
 */
export function coverage(frame: () => HTMLElement | undefined, report: (insets: Insets) => void) {
  const sides = new Map<HTMLElement, Side>();
  let last = '';
  const measure = () => {
    const box = frame()?.getBoundingClientRect();
    if (!box) return;
    const insets = deepest([...sides].map(([el, side]) => reach(box, el.getBoundingClientRect(), side)));
    const key = JSON.stringify(insets);
    if (key === last) return;
    last = key;
    report(insets);
  };
  const observer = typeof ResizeObserver === 'undefined' ? null : new ResizeObserver(measure);
  return {
    measure,
    /** Svelte action: `use:covers={'bottom'}`. */
    covers(node: HTMLElement, side: Side) {
      sides.set(node, side);
      observer?.observe(node);
      const f = frame();
      if (f) observer?.observe(f);
      measure();
      return {
        update(next: Side) {
          sides.set(node, next);
          measure();
        },
        destroy() {
          sides.delete(node);
          observer?.unobserve(node);
          measure();
        },
      };
    },
  };
}

type CoversAction = ReturnType<typeof coverage>['covers'];
const KEY = Symbol('yangpu:covers');

/** Lets the overlays below the caller register (the app's shell does this once). */
export const provideCovers = (action: CoversAction): CoversAction => setContext(KEY, action);

/** The overlay registration of the shell; outside it (a component rendered alone) an action that does nothing. */
export function useCovers(): CoversAction {
  return getContext<CoversAction | undefined>(KEY) ?? (() => ({ update() {}, destroy() {} }));
}
