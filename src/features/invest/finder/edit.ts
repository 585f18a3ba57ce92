/*
 * Changes to the finder's spec as the form makes them (pure: a new spec each time, the old one untouched), so the
 * state is always one the link can write and read back the same.
 */
import { WEIGHT_RANGE, DEFAULT_WEIGHT, RULE_IDS, type FinderNeeds, type FinderSpec, type RuleId } from './needs.ts';

/** A typed number clamped to `limits` with `digits` decimals; undefined when blank or not a number. */
export function readNumber(raw: string, limits: readonly [number, number], digits: number): number | undefined {
  if (raw.trim() === '') return undefined;
  const v = Number(raw);
  if (!Number.isFinite(v)) return undefined;
  return Number(Math.min(limits[1], Math.max(limits[0], v)).toFixed(digits));
}

/** The spec with some needs changed; `undefined` (or false, or '') clears one. */
export function withNeeds(spec: FinderSpec, patch: Partial<FinderNeeds>): FinderSpec {
  const next: Record<string, unknown> = { ...spec.needs, ...patch };
  for (const [k, v] of Object.entries(next)) if (v === undefined || v === false || v === '') delete next[k];
  // Each pair says one need in two units: the one just set wins.
  if (patch.areaM2 !== undefined) delete next.people;
  if (patch.people !== undefined) delete next.areaM2;
  if (patch.rentPerDay !== undefined) delete next.perMonth;
  if (patch.perMonth !== undefined) delete next.rentPerDay;
  return { ...spec, needs: next as FinderNeeds };
}

/** The spec with a rule made a must-have or a nice-to-have. */
export function withMust(spec: FinderSpec, rule: RuleId, must: boolean): FinderSpec {
  const set = new Set(spec.must);
  if (must) set.add(rule);
  else set.delete(rule);
  return { ...spec, must: RULE_IDS.filter((r) => set.has(r)) };
}

/** The spec with a rule's weight set (clamped to 0–3, whole numbers; the default is not stored). */
export function withWeight(spec: FinderSpec, rule: RuleId, weight: number): FinderSpec {
  const w = Math.round(Math.min(WEIGHT_RANGE[1], Math.max(WEIGHT_RANGE[0], Number.isFinite(weight) ? weight : DEFAULT_WEIGHT)));
  const weights = { ...spec.weights };
  if (w === DEFAULT_WEIGHT) delete weights[rule];
  else weights[rule] = w;
  return { ...spec, weights };
}
