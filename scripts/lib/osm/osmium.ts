import { execFile, spawnSync } from 'node:child_process';
import { open } from 'node:fs/promises';
import { promisify } from 'node:util';
import type { Polygon } from 'geojson';
import type { Bbox } from './types.ts';

export const OSMIUM = 'osmium';
const run = promisify(execFile);

let osmiumChecked: boolean | undefined;

/** True when the `osmium` CLI (osmium-tool) can be run. */
export function osmiumAvailable(): boolean {
  if (osmiumChecked === undefined) {
    const r = spawnSync(OSMIUM, ['--version'], { stdio: 'ignore' });
    osmiumChecked = !r.error && r.status === 0;
  }
  return osmiumChecked;
}

/** Runs osmium; a failure names the file and carries osmium's stderr. */
export async function osmium(file: string, args: string[]): Promise<string> {
  try {
    const { stdout } = await run(OSMIUM, args, { maxBuffer: 64 * 1024 * 1024, encoding: 'utf8' });
    return stdout;
  } catch (err) {
    const e = err as { stderr?: string; message?: string };
    const stderr = (e.stderr ?? '').trim() || e.message || String(err);
    throw new Error(`osmium ${args[0]} failed on ${file}: ${stderr}`, { cause: err });
  }
}

/**
 * Looks at the first bytes so a file that is not OSM data gets a clear message (osmium's own would
 * be "PBF error: invalid BlobHeader size" or similar), and so OSM XML or PBF under an unusual file
 * name is still read. Compressed files are left to osmium, which goes by their suffix.
 */
export async function sniffFormat(file: string): Promise<'osm' | 'pbf' | undefined> {
  const fh = await open(file, 'r');
  let head: Buffer;
  try {
    const buf = Buffer.alloc(1024);
    const { bytesRead } = await fh.read(buf, 0, buf.length, 0);
    head = buf.subarray(0, bytesRead);
  } finally {
    await fh.close();
  }
  if (head.length >= 2 && head[0] === 0x1f && head[1] === 0x8b) return undefined; // gzip
  if (head.subarray(0, 3).toString('latin1') === 'BZh') return undefined; // bzip2
  if (head.subarray(4, 40).toString('latin1').includes('OSMHeader')) return 'pbf';
  const text = head.toString('utf8');
  if (/^\uFEFF?\s*(<\?xml[^>]*>\s*)?(<!--[\s\S]*?-->\s*)*<osm[\s>]/.test(text)) return 'osm';
  const start = JSON.stringify(text.slice(0, 40));
  throw new Error(`${file} is not OpenStreetMap data (expected OSM XML starting with <osm> or an .osm.pbf); it starts with ${start}`);
}

export function headerBox(fileinfoJson: string): Bbox | undefined {
  const info = JSON.parse(fileinfoJson) as { header?: { boxes?: number[][] } };
  const boxes = (info.header?.boxes ?? []).filter((b) => b.length === 4 && b.every(Number.isFinite));
  if (boxes.length === 0) return undefined;
  // several boxes: their union
  return [
    Math.min(...boxes.map((b) => b[0]!)),
    Math.min(...boxes.map((b) => b[1]!)),
    Math.max(...boxes.map((b) => b[2]!)),
    Math.max(...boxes.map((b) => b[3]!)),
  ];
}

export function dataBox(fileinfoJson: string): Bbox | undefined {
  const info = JSON.parse(fileinfoJson) as { data?: { bbox?: number[] } };
  const b = info.data?.bbox;
  if (!b || b.length !== 4 || !b.every(Number.isFinite)) return undefined;
  const [w, s, e, n] = b as [number, number, number, number];
  return w <= e && s <= n ? [w, s, e, n] : undefined; // osmium reports an inverted box for no nodes
}

export function intersect(a: Bbox, b: Bbox): Bbox | undefined {
  const r: Bbox = [Math.max(a[0], b[0]), Math.max(a[1], b[1]), Math.min(a[2], b[2]), Math.min(a[3], b[3])];
  return r[0] < r[2] && r[1] < r[3] ? r : undefined;
}

export function bboxPolygon([w, s, e, n]: Bbox): Polygon {
  return {
    type: 'Polygon',
    coordinates: [
      [
        [w, s],
        [e, s],
        [e, n],
        [w, n],
        [w, s],
      ],
    ],
  };
}

export function checkBbox(b: Bbox): void {
  const ok = b.length === 4 && b.every(Number.isFinite) && b[0] < b[2] && b[1] < b[3];
  if (!ok) throw new Error(`clipBbox must be [west, south, east, north] with west < east and south < north, got ${JSON.stringify(b)}`);
}
