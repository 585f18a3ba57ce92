import { registerMessages, type Message } from '../../lib/i18n/index.ts';

/** What the first view says of the investors' view before its chunk loads: its tab, layer group and loading note. Chinese defines the keys. */
export const investLabelsZh = {
  'tab.invest': '招商',
  'group.invest': '可用空间',
  investLoading: '正在载入房源…',
  // What marks the team's sample on the map: under a cluster's count, and after a listing's name.
  investSampleShort: '示例',
  investSampleSuffix: '（示例）',
} as const;

/** English, key for key. */
export const investLabelsEn: Record<keyof typeof investLabelsZh, Message> = {
  'tab.invest': 'Space',
  'group.invest': 'Available space',
  investLoading: 'Loading listings…',
  investSampleShort: 'sample',
  investSampleSuffix: ' (sample)',
};

declare module '../../lib/i18n/index.ts' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface Messages extends Record<keyof typeof investLabelsZh, Message> {}
}
registerMessages({ zh: investLabelsZh, en: investLabelsEn });
