import { registerMessages, type Message } from '../../lib/i18n/index.ts';

/**
 * What the first view says of the dispersion analysis before its chunk loads: its tab and layer group, and the name
 * of a hub site the planner added (the map labels the sites a link brings before the panel's chunk is there).
 * Chinese defines the keys.
 */
export const analysisLabelsZh = {
  'tab.analysis': '分析',
  'group.analysis': '空间分散度分析',
  'analysis.site': '添加点 {n}',
} as const;

/** English, key for key. */
export const analysisLabelsEn: Record<keyof typeof analysisLabelsZh, Message> = {
  'tab.analysis': 'Analysis',
  'group.analysis': 'Dispersion analysis',
  'analysis.site': 'Site {n}',
};

declare module '../../lib/i18n/index.ts' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface Messages extends Record<keyof typeof analysisLabelsZh, Message> {}
}
registerMessages({ zh: analysisLabelsZh, en: analysisLabelsEn });
