import { flushSync } from 'svelte';
import { describe, expect, it } from 'vitest';
import { createApp } from '../support/features.ts';
import Nav from '../../src/lib/ui/Nav.svelte';
import Sheet from '../../src/lib/ui/Sheet.svelte';
import { press, render, textSnippet } from './helpers.ts';

const tabs = (root: HTMLElement) => [...root.querySelectorAll<HTMLButtonElement>('[role="tab"]')];
const content = textSnippet<string>((id) => `panel ${id}`);

describe('the navigation (component)', () => {
  it("names the core's tabs and each feature's, in order, in the reader's language, each with its pictogram", () => {
    const root = render(Nav, createApp('?lang=en'), { placement: 'bottom' });
    expect(tabs(root).map((b) => b.textContent?.trim())).toEqual(['Layers', 'Tasks', 'List', 'Tour', 'Drones', 'Analysis', 'Space', 'Monitor']);
    expect(tabs(root).every((b) => (b.querySelector('svg path')?.getAttribute('d') ?? '').length > 10)).toBe(true);
    const zh = render(Nav, createApp('?lang=zh'), { placement: 'top' });
    expect(tabs(zh).map((b) => b.textContent?.trim())).toEqual(['图层', '任务', '列表', '导览', '低空', '分析', '招商', '监测']);
  });

  it('moves between tabs with the arrow keys, Home and End, wrapping at the ends, and activates on focus', () => {
    const app = createApp('?panel=layers');
    const root = render(Nav, app, { placement: 'top' });
    press(tabs(root)[0]!, 'ArrowLeft');
    flushSync();
    expect(app.panel).toBe('monitor');
    expect(document.activeElement?.id).toBe('tab-monitor');
    press(tabs(root).at(-1)!, 'ArrowRight');
    flushSync();
    expect(app.panel).toBe('layers');
    press(tabs(root)[0]!, 'End');
    flushSync();
    expect(app.panel).toBe('monitor');
    press(tabs(root).at(-1)!, 'Home');
    flushSync();
    expect(app.panel).toBe('layers');
    // Only the selected tab is in the tab order; with the sheet closed, the first is.
    expect(tabs(root).map((b) => b.tabIndex)).toEqual([0, -1, -1, -1, -1, -1, -1, -1]);
    app.openPanel('tour');
    flushSync();
    expect(tabs(root).map((b) => b.tabIndex)).toEqual([-1, -1, -1, 0, -1, -1, -1, -1]);
    app.openPanel('none');
    flushSync();
    expect(tabs(root).map((b) => b.tabIndex)).toEqual([0, -1, -1, -1, -1, -1, -1, -1]);
    expect(tabs(root).some((b) => b.getAttribute('aria-selected') === 'true')).toBe(false);
  });

  it("opening the investors' tab shows the listings on the map in the same update", () => {
    const app = createApp('?panel=layers');
    const root = render(Nav, app, { placement: 'top' });
    tabs(root)
      .find((b) => b.id === 'tab-invest')!
      .click();
    flushSync();
    expect(app.panel).toBe('invest');
    expect([app.visible.listings, app.visible.listings_sample]).toEqual([true, true]);
  });

  it("brings a phone's sheet up from a peek when a tab is chosen", () => {
    const app = createApp('?panel=layers');
    app.sheetSize = 'peek';
    const root = render(Nav, app, { placement: 'bottom' });
    tabs(root)[1]!.click();
    flushSync();
    expect([app.panel, app.sheetSize]).toEqual(['tasks', 'half']);
  });
});

describe('the sheet (component)', () => {
  it('shows the open panel through its snippet, labelled by its tab, and titled', () => {
    const app = createApp('?lang=en&panel=tasks');
    const root = render(Sheet, app, { content, phone: false });
    const panel = root.querySelector('[role="tabpanel"]')!;
    expect(panel.id).toBe('tabpanel-tasks');
    expect(panel.getAttribute('aria-labelledby')).toBe('tab-tasks');
    expect(root.querySelector('[data-testid="snippet"]')?.textContent).toBe('panel tasks');
    expect(root.querySelector('.title')?.textContent).toBe('Tasks');
    // A wide screen's sheet has one size: no grip.
    expect(root.querySelector('.grip')).toBeNull();
  });

  it('shows About, which has no tab, as a region named by its title', () => {
    const app = createApp('?lang=zh&panel=about');
    const root = render(Sheet, app, { content, phone: false });
    expect(root.querySelector('[role="tabpanel"]')).toBeNull();
    const region = root.querySelector('[role="region"]')!;
    expect(region.getAttribute('aria-label')).toBe('关于');
    expect(region.textContent).toBe('panel about');
  });

  it("pulls a phone's sheet between a peek, half and full height by keyboard and by taps, saying which", () => {
    const app = createApp('?lang=en&panel=list');
    const root = render(Sheet, app, { content, phone: true });
    const grip = root.querySelector<HTMLButtonElement>('.grip')!;
    const sheet = () => root.querySelector<HTMLElement>('[data-testid="sheet"]')!;
    expect(sheet().dataset.size).toBe('half');
    expect(grip.getAttribute('aria-label')).toBe('Panel height (drag, or use the up and down arrow keys): Half height');
    press(grip, 'ArrowUp');
    flushSync();
    expect(app.sheetSize).toBe('full');
    press(grip, 'ArrowUp');
    flushSync();
    expect(app.sheetSize).toBe('full');
    press(grip, 'ArrowDown');
    press(grip, 'ArrowDown');
    flushSync();
    expect(app.sheetSize).toBe('peek');
    expect(sheet().dataset.size).toBe('peek');
    press(grip, 'End');
    flushSync();
    expect(app.sheetSize).toBe('full');
    press(grip, 'Home');
    flushSync();
    expect(app.sheetSize).toBe('peek');
    // A tap goes one size up, and from the top back down to the peek.
    const sizes = [];
    for (let i = 0; i < 3; i++) {
      grip.click();
      flushSync();
      sizes.push(app.sheetSize);
    }
    expect(sizes).toEqual(['half', 'full', 'peek']);
    expect(grip.getAttribute('aria-label')).toMatch(/Collapsed$/);
  });

  it("keeps a phone's sheet, out of sight, while a card takes the bottom of the screen", () => {
    const app = createApp('?lang=en&panel=list');
    const root = render(Sheet, app, { content, phone: true, hidden: true });
    expect(root.querySelector<HTMLElement>('[data-testid="sheet"]')!.hidden).toBe(true);
  });

  it('closes, leaving nothing of the sheet', () => {
    const app = createApp('?lang=en&panel=list');
    const root = render(Sheet, app, { content, phone: false });
    root.querySelector<HTMLButtonElement>('button[aria-label="Close the panel"]')!.click();
    flushSync();
    expect(app.panel).toBe('none');
    expect(root.querySelector('[data-testid="sheet"]')).toBeNull();
  });
});
