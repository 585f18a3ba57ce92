import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { yangpuOutline } from '../../scripts/lib/districts.ts';
import { buildPlanDataset } from '../../scripts/lib/plan/build.ts';
import { PlanValidationError } from '../../scripts/lib/plan/validate.ts';

const outline = yangpuOutline();
const DIR = 'tests/fixtures/plan-bad';

/** The build's problems for one fixture folder (fails the test if the build succeeds). */
function problems(fixture: string): string[] {
  try {
    buildPlanDataset({ dataDir: `${DIR}/${fixture}`, outline });
  } catch (e) {
    expect(e).toBeInstanceOf(PlanValidationError);
    return (e as PlanValidationError).errors;
  }
  throw new Error(`the build accepted ${fixture}`);
}

/** Each fixture plants specific defects; the build must report exactly those, naming file, feature and problem. */
const CASES: Record<string, string[]> = {
  'wrong-type': [
    `${DIR}/wrong-type/platforms.geojson: feature "pf-circle": geometry.type: geometry type must be one of Point, LineString, Polygon, MultiPolygon (or null)`,
    `${DIR}/wrong-type/platforms.geojson: feature "pf-string-precision": properties.precision_m: precision_m must be a number (or null without geometry)`,
  ],
  'missing-name': [
    `${DIR}/missing-name/platforms.geojson: feature "pf-no-english-name": properties.name_en: missing (name_en (English name) is required)`,
    `${DIR}/missing-name/platforms.geojson: feature "pf-blank-chinese-name": properties.name_zh: name_zh (Chinese name) must not be empty`,
  ],
  swapped: [`${DIR}/swapped/platforms.geojson: feature "pf-swapped": coordinates look swapped (lat, lon): GeoJSON wants [lon, lat], e.g. [121.5, 31.3]`],
  'far-outside': [`${DIR}/far-outside/platforms.geojson: feature "pf-in-jiading": lies 23.2 km outside Yangpu's outline (allowed: within 1 km)`],
  'duplicate-id': [`${DIR}/duplicate-id/b.geojson: feature "pf-twin": duplicate id (first defined in ${DIR}/duplicate-id/a.geojson)`],
  'bad-task': [
    `${DIR}/bad-task/platforms.geojson: feature "pf-task-19": properties.plan_tasks[0]: task number 19 is not an integer 1–18`,
    `${DIR}/bad-task/platforms.geojson: feature "pf-task-zero": properties.plan_tasks[1]: task number 0 is not an integer 1–18`,
  ],
  'unpublished-geometry': [
    `${DIR}/unpublished-geometry/platforms.geojson: feature "pf-null-but-published": geometry is null but location_published is true (a record without geometry must say location_published: false)`,
    `${DIR}/unpublished-geometry/platforms.geojson: feature "pf-point-but-unpublished": location_published is false but the feature has a geometry (use geometry: null — never an invented point)`,
  ],
  'bad-polygon': [
    `${DIR}/bad-polygon/zones-components.geojson: feature "zc-bowtie": self-intersection (1 kink, first at 121.51500, 31.29500)`,
    `${DIR}/bad-polygon/zones-components.geojson: feature "zc-open-ring": a polygon ring is not closed (its last position must repeat the first)`,
  ],
  'bad-zone': [`${DIR}/bad-zone/zones.json: zone "zone-fixture": component "zc-missing" is not a feature id`],
  // The card shows the reader's language only: a source or derivation in one language, or one written in the wrong
  // language, would leave one set of readers with the other language.
  'missing-translation': [
    `${DIR}/missing-translation/platforms.geojson: feature "pf-no-chinese-source": properties.source.text_zh: missing (source text_zh (Chinese) is required)`,
    `${DIR}/missing-translation/platforms.geojson: feature "pf-no-chinese-derivation": properties.derivation_zh: missing (derivation_zh (Chinese) is required)`,
    `${DIR}/missing-translation/platforms.geojson: feature "pf-no-english-source": properties.source.text: missing (source text (English) is required)`,
    `${DIR}/missing-translation/platforms.geojson: feature "pf-untranslated": properties.source.text_zh: source text_zh (Chinese) has untranslated English ("from the four bounding streets"): translate the prose`,
    `${DIR}/missing-translation/platforms.geojson: feature "pf-untranslated": properties.derivation_zh: derivation_zh (Chinese) must be written in Chinese`,
    `${DIR}/missing-translation/platforms.geojson: feature "pf-chinese-in-english": properties.derivation: derivation (English) must be written in English (Chinese only for names quoted as written)`,
    `${DIR}/missing-translation/zones.json: zone "zone-no-chinese-source".source.text_zh: missing (source text_zh (Chinese) is required)`,
  ],
};

describe('bad source files fail the build with file, feature and problem', () => {
  for (const [fixture, expected] of Object.entries(CASES)) {
    it(fixture, () => {
      expect(problems(fixture)).toEqual(expected);
    });
  }

  it('puts every problem in the error message', () => {
    try {
      buildPlanDataset({ dataDir: `${DIR}/bad-task`, outline });
      expect.unreachable('the build accepted bad-task');
    } catch (e) {
      expect((e as Error).message).toBe(`plan data: 2 problems\n${CASES['bad-task']!.join('\n')}`);
    }
  });

  it('reports a missing source folder', () => {
    expect(problems('no-such-folder')).toEqual([`${DIR}/no-such-folder: source folder not found`]);
  });
});

describe('scripts/build-plan.ts', () => {
  const out = mkdtempSync(join(tmpdir(), 'plan-bad-'));
  afterAll(() => rmSync(out, { recursive: true, force: true }));
  const run = (...args: string[]) =>
    spawnSync(process.execPath, ['--import', 'tsx', 'scripts/build-plan.ts', '--out', out, '--no-plan-text', ...args], { encoding: 'utf8' });

  it('exits non-zero and prints the problem on bad data', () => {
    const r = run('--data', `${DIR}/swapped`);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(CASES.swapped![0]);
    expect(r.stdout).not.toContain('wrote');
  }, 60_000);

  it('exits zero and writes both files on the real data', () => {
    const r = run('--data', 'data/plan');
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/wrote .*plan\.geojson \(\d+ bytes\)/);
    expect(r.stdout).toMatch(/wrote .*plan-unlocated\.json \(\d+ bytes\)/);
  }, 60_000);
});
