/*
 * Pins of a brief's map excerpt that would overlap on paper share one mark labelled with all their numbers
 * ("22,23", "3–5"): two places at one address, or a campus and the park inside it, would otherwise print as a blot
 * with neither number readable. Pure: the excerpt's projection is passed in.
 */
import type { BriefPin } from './types.ts';

/** Pins closer than this on the excerpt, in CSS pixels, share a mark (a mark is about 18 px across). */
export const PIN_MERGE_PX = 16;

/** Numbers as a short label: runs of three or more as "3–5", the rest joined by commas, in ascending order. */
export function pinLabel(labels: readonly string[]): string {
  const nums = labels.map(Number);
  if (!nums.every(Number.isInteger)) return labels.join(',');
  const sorted = [...new Set(nums)].sort((a, b) => a - b);
  const parts: string[] = [];
  for (let i = 0; i < sorted.length;) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j]! + 1) j++;
    if (j - i >= 2) parts.push(`${sorted[i]}–${sorted[j]}`);
    else for (let k = i; k <= j; k++) parts.push(String(sorted[k]));
    i = j + 1;
  }
  return parts.join(',');
}

/**
 * The pins as marks: each pin joins the first mark (in the pins' order) within `px` of it on the excerpt, which
 * keeps its place; a mark's label lists every number it stands for. Inputs are not changed.
 */
export function mergePins(pins: readonly BriefPin[], project: (pin: BriefPin) => { x: number; y: number }, px = PIN_MERGE_PX): BriefPin[] {
  const marks: { pin: BriefPin; at: { x: number; y: number }; labels: string[] }[] = [];
  for (const pin of pins) {
    const at = project(pin);
    const mark = marks.find((m) => Math.hypot(m.at.x - at.x, m.at.y - at.y) < px);
    if (mark) mark.labels.push(pin.label);
    else marks.push({ pin, at, labels: [pin.label] });
  }
  return marks.map((m) => ({ lon: m.pin.lon, lat: m.pin.lat, label: pinLabel(m.labels) }));
}
