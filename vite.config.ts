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

const policy = (d: Record<string, string[]>): string =>
  Object.entries(d)
    .map(([k, v]) => `${k} ${v.join(' ')}`)
    .join('; ');

/** The policy every response carries in its `Content-Security-Policy` header (and index.html's <meta>). */
export const CSP_HEADER = policy(CSP_DIRECTIVES);

/**
 * Who may frame the embed page (`embed.html`): a deployment setting, a CSP `frame-ancestors` source list, from
 * YANGPU_EMBED_ANCESTORS at build time (docs/hosting.md). The default `*` admits any web page: in CSP3 a bare `*`
 * matches every http: and https: ancestor (not file:, data: or an app's own scheme, which no site is). A list of
 * origins (`'self' https://www.shyp.gov.cn https://*.example.cn`) narrows it; `'none'` turns embedding off.
 */
export function embedAncestors(setting = process.env.YANGPU_EMBED_ANCESTORS): string {
  const value = (setting ?? '').trim().replace(/\s+/g, ' ') || '*';
  // One source expression per token; a `;` or `,` would smuggle in another directive or policy.
  const source = /^(\*|'self'|'none'|[a-z][a-z0-9+.-]*:|([a-z][a-z0-9+.-]*:\/\/)?(\*\.)?[a-z0-9.-]+(:(\d+|\*))?(\/[^\s;,]*)?)$/i;
  const bad = value.split(' ').filter((t) => !source.test(t));
  if (bad.length) throw new Error(`YANGPU_EMBED_ANCESTORS: not a frame-ancestors source: ${bad.join(' ')}`);
  if (value.includes("'none'") && value !== "'none'") throw new Error("YANGPU_EMBED_ANCESTORS: 'none' must stand alone");
  return value;
}

/**
 * The build's second page: the lean map other sites put in an <iframe> (`?embed=map|panels`, src/lib/state/embed.ts).
 * The same app as index.html, in a file of its own because hosts set headers, and with them who may frame a page,
 * by path. It is index.html as built (not a second Rolldown input: two entries of one module split the first view's
 * code into many chunks), marked `noindex`, and `vite dev` serves index.html under its name.
 */
export const EMBED_PAGE = 'embed.html';

/**
 * The response headers per path, as `_headers` gives them to hosts (docs/hosting.md). Hosts merge every rule a path
 * matches and join a header named twice with a comma, and two CSPs joined so are two policies, both enforced: so
 * the full policy sits on every path without frame-ancestors, and each page adds a policy of frame-ancestors alone
 * (the app's page may not be framed at all; the embed page by the configured ancestors). Only a header can carry
 * frame-ancestors (browsers ignore it in a <meta>). Each path gets exactly one Cache-Control.
 */
export function headerRules(base: string, ancestors = embedAncestors()): { path: string; headers: [string, string][] }[] {
  const deny: [string, string][] = [
    ['Content-Security-Policy', "frame-ancestors 'none'"],
    ['X-Frame-Options', 'DENY'],
  ];
  return [
    {
      path: `${base}*`,
      headers: [
        ['Content-Security-Policy', CSP_HEADER],
        ['X-Content-Type-Options', 'nosniff'],
        ['Referrer-Policy', 'strict-origin-when-cross-origin'],
      ],
    },
    { path: `${base}assets/*`, headers: [['Cache-Control', 'public, max-age=31536000, immutable']] },
    { path: base, headers: [...deny, ['Cache-Control', 'no-cache']] },
    { path: `${base}index.html`, headers: [...deny, ['Cache-Control', 'no-cache']] },
    {
      path: `${base}${EMBED_PAGE}`,
      headers: [
        ['Content-Security-Policy', `frame-ancestors ${ancestors}`],
        ['Cache-Control', 'no-cache'],
      ],
    },
    ...[`${base}sw.js`, `${base}favicon.svg`, `${base}data/*`, `${base}tiles/*`].map((path) => ({
      path,
      headers: [['Cache-Control', 'no-cache']] as [string, string][],
    })),
  ];
}

/** The headers a host sends for `path` under `rules`: every matching rule's, a repeated name joined with `, `. */
export function headersFor(rules: ReturnType<typeof headerRules>, path: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const rule of rules) {
    const match = rule.path.endsWith('*') ? path.startsWith(rule.path.slice(0, -1)) : path === rule.path;
    if (match) for (const [k, v] of rule.headers) out[k] = out[k] ? `${out[k]}, ${v}` : v;
  }
  return out;
}

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
    // Right after <meta charset> (which must stay first), before any script or stylesheet; in both pages.
    transformIndexHtml(html) {
      const meta = `<meta http-equiv="Content-Security-Policy" content="${policy(CSP_DIRECTIVES)}" />`;
      const out = html.replace(/(<meta charset="[^"]*"\s*\/?>)/i, `$1\n    ${meta}`);
      if (out === html) throw new Error('a page without <meta charset> to put the CSP after');
      return out;
    },
    generateBundle: {
      // After Vite has written index.html into the bundle.
      order: 'post',
      handler(_options, bundle) {
        const page = bundle['index.html'];
        if (page?.type !== 'asset') throw new Error('no index.html in the bundle to make embed.html of');
        const html = String(page.source);
        const embed = html.replace(/(\s*)<title>/, '$1<meta name="robots" content="noindex" />$1<title>');
        if (embed === html) throw new Error('index.html: no <title> to put the embed page’s robots <meta> before');
        this.emitFile({ type: 'asset', fileName: EMBED_PAGE, source: embed });
        this.emitFile({
          type: 'asset',
          fileName: '_headers',
          source: [...headerRules(config.base).flatMap((r) => [r.path, ...r.headers.map(([k, v]) => `  ${k}: ${v}`)]), ''].join('\n'),
        });
      },
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

/** `vite dev` answers the embed page with the app's page; `vite preview` sends `_headers`' headers by path, as a host would. */
function previewHeaders(): Plugin {
  return {
    name: 'yangpu-preview-headers',
    configureServer(server) {
      server.middlewares.use((req, _res, next) => {
        if (req.url && new URL(req.url, 'http://x').pathname === `${server.config.base}${EMBED_PAGE}`) req.url = req.url.replace(EMBED_PAGE, 'index.html');
        next();
      });
    },
    configurePreviewServer(server) {
      const rules = headerRules(server.config.base);
      server.middlewares.use((req, res, next) => {
        const path = new URL(req.url ?? '/', 'http://x').pathname;
        for (const [k, v] of Object.entries(headersFor(rules, path))) if (k !== 'Cache-Control') res.setHeader(k, v);
        next();
      });
    },
  };
}

export default defineConfig({
  plugins: [svelte(), productionShell(), previewHeaders()],
  // pmtiles imports fflate only for browsers without DecompressionStream; the site unpacks with its own
  // (src/lib/map/decompress.ts), so the first view does not carry the fallback (src/lib/map/no-fflate.ts).
  resolve: { alias: { fflate: resolve(import.meta.dirname, 'src/lib/map/no-fflate.ts') } },
  build: {
    target: 'es2022',
    chunkSizeWarningLimit: 1200,
  },
  preview: { port: 4173, strictPort: false },
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
