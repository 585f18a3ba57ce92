import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** A fingerprint of a build's inputs: each file's path, size and modification time. */
export type Fingerprint = Record<string, string>;

/** Lists files under `paths` (files or folders, recursively); absent paths are skipped. */
export function listFiles(paths: string[], accept: (name: string) => boolean = () => true): string[] {
  const out: string[] = [];
  const walk = (p: string) => {
    if (!existsSync(p)) return;
    const s = statSync(p);
    if (s.isDirectory()) for (const name of readdirSync(p).sort()) walk(join(p, name));
    else if (accept(p)) out.push(p);
  };
  paths.forEach(walk);
  return out;
}

/** Fingerprints the given files. */
export function fingerprint(files: string[]): Fingerprint {
  return Object.fromEntries(
    files.map((f) => {
      const s = statSync(f);
      return [f, `${s.size}:${Math.round(s.mtimeMs)}`];
    }),
  );
}

/**
 * Whether a build must run: an output is missing, or the inputs differ from those recorded by the last build
 * (a changed, added or removed file — comparing sets also catches a data folder that appeared or vanished).
 */
export function isStale(outputs: string[], recordPath: string, current: Fingerprint): boolean {
  if (outputs.some((o) => !existsSync(o)) || !existsSync(recordPath)) return true;
  try {
    const previous = JSON.parse(readFileSync(recordPath, 'utf8')) as Fingerprint;
    const keys = new Set([...Object.keys(previous), ...Object.keys(current)]);
    for (const k of keys) if (previous[k] !== current[k]) return true;
    return false;
  } catch {
    return true;
  }
}
