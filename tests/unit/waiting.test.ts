import { describe, expect, it } from 'vitest';
import { BUSY_SHARE, FrameMeter, LATE_MS, SETTLE_MS, steady, waitingFor, WINDOW_MS } from '../../src/lib/map/waiting.ts';

// Frames every `step` ms from `from` to `to` (inclusive of `from`).
function frames(meter: FrameMeter, from: number, to: number, step: number): void {
  for (let at = from; at <= to; at += step) meter.frame(at);
}

describe('what a slow first view waits for', () => {
  it('blames the network while reads are in flight and frames come on time', () => {
    expect(waitingFor({ pending: 3, quietMs: 0, busy: 0 })).toBe('network');
    expect(waitingFor({ pending: 1, quietMs: 0, busy: BUSY_SHARE - 0.01 })).toBe('network');
  });

  it('blames the device when frames come late, even with bytes still coming: it could not take them faster', () => {
    expect(waitingFor({ pending: 0, quietMs: 5000, busy: 0.9 })).toBe('device');
    expect(waitingFor({ pending: 4, quietMs: 0, busy: BUSY_SHARE })).toBe('device');
  });

  it('blames the device once nothing has been in flight for a while, though frames come on time (workers, GPU)', () => {
    expect(waitingFor({ pending: 0, quietMs: SETTLE_MS, busy: 0 })).toBe('device');
    expect(waitingFor({ pending: 0, quietMs: Infinity, busy: 0.1 })).toBe('device');
  });

  it('does not switch to the device in the moment between one read answered and the next asked', () => {
    expect(waitingFor({ pending: 0, quietMs: SETTLE_MS - 1, busy: 0 })).toBe('network');
  });
});

describe('the verdict shown', () => {
  it('is the first sample’s, then changes only when two samples in a row agree', () => {
    expect(steady(null, null, 'device')).toBe('device');
    expect(steady('network', 'network', 'device')).toBe('network');
    expect(steady('network', 'device', 'device')).toBe('device');
    expect(steady('device', 'network', 'device')).toBe('device');
  });

  it('follows a run of samples without flipping on a single one', () => {
    const samples = ['network', 'network', 'device', 'network', 'device', 'device', 'device', 'network', 'network'] as const;
    let shown: 'network' | 'device' | null = null;
    let previous: 'network' | 'device' | null = null;
    const seen = samples.map((sample) => {
      shown = steady(shown, previous, sample);
      previous = sample;
      return shown;
    });
    expect(seen).toEqual(['network', 'network', 'network', 'network', 'network', 'device', 'device', 'device', 'network']);
  });
});

describe('the frame meter', () => {
  it('finds 60 Hz frames on time', () => {
    const meter = new FrameMeter(0);
    frames(meter, 16, 3000, 16);
    expect(meter.busy(3000)).toBe(0);
  });

  it('counts a long frame as the time past the lateness allowance', () => {
    const meter = new FrameMeter(0);
    frames(meter, 16, 2000, 16);
    // One 600 ms frame: 550 ms of it late, in a one-second window.
    meter.frame(2600);
    frames(meter, 2616, 3000, 16);
    expect(meter.busy(3000)).toBeCloseTo((600 - LATE_MS) / WINDOW_MS, 5);
  });

  it('finds a frozen page (no frame at all) busy, the longer the more', () => {
    const meter = new FrameMeter(0);
    frames(meter, 16, 992, 16);
    // The last frame at 992 ms: what came after it, past the allowance, was late.
    expect(meter.busy(1300)).toBeCloseTo((1300 - 992 - LATE_MS) / WINDOW_MS, 5);
    expect(meter.busy(3000)).toBe(1);
  });

  it('finds a page busy when every frame comes 200 ms after the one before', () => {
    const meter = new FrameMeter(0);
    frames(meter, 200, 4000, 200);
    expect(meter.busy(4000)).toBeCloseTo(((200 - LATE_MS) * 5) / WINDOW_MS, 5);
    expect(meter.busy(4000)).toBeGreaterThan(BUSY_SHARE);
  });

  it('forgets what fell out of the window', () => {
    const meter = new FrameMeter(0);
    meter.frame(900); // a 900 ms stall at the start
    frames(meter, 916, 3000, 16);
    expect(meter.busy(3000)).toBe(0);
  });

  it('measures only the time since it started, and since a reset', () => {
    const meter = new FrameMeter(1000);
    expect(meter.busy(1000)).toBe(0);
    // 100 ms in without a frame: half of it late.
    expect(meter.busy(1100)).toBeCloseTo(0.5, 5);
    meter.frame(1100);
    meter.reset(5000);
    expect(meter.busy(5000)).toBe(0);
    frames(meter, 5016, 5400, 16);
    expect(meter.busy(5400)).toBe(0);
  });
});
