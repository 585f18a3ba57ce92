import { describe, expect, it } from 'vitest';
import { MONITOR_LIMITS, parseMonitorLink, writeMonitorLink, type MonitorLink } from './link.ts';
import { formatLink, parseLink } from '../../lib/state/permalink.ts';
import { createApp, FEATURES } from '../../../tests/support/features.ts';

const parse = (search: string) => parseMonitorLink(new URLSearchParams(search));

describe('the plan monitor’s part of a link', () => {
  it('round-trips indicator, year and snapshot through the whole link, beside the panel', () => {
    const monitor: MonitorLink = { indicator: 'rd_intensity', year: 2025, snapshot: 'q1YqUFIqSc0tyMjPz0nVS8svyk0sLS4pAgA' };
    const s = formatLink({ lang: 'en', panel: 'monitor', monitor }, FEATURES);
    expect(s).toBe('?lang=en&panel=monitor&mind=rd_intensity&myr=2025&msnap=q1YqUFIqSc0tyMjPz0nVS8svyk0sLS4pAgA');
    const back = parseLink(s, new Set(), FEATURES);
    expect(back.monitor).toEqual(monitor);
    expect(back.panel).toBe('monitor');
    expect(createApp().panels).toContain('monitor');
  });

  it('is silent when nothing is set', () => {
    const q = new URLSearchParams();
    writeMonitorLink({}, q);
    expect(q.toString()).toBe('');
    expect(parse('lang=zh&panel=monitor')).toBeUndefined();
  });

  it('drops unknown indicators, bad years and snapshots that are not base64url or too long', () => {
    expect(parse('mind=profit')).toBeUndefined();
    expect(parse('mind=__proto__')).toBeUndefined();
    expect(parse('myr=2025.5')).toBeUndefined();
    expect(parse('myr=1999')).toBeUndefined();
    expect(parse('myr=')).toBeUndefined();
    expect(parse('msnap=abc%3Cimg%3E')).toBeUndefined();
    expect(parse('msnap=abc+def')).toBeUndefined();
    expect(parse(`msnap=${'A'.repeat(MONITOR_LIMITS.snapshotChars + 1)}`)).toBeUndefined();
    expect(parse(`msnap=${'A'.repeat(MONITOR_LIMITS.snapshotChars)}`)?.snapshot).toHaveLength(MONITOR_LIMITS.snapshotChars);
  });

  it('keeps the good parts of a partly bad link', () => {
    expect(parse('mind=gazelle_firms&myr=abc&msnap=%%%')).toEqual({ indicator: 'gazelle_firms' });
  });
});
