/**
 * Section 2 of `npm run bench`: the JavaScript and CSS the app's first view downloads, split into MapLibre and the
 * rest with a module breakdown read from the build's source maps, from the runs of section 1.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { BuiltSite, Server } from './site.ts';
import { bytesBySource, codeOfSources, moduleFolder, moduleGroup, type SourceMapV3 } from './sourcemap.ts';
import type { BenchSection } from './table.ts';

export interface Fetched {
  url: string;
  responseEnd: number;
  transferSize: number;
}

/** What one run of the app fetched before its first idle. */
export interface FetchRecord {
  /** The page's resource timeline up to the first idle. */
  fetched: Fetched[];
  /** Requests seen by the browser context (includes the MapLibre worker's script, which the page's timeline lacks). */
  requested: string[];
  /** Requests of the app's service worker (its precache) seen before the first idle was noticed. */
  byServiceWorker: string[];
}

export interface BytesResults {
  bytesSection: BenchSection;
  /** Gzip bytes of the first view's JavaScript and CSS that are not MapLibre. */
  restGzip: number;
  maplibreGzip: number;
}

interface FileShare {
  path: string;
  raw: number;
  gzip: number;
  /** Share of the raw bytes that are MapLibre's. */
  maplibre: number;
  /**
   * Gzip bytes of MapLibre's part, compressed on its own: what the file would weigh with MapLibre alone. The rest
   * (gzip − this) is what everything else adds to it. (Shared in proportion to raw bytes instead, the rest came out
   * too small: MapLibre's code compresses better than the app's.)
   */
  maplibreGzip: number;
  /** Raw bytes per module group. */
  modules: Map<string, number>;
}

function cssShares(code: string): { modules: Map<string, number>; maplibre: string } {
  // Top-level rules of minified CSS: MapLibre's all name a .maplibregl- class (the app's own overrides of them too).
  const modules = new Map<string, number>();
  const maplibre: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < code.length; i++) {
    if (code[i] === '{') depth++;
    else if (code[i] === '}' && --depth === 0) {
      const rule = code.slice(start, i + 1);
      const group = /\.maplibregl-/.test(rule) && !/svelte-/.test(rule) ? 'maplibre-gl' : 'app CSS';
      if (group === 'maplibre-gl') maplibre.push(rule);
      modules.set(group, (modules.get(group) ?? 0) + Buffer.byteLength(rule));
      start = i + 1;
    }
  }
  if (start < code.length) modules.set('app CSS', (modules.get('app CSS') ?? 0) + Buffer.byteLength(code.slice(start)));
  return { modules, maplibre: maplibre.join('') };
}

const gzipOf = (code: string) => (code ? gzipSync(code).length : 0);

function share(dist: string, path: string): FileShare {
  const file = join(dist, path);
  const buf = readFileSync(file);
  const raw = buf.length;
  const gzip = gzipSync(buf).length;
  let modules: Map<string, number>;
  let maplibreGzip = 0;
  if (/maplibre-gl-worker/.test(path)) {
    modules = new Map([['maplibre-gl', raw]]);
    maplibreGzip = gzip;
  } else if (path.endsWith('.css')) {
    const css = cssShares(buf.toString('utf8'));
    modules = css.modules;
    maplibreGzip = gzipOf(css.maplibre);
  } else if (existsSync(`${file}.map`)) {
    const code = buf.toString('utf8');
    const map = JSON.parse(readFileSync(`${file}.map`, 'utf8')) as SourceMapV3;
    modules = new Map();
    for (const [s, b] of bytesBySource(code, map)) modules.set(moduleGroup(s), (modules.get(moduleGroup(s)) ?? 0) + b);
    if (modules.has('maplibre-gl')) maplibreGzip = gzipOf(codeOfSources(code, map, (s) => moduleGroup(s) === 'maplibre-gl'));
  } else modules = new Map([['(no source map)', raw]]);
  // A part compressed alone can come out a few bytes over its share of the whole: the file never weighs less than it.
  return { path, raw, gzip, maplibre: (modules.get('maplibre-gl') ?? 0) / raw, maplibreGzip: Math.min(gzip, maplibreGzip), modules };
}

/** The map's worker script: MapLibre's own file, or the site's (src/lib/map/map-worker.ts, which bundles it). */
const MAP_WORKER = /\/(maplibre-gl-worker|map-worker)-[^/]*\.m?js$/;

const kb = (b: number) => (b / 1024).toFixed(1);

export function firstViewBytes(runs: FetchRecord[], site: BuiltSite, server: Server): BytesResults {
  const local = (u: string) => (u.startsWith(server.url) ? new URL(u).pathname : null);
  const isCode = (p: string) => /\.(m?js|css)$/.test(p);
  // What every run fetched before its first idle (the page's timeline, plus the map's worker's script from the
  // context: MapLibre's worker with the site's archive reader, src/lib/map/map-worker.ts).
  const sets = runs.map((r) => {
    const paths = new Set(r.fetched.map((f) => local(f.url)).filter((p): p is string => p !== null && isCode(p)));
    for (const u of r.requested) {
      const p = local(u);
      if (p && MAP_WORKER.test(p)) paths.add(p);
    }
    return paths;
  });
  const always = [...sets[0]!].filter((p) => sets.every((s) => s.has(p))).sort();
  const sometimes = [...new Set(sets.flatMap((s) => [...s]))].filter((p) => !always.includes(p)).sort();
  const other = [...new Set(runs[0]!.fetched.map((f) => local(f.url)).filter((p): p is string => p !== null && !isCode(p)))].sort();
  const files = always.map((p) => share(site.dist, p.slice(1)));
  // The service worker's precache: fetched beside the first view, in the background; not part of it.
  const swPaths = [...new Set(runs.flatMap((r) => r.byServiceWorker.map(local)).filter((p): p is string => p !== null))];
  const swBytes = swPaths.reduce((sum, p) => {
    const f = join(site.dist, p.slice(1));
    return existsSync(f) && !/\.pmtiles$/.test(p) ? sum + gzipSync(readFileSync(f)).length : sum;
  }, 0);
  let maplibreGzip = 0;
  let restGzip = 0;
  const rows = files.map((f) => {
    const mg = f.maplibreGzip;
    maplibreGzip += mg;
    restGzip += f.gzip - mg;
    return [f.path.replace(/^\/assets\//, ''), kb(f.raw), kb(f.gzip), `${(f.maplibre * 100).toFixed(0)} %`, kb(mg), kb(f.gzip - mg)];
  });
  rows.push(['total', kb(files.reduce((s, f) => s + f.raw, 0)), kb(maplibreGzip + restGzip), '', kb(maplibreGzip), kb(restGzip)]);
  // The rest, module by module: raw bytes, and gzip estimated as the module's share of what its file adds to MapLibre.
  const modules = new Map<string, { raw: number; gzip: number }>();
  for (const f of files) {
    const restRaw = f.raw * (1 - f.maplibre);
    for (const [m, b] of f.modules) {
      if (m === 'maplibre-gl') continue;
      const e = modules.get(m) ?? { raw: 0, gzip: 0 };
      e.raw += b;
      e.gzip += restRaw > 0 ? ((f.gzip - f.maplibreGzip) * b) / restRaw : 0;
      modules.set(m, e);
    }
  }
  const folder = (m: string) => (m.startsWith('src/') ? moduleFolder(m) : m.startsWith('(') || m === 'app CSS' ? m : `${m} (npm)`);
  const folders = new Map<string, { raw: number; gzip: number; n: number }>();
  for (const [m, v] of modules) {
    const e = folders.get(folder(m)) ?? { raw: 0, gzip: 0, n: 0 };
    e.raw += v.raw;
    e.gzip += v.gzip;
    e.n++;
    folders.set(folder(m), e);
  }
  const sorted = <T extends { gzip: number }>(m: Map<string, T>) => [...m].sort((a, b) => b[1].gzip - a[1].gzip);
  const bytesSection: BenchSection = {
    title: '2. JavaScript and CSS of the first view',
    notes: [
      `What the app fetched before its first idle in every measured run (${runs.length}), from the page's resource timeline`,
      `and the context's requests (the map's worker script: MapLibre's worker with the archive reader), tiles, data and fonts left out. Gzip: zlib's default level,`,
      `as vite preview serves it. MapLibre's part of a shared file (its code, by the build's source map; of the CSS, the rules on`,
      `.maplibregl- classes) is compressed on its own; the rest is what the file weighs beyond it.`,
      ...(sometimes.length ? [`Fetched before idle in some runs only (not counted): ${sometimes.join(', ')}.`] : []),
      `Also fetched before idle (not counted): ${other.join(', ') || 'nothing'}.`,
      ...(swPaths.length
        ? [
            `The service worker's precache requested ${swPaths.length} files before the first idle was noticed (${kb(swBytes)} KB gzip, archives left out; not counted).`,
          ]
        : []),
    ],
    tables: [
      { columns: ['file', 'raw KB', 'gzip KB', 'MapLibre', 'MapLibre gzip KB', 'rest gzip KB'], rows },
      {
        caption: 'The rest by folder or package (gzip estimated by raw share of what each file adds beyond MapLibre):',
        columns: ['folder / package', 'modules', 'raw KB', '≈ gzip KB'],
        rows: sorted(folders).map(([k, v]) => [k, String(v.n), kb(v.raw), kb(v.gzip)]),
      },
      {
        caption: 'The rest, largest modules:',
        columns: ['module', 'raw KB', '≈ gzip KB'],
        rows: sorted(modules)
          .slice(0, 25)
          .map(([k, v]) => [k, kb(v.raw), kb(v.gzip)]),
      },
      {
        columns: ['first view', 'gzip KB', 'aim'],
        rows: [
          ['MapLibre (JS chunk share, worker, CSS)', kb(maplibreGzip), ''],
          ['beyond MapLibre', kb(restGzip), '≤ 60 KB'],
        ],
      },
    ],
  };
  return { bytesSection, restGzip, maplibreGzip };
}
