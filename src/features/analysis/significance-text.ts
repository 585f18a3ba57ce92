/**
 * The significance tests in plain words (pure: a result, counts and a language in, sentences out). Each sentence
 * names its test, n and p, so that a planner can quote it.
 */
import type { Lang } from '../../lib/i18n/index.ts';
import type { DispersionResult } from './dispersion-types.ts';
import { distance as metres, pText } from './figures.ts';

export { pText };
import type { LFunctionRow, SignificanceResult } from './significance.ts';
import { t } from './significance-messages.ts';

const fmt = (v: number, digits = 2) => v.toFixed(digits).replace('-', '−');

/** "places → distinct sites → counted": the three counts a reader needs to add up what the panel says. */
export function countsSentence(places: number, r: DispersionResult, sig: SignificanceResult | null, lang: Lang): string {
  const duplicates = new Set(r.messages.filter((m) => m.code === 'duplicate').flatMap((m) => m.ids ?? [])).size;
  const n = sig?.n ?? r.count;
  const outside = sig && sig.outside > 0 ? t(lang, 'sigOutside', { count: sig.outside }) : '';
  return t(lang, 'sigCounts', { places: Math.max(places, r.count), sites: r.count, duplicates, n, outside });
}

/** The test results as sentences: Monte Carlo first (it holds at any n), then Donnelly, then the L function. */
export function significanceReadings(sig: SignificanceResult, lang: Lang): string[] {
  const out: string[] = [];
  const mc = sig.monteCarlo;
  if (mc) {
    const direction = mc.R < 1 ? 'sigCloser' : mc.R > 1 ? 'sigFarther' : 'sigSame';
    out.push(
      t(lang, 'sigMonteCarlo', {
        n: sig.n,
        m: mc.simulations,
        direction: t(lang, direction),
        r: fmt(mc.R),
        significance: t(lang, sig.reading && sig.reading !== 'random' ? 'sigSignificant' : 'sigNotSignificant'),
        p: pText(mc.pTwoSided),
      }),
    );
    // The envelope says what "random" means here in metres, which a planner can set beside the map.
    if (sig.observedMeanM !== null)
      out.push(t(lang, 'sigEnvelope', { observed: metres(sig.observedMeanM, lang), lo: metres(mc.envelope.loM, lang), hi: metres(mc.envelope.hiM, lang) }));
  }
  if (sig.donnelly && sig.clarkEvans) out.push(t(lang, 'sigDonnelly', { r: fmt(sig.donnelly.R), z: fmt(sig.donnelly.z), raw: fmt(sig.clarkEvans.R) }));
  const l = sig.lFunction;
  if (l && l.rows.length) out.push(`${lSentence(l.rows, l.simulations, lang)} ${t(lang, 'sigLGlobal', { p: pText(l.global.pValue) })}`);
  return out;
}

/** Where the observed L leaves the envelope, as distance ranges (the first and last r of each side). */
export function envelopeExits(rows: readonly LFunctionRow[]): { above: [number, number] | null; below: [number, number] | null } {
  const span = (pick: (r: LFunctionRow) => boolean): [number, number] | null => {
    const hits = rows.filter(pick).map((r) => r.r);
    return hits.length ? [Math.min(...hits), Math.max(...hits)] : null;
  };
  return { above: span((r) => r.L > r.hi), below: span((r) => r.L < r.lo) };
}

function lSentence(rows: readonly LFunctionRow[], m: number, lang: Lang): string {
  const { above, below } = envelopeExits(rows);
  const d = (v: number) => metres(v, lang);
  if (above && below) return t(lang, 'sigLBoth', { aboveFrom: d(above[0]), aboveTo: d(above[1]), belowFrom: d(below[0]), belowTo: d(below[1]) });
  if (above) return t(lang, 'sigLAbove', { from: d(above[0]), to: d(above[1]), m });
  if (below) return t(lang, 'sigLBelow', { from: d(below[0]), to: d(below[1]), m });
  return t(lang, 'sigLInside', { max: d(rows[rows.length - 1]!.r), m });
}
