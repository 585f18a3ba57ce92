import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, it } from 'vitest';

/**
 * The team's shared data folder and guards for the checks that need it.
 *
 * Paths resolve from the repository root, not from the working directory, so a test finds the data whichever
 * folder vitest was started from. `YANGPU_SHARED` points elsewhere (relative paths from the repository root);
 * `PLAN_TEXT` and `GAZETTEER` override single files, as the data scripts read them.
 *
 * Without the data, a check is skipped on a developer's machine; under `CI=true` it fails instead, naming what
 * is missing, so a CI run without ../shared cannot pass while quietly testing less.
 */
export const REPO_ROOT = resolve(import.meta.dirname, '../..');
export const SHARED_DIR = resolve(REPO_ROOT, process.env.YANGPU_SHARED ?? '../shared');

/** A path inside the shared data folder. */
export const sharedPath = (...parts: string[]): string => resolve(SHARED_DIR, ...parts);

/** The plan's Chinese text ($PLAN_TEXT overrides, relative to the working directory as for the scripts). */
export const PLAN_TEXT = process.env.PLAN_TEXT ? resolve(process.env.PLAN_TEXT) : sharedPath('seed/yangpu-action-plan-2024-2026.zh.txt');
/** The team's gazetteer ($GAZETTEER overrides). */
export const GAZETTEER = process.env.GAZETTEER ? resolve(process.env.GAZETTEER) : sharedPath('data/gazetteer/places.csv');
/** The shared OSM-derived data folder. */
export const OSM_DIR = sharedPath('data/osm');

/** Whether missing data fails the run (CI) rather than skipping the checks that need it. */
export const DATA_REQUIRED = process.env.CI === 'true';

const missingOf = (paths: string[]): string[] => paths.filter((p) => !existsSync(p));

function missingMessage(missing: string[]): string {
  const shared = missing.some((p) => p === PLAN_TEXT || p === GAZETTEER || p.startsWith(SHARED_DIR));
  const hint = shared
    ? `put the shared data folder beside the repository (../shared) or point YANGPU_SHARED (or PLAN_TEXT / GAZETTEER) at it`
    : `build it first (\`npm run data\`, which \`npm test\` runs before the unit tests)`;
  return `missing test data: ${missing.join(', ')}. Under CI=true the checks that need it fail instead of being skipped: ${hint}.`;
}

type TestBody = () => unknown;
type TestLike = (name: string, fn: TestBody, timeout?: number) => void;
type SuiteLike = (name: string, fn: () => void) => void;

/**
 * `it` when every path exists; otherwise `it.skip`, or under CI a test of the same name that fails naming the
 * missing paths. Use as `itWithData(path)('name', fn, timeout)` where `it.skipIf(!existsSync(path))` was.
 */
export function itWithData(...paths: string[]): TestLike {
  const missing = missingOf(paths);
  if (missing.length === 0) return (name, fn, timeout) => void it(name, fn, timeout);
  if (!DATA_REQUIRED) return (name, fn, timeout) => void it.skip(name, fn, timeout);
  return (name) =>
    void it(name, () => {
      throw new Error(missingMessage(missing));
    });
}

/**
 * `describe` when every path exists; otherwise a suite of the same name that is skipped, or under CI one whose
 * test fails naming the missing paths. Either way its body is not run: vitest runs the body of a skipped suite
 * to collect its tests, and a body that reads the data would throw there.
 */
export function describeWithData(...paths: string[]): SuiteLike {
  const missing = missingOf(paths);
  if (missing.length === 0) return (name, fn) => void describe(name, fn);
  if (!DATA_REQUIRED) return (name) => void describe.skip(name, () => it(`needs ${missing.join(', ')}`, () => {}));
  return (name) =>
    void describe(name, () => {
      it('has the data it needs', () => {
        throw new Error(missingMessage(missing));
      });
    });
}

/**
 * A data file's text for a check that is stronger with it (e.g. quotations verified against the plan), or
 * `undefined` without it; under CI a missing file throws, failing the test that asked.
 */
export function readDataIfPresent(path: string): string | undefined {
  if (existsSync(path)) return readFileSync(path, 'utf8');
  if (DATA_REQUIRED) throw new Error(missingMessage([path]));
  return undefined;
}
