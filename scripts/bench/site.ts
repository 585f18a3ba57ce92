/**
 * What the browser benchmarks run against: the production build (with hidden source maps, so its chunks can be
 * broken down by module without changing them) and, beside it under `/__baseline/`, the plain-MapLibre baseline
 * page; both served by `vite preview`, the server the browser tests use (it gzips text and answers Range requests).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { build } from 'vite';
import { CHROMIUM_PATH, PLAYWRIGHT_CHROMIUM_FLAGS } from '../lib/chromium.ts';

export const ROOT = resolve(import.meta.dirname, '../..');
export const BASELINE_PATH = '/__baseline/index.html';

export function launchBench(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: PLAYWRIGHT_CHROMIUM_FLAGS });
}

export interface BuiltSite {
  dist: string;
  /** The app's source folder the build came from. */
  source: string;
}

/**
 * Builds the app from `source` (default: this checkout) into a new temporary folder, then the baseline page into
 * its `__baseline/` folder. The baseline always takes its style functions from this checkout's src/lib/layers.
 */
export async function buildSite(options: { source?: string; log?: (line: string) => void } = {}): Promise<BuiltSite> {
  const source = resolve(options.source ?? ROOT);
  const dist = mkdtempSync(join(tmpdir(), 'yangpu-bench-'));
  if (!existsSync(join(source, 'public/tiles/basemap.pmtiles'))) {
    throw new Error(`${source}/public/tiles/basemap.pmtiles is missing: run \`npm run data:if-stale\` first`);
  }
  options.log?.(`building the app from ${source} into ${dist}`);
  await build({
    root: source,
    configFile: join(source, 'vite.config.ts'),
    logLevel: 'error',
    build: { outDir: dist, emptyOutDir: true, sourcemap: 'hidden', reportCompressedSize: false },
  });
  options.log?.('building the baseline page');
  await build({
    root: resolve(import.meta.dirname, 'baseline'),
    configFile: false,
    base: '/__baseline/',
    publicDir: false,
    logLevel: 'error',
    build: { outDir: join(dist, '__baseline'), emptyOutDir: true, target: 'es2022', reportCompressedSize: false },
  });
  return { dist, source };
}

async function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const srv = createServer();
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      srv.close(() => (typeof addr === 'object' && addr ? ok(addr.port) : fail(new Error('no port'))));
    });
  });
}

export interface Server {
  url: string;
  stop: () => Promise<void>;
}

/** `vite preview` of `dist` on a free port (spawned through node, so stopping it stops vite). */
export async function serve(site: BuiltSite): Promise<Server> {
  const port = await freePort();
  const child: ChildProcess = spawn(
    process.execPath,
    [resolve(ROOT, 'node_modules/vite/bin/vite.js'), 'preview', '--host', '127.0.0.1', '--port', String(port), '--strictPort', '--outDir', site.dist],
    { cwd: site.source, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  child.stdout?.on('data', (d) => (output += d));
  child.stderr?.on('data', (d) => (output += d));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 30_000;
  for (;;) {
    try {
      if ((await fetch(`${url}/`)).ok) break;
    } catch {
      /* not up yet */
    }
    if (child.exitCode !== null || Date.now() > deadline) throw new Error(`vite preview did not start:\n${output}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    url,
    stop: () =>
      new Promise<void>((done) => {
        if (child.exitCode !== null) return done();
        child.once('exit', () => done());
        child.kill('SIGTERM');
      }),
  };
}
