/*
 * Pins of a brief's map excerpt that would overlap on paper share one mark labelled with all their numbers
 * ("22,23", "3–5"): two places at one address, or a campus and the park inside it, would otherwise print as a blot
 * with neither number readable. Pure: the excerpt's projection is passed in.
 */
import type { BriefPin } from './types.ts';

/** A mark is a pill as tall as a number and as wide as its label (map/snapshot.ts draws it so), in CSS pixels. */
export const MARK_HEIGHT = 18;
/** Room kept between two marks, in CSS pixels. */
const MARK_GAP = 2;

/** A mark's width for its label: the label's digits and separators (≈ 6.5 px each at 11 px) and the pill's ends. */
export function markWidth(label: string): number {
  return Math.max(MARK_HEIGHT, Math.round(label.length * 6.5 + 10));
}

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
 * The pins as marks: pins whose marks would touch on the excerpt share one, and so do marks that touch once they
 * have grown with their labels, until no two touch. A mark keeps the place of its first pin (in the pins' order),
 * and its label lists every number it stands for. Inputs are not changed.
 */
export function mergePins(pins: readonly BriefPin[], project: (pin: BriefPin) => { x: number; y: number }): BriefPin[] {
  const marks = pins.map((pin) => ({ pin, at: project(pin), labels: [pin.label] }));
  const width = (m: (typeof marks)[number]) => markWidth(pinLabel(m.labels));
  const touch = (a: (typeof marks)[number], b: (typeof marks)[number]) =>
    Math.abs(a.at.x - b.at.x) < (width(a) + width(b)) / 2 + MARK_GAP && Math.abs(a.at.y - b.at.y) < MARK_HEIGHT + MARK_GAP;
  // Each merge makes one mark fewer, so this ends; a brief has tens of pins, not thousands.
  for (let merged = true; merged;) {
    merged = false;
    for (let i = 0; i < marks.length && !merged; i++)
      for (let j = i + 1; j < marks.length && !merged; j++)
        if (touch(marks[i]!, marks[j]!)) {
          marks[i]!.labels.push(...marks[j]!.labels);
          marks.splice(j, 1);
          merged = true;
        }
  }
  return marks.map((m) => ({ lon: m.pin.lon, lat: m.pin.lat, label: pinLabel(m.labels) }));
}
