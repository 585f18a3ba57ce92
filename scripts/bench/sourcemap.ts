/**
 * Which source modules a built chunk's bytes come from, read from its source map (like source-map-explorer, without
 * the dependency): every mapped segment of the generated code is charged to its source, the rest to
 * {@link UNMAPPED}.
 */

/** Generated code no source claims: Svelte's hoisted templates, the bundler's glue. */
export const UNMAPPED = '(unmapped: Svelte templates, bundler glue)';

const B64 = new Map([...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'].map((c, i) => [c, i]));

/** One VLQ-encoded segment of a source map's `mappings` as numbers. */
function decodeSegment(s: string): number[] {
  const out: number[] = [];
  let value = 0;
  let shift = 0;
  for (const ch of s) {
    const digit = B64.get(ch);
    if (digit === undefined) throw new Error(`bad VLQ character ${ch}`);
    value += (digit & 31) << shift;
    if (digit & 32) {
      shift += 5;
      continue;
    }
    out.push(value & 1 ? -(value >>> 1) : value >>> 1);
    value = 0;
    shift = 0;
  }
  return out;
}

export interface SourceMapV3 {
  sources: (string | null)[];
  mappings: string;
  sourceRoot?: string;
}

/**
 * Walks `code` in spans, each charged to its source in `map` (or {@link UNMAPPED}), in order, so that the spans make
 * up the whole file. Columns in a source map count UTF-16 units, as `String.slice` does.
 */
function eachSpan(code: string, map: SourceMapV3, visit: (source: string, text: string) => void): void {
  const lines = code.split('\n');
  const mappingLines = map.mappings.split(';');
  let sourceIndex = 0;
  let carried = UNMAPPED;
  for (let l = 0; l < lines.length; l++) {
    const line = lines[l]!;
    // The newline belongs to whatever ends the line.
    const newline = l + 1 < lines.length ? '\n' : '';
    const segments = (mappingLines[l] ?? '').split(',').filter(Boolean);
    let column = 0;
    const starts: { column: number; source: string }[] = [];
    for (const seg of segments) {
      const f = decodeSegment(seg);
      column += f[0] ?? 0;
      if (f.length >= 4) {
        sourceIndex += f[1]!;
        starts.push({ column, source: map.sources[sourceIndex] ?? UNMAPPED });
      } else starts.push({ column, source: UNMAPPED });
    }
    // A line without segments continues a multi-line string (MapLibre's shaders): it belongs to the source before it.
    if (starts.length === 0) {
      visit(carried, line + newline);
      continue;
    }
    if (starts[0]!.column > 0) visit(carried, line.slice(0, starts[0]!.column));
    for (let i = 0; i < starts.length; i++) {
      const end = i + 1 < starts.length ? starts[i + 1]!.column : line.length;
      visit(starts[i]!.source, line.slice(starts[i]!.column, end) + (i + 1 === starts.length ? newline : ''));
    }
    carried = starts.at(-1)!.source;
  }
}

/** Bytes of `code` (UTF-8) per source of `map`; the parts add up to the file's size. */
export function bytesBySource(code: string, map: SourceMapV3): Map<string, number> {
  const out = new Map<string, number>();
  eachSpan(code, map, (source, text) => {
    const bytes = Buffer.byteLength(text);
    if (bytes > 0) out.set(source, (out.get(source) ?? 0) + bytes);
  });
  return out;
}

/** The code of the sources `pick` chooses, in the file's order: what the file would hold without the others. */
export function codeOfSources(code: string, map: SourceMapV3, pick: (source: string) => boolean): string {
  const parts: string[] = [];
  eachSpan(code, map, (source, text) => {
    if (source !== UNMAPPED && pick(source)) parts.push(text);
  });
  return parts.join('');
}

/**
 * A short name for a source path: `pkg` (or `@scope/pkg`) for node_modules, the path from `src/` for the app's own
 * code (Svelte's compiled helpers count as `svelte`).
 */
export function moduleGroup(source: string): string {
  const nm = source.lastIndexOf('node_modules/');
  if (nm >= 0) {
    const parts = source.slice(nm + 'node_modules/'.length).split('/');
    return parts[0]!.startsWith('@') ? `${parts[0]}/${parts[1]}` : parts[0]!;
  }
  const src = /(?:^|\/)src\//.exec(source);
  if (src) return source.slice(src.index + (source[src.index] === '/' ? 1 : 0));
  return source.replace(/^(\.\.\/)+/, '');
}

/**
 * The folder a module of the app's own code is counted under in the first view's breakdown: `src/lib/<part>/`,
 * `src/features/<id>/`, `src/app/` (or any other folder of src/), and `src/ (top level)` for src/'s own files.
 */
export function moduleFolder(module: string): string {
  const parts = module.split('/');
  if (parts[0] !== 'src' || parts.length < 3) return 'src/ (top level)';
  // A file right in src/lib/ or src/features/ counts as that folder's own.
  if ((parts[1] === 'lib' || parts[1] === 'features') && parts.length > 3) return `${parts.slice(0, 3).join('/')}/`;
  return `${parts.slice(0, 2).join('/')}/`;
}
