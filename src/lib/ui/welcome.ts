/**
 * Whether this browser has seen the welcome. Kept in localStorage: a visitor who dismissed it is not greeted again.
 * Storage may be blocked (private modes, a strict policy): then the welcome shows each visit, and dismissing it
 * still hides it for the page's life.
 */
const KEY = 'yangpu:welcomed';

/** The page's localStorage, or undefined where merely reading the property throws (storage denied to the page). */
function pageStorage(): Storage | undefined {
  try {
    return globalThis.localStorage;
  } catch {
    return undefined;
  }
}

export function welcomed(storage: Pick<Storage, 'getItem'> | undefined = pageStorage()): boolean {
  try {
    return storage?.getItem(KEY) === '1';
  } catch {
    return false;
  }
}

export function rememberWelcomed(storage: Pick<Storage, 'setItem'> | undefined = pageStorage()): void {
  try {
    storage?.setItem(KEY, '1');
  } catch {
    // Not remembered: the next visit greets again, which is the lesser harm.
  }
}

/** A link that opens a place, a panel or the tour has something to show at once: it is not covered by the welcome. */
export function greets(search: string, storage?: Pick<Storage, 'getItem'>): boolean {
  const q = new URLSearchParams(search);
  return !welcomed(storage) && !q.has('sel') && !q.has('panel') && !q.has('tour');
}
