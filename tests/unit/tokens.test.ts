import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { light } from '../../src/lib/layers/theme.ts';
import { themeProperties, withAlpha } from '../../src/lib/layers/theme-css.ts';

// The design tokens' guard rails: colours live in the theme and reach the stylesheets as custom properties, so a
// colour written anywhere else is a second source of truth, and a custom property the theme does not define
// draws nothing at all.

const ROOT = resolve(import.meta.dirname, '../..');
const SRC = join(ROOT, 'src');
const THEME = 'src/lib/layers/theme.ts';
const THEME_CSS = 'src/lib/layers/theme-css.ts';

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(join(dir, e.name)) : [join(dir, e.name)]));
}
const rel = (f: string) => relative(ROOT, f).split('\\').join('/');
const all = files(SRC).map(rel);
const styled = all.filter((f) => f.endsWith('.svelte') || f === 'src/app.css' || f === 'src/panels.css');
const code = all.filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts') && f !== THEME && f !== THEME_CSS);
const text = (f: string) => readFileSync(join(ROOT, f), 'utf8');

/** Colour literals: #rgb to #rrggbbaa, rgb()/rgba()/hsl()/hsla(), and named colours as CSS values. */
const COLOUR = /#[0-9a-f]{3,8}\b|\b(?:rgba?|hsla?)\(|:\s*(?:white|black|red|green|blue|gray|grey|orange|yellow|purple)\b/gi;

/**
 * Literals that must stay where they are, each with the reason. Add to this list only what cannot be a custom
 * property (an SVG data URI, say, which no stylesheet reaches).
 */
const EXCEPTIONS: { file: string; literal: string; why: string }[] = [];

function literals(file: string): string[] {
  const allowed = EXCEPTIONS.filter((e) => e.file === file).map((e) => e.literal);
  return [...text(file).matchAll(COLOUR)].map((m) => m[0]).filter((m) => !allowed.includes(m));
}

describe('design tokens', () => {
  it.each(styled)('%s writes no colour: it uses the theme’s custom properties', (file) => {
    expect(literals(file)).toEqual([]);
  });

  it.each(code)('%s writes no colour: it takes them from the theme', (file) => {
    expect(literals(file)).toEqual([]);
  });

  it('finds the literals it is meant to refuse', () => {
    const sample = 'a { color: #1f2933; background: rgb(0 0 0 / 0.2); border-color: white } {#each x as y}';
    expect(sample.match(COLOUR)).toEqual(['#1f2933', 'rgb(', ': white']);
  });

  const defined = new Set(Object.keys(themeProperties(light)));
  it.each(styled)('%s uses only custom properties the theme or the file itself defines', (file) => {
    const source = text(file);
    const own = new Set([...source.matchAll(/(--[a-z][\w-]*)\s*:/g)].map((m) => m[1]));
    const used = [...new Set([...source.matchAll(/var\(\s*(--[a-z][\w-]*)/g)].map((m) => m[1]!))];
    expect(used.filter((name) => !defined.has(name) && !own.has(name))).toEqual([]);
  });

  it('defines every custom property once, with a colour or a shadow of colours', () => {
    const props = themeProperties(light);
    expect(Object.keys(props).length).toBeGreaterThan(100);
    for (const [name, value] of Object.entries(props)) {
      expect(name).toMatch(/^--(map|plan|listings|analysis|monitor|air|ui)-[a-z0-9-]+$/);
      expect(value).toMatch(/^(#[0-9a-f]{6}|rgba?\([^)]*\)|rgb\([^)]*\)|[\d. a-z]*rgb\([^)]*\))$/);
    }
    expect(props['--ui-text']).toBe(light.ui.text);
    expect(props['--ui-text-secondary']).toBe(light.ui.textSecondary);
    expect(props['--map-background']).toBe(light.background);
    expect(props['--air-conflict-elevated']).toBe(light.air.conflictElevated);
  });

  it('writes a colour with an alpha as canvas and CSS take it', () => {
    expect(withAlpha('#ffffff', 0.92)).toBe('rgba(255, 255, 255, 0.92)');
    expect(withAlpha('#1f2933', 0.25)).toBe('rgba(31, 41, 51, 0.25)');
    expect(() => withAlpha('white', 1)).toThrow();
  });
});

// WCAG 2.x relative luminance and contrast ratio.
function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((c) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}
const contrast = (a: string, b: string) => {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
};

describe('contrast of the interface’s text (WCAG AA, 4.5:1)', () => {
  const u = light.ui;
  const pairs: [string, string, string][] = [
    ['text on surface', u.text, u.surface],
    ['secondary text on surface', u.textSecondary, u.surface],
    ['muted text on surface', u.textMuted, u.surface],
    ['muted text on a table head', u.textMuted, u.surfaceSubtle],
    ['muted text on hover', u.textMuted, u.hover],
    ['placeholder on surface', u.placeholder, u.surface],
    ['text on the current item', u.text, u.selected],
    ['text on the active option', u.text, u.highlight],
    ['links on surface', u.accent, u.surface],
    ['action text on surface', u.accentText, u.surface],
    ['action text on its hover', u.accentText, u.accentSoft],
    ['pressed and primary buttons', u.onAccent, u.accent],
    ['primary button on hover', u.onAccent, u.accentHover],
    ['header bar', u.onAccent, u.bar],
    ['header bar buttons', u.onAccent, u.barButton],
    ['header subtitle', u.barText, u.bar],
    ['failures', u.dangerText, u.surface],
    ['failures in their box', u.dangerText, u.dangerSurface],
    ['problems in their box', u.problem, u.problemSurface],
    ['problem status', u.problemDeep, u.problemSoft],
    ['notices', u.text, u.warningSurface],
    ['the snapshot banner', u.warningText, u.warningSurface],
    ['sample marks', u.sampleText, u.sample],
    ['success marks', u.successText, u.successSurface],
    ['the monitor’s teal action', u.tealText, u.surface],
    ['the monitor’s teal action pressed', u.tealText, u.tealSoft],
    ['the monitor’s target row', light.monitor.targetText, u.surface],
  ];
  it.each(pairs)('%s', (_what, fg, bg) => {
    expect(contrast(fg, bg)).toBeGreaterThanOrEqual(4.5);
  });
});
