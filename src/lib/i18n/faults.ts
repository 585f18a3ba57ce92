/** Messages about faults the first view must explain (a missing or broken basemap, a slow network…): Chinese defines the keys. */
export const faultsZh = {} as const;

/** English messages about faults. */
export const faultsEn: Record<keyof typeof faultsZh, string> = {};
