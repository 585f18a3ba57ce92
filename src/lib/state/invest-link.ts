/** What a link carries of the investors' view. Absent fields mean "the default". */
export interface InvestLink {
  /** Pinned listing ids. */
  shortlist?: string[];
}

/** Reads the investors' part of a link; undefined when the link has none. */
export function parseInvestLink(q: URLSearchParams): InvestLink | undefined {
  const pins = q.get('pins');
  return pins ? { shortlist: pins.split(',').filter((id) => /^[a-z0-9][a-z0-9:_-]{0,80}$/i.test(id)) } : undefined;
}

/** Writes the investors' part of a link, in a fixed order. */
export function writeInvestLink(state: InvestLink, q: URLSearchParams): void {
  if (state.shortlist?.length) q.set('pins', state.shortlist.join(','));
}
