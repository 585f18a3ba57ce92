import { registerMessages, type Message } from '../i18n/index.ts';

/** The embed's own words: they come with its link's chunk, which only the embed page loads. Chinese defines the keys. */
export const embedZh = {
  embedOpenFull: '打开完整地图',
  embedNewTab: '（在新标签页打开）',
} as const;

export const embedEn: Record<keyof typeof embedZh, Message> = {
  embedOpenFull: 'Open the full map',
  embedNewTab: '(opens in a new tab)',
};

declare module '../i18n/index.ts' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface Messages extends Record<keyof typeof embedZh, Message> {}
}
registerMessages({ zh: embedZh, en: embedEn });
