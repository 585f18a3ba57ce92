import Papa from 'papaparse';

/** A cell start a spreadsheet would read as a formula: such text is written with a leading apostrophe. */
export const FORMULA_START = /^[=+\-@\t\r]/;

/** A cell as CSV text: empty for a missing value, numbers as they are, formula-like text behind an apostrophe. */
export function csvCell(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return String(value);
  return FORMULA_START.test(value) ? `'${value}` : value;
}

/**
 * A table as CSV for spreadsheets: UTF-8 with a byte-order mark (so Excel reads Chinese right), CRLF line ends
 * (RFC 4180), quotes only where a cell needs them, formula-like text neutralised.
 */
export function csvText(header: readonly string[], rows: readonly (readonly (string | number | null | undefined)[])[]): string {
  const body = Papa.unparse({ fields: [...header], data: rows.map((r) => r.map(csvCell)) }, { newline: '\r\n', quotes: false });
  return `\uFEFF${body.replace(/(\r\n)?$/, '\r\n')}`;
}
