import { withEmbed, withoutEmbed, type EmbedMode } from './embed-mode.ts';

export { EMBED_KEY, parseEmbed, withEmbed, withoutEmbed, type EmbedMode } from './embed-mode.ts';

/**
 * The embed page is a file of its own (`embed.html`), not a query on the app's page: hosts set headers by path
 * and cannot match a query string, and only the embed page may be framed by other sites (docs/hosting.md).
 */
export const EMBED_PAGE = 'embed.html';

/** The iframe's size when the person embedding it chooses nothing, and the one that fills the host's column. */
export const EMBED_SIZE = { width: '640', height: '480' } as const;
export const EMBED_RESPONSIVE = { width: '100%', height: '480' } as const;

// `siteBase` is the site's origin and base path (`https://map.example.cn/`, `https://x.cn/map/`): any query or
// fragment goes, and a base given without its trailing slash still names a folder.
function base(siteBase: string): URL {
  const url = new URL(siteBase);
  url.search = '';
  url.hash = '';
  if (!url.pathname.endsWith('/')) url.pathname += '/';
  return url;
}

/** The embed page showing the view of `linkSearch` (the app's `formatLink()` output) in `mode`. */
export function embedUrl(siteBase: string, linkSearch: string, mode: EmbedMode): string {
  return `${new URL(EMBED_PAGE, base(siteBase)).href}${withEmbed(linkSearch, mode)}`;
}

/** The same view in the full app (the embed's "open the full map" link). */
export function fullMapUrl(siteBase: string, linkSearch: string): string {
  return `${base(siteBase).href}${withoutEmbed(linkSearch)}`;
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const attr = (value: string): string => value.replace(/[&<>"']/g, (c) => ESCAPES[c]!);

// An HTML width or height: pixels (a bare number, or with `px`, which the attribute does not take) or a percentage.
function dimension(value: string | undefined, fallback: string): string {
  const m = /^\s*(\d{1,5})(px|%)?\s*$/.exec(value ?? '');
  if (!m || Number(m[1]) === 0) return fallback;
  return m[2] === '%' ? `${Math.min(Number(m[1]), 100)}%` : m[1]!;
}

/**
 * The `<iframe>` someone pastes into their page, as text to copy (never inserted as HTML here). Every attribute is
 * escaped; `title` names the frame for screen readers; `loading="lazy"` spares a page whose map is far down; the
 * referrer is cut to the host's origin. No `allow="geolocation"`: the embed has no locate button. A width or height
 * that is not pixels or a percentage falls back to the default size.
 */
export function embedSnippet(url: string, opts: { title: string; width?: string; height?: string }): string {
  const parsed = new URL(url);
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') throw new Error(`embedSnippet: not a web address: ${url}`);
  const title = opts.title.replace(/\s+/g, ' ').trim();
  const width = dimension(opts.width, EMBED_SIZE.width);
  const height = dimension(opts.height, EMBED_SIZE.height);
  return (
    `<iframe src="${attr(parsed.href)}" title="${attr(title)}" width="${attr(width)}" height="${attr(height)}"` +
    ` style="border: 0; max-width: 100%" loading="lazy" referrerpolicy="strict-origin-when-cross-origin"></iframe>`
  );
}
