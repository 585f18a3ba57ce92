import { flushSync } from 'svelte';
import { describe, expect, it } from 'vitest';
import { createApp } from '../../src/app/features.ts';
import Sheet from '../../src/lib/ui/Sheet.svelte';
import { press, render, textSnippet } from './helpers.ts';

const tabs = (root: HTMLElement) => [...root.querySelectorAll<HTMLButtonElement>('[role="tab"]')];

describe('the sheet (component)', () => {
  it("names the core's tabs and each feature's, in order, in the reader's language", () => {
    const root = render(Sheet, createApp('?lang=en'), { content: textSnippet<string>((id) => `panel ${id}`) });
    expect(tabs(root).map((b) => b.textContent)).toEqual(['Layers', 'Tasks', 'List', 'Tour', 'Drones', 'Analysis', 'Space', 'Monitor']);
    const zh = render(Sheet, createApp('?lang=zh'), { content: textSnippet<string>((id) => id) });
    expect(tabs(zh).map((b) => b.textContent)).toEqual(['图层', '任务', '列表', '导览', '低空', '分析', '招商', '监测']);
  });

  it('shows the open panel through its snippet, and only that one', () => {
    const app = createApp('?panel=tasks');
    const root = render(Sheet, app, { content: textSnippet<string>((id) => `panel ${id}`) });
    expect(root.querySelector('[role="tabpanel"]')?.id).toBe('tabpanel-tasks');
    expect(root.querySelector('[data-testid="snippet"]')?.textContent).toBe('panel tasks');
    expect(
      tabs(root)
        .filter((b) => b.getAttribute('aria-selected') === 'true')
        .map((b) => b.id),
    ).toEqual(['tab-tasks']);
  });

  it('moves between tabs with the arrow keys, Home and End, wrapping at the ends, and activates on focus', () => {
    const app = createApp('?panel=layers');
    const root = render(Sheet, app, { content: textSnippet<string>((id) => id) });
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
    // Only the selected tab is in the tab order.
    expect(tabs(root).map((b) => b.tabIndex)).toEqual([0, -1, -1, -1, -1, -1, -1, -1]);
  });

  it("opening the investors' tab shows the listings on the map in the same update", () => {
    const app = createApp('?panel=layers');
    const root = render(Sheet, app, { content: textSnippet<string>((id) => id) });
    tabs(root)
      .find((b) => b.id === 'tab-invest')!
      .click();
    flushSync();
    expect(app.panel).toBe('invest');
    expect([app.visible.listings, app.visible.listings_sample]).toEqual([true, true]);
  });

  it('closes, leaving nothing of the sheet', () => {
    const app = createApp('?lang=en&panel=list');
    const root = render(Sheet, app, { content: textSnippet<string>((id) => id) });
    root.querySelector<HTMLButtonElement>('button[aria-label="Close the panel"]')!.click();
    flushSync();
    expect(app.panel).toBe('none');
    expect(root.querySelector('[data-testid="sheet"]')).toBeNull();
  });
});
