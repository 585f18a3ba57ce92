import type { Theme } from './theme.ts';

const kebab = (name: string) => name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);

/**
 * The theme as CSS custom properties, set once on the document's root at start-up: `--ui-*` for the interface,
 * `--plan-*`, `--listings-*`, `--analysis-*`, `--monitor-*` and `--air-*` for the overlays' colours where the
 * interface repeats them, `--map-*` for the basemap. Through the CSSOM, which a strict Content-Security-Policy
 * allows (a `<style>` element it would not).
 */
export function themeProperties(theme: Theme): Record<string, string> {
  const out: Record<string, string> = {};
  const add = (prefix: string, palette: object) => {
    for (const [key, value] of Object.entries(palette)) if (typeof value === 'string') out[`--${prefix}-${kebab(key)}`] = value;
  };
  const { name: _name, plan: p, listings, analysis, monitor, air, ui: u, export: _export, metro: _metro, ...map } = theme;
  add('map', map);
  add('plan', p);
  add('listings', listings);
  add('analysis', analysis);
  add('monitor', monitor);
  add('air', air);
  add('ui', u);
  return out;
}

/** `#rrggbb` with an alpha, as canvas and CSS take it: `rgba(r, g, b, a)`. */
export function withAlpha(hex: string, alpha: number): string {
  const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (!m) throw new Error(`withAlpha: not a #rrggbb colour: ${hex}`);
  return `rgba(${parseInt(m[1]!, 16)}, ${parseInt(m[2]!, 16)}, ${parseInt(m[3]!, 16)}, ${alpha})`;
}
