/**
 * The benchmark's report: sections of tables, printed as aligned text. Each part of the benchmark (the analysis
 * now; the browser and Lighthouse rows later) returns a section; scripts/bench.ts prints them in order.
 */

export interface BenchSection {
  title: string;
  /** Lines printed under the title (what was measured, how, caveats). */
  notes: string[];
  tables: { caption?: string; columns: string[]; rows: string[][]; align?: ('left' | 'right')[] }[];
}

const width = (s: string) => [...s].reduce((w, ch) => w + (/[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\uff00-\uff60]/.test(ch) ? 2 : 1), 0);

function pad(s: string, w: number, align: 'left' | 'right'): string {
  const fill = ' '.repeat(Math.max(0, w - width(s)));
  return align === 'left' ? s + fill : fill + s;
}

/** A table as text lines: header, rule, rows. */
export function formatTable(columns: string[], rows: string[][], align?: ('left' | 'right')[]): string[] {
  const widths = columns.map((c, i) => Math.max(width(c), ...rows.map((r) => width(r[i] ?? ''))));
  const al = (i: number) => align?.[i] ?? (i === 0 ? 'left' : 'right');
  const line = (cells: string[]) => cells.map((c, i) => pad(c, widths[i]!, al(i))).join(' │ ');
  return [line(columns), widths.map((w) => '─'.repeat(w)).join('─┼─'), ...rows.map(line)];
}

export function formatSection(s: BenchSection): string {
  const out = [`\n${s.title}`, '═'.repeat(width(s.title)), ...s.notes];
  for (const t of s.tables) {
    out.push('');
    if (t.caption) out.push(t.caption);
    out.push(...formatTable(t.columns, t.rows, t.align));
  }
  return out.join('\n');
}

/** Milliseconds as text: 3 significant figures, seconds from 10 s. */
export function ms(v: number): string {
  if (!Number.isFinite(v)) return '—';
  if (v >= 10_000) return `${(v / 1000).toFixed(v >= 100_000 ? 0 : 1)} s`;
  if (v >= 100) return v.toFixed(0);
  if (v >= 10) return v.toFixed(1);
  return v.toFixed(2);
}
