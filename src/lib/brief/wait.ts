/**
 * Waits until `ready()` holds, looking again every 50 ms, for at most `timeoutMs`; resolves to whether it held. A
 * brief's builder is plain async code, not a component: the rune state it waits on (a feature's data arriving) has
 * no promise to await, and a brief is built rarely, so a brief look now and then is enough.
 */
export async function waitUntil(ready: () => boolean, timeoutMs: number): Promise<boolean> {
  const until = Date.now() + timeoutMs;
  while (!ready()) {
    if (Date.now() >= until) return false;
    await new Promise((r) => setTimeout(r, 50));
  }
  return true;
}
