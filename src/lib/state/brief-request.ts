/*
 * Which printable brief the app shows, and the link's `brief=` key that carries it: `site:<id>`, `shortlist`,
 * `zone:fv`, `zone:ysp` or `task:<n>`. It lives with the state, which needs it from the first view (the link,
 * AppState); lib/brief/types.ts re-exports it with the rest of the brief's model. Anything else in the key — an
 * unknown kind, a zone the plan does not have, a task outside 1–18, an id with characters a listing's never has —
 * is dropped, so a hostile link opens no brief rather than a broken one.
 */

/** Which brief: what the link's `brief=` key names. */
export type BriefRequest =
  | { kind: 'site'; id: string } // a listing id
  | { kind: 'shortlist' }
  | { kind: 'zone'; id: 'fv' | 'ysp' } // 未来谷 zone-future-valley, 杨数浦 zone-yangshupu-belt
  | { kind: 'task'; n: number }; // 1–18

// A listing's id as the investors' view writes it (see features/invest/link.ts LISTING_ID; the core cannot import it).
const SITE_ID = /^[a-z0-9][a-z0-9:_-]{0,80}$/i;

/** The brief a link's `brief=` value names, or undefined for none (or a value that names none). */
export function parseBrief(raw: string | null | undefined): BriefRequest | undefined {
  if (!raw) return undefined;
  if (raw === 'shortlist') return { kind: 'shortlist' };
  const colon = raw.indexOf(':');
  if (colon < 0) return undefined;
  const kind = raw.slice(0, colon);
  const rest = raw.slice(colon + 1);
  if (kind === 'site') return SITE_ID.test(rest) ? { kind: 'site', id: rest } : undefined;
  if (kind === 'zone') return rest === 'fv' || rest === 'ysp' ? { kind: 'zone', id: rest } : undefined;
  if (kind === 'task' && /^\d{1,2}$/.test(rest)) {
    const n = Number(rest);
    return n >= 1 && n <= 18 ? { kind: 'task', n } : undefined;
  }
  return undefined;
}

/** The `brief=` value of a request (the inverse of {@link parseBrief} for every request it accepts). */
export function formatBrief(request: BriefRequest): string {
  switch (request.kind) {
    case 'site':
      return `site:${request.id}`;
    case 'shortlist':
      return 'shortlist';
    case 'zone':
      return `zone:${request.id}`;
    case 'task':
      return `task:${request.n}`;
  }
}
