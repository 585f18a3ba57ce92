import { readFileSync } from 'node:fs';
import distance from '@turf/distance';
import pointToPolygonDistance from '@turf/point-to-polygon-distance';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  CLASSES_WITHOUT_REQUIRED_TASK,
  INDUSTRIES,
  PlanSourceFeatureSchema,
  ZoneDefinitionSchema,
  type PlanSourceFeature,
} from '../../src/lib/data/plan-schema.ts';
import { yangpuOutline } from '../../scripts/lib/districts.ts';
import { loadGazetteer } from '../../scripts/lib/plan/gazetteer.ts';
import { loadPlanSources } from '../../scripts/lib/plan/load.ts';
import { collectPlanProblems, normalisePlanText, quotedPassages } from '../../scripts/lib/plan/validate.ts';
import { describeWithData, GAZETTEER, PLAN_TEXT, readDataIfPresent } from '../support/shared.ts';

const sources = loadPlanSources('data/plan');
const rawFeatures = sources.geojson.flatMap((f) => ((f.json as { features: unknown[] }).features ?? []).map((raw) => ({ file: f.path, raw })));
const parsed = rawFeatures.map(({ file, raw }) => ({ file, raw, result: PlanSourceFeatureSchema.safeParse(raw) }));
const features: PlanSourceFeature[] = parsed.flatMap((p) => (p.result.success ? [p.result.data] : []));
const zoneDefs = ((sources.zones?.json as { zones?: unknown[] } | undefined)?.zones ?? []).map((z) => ZoneDefinitionSchema.parse(z));

describe('plan sources: files', () => {
  it('reads the themed source files and zones.json without errors', () => {
    expect(sources.errors).toEqual([]);
    expect(sources.geojson.map((f) => f.path)).toEqual([
      'data/plan/campuses.geojson',
      'data/plan/incubators.geojson',
      'data/plan/landmarks.geojson',
      'data/plan/low-altitude.geojson',
      'data/plan/platforms.geojson',
      'data/plan/science-parks.geojson',
      'data/plan/zones-components.geojson',
    ]);
    expect(sources.zones?.path).toBe('data/plan/zones.json');
  });

  it('passes the whole validator (schema, geometry, references) with no problem', () => {
    // With the plan's text the validator also checks every quotation; under CI the text must be there.
    const planText = readDataIfPresent(PLAN_TEXT);
    const { errors, result } = collectPlanProblems(sources, { outline: yangpuOutline(), planText });
    expect(errors).toEqual([]);
    expect(result.features).toHaveLength(rawFeatures.length);
    expect(result.zones.map((z) => z.zone.id)).toEqual(['zone-future-valley', 'zone-yangshupu-belt']);
  });
});

describe('plan sources: every feature', () => {
  it('passes the zod schema', () => {
    const failures = parsed.filter((p) => !p.result.success).map((p) => `${p.file}: ${JSON.stringify(p.result.error?.issues)}`);
    expect(failures).toEqual([]);
    expect(features.length).toBeGreaterThanOrEqual(50);
  });

  it('has an id unique across all files and zones.json', () => {
    const ids = [...features.map((f) => f.properties.id), ...zoneDefs.map((z) => z.id)];
    const dupes = ids.filter((id, i) => ids.indexOf(id) !== i);
    expect(dupes).toEqual([]);
  });

  it('is named in both languages (Chinese characters in name_zh, Latin letters and no Chinese in name_en)', () => {
    for (const f of [...features.map((x) => x.properties), ...zoneDefs]) {
      expect(f.name_zh.trim(), f.id).not.toBe('');
      expect(f.name_en.trim(), f.id).not.toBe('');
      expect(f.name_zh, f.id).toMatch(/[\u4e00-\u9fff]/);
      expect(f.name_en, f.id).toMatch(/[A-Za-z]/);
      expect(f.name_en, f.id).not.toMatch(/[\u4e00-\u9fff]/);
    }
  });

  it('says where it comes from and how it was located in both languages, each in its own', () => {
    for (const p of [...features.map((x) => x.properties), ...zoneDefs]) {
      // Zones get their derivation from the build (plan-zones.test.ts checks it).
      const texts: [string, string][] = [[p.source.text, p.source.text_zh]];
      if ('derivation' in p) texts.push([p.derivation, p.derivation_zh]);
      for (const [en, zh] of texts) {
        expect(zh, p.id).toMatch(/[\u4e00-\u9fff]/);
        expect(zh, p.id).not.toMatch(/[A-Za-z]{2,}(?: [A-Za-z]{2,}){2,}/);
        expect(en, p.id).toMatch(/[A-Za-z]{3,}/);
      }
      // Codes and links stay as written: every gazetteer id the English source cites, the Chinese cites too.
      for (const id of p.source.text.match(/\b[a-z]\d{2}\b/g) ?? []) expect(p.source.text_zh, `${p.id} ${id}`).toContain(id);
      // The gloss is English; Chinese is for the plan's quotations in summary_zh.
      expect(p.summary_en, p.id).not.toMatch(/[\u4e00-\u9fff]/);
    }
  });

  it('cites tasks that exist (integers 1–18), at least one unless a campus or landmark', () => {
    for (const f of [...features.map((x) => x.properties), ...zoneDefs]) {
      for (const t of f.plan_tasks) {
        expect(Number.isInteger(t), `${f.id} task ${t}`).toBe(true);
        expect(t, f.id).toBeGreaterThanOrEqual(1);
        expect(t, f.id).toBeLessThanOrEqual(18);
      }
      if (!CLASSES_WITHOUT_REQUIRED_TASK.includes(f.class)) expect(f.plan_tasks.length, f.id).toBeGreaterThan(0);
    }
  });

  it('uses only the closed industry list', () => {
    for (const f of features) for (const i of f.properties.industries) expect(INDUSTRIES, f.properties.id).toContain(i);
  });

  it('has no geometry only when location_published is false, and vice versa', () => {
    for (const f of features) {
      expect(f.geometry === null, f.properties.id).toBe(!f.properties.location_published);
      expect(f.properties.precision_m === null, f.properties.id).toBe(f.geometry === null);
    }
  });

  it('keeps the unpublished locations as records, never invented points', () => {
    const unlocated = features
      .filter((f) => f.geometry === null)
      .map((f) => f.properties.id)
      .sort();
    expect(unlocated).toEqual(
      [
        'pf-china-eu-exchange-center',
        'pf-fudan-new-engineering',
        'pf-german-chambers-alliance',
        'pf-intelligent-industry-institute',
        'pf-shanghai-technology-exchange',
        'pf-yrd-national-tech-innovation-center',
      ].sort(),
    );
  });

  it('draws no riverside low-altitude corridor (gazetteer r04 has no verified route)', () => {
    expect(features.filter((f) => f.properties.gazetteer_ids?.includes('r04'))).toEqual([]);
    expect(
      features
        .filter((f) => f.properties.class === 'drone_route')
        .map((f) => f.properties.id)
        .sort(),
    ).toEqual(['dr-hopson-guozheng', 'dr-hopson-huangxing-park', 'dr-hopson-hulian-baodi']);
  });

  it('gives every drone route an altitude band within the 120 m light-drone ceiling, from take-off to a landing site', () => {
    const sites = new Map(features.filter((f) => f.properties.class === 'landing_site').map((f) => [JSON.stringify(f.geometry?.coordinates), f.properties.id]));
    for (const f of features.filter((x) => x.properties.class === 'drone_route')) {
      const [lo, hi] = f.properties.altitude_m ?? [NaN, NaN];
      expect(lo, f.properties.id).toBeGreaterThanOrEqual(0);
      expect(hi, f.properties.id).toBeGreaterThan(lo);
      expect(hi, f.properties.id).toBeLessThanOrEqual(120);
      expect(f.geometry?.type).toBe('LineString');
      const coords = f.geometry?.type === 'LineString' ? f.geometry.coordinates : [];
      expect(coords).toHaveLength(2);
      expect(sites.get(JSON.stringify(coords[0]))).toBe('ls-hopson-one');
      expect(sites.has(JSON.stringify(coords[1])), f.properties.id).toBe(true);
      expect(f.properties.indicative).toBe(true);
    }
  });
});

describeWithData(PLAN_TEXT)('plan sources: quotations', () => {
  const plan = normalisePlanText(readFileSync(PLAN_TEXT, 'utf8'));
  it('quotes the plan verbatim in summary_zh, with the task number', () => {
    for (const p of [...features.map((f) => f.properties), ...zoneDefs]) {
      const quotes = quotedPassages(p.summary_zh);
      if (p.plan_tasks.length > 0) expect(quotes.length, p.id).toBeGreaterThan(0);
      for (const q of quotes) expect(plan.includes(normalisePlanText(q)), `${p.id}: 「${q}」`).toBe(true);
      for (const t of p.plan_tasks) {
        expect(p.summary_zh, p.id).toContain(`任务${t}`);
        expect(p.summary_en, p.id).toMatch(new RegExp(`\\bTasks? ${t}\\b`));
      }
    }
  });
});

describeWithData(GAZETTEER)('plan sources: agreement with the gazetteer', () => {
  let gazetteer: ReturnType<typeof loadGazetteer>;
  beforeAll(() => {
    gazetteer = loadGazetteer(GAZETTEER);
  });

  it('cites gazetteer rows that exist', () => {
    for (const f of features) for (const g of f.properties.gazetteer_ids ?? []) expect(gazetteer.has(g), `${f.properties.id} → ${g}`).toBe(true);
  });

  it("draws every located feature within its precision of its first gazetteer row's point, with a precision no better than the row's", () => {
    for (const f of features) {
      const row = gazetteer.get(f.properties.gazetteer_ids?.[0] ?? '');
      const g = f.geometry;
      if (!row || row.lon === null || row.lat === null || g === null) continue;
      const precision = f.properties.precision_m ?? 0;
      if (g.type === 'Point') {
        const d = distance(g.coordinates, [row.lon, row.lat], { units: 'meters' });
        expect(d, f.properties.id).toBeLessThanOrEqual(precision);
        expect(precision, f.properties.id).toBeGreaterThanOrEqual(row.precision_m ?? 0);
      } else if (g.type === 'Polygon' || g.type === 'MultiPolygon') {
        const d = pointToPolygonDistance([row.lon, row.lat], g, { units: 'meters' });
        expect(d, f.properties.id).toBeLessThanOrEqual(precision);
      }
    }
  });

  it('pins "guess" and "placeholder" rows to an anchor and says so', () => {
    const weak = features.filter((f) => {
      const row = gazetteer.get(f.properties.gazetteer_ids?.[0] ?? '');
      return row && /guess|placeholder/i.test(`${row.notes} ${row.source}`);
    });
    expect(weak.map((f) => f.properties.id).sort()).toEqual(
      [
        'inc-usst-specialised',
        'pf-digital-city-institute',
        'pf-nordic-innovation-center',
        'sp-shou',
        'sp-suep',
        'sp-sufe',
        'sp-sus',
        'sp-tongji-autonomous-intelligence',
        'sp-usst',
      ].sort(),
    );
    for (const f of weak) {
      expect(f.properties.indicative, f.properties.id).toBe(true);
      expect(f.properties.derivation, f.properties.id).toMatch(/pinned|placeholder/i);
    }
  });

  it('keeps the five platforms the gazetteer does not locate without geometry', () => {
    const notLocated = [...gazetteer.values()].filter((r) => r.lon === null).map((r) => r.id);
    expect(notLocated.sort()).toEqual(['p01', 'p04', 'p05', 'p08', 'p12']);
    for (const id of notLocated) {
      const f = features.find((x) => x.properties.gazetteer_ids?.[0] === id);
      expect(f, id).toBeDefined();
      expect(f?.geometry, id).toBeNull();
      expect(f?.properties.location_published, id).toBe(false);
    }
  });
});
