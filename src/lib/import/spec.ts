import type { Lang, MessageKey } from '../i18n/index.ts';
import type { Mapping, MissingPart } from './mapping.ts';
import type { ReadFileResult } from './read.ts';
import type { TextRun } from './runs.ts';
import type { ImportMessage, ImportReport, ImportTable } from './types.ts';

/*
 * How an import plugs into the shared flow (FileImport.svelte): a small spec per table. The flow does the rest the
 * same way for every import: the file picker and drop, the reading, the column-mapping step, the review with its
 * dry run, the import and the row-by-row report.
 */

/**
 * What an import does with a file: reads it, lists its fields, suggests their columns, says what a mapping lacks
 * and builds its result with the row report. The flow loads it with the first file (so an import may keep the
 * parsers out of its panel's chunk). `R` is what an import makes (an inventory, a dataset); `O` what the build
 * needs from the panel besides the name.
 */
export interface TableImport<F extends string, R, O> {
  /**
   * Reads a file into a table, or says why it cannot. May answer later (an import reads in a worker, see
   * read-worker.ts, so that a big file never holds the page up); the bytes are then handed over, not copied.
   */
  read(file: { name: string; bytes: Uint8Array }): ReadFileResult | Promise<ReadFileResult>;
  /** The fields the mapping step lists, in order (a file's own points may make some needless). */
  fields(table: ImportTable): readonly F[];
  /**
   * The columns suggested for the fields, from the headers and, given the table, from what the columns hold (an
   * import that looks at content says why it left a column out in `suggestNotes`).
   */
  suggest(headers: readonly string[], table?: ImportTable): Mapping<F>;
  /** Notes on the suggestion for the column step: a column whose content refused its header's field, and why. */
  suggestNotes?(table: ImportTable): ImportMessage[];
  /** The required parts the mapping lacks; every row is rejected while any is. */
  missing(mapping: Mapping<F>, table: ImportTable): readonly MissingPart<F>[];
  /** Builds the result; `final` is the import itself, else a dry run for the review's counts. */
  build(table: ImportTable, mapping: Mapping<F>, options: O & { name: string; final: boolean }): { result: R; report: ImportReport };
}

/** One import as the flow shows it: its engine, its words, its file picker and the test ids its tests use. */
export interface ImportSpec<F extends string, R, O> {
  load(): Promise<TableImport<F, R, O>>;
  /**
   * A message of this import in `lang`, as runs: what the file said is marked with its own language (each import
   * words its own codes; shared ones come from the kernel's catalogue, see `importRuns`).
   */
  message(lang: Lang, m: ImportMessage): TextRun[];
  fieldLabel(lang: Lang, field: F): string;
  /** Whether a column no field takes asks for a look at the mapping (see `reviewMapping`). */
  flagUnused: boolean;
  /** The file picker's `accept`. */
  accept: string;
  words: {
    /** The file button (and the file input's label). */
    pick: MessageKey;
    pickHint: MessageKey;
    /** Under a file's errors: what is loaded stays. */
    keptLoaded: MessageKey;
    /** The label of the name the import gets. */
    name: MessageKey;
    /** The report's status when no row was accepted. */
    nothingAdded: MessageKey;
  };
  testids: { root?: string; file: string; commit: string; failed?: string };
}

/** What a panel may ask of the flow (`bind:this`). */
export interface FileImportHandle {
  /** Reads a file (dropped elsewhere, say) as if picked. */
  start(file: File): Promise<void>;
  /** Scrolls the flow into view. */
  reveal(block: ScrollLogicalPosition): void;
  /** Moves the focus to the file button. */
  focus(): void;
}
