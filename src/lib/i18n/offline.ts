/** Messages about offline use and updates (service worker): Chinese defines the keys. */
export const offlineZh = {} as const;

/** English messages about offline use and updates. */
export const offlineEn: Record<keyof typeof offlineZh, string> = {};
