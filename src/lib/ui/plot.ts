import type * as PlotModule from '@observablehq/plot';

/**
 * Draws an Observable Plot chart into `host`; Plot loads with the first chart, not with the page. The chart is one
 * image with a name and a description (its numbers are in a table beside it), so the marks' own aria-labels, on
 * groups that may not carry one, are taken off. `done` hears null once the chart is drawn, else why it was not.
 * Returns what takes the chart away again (an effect's cleanup).
 */
export function drawPlot(host: HTMLElement, make: (Plot: typeof PlotModule) => Element, done: (error: string | null) => void): () => void {
  let chart: Element | null = null;
  let cancelled = false;
  import('@observablehq/plot')
    .then((Plot) => {
      if (cancelled) return;
      const plot = make(Plot);
      plot.setAttribute('role', 'img');
      for (const g of plot.querySelectorAll('[aria-label]')) if (g !== plot) g.removeAttribute('aria-label');
      chart = plot;
      host.replaceChildren(plot);
      done(null);
    })
    .catch((err: unknown) => done(String(err instanceof Error ? err.message : err)));
  return () => {
    cancelled = true;
    chart?.remove();
  };
}
