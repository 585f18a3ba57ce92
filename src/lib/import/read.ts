import { decodeText, detectBinary } from './decode.ts';
import { fileTooLarge } from './files.ts';
import { message } from './messages.ts';
import { detectFormat, parseText, type DomParserLike } from './parse.ts';
import type { ImportMessage, ImportReport, ImportTable } from './types.ts';

export interface ReadFileOptions {
  /** Largest file accepted, bytes (default 5 MB). */
  maxBytes?: number;
  /** Most data rows or features (default 5000). */
  maxRows?: number;
  /** Most columns read (default 2000): a wider file is refused. */
  maxColumns?: number;
  /** Most columns kept of a wider file (default 200), and which to keep first (see `keepColumns`). */
  maxKept?: number;
  keep?: (header: string) => boolean;
  /** XML parser for KML; browsers use their own `DOMParser` when absent. */
  domParser?: DomParserLike;
  /** Whether rows of a CSV/TSV whose first cell starts with "#" are comments, skipped (see `ParseOptions`). */
  comments?: boolean;
}

export type ReadFileResult = { table: ImportTable; fileErrors?: undefined } | { fileErrors: ImportMessage[]; table?: undefined };

/**
 * Reads a file's bytes into a table: checks size, refuses binaries and workbooks, decodes the text (UTF-8, GBK,
 * UTF-16) and parses CSV/TSV, GeoJSON or KML. Nothing in the file is evaluated.
 */
export function readFile(file: { name: string; bytes: Uint8Array }, options: ReadFileOptions = {}): ReadFileResult {
  const { bytes, name } = file;
  const tooLarge = fileTooLarge(bytes.length, options.maxBytes);
  if (tooLarge) return { fileErrors: [tooLarge] };
  if (bytes.length === 0) return { fileErrors: [message('file-empty')] };
  const binary = detectBinary(bytes, name);
  if (binary) return { fileErrors: [binary] };
  const decoded = decodeText(bytes);
  if ('error' in decoded) return { fileErrors: [decoded.error] };
  const text = decoded.text.replace(/^\uFEFF/, '');
  if (text.trim() === '') return { fileErrors: [message('file-empty')] };
  const format = detectFormat(name, text);
  if (!format) return { fileErrors: [message('file-format-unknown')] };
  const parsed = parseText(text, format, {
    ...(options.maxRows !== undefined && { maxRows: options.maxRows }),
    ...(options.maxColumns !== undefined && { maxColumns: options.maxColumns }),
    ...(options.maxKept !== undefined && { maxKept: options.maxKept }),
    ...(options.keep && { keep: options.keep }),
    ...(options.domParser && { domParser: options.domParser }),
    ...(options.comments && { comments: true }),
  });
  if ('fileErrors' in parsed) return { fileErrors: parsed.fileErrors };
  const table: ImportTable = {
    ...parsed.table,
    fileName: name,
    encoding: decoded.encoding,
    notes: [message('encoding', { encoding: decoded.encoding }), ...parsed.table.notes],
  };
  return { table };
}

/** A report for a file that could not be read at all: its file errors, no rows. */
export function fileErrorReport(fileErrors: ImportMessage[]): ImportReport {
  return { accepted: 0, rejected: 0, rows: [], fileErrors, notes: [] };
}
