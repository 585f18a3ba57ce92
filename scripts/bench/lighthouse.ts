/**
 * The Lighthouse section of `npm run bench`: Lighthouse 12.2.3 on Debian's Chromium (headless, WebGL on
 * SwiftShader) against the production build, run several times with a fresh browser each; the median run is shown
 * with its metrics and every audit that held a category below full marks. The baseline page runs in the same
 * session, alternating with the app (app, baseline, baseline, app, …), and the section reports the difference.
 */
import * as chromeLauncher from 'chrome-launcher';
import lighthouse, { desktopConfig, type Config } from 'lighthouse';
import { CHROMIUM_FLAGS, CHROMIUM_PATH } from '../lib/chromium.ts';
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
    for (const [k, unit] of [
      ['wastedBytes', 'KiB'],
      ['total', 'ms'],
      ['duration', 'ms'],
    ] as const) {
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
    chromePath: CHROMIUM_PATH,
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
        .filter(
          (a) =>
            a.score !== null &&
            a.score < (c === 'performance' ? 0.9 : 1) &&
            a.scoreDisplayMode !== 'informative' &&
            a.scoreDisplayMode !== 'notApplicable' &&
            a.scoreDisplayMode !== 'manual',
        )
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
  /** The app's median scores with Lighthouse's default (mobile) settings. */
  median: Record<Category, number>;
  /** The baseline page's, from the same session (absent with --no-lighthouse-baseline or if every run failed). */
  baselineMedian?: Record<Category, number>;
  /** Performance, app's median − baseline's median (mobile); undefined without a baseline. */
  performanceDifference?: number;
  /** Performance, app − baseline, per round where both ran (mobile). */
  roundDifferences: number[];
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1]!;

/**
 * Runs Lighthouse `runs` times on the app and, for comparison, on the plain-MapLibre baseline page (alternately),
 * with Lighthouse's default (mobile) settings and, if asked, its desktop preset.
 */
export async function lighthouseSection(
  targets: { app: string; baseline?: string },
  options: { runs?: number; desktop?: boolean; log?: (line: string) => void } = {},
): Promise<LighthouseResults> {
  const runs = options.runs ?? 3;
  const tables: BenchSection['tables'] = [];
  const notes = [
    `Lighthouse 12.2.3 on ${CHROMIUM_PATH} (headless, the browser tests' flags: WebGL on SwiftShader, i.e. on the CPU),`,
    `a fresh browser per run, against the production build served by vite preview (gzip). Scores: median of ${runs} runs;`,
    `metrics and audits: the run with the median performance score.`,
    ...(targets.baseline
      ? [
          'Beside it, in the same session, the baseline page of section 1 (plain MapLibre, same basemap, fitted to the same',
          'bounds), runs alternating app / baseline (the order swapped every round); the difference is app − baseline.',
        ]
      : []),
  ];
  const pages = [['app', targets.app], ...(targets.baseline ? [['baseline', targets.baseline]] : [])] as [string, string][];
  let appMedian: Record<Category, number> | undefined;
  let baselineMedian: Record<Category, number> | undefined;
  let roundDifferences: number[] | undefined;
  const failures: string[] = [];
  const presets = [['mobile (default: simulated slow 4G, 4× CPU)', undefined], ...(options.desktop ? [['desktop preset', desktopConfig]] : [])] as [
    string,
    Config | undefined,
  ][];
  for (const [preset, config] of presets) {
    const all = new Map<string, LhRun[]>(pages.map(([name]) => [name, []]));
    // Performance per round, to pair the app's run with the baseline's run next to it.
    const perRound = new Map<string, (number | undefined)[]>(pages.map(([name]) => [name, []]));
    for (let i = 0; i < runs; i++) {
      // Alternate the order (app first in odd rounds, the baseline in even ones), so neither always runs second.
      for (const [name, url] of i % 2 ? [...pages].reverse() : pages) {
        try {
          all.get(name)!.push(await runOnce(url, config));
          perRound.get(name)![i] = all.get(name)!.at(-1)!.scores.performance;
        } catch (err) {
          // One failed run (Lighthouse's NO_FCP and the like on a loaded machine) is reported, not fatal.
          failures.push(`${name} run ${i + 1}: ${err instanceof Error ? err.message : String(err)}`);
          options.log?.(`lighthouse ${name} run ${i + 1} failed: ${failures.at(-1)}`);
          continue;
        }
        options.log?.(
          `lighthouse ${preset.split(' ')[0]} ${name} ${i + 1}/${runs}: ${CATEGORIES.map((c) => `${c} ${all.get(name)!.at(-1)!.scores[c]}`).join(', ')}`,
        );
      }
    }
    const done = pages.filter(([name]) => all.get(name)!.length > 0);
    const med = (name: string) => Object.fromEntries(CATEGORIES.map((c) => [c, median(all.get(name)!.map((r) => r.scores[c]))])) as Record<Category, number>;
    const mid = (name: string) => [...all.get(name)!].sort((a, b) => a.scores.performance - b.scores.performance)[all.get(name)!.length >> 1]!;
    if (!all.get('app')!.length) throw new Error(`Lighthouse failed on every run of the app:\n${failures.join('\n')}`);
    appMedian ??= med('app');
    const hasBaseline = (all.get('baseline')?.length ?? 0) > 0;
    const pairs = hasBaseline
      ? perRound
          .get('app')!
          .map((a, i) => (a === undefined || perRound.get('baseline')![i] === undefined ? undefined : a - perRound.get('baseline')![i]!))
          .filter((d): d is number => d !== undefined)
      : [];
    if (hasBaseline && !baselineMedian) {
      baselineMedian = med('baseline');
      roundDifferences = pairs;
    }
    const aims: Record<Category, string> = {
      performance: hasBaseline ? 'within 3 of the baseline (issue 15); ≥ 90 (issue 8)' : '≥ 90 (issue 8)',
      accessibility: '100',
      'best-practices': '≥ 95',
      seo: '(info)',
    };
    tables.push({
      caption: `${preset}:`,
      columns: ['category', ...done.flatMap(([name]) => [`${name} median`, 'runs']), 'aim (app)'],
      rows: CATEGORIES.map((c) => [
        c,
        ...done.flatMap(([name]) => [
          String(med(name)[c]),
          all
            .get(name)!
            .map((r) => r.scores[c])
            .join(' '),
        ]),
        aims[c],
      ]),
    });
    if (hasBaseline) {
      const sign = (v: number) => (v > 0 ? `+${v}` : String(v));
      const diff = (c: Category) => med('app')[c] - med('baseline')[c];
      tables.push({
        caption: 'App − baseline, same session (medians; performance also per round, app run − the baseline run of its round):',
        columns: ['category', 'app − baseline', 'per round', 'aim'],
        rows: [
          ['performance', sign(diff('performance')), pairs.map(sign).join(' ') || '—', '≥ -3 (within 3 points)'],
          ...CATEGORIES.filter((c) => c !== 'performance').map((c) => [c, sign(diff(c)), '', '']),
        ],
      });
    }
    tables.push({
      columns: ['metric (median run)', ...done.map(([name]) => name)],
      rows: METRICS.map((m) => [m, ...done.map(([name]) => mid(name).metrics[m]!)]),
    });
    for (const [name] of done) {
      tables.push({
        columns: [`${name}: category`, 'audits below full marks (median run; performance: below 90) [largest items]'],
        rows: CATEGORIES.flatMap((c) => mid(name).failing[c].map((a, i) => [i === 0 ? c : '', a])),
        align: ['left', 'left'],
      });
    }
  }
  if (failures.length) notes.push(`Failed runs (left out): ${failures.join('; ')}`);
  return {
    section: { title: '3. Lighthouse', notes, tables },
    median: appMedian!,
    baselineMedian,
    performanceDifference: baselineMedian ? appMedian!.performance - baselineMedian.performance : undefined,
    roundDifferences: roundDifferences ?? [],
  };
}
