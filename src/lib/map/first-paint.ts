/**
 * Resolves once the browser has put the page's first text on screen (`first-contentful-paint`), or after `timeoutMs`
 * when it says nothing (a hidden tab draws nothing; a browser without paint timing). The map starts after it: the
 * header and the search box come first, MapLibre's chunk no longer delays them on the network, nor the map's first
 * frame, whose shader programs hold the main thread and the GPU, on the device.
 */
export function afterFirstPaint(timeoutMs = 1000): Promise<void> {
  return new Promise((done) => {
    let observer: PerformanceObserver | undefined;
    const finish = () => {
      clearTimeout(timer);
      observer?.disconnect();
      done();
    };
    const timer = setTimeout(finish, timeoutMs);
    try {
      // Text of the page's own (the header) on screen: a paint before it (the empty page of an English visit still
      // fetching its words) does not count.
      observer = new PerformanceObserver((list) => void (list.getEntriesByName('first-contentful-paint').length && finish()));
      observer.observe({ type: 'paint', buffered: true });
    } catch {
      finish();
    }
  });
}
