import { message } from './messages.ts';
import type { ImportMessage } from './types.ts';

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

/**
 * Which header feeds which field, given each field's synonyms (compared after `normaliseHeader`; write them
 * normalised). Each header feeds at most one field; an exact synonym beats one contained in a longer header, and a
 * longer contained synonym beats a shorter one. Latin synonyms match inside a header only from 4 letters on.
 * Headers with no match are left out.
 */
export function matchHeaders<F extends string>(headers: readonly string[], synonyms: Readonly<Record<F, readonly string[]>>): Mapping<F> {
  const candidates: { field: F; header: string; score: number }[] = [];
  for (const header of headers) {
    const h = normaliseHeader(header);
    if (!h) continue;
    for (const field of Object.keys(synonyms) as F[]) {
      let best = 0;
      for (const syn of synonyms[field]) {
        if (h === syn) best = Math.max(best, 1000 + syn.length);
        else if (syn.length >= MIN_CONTAINED && /[^\x00-\x7f]/.test(syn) && h.includes(syn)) best = Math.max(best, syn.length * 10);
        else if (syn.length >= 4 && h.includes(syn)) best = Math.max(best, syn.length * 10);
      }
      if (best > 0) candidates.push({ field, header, score: best });
    }
  }
  candidates.sort((a, b) => b.score - a.score || headers.indexOf(a.header) - headers.indexOf(b.header));
  const mapping: Mapping<F> = {};
  const used = new Set<string>();
  for (const c of candidates) {
    if (mapping[c.field] !== undefined || used.has(c.header)) continue;
    mapping[c.field] = c.header;
    used.add(c.header);
  }
  return mapping;
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
