import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { transformWithOxc, type Plugin, type ResolvedConfig } from 'vite';
import { defineConfig } from 'vitest/config';
import { svelte } from '@sveltejs/vite-plugin-svelte';

/**
 * The hash of the one inline <style> the site needs: Observable Plot writes the same block (its default class
 * name filled in) into every chart it draws. Read from Plot's source, so an upgrade that changes the block
 * changes the hash; the build fails if the block can no longer be found.
 */
function plotStyleHash(): string {
  const dir = resolve(import.meta.dirname, 'node_modules/@observablehq/plot/src');
  const block = /svg\.append\("style"\)\.text\(\s*`([^`]*)`/.exec(readFileSync(join(dir, 'plot.js'), 'utf8'))?.[1];
  const className = /if \(name === undefined\) return "([^"]+)"/.exec(readFileSync(join(dir, 'style.js'), 'utf8'))?.[1];
  if (!block || !className) throw new Error('vite.config.ts: Observable Plot’s chart <style> block not found; update plotStyleHash()');
  return `'sha256-${createHash('sha256').update(block.replaceAll('${className}', className)).digest('base64')}'`;
}

/**
 * The site's Content-Security-Policy (docs/hosting.md explains each directive). Everything comes from the
 * site itself: scripts, MapLibre's and the dashboard's workers and the service worker are same-origin files,
 * so no 'unsafe-eval', no inline scripts and no blob: workers. Styles are files too, except Plot's chart block
 * (admitted by its hash, not 'unsafe-inline'); Svelte, MapLibre and Plot set element styles through the CSSOM,
 * which CSP does not restrict. `img-src data:`: MapLibre's stylesheet draws its control icons as data: SVG.
 */
export const CSP_DIRECTIVES: Record<string, string[]> = {
  'default-src': ["'self'"],
  'script-src': ["'self'"],
  'worker-src': ["'self'"],
  'connect-src': ["'self'"],
  'img-src': ["'self'", 'data:'],
  'style-src': ["'self'", plotStyleHash()],
  'font-src': ["'self'"],
  'manifest-src': ["'self'"],
  'object-src': ["'none'"],
  'base-uri': ["'self'"],
  'form-action': ["'none'"],
};

// Only a header can forbid framing (browsers ignore frame-ancestors in <meta>).
const HEADER_ONLY: Record<string, string[]> = { 'frame-ancestors': ["'none'"] };

const policy = (d: Record<string, string[]>): string =>
  Object.entries(d)
    .map(([k, v]) => `${k} ${v.join(' ')}`)
    .join('; ');

/** The policy as hosts should send it in the `Content-Security-Policy` header. */
export const CSP_HEADER = policy({ ...CSP_DIRECTIVES, ...HEADER_ONLY });

function listFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? listFiles(join(dir, e.name)) : [join(dir, e.name)]));
}

/**
 * Production build only: the CSP <meta> first in index.html's head; a `_headers` file (Netlify / Cloudflare
 * Pages syntax, and what tests/browser/server.ts sends) with the CSP and cache headers; and /sw.js, the
 * service worker of src/lib/offline/sw.ts with the list of every built file and a hash of their contents.
 */
function productionShell(): Plugin {
  let config: ResolvedConfig;
  return {
    name: 'yangpu-production-shell',
    apply: 'build',
    configResolved(c) {
      config = c;
    },
    // Right after <meta charset> (which must stay first), before any script or stylesheet.
    transformIndexHtml(html) {
      const meta = `<meta http-equiv="Content-Security-Policy" content="${policy(CSP_DIRECTIVES)}" />`;
      const out = html.replace(/(<meta charset="[^"]*"\s*\/?>)/i, `$1\n    ${meta}`);
      if (out === html) throw new Error('index.html: no <meta charset> to put the CSP after');
      return out;
    },
    generateBundle() {
      const base = config.base;
      this.emitFile({
        type: 'asset',
        fileName: '_headers',
        // Hosts merge the headers of every rule a path matches (joining repeated names with commas), so each
        // path gets exactly one Cache-Control rule.
        source: [
          `${base}*`,
          `  Content-Security-Policy: ${CSP_HEADER}`,
          '  X-Content-Type-Options: nosniff',
          '  Referrer-Policy: strict-origin-when-cross-origin',
          `${base}assets/*`,
          '  Cache-Control: public, max-age=31536000, immutable',
          ...[base, `${base}index.html`, `${base}sw.js`, `${base}favicon.svg`, `${base}data/*`, `${base}tiles/*`].flatMap((p) => [
            p,
            '  Cache-Control: no-cache',
          ]),
          '',
        ].join('\n'),
      });
    },
    async closeBundle() {
      const out = resolve(config.root, config.build.outDir);
      const files = listFiles(out)
        .map((f) => relative(out, f).split(sep).join('/'))
        .filter((f) => f !== 'sw.js' && f !== '_headers' && !f.endsWith('.map'))
        .sort();
      const hash = createHash('sha256');
      for (const f of files)
        hash
          .update(f)
          .update('\0')
          .update(readFileSync(join(out, f)))
          .update('\0');
      const manifest = { version: hash.digest('hex').slice(0, 16), files };
      const source = readFileSync(resolve(config.root, 'src/lib/offline/sw.ts'), 'utf8');
      const { code } = await transformWithOxc(source, 'sw.ts', { lang: 'ts', target: 'es2022' });
      const js = code.replace(/^export \{\};?\s*$/m, '').replace(/= __YANGPU_PRECACHE__;/, `= ${JSON.stringify(manifest)};`);
      if (js.includes('= __YANGPU_PRECACHE__')) throw new Error('sw.ts: the precache placeholder was not replaced');
      writeFileSync(join(out, 'sw.js'), js);
    },
  };
}

export default defineConfig({
  plugins: [svelte(), productionShell()],
  build: {
    target: 'es2022',
    chunkSizeWarningLimit: 1200,
  },
  preview: { port: 4173, strictPort: false, headers: { 'Content-Security-Policy': CSP_HEADER } },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts', 'src/**/*.test.ts'],
          environment: 'node',
          setupFiles: ['tests/support/messages.ts'],
        },
      },
      {
        // Panels and the shell's hosts mounted on their own in a simulated DOM, under the app state they would get.
        extends: true,
        resolve: { conditions: ['browser'] },
        test: {
          name: 'component',
          include: ['tests/component/**/*.test.ts'],
          environment: 'happy-dom',
          setupFiles: ['tests/support/messages.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'browser',
          include: ['tests/browser/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['tests/browser/global-setup.ts'],
          testTimeout: 120_000,
          hookTimeout: 180_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
