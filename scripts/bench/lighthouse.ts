/**
 * The Lighthouse section of `npm run bench`: Lighthouse 12.2.3 on Debian's Chromium (headless, WebGL on
 * SwiftShader) against the production build, run several times with a fresh browser each; the median run is shown
 * with its metrics and every audit that held a category below full marks.
 */
import * as chromeLauncher from 'chrome-launcher';
import lighthouse, { desktopConfig, type Config } from 'lighthouse';
import { CHROMIUM, CHROMIUM_FLAGS } from './site.ts';
import type { BenchSection } from './table.ts';

const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;
type Category = (typeof CATEGORIES)[number];

interface LhRun {
  scores: Record<Category, number>;
  metrics: Record<string, string>;
  /** Audits below full marks that weigh in a category: category → "id (score): title". */
  failing: Record<Category, string[]>;
}

const METRICS = ['first-contentful-paint', 'largest-contentful-paint', 'total-blocking-time', 'cumulative-layout-shift', 'speed-index'];

/** The largest items behind an audit (a file and its bytes or milliseconds), for the audits that name them. */
function detail(audit: { details?: unknown }): string {
  const d = audit.details as { type?: string; items?: Record<string, unknown>[] } | undefined;
  if (!d?.items?.length || (d.type !== 'opportunity' && d.type !== 'table')) return '';
  const name = (i: Record<string, unknown>) => {
    const v = i.url ?? i.groupLabel ?? i.group ?? i.label;
    if (typeof v !== 'string') return null;
    return v.replace(/^https?:\/\/[^/]+/, '');
  };
  const amount = (i: Record<string, unknown>) => {
    for (const [k, unit] of [['wastedBytes', 'KiB'], ['total', 'ms'], ['duration', 'ms']] as const) {
      const v = i[k];
      if (typeof v === 'number') return unit === 'KiB' ? `${(v / 1024).toFixed(0)} KiB` : `${v.toFixed(0)} ms`;
    }
    return '';
  };
  const parts = d.items
    .map((i) => [name(i), amount(i)] as const)
    .filter(([n]) => n)
    .slice(0, 3)
    .map(([n, a]) => `${n}${a ? ` ${a}` : ''}`);
  return parts.length ? ` [${parts.join('; ')}]` : '';
}

async function runOnce(url: string, config: Config | undefined): Promise<LhRun> {
  const chrome = await chromeLauncher.launch({
    chromePath: CHROMIUM,
    chromeFlags: ['--headless=new', ...CHROMIUM_FLAGS],
    logLevel: 'silent',
  });
  try {
    const result = await lighthouse(url, { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: [...CATEGORIES] }, config);
    if (!result) throw new Error('Lighthouse returned no result');
    const lhr = result.lhr;
    if (lhr.runtimeError) throw new Error(`Lighthouse: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
    const scores = {} as Record<Category, number>;
    const failing = {} as Record<Category, string[]>;
    for (const c of CATEGORIES) {
      const cat = lhr.categories[c]!;
      scores[c] = Math.round((cat.score ?? 0) * 100);
      failing[c] = cat.auditRefs
        .filter((ref) => ref.weight > 0 || c === 'performance')
        .map((ref) => lhr.audits[ref.id]!)
        .filter((a) => a.score !== null && a.score < (c === 'performance' ? 0.9 : 1) && a.scoreDisplayMode !== 'informative' && a.scoreDisplayMode !== 'notApplicable' && a.scoreDisplayMode !== 'manual')
        .map((a) => `${a.id} (${Math.round((a.score ?? 0) * 100)})${a.displayValue ? `: ${a.displayValue}` : ''}${detail(a)}`);
    }
    const metrics: Record<string, string> = {};
    for (const m of METRICS) metrics[m] = lhr.audits[m]?.displayValue ?? '—';
    return { scores, metrics, failing };
  } finally {
    chrome.kill();
  }
}

export interface LighthouseResults {
  section: BenchSection;
  median: Record<Category, number>;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1]!;

/** Runs Lighthouse `runs` times on `url` with its default (mobile) settings and, if asked, its desktop preset. */
export async function lighthouseSection(url: string, options: { runs?: number; desktop?: boolean; log?: (line: string) => void } = {}): Promise<LighthouseResults> {
  const runs = options.runs ?? 3;
  const tables: BenchSection['tables'] = [];
  const notes = [
    `Lighthouse 12.2.3 on ${CHROMIUM} (headless, the browser tests' flags: WebGL on SwiftShader, i.e. on the CPU), a fresh`,
    `browser per run, against the production build served by vite preview (gzip). Scores are the median of ${runs} runs;`,
    `the metrics and audits shown are those of the run with the median performance score.`,
  ];
  let first: Record<Category, number> | undefined;
  for (const [name, config] of [['mobile (default: simulated slow 4G, 4× CPU)', undefined], ...(options.desktop ? [['desktop preset', desktopConfig]] : [])] as [string, Config | undefined][]) {
    const all: LhRun[] = [];
    for (let i = 0; i < runs; i++) {
      all.push(await runOnce(url, config));
      options.log?.(`lighthouse ${name} ${i + 1}/${runs}: ${CATEGORIES.map((c) => `${c} ${all.at(-1)!.scores[c]}`).join(', ')}`);
    }
    const med = Object.fromEntries(CATEGORIES.map((c) => [c, median(all.map((r) => r.scores[c]))])) as Record<Category, number>;
    first ??= med;
    const mid = [...all].sort((a, b) => a.scores.performance - b.scores.performance)[all.length >> 1]!;
    const aims: Record<Category, string> = { performance: '≥ 90', accessibility: '100', 'best-practices': '≥ 95', seo: '(info)' };
    tables.push({
      caption: `${name}:`,
      columns: ['category', 'median', 'runs', 'aim'],
      rows: CATEGORIES.map((c) => [c, String(med[c]), all.map((r) => r.scores[c]).join(' '), aims[c]]),
    });
    tables.push({ columns: ['metric (median run)', 'value'], rows: METRICS.map((m) => [m, mid.metrics[m]!]) });
    tables.push({
      columns: ['category', 'audits below full marks (median run; performance: below 90)'],
      rows: CATEGORIES.flatMap((c) => mid.failing[c].map((a, i) => [i === 0 ? c : '', a])),
      align: ['left', 'left'],
    });
  }
  return { section: { title: '3. Lighthouse', notes, tables }, median: first! };
}
