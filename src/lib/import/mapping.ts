import { message } from './messages.ts';
import type { ImportMessage, ImportTable } from './types.ts';

/*
 * The column-mapping step every import shares: which column (header) feeds which of a table spec's fields, as
 * suggested from the headers and changed by the user, what the mapping still lacks and which columns it leaves
 * unused. Each import brings its fields, their synonyms and what it requires.
 */

/** Which column (header) feeds each field; unmapped fields are absent. */
export type Mapping<F extends string> = Partial<Record<F, string>>;

// Single letters and short Latin words only match a whole header: "x" must not match "tax".
const MIN_CONTAINED = 2;

/** A header reduced for matching: lower case, bracketed units and all non-letters removed. */
export function normaliseHeader(header: string): string {
  return header
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[(（[【{][^)）\]】}]*[)）\]】}]/g, '')
    .replace(/[^\p{L}\p{N}㎡²]/gu, '');
}

// A coordinate system written before or after a coordinate header ("GCJ经度", "lng_gcj02", "经度(GCJ02)"): which
// system it is is the coordinate step's to find out; here it must only not keep the header from matching.
const CRS_AFFIX = /^(?:wgs84|wgs|gcj02|gcj|bd09ll|bd09|火星|百度|高德)+|(?:wgs84|wgs|gcj02|gcj|bd09ll|bd09|火星|百度|高德)+$/g;

/** A normalised header without a coordinate system's name before or after it (the header itself when that is all). */
export function withoutCrs(normalised: string): string {
  return normalised.replace(CRS_AFFIX, '') || normalised;
}

/**
 * Why a column's content contradicts the field its header suggests, or null when it does not (see `suggestColumns`).
 */
export type ContentCheck<F extends string> = (field: F, header: string) => ImportMessage | null;

/** A mapping suggested from headers and content, with a note for each column whose content refused its header's field. */
export interface Suggestion<F extends string> {
  mapping: Mapping<F>;
  notes: ImportMessage[];
}

/**
 * Which header feeds which field, given each field's synonyms (compared after `normaliseHeader`; write them
 * normalised). Each header feeds at most one field; an exact synonym beats one contained in a longer header, and a
 * longer contained synonym beats a shorter one. Latin synonyms match inside a header only from 4 letters on.
 * Headers with no match are left out.
 */
export function matchHeaders<F extends string>(headers: readonly string[], synonyms: Readonly<Record<F, readonly string[]>>): Mapping<F> {
  return suggestColumns(headers, synonyms).mapping;
}

/**
 * `matchHeaders`, and a look at each column's content: a column whose values contradict the field its header
 * names best (`check` says why: an "area" of district names is no floor area) feeds no field, and the suggestion
 * carries the check's note. The user may still choose it.
 */
export function suggestColumns<F extends string>(
  headers: readonly string[],
  synonyms: Readonly<Record<F, readonly string[]>>,
  check?: ContentCheck<F>,
): Suggestion<F> {
  const candidates: { field: F; header: string; score: number }[] = [];
  for (const header of headers) {
    const full = normaliseHeader(header);
    if (!full) continue;
    const forms = new Set([full, withoutCrs(full)]);
    for (const field of Object.keys(synonyms) as F[]) {
      let best = 0;
      for (const h of forms) {
        for (const syn of synonyms[field]) {
          if (h === syn) best = Math.max(best, 1000 + syn.length);
          else if (syn.length >= MIN_CONTAINED && /[^\x00-\x7f]/.test(syn) && h.includes(syn)) best = Math.max(best, syn.length * 10);
          else if (syn.length >= 4 && h.includes(syn)) best = Math.max(best, syn.length * 10);
        }
      }
      if (best > 0) candidates.push({ field, header, score: best });
    }
  }
  candidates.sort((a, b) => b.score - a.score || headers.indexOf(a.header) - headers.indexOf(b.header));
  const mapping: Mapping<F> = {};
  const notes: ImportMessage[] = [];
  const used = new Set<string>();
  for (const c of candidates) {
    if (mapping[c.field] !== undefined || used.has(c.header)) continue;
    used.add(c.header);
    const refused = check?.(c.field, c.header);
    if (refused) notes.push(refused);
    else mapping[c.field] = c.header;
  }
  return { mapping, notes };
}

/** Up to `max` non-blank values of a column, from the first rows: what a content check looks at. */
export function columnSample(rows: readonly { values: Record<string, string> }[], header: string, max = 20): string[] {
  const out: string[] = [];
  for (const r of rows) {
    const v = (r.values[header] ?? '').trim();
    if (v) out.push(v);
    if (out.length >= max) break;
  }
  return out;
}

/**
 * The mapping with `header` feeding `field`, or `field` fed by nothing when `header` is ''. A column feeds one
 * field: choosing it here takes it from any other. The mapping given is left as it was.
 */
export function assignColumn<F extends string>(mapping: Mapping<F>, field: F, header: string): Mapping<F> {
  const next: Mapping<F> = { ...mapping };
  if (header) for (const f of Object.keys(next) as F[]) if (next[f] === header) delete next[f];
  if (header) next[field] = header;
  else delete next[field];
  return next;
}

/** The headers no field takes, in file order; `known` ones (columns the import knows it can do without) left out. */
export function unusedHeaders<F extends string>(headers: readonly string[], mapping: Mapping<F>, known: readonly string[] = []): string[] {
  const mapped = new Set(Object.values(mapping).filter((h): h is string => !!h));
  return headers.filter((h) => !mapped.has(h) && !known.includes(h));
}

/** The report's note naming the columns a mapping leaves unused (see `unusedHeaders`), or null when there are none. */
export function ignoredColumnsNote<F extends string>(headers: readonly string[], mapping: Mapping<F>, known: readonly string[] = []): ImportMessage | null {
  const ignored = unusedHeaders(headers, mapping, known);
  return ignored.length ? message('columns-ignored', { columns: ignored.join(', ') }) : null;
}

/** A part of a mapping an import requires and the mapping lacks: the fields it marks as required, and its message. */
export interface MissingPart<F extends string> {
  fields: readonly F[];
  message: ImportMessage;
}

/** Each of the `required` fields the mapping does not feed, as a missing part of its own. */
export function missingFields<F extends string>(required: readonly F[], mapping: Mapping<F>, messageOf: (field: F) => ImportMessage): MissingPart<F>[] {
  return required.filter((f) => !mapping[f]).map((f) => ({ fields: [f], message: messageOf(f) }));
}

/** What the column-mapping step shows of a mapping. */
export interface MappingReview<F extends string> {
  missing: readonly MissingPart<F>[];
  /** The fields of the missing parts: their labels say "required". */
  required: ReadonlySet<F>;
  /** Columns no field takes, when the import asks about them (else none). */
  unused: readonly string[];
  /** Whether the step asks for a look (and opens by itself): a required part is missing, or a column is unused. */
  needsCheck: boolean;
}

/**
 * Reviews a mapping for the column step. `flagUnused`: whether a column no field takes asks for a look (an import
 * whose files carry columns of their own, such as the listings, says so; one whose template has extra columns
 * for readers does not).
 */
export function reviewMapping<F extends string>(
  headers: readonly string[],
  mapping: Mapping<F>,
  missing: readonly MissingPart<F>[],
  flagUnused: boolean,
): MappingReview<F> {
  const unused = flagUnused ? unusedHeaders(headers, mapping) : [];
  return {
    missing,
    required: new Set(missing.flatMap((m) => m.fields)),
    unused,
    needsCheck: missing.length > 0 || unused.length > 0,
  };
}

/**
 * A table of more than `maxKept` columns with only `maxKept` of them: first those `keep` accepts, then those
 * filled in the most rows (file order breaks ties); columns blank in every row are never kept. The dropped
 * columns are listed on the table and counted in a note.
 */
export function keepColumns<T extends Omit<ImportTable, 'fileName' | 'encoding'>>(table: T, maxKept: number, keep?: (header: string) => boolean): T {
  if (table.headers.length <= maxKept) return table;
  const filled = new Map(table.headers.map((h) => [h, 0]));
  for (const r of table.rows) for (const h of table.headers) if ((r.values[h] ?? '').trim()) filled.set(h, filled.get(h)! + 1);
  const wanted = table.headers.filter((h) => keep?.(h));
  const rest = table.headers.filter((h) => !wanted.includes(h) && filled.get(h)! > 0).sort((a, b) => filled.get(b)! - filled.get(a)!);
  const kept = new Set([...wanted, ...rest].slice(0, maxKept));
  const headers = table.headers.filter((h) => kept.has(h));
  const dropped = table.headers.filter((h) => !kept.has(h));
  const rows = table.rows.map((r) => ({ ...r, values: Object.fromEntries(headers.map((h) => [h, r.values[h] ?? ''])) }));
  const note = message('columns-dropped', { columns: table.headers.length, kept: headers.length, count: dropped.length });
  return { ...table, headers, rows, notes: [...table.notes, note], droppedColumns: dropped };
}
