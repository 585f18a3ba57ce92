import { registerMessages, type Message } from '../../lib/i18n/index.ts';

/** What the first view says of the dispersion analysis before its chunk loads: its tab and layer group. Chinese defines the keys. */
export const analysisLabelsZh = {
  'tab.analysis': '分析',
  'group.analysis': '空间分散度分析',
} as const;

/** English, key for key. */
export const analysisLabelsEn: Record<keyof typeof analysisLabelsZh, Message> = {
  'tab.analysis': 'Analysis',
  'group.analysis': 'Dispersion analysis',
};

declare module '../../lib/i18n/index.ts' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface Messages extends Record<keyof typeof analysisLabelsZh, Message> {}
}
registerMessages({ zh: analysisLabelsZh, en: analysisLabelsEn });
