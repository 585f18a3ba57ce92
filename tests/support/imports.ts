import { readdirSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';

/*
 * The imports of the project's source files, read as text: what tests/unit/boundaries.test.ts checks against the
 * layout's rules, and what tells the first view's modules (those the entry reaches through static imports).
 */

export const ROOT = resolve(import.meta.dirname, '../..');
export const rel = (abs: string) => relative(ROOT, abs).split(sep).join('/');

export function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)]));
}

export interface Import {
  from: string;
  /** Repository-relative path of a relative import, or the bare package name. */
  to: string;
  dynamic: boolean;
  typeOnly: boolean;
}

// Static imports and re-exports (`import x from`, `import type {…} from`, `export {…} from`, `import './side-effect'`),
// and dynamic `import('…')`. Comments are removed first so that an example in a comment is not an import.
const STATIC = /(?:^|[\n;])\s*(import|export)\s+(type\s+)?(?:[\w*{}\s,$]+?\s+from\s+)?['"]([^'"]+)['"]/g;
const DYNAMIC = /\bimport\(\s*['"]([^'"]+)['"]\s*\)/g;

export function importsOf(file: string, text: string): Import[] {
  const code = text
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/(^|[^:'"`])\/\/.*$/gm, '$1')
    .replace(/<!--[\s\S]*?-->/g, '');
  const resolveSpec = (spec: string) =>
    spec.startsWith('.')
      ? rel(resolve(dirname(file), spec.split('?')[0]!))
      : spec
          .split('/')
          .slice(0, spec.startsWith('@') ? 2 : 1)
          .join('/');
  const out: Import[] = [];
  for (const m of code.matchAll(STATIC)) out.push({ from: rel(file), to: resolveSpec(m[3]!), dynamic: false, typeOnly: Boolean(m[2]) });
  for (const m of code.matchAll(DYNAMIC)) out.push({ from: rel(file), to: resolveSpec(m[1]!), dynamic: true, typeOnly: false });
  return out;
}

/** Modules `entry` reaches through static, non-type imports: what the browser fetches before anything draws. */
export function staticClosure(imports: readonly Import[], entry: string): Set<string> {
  const byFrom = new Map<string, Import[]>();
  for (const i of imports) byFrom.set(i.from, [...(byFrom.get(i.from) ?? []), i]);
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const i of byFrom.get(file) ?? []) if (!i.dynamic && !i.typeOnly) visit(i.to);
  };
  visit(entry);
  return seen;
}
