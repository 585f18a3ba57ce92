import { describe, expect, it } from 'vitest';
import { embedSnippet, embedUrl, fullMapUrl, parseEmbed, withEmbed, withoutEmbed } from '../../src/lib/state/embed.ts';
import { embedEn, embedZh } from '../../src/lib/ui/embed-messages.ts';
import { CSP_HEADER, EMBED_PAGE, embedAncestors, headerRules, headersFor } from '../../vite.config.ts';
import { expectOneLanguage } from '../support/language.ts';

const SITE = 'https://map.example.cn/';
const LINK = '?lang=en&map=14.2/31.2934/121.5123&layers=-metro,zones&sel=plan:zc-changyang-campus&panel=list';

describe('the embed mode read from an address', () => {
  it('is the map alone, the map with its panels, or not an embed', () => {
    expect(parseEmbed('?embed=map&lang=en')).toEqual({ panels: false });
    expect(parseEmbed('?lang=zh&embed=panels')).toEqual({ panels: true });
    for (const search of ['', '?lang=en', '?embed', '?embed=', '?embed=full', '?embed=MAP', '?embedded=map']) expect(parseEmbed(search), search).toBeNull();
  });
});

describe('the embed page’s and the full map’s addresses', () => {
  it('carry the link’s state untouched, with the embed key on the embed page only', () => {
    const url = embedUrl(SITE, LINK, { panels: false });
    expect(url).toBe(`https://map.example.cn/${EMBED_PAGE}?embed=map&${LINK.slice(1)}`);
    expect(embedUrl(SITE, LINK, { panels: true })).toContain('?embed=panels&lang=en&');
    // The app reads back the same mode and the same state.
    expect(parseEmbed(new URL(url).search)).toEqual({ panels: false });
    expect(withoutEmbed(new URL(url).search)).toBe(LINK);
    expect(fullMapUrl(SITE, LINK)).toBe(`https://map.example.cn/${LINK}`);
    // The embed's own address (what its "open the full map" link is made from) loses the key.
    expect(fullMapUrl(SITE, new URL(url).search)).toBe(`https://map.example.cn/${LINK}`);
  });

  it('follow the site’s base path, with or without its slash, and drop a query or fragment the base carries', () => {
    expect(embedUrl('https://x.cn/map/', '?lang=zh', { panels: false })).toBe('https://x.cn/map/embed.html?embed=map&lang=zh');
    expect(embedUrl('https://x.cn/map', '?lang=zh', { panels: false })).toBe('https://x.cn/map/embed.html?embed=map&lang=zh');
    expect(fullMapUrl('https://x.cn/map/?old=1#h', '?lang=zh')).toBe('https://x.cn/map/?lang=zh');
  });

  it('handle an empty link and a link that already has an embed key', () => {
    expect(withEmbed('', { panels: false })).toBe('?embed=map');
    expect(withEmbed('?embed=panels&lang=en', { panels: false })).toBe('?embed=map&lang=en');
    expect(fullMapUrl(SITE, '')).toBe(SITE);
    expect(fullMapUrl(SITE, '?embed=map')).toBe(SITE);
  });
});

describe('the <iframe> snippet', () => {
  const url = embedUrl(SITE, LINK, { panels: false });
  const attrs = (html: string) => Object.fromEntries([...html.matchAll(/ ([a-z]+)="([^"]*)"/g)].map((m) => [m[1]!, m[2]!]));
  const unescape = (v: string) =>
    v
      .replace(/&quot;/g, '"')
      .replace(/&#39;/g, "'")
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&amp;/g, '&');

  it('is one iframe with a title, a size, lazy loading and a referrer policy, and asks for no permission', () => {
    const html = embedSnippet(url, { title: 'Yangpu Innovation Map', width: '640', height: '480' });
    expect(html).toMatch(/^<iframe [^<>]*><\/iframe>$/);
    const a = attrs(html);
    expect(unescape(a.src!)).toBe(url);
    expect(a).toMatchObject({
      title: 'Yangpu Innovation Map',
      width: '640',
      height: '480',
      loading: 'lazy',
      referrerpolicy: 'strict-origin-when-cross-origin',
    });
    expect(html).not.toMatch(/\ballow=|allowfullscreen|sandbox/);
    // The link's own ampersands are escaped in the attribute.
    expect(a.src).toContain('&amp;lang=en');
  });

  it('fills the host’s column at 100% and falls back to the default size for anything that is not a size', () => {
    expect(attrs(embedSnippet(url, { title: 't', width: '100%', height: '600px' }))).toMatchObject({ width: '100%', height: '600' });
    expect(attrs(embedSnippet(url, { title: 't' }))).toMatchObject({ width: '640', height: '480' });
    expect(attrs(embedSnippet(url, { title: 't', width: '" onload="x', height: '0' }))).toMatchObject({ width: '640', height: '480' });
    expect(attrs(embedSnippet(url, { title: 't', width: '250%', height: '480' })).width).toBe('100%');
  });

  it('escapes a hostile title and address, so the text stays one inert iframe', () => {
    const title = `"><script>alert('x')</script><iframe src="//evil" a='`;
    const hostile = `${SITE}${EMBED_PAGE}?embed=map&q="><script>alert(1)</script>'`;
    const html = embedSnippet(hostile, { title, width: '640', height: '480' });
    expect(html).not.toMatch(/<script|"\s*onload|<iframe[^>]*<iframe/i);
    expect(html.match(/</g)).toHaveLength(2);
    expect(html.match(/>/g)).toHaveLength(2);
    const a = attrs(html);
    expect(unescape(a.title!)).toBe(title);
    expect(new URL(unescape(a.src!)).searchParams.get('q')).toBe(`"><script>alert(1)</script>'`);
    expect(attrs(embedSnippet(url, { title: 'two\nlines\t here', width: '1', height: '1' })).title).toBe('two lines here');
  });

  it('refuses an address that is not a web page', () => {
    expect(() => embedSnippet('javascript:alert(1)', { title: 't' })).toThrow(/not a web address/);
    expect(() => embedSnippet('data:text/html,<b>x</b>', { title: 't' })).toThrow(/not a web address/);
  });
});

describe('who may frame which page (the build’s _headers)', () => {
  const rules = headerRules('/', '*');
  const csp = (path: string) => headersFor(rules, path)['Content-Security-Policy'] ?? '';

  it('frames the embed page by the setting, never the app’s page, and keeps the full policy everywhere', () => {
    for (const path of ['/', '/index.html']) {
      expect(csp(path), path).toBe(`${CSP_HEADER}, frame-ancestors 'none'`);
      expect(headersFor(rules, path)['X-Frame-Options'], path).toBe('DENY');
    }
    expect(csp('/embed.html')).toBe(`${CSP_HEADER}, frame-ancestors *`);
    expect(headersFor(rules, '/embed.html')['X-Frame-Options']).toBeUndefined();
    // The base policy has no frame-ancestors of its own: that would be a second list every page must also pass.
    expect(CSP_HEADER).not.toContain('frame-ancestors');
    expect(csp('/assets/index-abc.js')).toBe(CSP_HEADER);
    expect(headerRules('/map/', "'self' https://www.example.cn").find((r) => r.path === '/map/embed.html')?.headers).toContainEqual([
      'Content-Security-Policy',
      "frame-ancestors 'self' https://www.example.cn",
    ]);
  });

  it('takes the setting from YANGPU_EMBED_ANCESTORS, any web page by default, and refuses what is not a source list', () => {
    expect(embedAncestors(undefined)).toBe('*');
    expect(embedAncestors('  ')).toBe('*');
    expect(embedAncestors("'self'   https://www.shyp.gov.cn https://*.example.cn:8443")).toBe("'self' https://www.shyp.gov.cn https://*.example.cn:8443");
    expect(embedAncestors("'none'")).toBe("'none'");
    expect(embedAncestors('https: http:')).toBe('https: http:');
    expect(() => embedAncestors("*; script-src 'unsafe-inline'")).toThrow(/not a frame-ancestors source/);
    expect(() => embedAncestors("*, script-src 'unsafe-inline'")).toThrow(/not a frame-ancestors source/);
    expect(() => embedAncestors("'none' https://a.cn")).toThrow(/must stand alone/);
    expect(() => embedAncestors("'unsafe-inline'")).toThrow();
  });
});

describe('the embed’s words', () => {
  it('keep to their language, key for key', () => expectOneLanguage(embedZh, embedEn));
});
