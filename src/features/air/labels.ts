import { registerMessages, type Message } from '../../lib/i18n/index.ts';

/** What the first view says of the low-altitude feature before its chunk loads: its tab. Chinese defines the keys. */
export const airLabelsZh = {
  'tab.air': '低空',
} as const;

/** English, key for key. */
export const airLabelsEn: Record<keyof typeof airLabelsZh, Message> = {
  'tab.air': 'Drones',
};

declare module '../../lib/i18n/index.ts' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface Messages extends Record<keyof typeof airLabelsZh, Message> {}
}
registerMessages({ zh: airLabelsZh, en: airLabelsEn });
