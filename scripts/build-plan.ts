/**
 * Builds the plan layer: validates data/plan/*, derives the 未来谷 and 杨数浦 outlines, writes
 * <out>/plan.geojson and <out>/plan-unlocated.json.
 *
 *   npx tsx scripts/build-plan.ts [--out public/data] [--data data/plan] [--plan-text <file> | --no-plan-text]
 *
 * The plan's text (default ../shared/seed/yangpu-action-plan-2024-2026.zh.txt, or $PLAN_TEXT) is used, when
 * present, to check that every 「quotation」 in summary_zh occurs in the plan. Exits 1 with the problems on bad data.
 */
import { existsSync, readFileSync } from 'node:fs';
import { buildPlanDataset, writePlanDataset } from './lib/plan/build.ts';

const DEFAULT_PLAN_TEXT = '../shared/seed/yangpu-action-plan-2024-2026.zh.txt';

function argValue(args: string[], name: string): string | undefined {
  const i = args.indexOf(name);
  if (i === -1) return undefined;
  const v = args[i + 1];
  if (v === undefined || v.startsWith('--')) throw new Error(`${name} needs a value`);
  return v;
}

function main(args: string[]): void {
  const known = new Set(['--out', '--data', '--plan-text', '--no-plan-text']);
  for (const a of args) {
    if (a.startsWith('--') && !known.has(a)) throw new Error(`unknown option ${a}`);
  }
  const outDir = argValue(args, '--out') ?? 'public/data';
  const dataDir = argValue(args, '--data') ?? 'data/plan';
  let planTextPath: string | undefined;
  if (!args.includes('--no-plan-text')) {
    planTextPath = argValue(args, '--plan-text') ?? process.env.PLAN_TEXT ?? DEFAULT_PLAN_TEXT;
    if (!existsSync(planTextPath)) {
      if (argValue(args, '--plan-text')) throw new Error(`plan text not found: ${planTextPath}`);
      console.warn(`note: plan text ${planTextPath} not found — quotations not checked against the plan`);
      planTextPath = undefined;
    }
  }
  const planText = planTextPath ? readFileSync(planTextPath, 'utf8') : undefined;
  const result = buildPlanDataset({ dataDir, planText });
  const written = writePlanDataset(outDir, result);
  const byClass = new Map<string, number>();
  for (const f of result.located.features) byClass.set(f.properties.class, (byClass.get(f.properties.class) ?? 0) + 1);
  console.log(
    `plan: ${result.located.features.length} located features (${[...byClass].map(([c, n]) => `${c} ${n}`).join(', ')}), ` +
      `${result.unlocated.length} without published location${planText ? '; quotations checked against the plan' : ''}`,
  );
  for (const z of result.zones) {
    console.log(`  ${z.id}: ${z.derivation.areaKm2.toFixed(2)} km², join ${z.derivation.join.method}`);
  }
  for (const w of written) console.log(`  wrote ${w.path} (${w.bytes} bytes)`);
}

try {
  main(process.argv.slice(2));
} catch (e) {
  console.error((e as Error).message);
  process.exit(1);
}
