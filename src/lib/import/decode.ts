import { message } from './messages.ts';
import type { ImportMessage } from './types.ts';

/** The encodings a listings file may come in. */
export type TextEncodingName = 'UTF-8' | 'GB18030' | 'UTF-16LE' | 'UTF-16BE';

export type DecodeResult = { text: string; encoding: TextEncodingName } | { error: ImportMessage };

const startsWith = (bytes: Uint8Array, magic: readonly number[], at = 0): boolean =>
  bytes.length >= at + magic.length && magic.every((b, i) => bytes[at + i] === b);

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const ZIP_EMPTY = [0x50, 0x4b, 0x05, 0x06];
const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]; // .xls, .et (WPS)
// Formats people drop by mistake; naming them is not needed, recognising them as binary is.
const BINARY_MAGIC: readonly (readonly number[])[] = [
  [0x89, 0x50, 0x4e, 0x47], // PNG
  [0xff, 0xd8, 0xff], // JPEG
  [0x47, 0x49, 0x46, 0x38], // GIF
  [0x25, 0x50, 0x44, 0x46], // PDF
  [0x1f, 0x8b], // gzip
  [0x37, 0x7a, 0xbc, 0xaf], // 7z
  [0x52, 0x61, 0x72, 0x21], // RAR
];

function latin1(bytes: Uint8Array, max: number): string {
  let s = '';
  const n = Math.min(bytes.length, max);
  for (let i = 0; i < n; i++) s += String.fromCharCode(bytes[i]!);
  return s;
}

const extension = (fileName: string): string => /\.([^./\\]+)$/.exec(fileName)?.[1]?.toLowerCase() ?? '';

/**
 * Recognises files that are not text: spreadsheets (an .xlsx/.xls/.ods workbook gets "save as CSV"), KMZ
 * archives, images and other binaries. Returns the file error, or null for what may be text.
 */
export function detectBinary(bytes: Uint8Array, fileName = ''): ImportMessage | null {
  const ext = extension(fileName);
  if (startsWith(bytes, ZIP) || startsWith(bytes, ZIP_EMPTY)) {
    // Zip entry names are stored in plain text in the local headers: enough to tell a workbook from a KMZ.
    const head = latin1(bytes, 256 * 1024);
    if (ext === 'kmz' || /\.kml/i.test(head)) return message('file-kmz');
    if (['xlsx', 'xlsm', 'ods', 'et'].includes(ext) || /xl\/|opendocument\.spreadsheet/.test(head)) {
      return message('file-spreadsheet');
    }
    return message('file-binary');
  }
  // An old workbook saved or renamed as a table (.csv, .txt) is still a workbook: "save as CSV" is the advice.
  if (startsWith(bytes, OLE)) {
    return message(['xls', 'et', 'xlsx', 'wps', 'csv', 'tsv', 'tab', 'txt'].includes(ext) || !ext ? 'file-spreadsheet' : 'file-binary');
  }
  if (['xlsx', 'xls', 'xlsm', 'ods', 'et', 'numbers'].includes(ext)) return message('file-spreadsheet');
  if (ext === 'kmz') return message('file-kmz');
  if (BINARY_MAGIC.some((m) => startsWith(bytes, m))) return message('file-binary');
  // UTF-16 text is full of NUL bytes; only its BOM tells it apart, so it is checked before the NUL test.
  if (startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff])) return null;
  const n = Math.min(bytes.length, 64 * 1024);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i]!;
    if (b === 0) return message('file-binary');
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c) control++;
  }
  return control > n / 100 ? message('file-binary') : null;
}

/** Counts well-formed multi-byte UTF-8 sequences and malformed bytes; `firstBad` is the first malformed offset. */
export function scanUtf8(bytes: Uint8Array): { multibyte: number; bad: number; firstBad: number } {
  let multibyte = 0;
  let bad = 0;
  let firstBad = -1;
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    const len = b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
    let ok = len > 0 && i + len <= bytes.length;
    for (let k = 1; ok && k < len; k++) ok = (bytes[i + k]! & 0xc0) === 0x80;
    if (ok) {
      multibyte++;
      i += len;
    } else {
      bad++;
      if (firstBad < 0) firstBad = i;
      i++;
    }
  }
  return { multibyte, bad, firstBad };
}

/**
 * Decodes a text file: UTF-8 (with or without BOM), UTF-16 with BOM, else GB18030 (a superset of GBK, what
 * Excel writes for "CSV" on a Chinese Windows). A file that is mostly UTF-8 with a few broken bytes is refused
 * rather than read as GBK, which would turn all of it into nonsense.
 */
export function decodeText(bytes: Uint8Array): DecodeResult {
  const badUtf8 = (byte: number): DecodeResult => ({ error: message('file-encoding', { encoding: 'UTF-8', byte }) });
  const decode = (label: string, body: Uint8Array): string | null => {
    try {
      return new TextDecoder(label, { fatal: true, ignoreBOM: true }).decode(body);
    } catch {
      return null;
    }
  };
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) {
    const text = decode('utf-8', bytes.subarray(3));
    if (text === null) return badUtf8(scanUtf8(bytes.subarray(3)).firstBad + 3);
    return { text, encoding: 'UTF-8' };
  }
  if (startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff])) {
    const encoding: TextEncodingName = bytes[0] === 0xff ? 'UTF-16LE' : 'UTF-16BE';
    const text = decode(encoding.toLowerCase(), bytes.subarray(2));
    return text === null ? { error: message('file-encoding-utf16', { encoding }) } : { text, encoding };
  }
  const utf8 = decode('utf-8', bytes);
  if (utf8 !== null) return { text: utf8, encoding: 'UTF-8' };
  const scan = scanUtf8(bytes);
  if (scan.multibyte >= 4 * scan.bad) return badUtf8(scan.firstBad);
  const gb = decode('gb18030', bytes);
  if (gb === null) return { error: message('file-encoding-unknown') };
  return { text: gb, encoding: 'GB18030' };
}
