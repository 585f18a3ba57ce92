import { describe, expect, it, vi } from 'vitest';
import { createApp } from '../support/features.ts';
import ConfirmBox from '../../src/lib/ui/ConfirmBox.svelte';
import { render } from './helpers.ts';

describe('the remove confirmation (component)', () => {
  it('asks as a named group, puts the focus on "remove", and answers each button', () => {
    const onyes = vi.fn();
    const onno = vi.fn();
    const root = render(ConfirmBox, createApp(), { question: 'Remove “a.csv”?', yes: 'Remove', no: 'Cancel', onyes, onno });
    const group = root.querySelector('[role="group"]')!;
    expect(group.getAttribute('aria-label')).toBe('Remove “a.csv”?');
    const [yes, no] = [...group.querySelectorAll('button')];
    expect(document.activeElement).toBe(yes);
    expect(yes!.className).toContain('danger');
    no!.click();
    expect(onno).toHaveBeenCalledTimes(1);
    yes!.click();
    expect(onyes).toHaveBeenCalledTimes(1);
  });
});
