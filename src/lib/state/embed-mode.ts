/**
 * The embed's mode, read from the link at start-up. Kept apart from embed.ts (the snippet and the URLs the share
 * dialog builds) so that the first view of the full app carries only these few lines.
 */

/** How the map shows inside another site's page: `panels` keeps the sheet and its navigation. */
export interface EmbedMode {
  panels: boolean;
}

/** The query key that turns the app into its embedded variant. */
export const EMBED_KEY = 'embed';

/** `embed=map` → the map alone; `embed=panels` → with the sheet; anything else (absent, empty, unknown) → not embedded. */
export function parseEmbed(search: string): EmbedMode | null {
  const value = new URLSearchParams(search).get(EMBED_KEY);
  if (value === 'map') return { panels: false };
  if (value === 'panels') return { panels: true };
  return null;
}

/**
 * A link's query string without the embed key: `formatLink()` never writes one, but a link read from an address
 * may carry it. String surgery, not URLSearchParams, which would re-encode the `/` and `,` formatLink leaves bare.
 */
export function withoutEmbed(linkSearch: string): string {
  const parts = linkSearch
    .replace(/^\?/, '')
    .split('&')
    .filter((p) => p !== '' && p !== EMBED_KEY && !p.startsWith(`${EMBED_KEY}=`));
  return parts.length ? `?${parts.join('&')}` : '';
}

/** A link's query string as the embed page's address carries it: the embed key first, then the link's state. */
export function withEmbed(linkSearch: string, mode: EmbedMode): string {
  const rest = withoutEmbed(linkSearch);
  return `?${EMBED_KEY}=${mode.panels ? 'panels' : 'map'}${rest ? `&${rest.slice(1)}` : ''}`;
}
