import { describe, expect, it } from 'vitest';
import { greets, rememberWelcomed, welcomed } from './welcome.ts';

const memory = () => {
  const m = new Map<string, string>();
  return { getItem: (k: string) => m.get(k) ?? null, setItem: (k: string, v: string) => void m.set(k, v) };
};
const blocked = {
  getItem: () => {
    throw new DOMException('blocked', 'SecurityError');
  },
  setItem: () => {
    throw new DOMException('blocked', 'SecurityError');
  },
};

describe('the welcome', () => {
  it('greets a first visit, and not once it was dismissed', () => {
    const storage = memory();
    expect(greets('?lang=en', storage)).toBe(true);
    rememberWelcomed(storage);
    expect(welcomed(storage)).toBe(true);
    expect(greets('?lang=en', storage)).toBe(false);
  });

  it('leaves a link that shows a place, a panel or the tour to show it', () => {
    const storage = memory();
    for (const link of ['?sel=plan:sp-fudan', '?panel=invest', '?lang=zh&tour=2']) expect(greets(link, storage)).toBe(false);
    expect(greets('?lang=zh&map=15/121.5/31.3', storage)).toBe(true);
  });

  it('greets every visit where storage is blocked, without failing', () => {
    expect(() => rememberWelcomed(blocked)).not.toThrow();
    expect(welcomed(blocked)).toBe(false);
    expect(greets('', blocked)).toBe(true);
  });

  it('greets without failing where even reading localStorage throws (a third-party frame with storage denied)', () => {
    const own = Object.getOwnPropertyDescriptor(globalThis, 'localStorage');
    Object.defineProperty(globalThis, 'localStorage', {
      configurable: true,
      get: () => {
        throw new DOMException('Access is denied for this document.', 'SecurityError');
      },
    });
    try {
      expect(welcomed()).toBe(false);
      expect(() => rememberWelcomed()).not.toThrow();
      expect(greets('')).toBe(true);
    } finally {
      if (own) Object.defineProperty(globalThis, 'localStorage', own);
      else delete (globalThis as { localStorage?: Storage }).localStorage;
    }
  });
});
