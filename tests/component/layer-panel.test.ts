import { flushSync } from 'svelte';
import { describe, expect, it } from 'vitest';
import { createApp } from '../support/features.ts';
import LayerPanel from '../../src/lib/ui/LayerPanel.svelte';
import { render } from './helpers.ts';

const legends = (root: HTMLElement) => [...root.querySelectorAll('fieldset > legend')].map((l) => l.textContent);
const box = (root: HTMLElement, label: string) =>
  [...root.querySelectorAll('label')].find((l) => l.textContent?.includes(label))!.querySelector<HTMLInputElement>('input[type="checkbox"]')!;

describe('the layers panel (component)', () => {
  it("groups the registry's rows, the features' groups named by their own labels", () => {
    const root = render(LayerPanel, createApp('?lang=en'));
    expect(legends(root)).toEqual([
      'Plan zones',
      'Science parks and incubators',
      'Platforms',
      'Available space',
      'Low-altitude economy',
      'Dispersion analysis',
      'Plan monitor',
      'Basemap and context',
    ]);
  });

  it('switches a row on and off through its checkbox', () => {
    const app = createApp('?lang=en');
    const root = render(LayerPanel, app);
    const corridors = box(root, 'Drone corridors');
    expect(corridors.checked).toBe(false);
    corridors.click();
    flushSync();
    expect(app.visible.corridors).toBe(true);
    expect(app.toLink().layers).toEqual({ corridors: true });
  });

  it('greys out, and cannot switch on, a basemap row whose data the archive lacks', () => {
    const app = createApp('?lang=en');
    app.basemap = { layers: ['districts', 'district_labels'], missing: [], schematicRiver: false };
    const root = render(LayerPanel, app);
    const metro = [...root.querySelectorAll('label')].find((l) => l.textContent?.includes('Metro lines'))!;
    expect(metro.querySelector('input')!.disabled).toBe(true);
    expect(metro.textContent).toContain('data missing');
  });

  it('counts what the map shows per row', () => {
    const app = createApp('?lang=en');
    app.counts = { science_parks: 1, platforms: 3 };
    const root = render(LayerPanel, app);
    const text = root.textContent ?? '';
    expect(text).toContain('1 in view');
    expect(text).toContain('3 in view');
  });
});
