import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { afterFirstPaint } from './first-paint.ts';

// A stand-in for the browser's PerformanceObserver: the test hands it paint entries.
let deliver: (names: string[]) => void = () => {};
let disconnected = 0;
class FakeObserver {
  constructor(private readonly callback: (list: { getEntriesByName: (name: string) => unknown[] }) => void) {}
  observe(options: { type: string; buffered: boolean }) {
    expect(options).toEqual({ type: 'paint', buffered: true });
    deliver = (names) => this.callback({ getEntriesByName: (name) => names.filter((n) => n === name) });
  }
  disconnect() {
    disconnected += 1;
  }
}

const settled = async (promise: Promise<void>) => {
  let done = false;
  void promise.then(() => (done = true));
  await vi.advanceTimersByTimeAsync(0);
  return done;
};

describe('afterFirstPaint', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    disconnected = 0;
    vi.stubGlobal('PerformanceObserver', FakeObserver);
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  it('waits for the first contentful paint, not for a paint before it', async () => {
    const painted = afterFirstPaint(1000);
    deliver(['first-paint']);
    expect(await settled(painted)).toBe(false);
    deliver(['first-contentful-paint']);
    expect(await settled(painted)).toBe(true);
    expect(disconnected).toBe(1);
  });

  it('gives up waiting after its timeout (a hidden tab paints nothing)', async () => {
    const painted = afterFirstPaint(1000);
    await vi.advanceTimersByTimeAsync(999);
    expect(await settled(painted)).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(await settled(painted)).toBe(true);
  });

  it('does not wait in a browser that cannot observe paints', async () => {
    vi.stubGlobal(
      'PerformanceObserver',
      class {
        observe() {
          throw new TypeError('paint is not a supported entry type');
        }
        disconnect() {}
      },
    );
    expect(await settled(afterFirstPaint(1000))).toBe(true);
  });
});
