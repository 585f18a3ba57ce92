import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { isAbsolute, join, relative, resolve } from 'node:path';

/** One source file as read from disk: `path` is how messages name it (relative to the working directory). */
export interface SourceFile {
  path: string;
  json: unknown;
}

export interface PlanSources {
  dataDir: string;
  /** Every `*.geojson` of the folder, sorted by name. */
  geojson: SourceFile[];
  /** `zones.json`, if present. */
  zones: SourceFile | null;
  /** Files that could not be read or parsed, as "file: problem" messages. */
  errors: string[];
}

export const ZONES_FILE = 'zones.json';

/** How a file is named in messages: relative to the working directory when inside it, else absolute. */
export function displayPath(path: string): string {
  const abs = resolve(path);
  const rel = relative(process.cwd(), abs);
  return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel.split('\\').join('/') : abs;
}

function readJson(path: string, errors: string[]): SourceFile | null {
  const shown = displayPath(path);
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    errors.push(`${shown}: cannot read file (${(e as Error).message})`);
    return null;
  }
  try {
    return { path: shown, json: JSON.parse(text) as unknown };
  } catch (e) {
    errors.push(`${shown}: invalid JSON (${(e as Error).message})`);
    return null;
  }
}

/** Reads the hand-authored sources of the plan layer: `<dataDir>/*.geojson` and `<dataDir>/zones.json`. */
export function loadPlanSources(dataDir = 'data/plan'): PlanSources {
  const errors: string[] = [];
  if (!existsSync(dataDir) || !statSync(dataDir).isDirectory()) {
    return { dataDir, geojson: [], zones: null, errors: [`${displayPath(dataDir)}: source folder not found`] };
  }
  const names = readdirSync(dataDir).sort();
  const geojson = names
    .filter((n) => n.endsWith('.geojson'))
    .map((n) => readJson(join(dataDir, n), errors))
    .filter((f): f is SourceFile => f !== null);
  const zones = names.includes(ZONES_FILE) ? readJson(join(dataDir, ZONES_FILE), errors) : null;
  if (geojson.length === 0 && errors.length === 0) errors.push(`${displayPath(dataDir)}: no .geojson source files`);
  return { dataDir, geojson, zones, errors };
}
