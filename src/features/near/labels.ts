import { registerMessages, type Message } from '../../lib/i18n/index.ts';

/** What the first view says of "near me" before its chunk loads: its panel's title and its map button. Chinese defines the keys. */
export const nearLabelsZh = {
  'tab.near': '我的附近',
  nearLocate: '定位：显示我的位置和附近地点',
} as const;

/** English, key for key. */
export const nearLabelsEn: Record<keyof typeof nearLabelsZh, Message> = {
  'tab.near': 'Near me',
  nearLocate: 'Locate me: show my position and what is near',
};

declare module '../../lib/i18n/index.ts' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface Messages extends Record<keyof typeof nearLabelsZh, Message> {}
}
registerMessages({ zh: nearLabelsZh, en: nearLabelsEn });
