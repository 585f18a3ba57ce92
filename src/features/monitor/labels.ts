import { registerMessages, type Message } from '../../lib/i18n/index.ts';

/** What the first view says of the plan monitor before its chunk loads: its tab and layer group. Chinese defines the keys. */
export const monitorLabelsZh = {
  'tab.monitor': '监测',
  'group.monitor': '方案监测',
} as const;

/** English, key for key. */
export const monitorLabelsEn: Record<keyof typeof monitorLabelsZh, Message> = {
  'tab.monitor': 'Monitor',
  'group.monitor': 'Plan monitor',
};

declare module '../../lib/i18n/index.ts' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface Messages extends Record<keyof typeof monitorLabelsZh, Message> {}
}
registerMessages({ zh: monitorLabelsZh, en: monitorLabelsEn });
