/**
 * The plan's two zones by the short codes links and briefs use (`brief=zone:fv`, `fzone=ysp`): one table, so that a
 * code means the same zone wherever it is read.
 */
export const ZONE_CODES = { fv: 'zone-future-valley', ysp: 'zone-yangshupu-belt' } as const;
export type ZoneCode = keyof typeof ZONE_CODES;

/** The short code of a zone's plan id; undefined for any other id. */
export const zoneCodeOf = (id: string): ZoneCode | undefined => (Object.keys(ZONE_CODES) as ZoneCode[]).find((code) => ZONE_CODES[code] === id);
