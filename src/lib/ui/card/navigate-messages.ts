import { registerMessages, type Message } from '../../i18n/index.ts';

/** The words of "navigate there" (card/Navigate.svelte): they come with the cards' chunks. Chinese defines the keys. */
export const navigateZh = {
  navOpen: '导航前往',
  navAmap: '高德地图',
  navBaidu: '百度地图',
  navTencent: '腾讯地图',
  navApple: 'Apple 地图',
  navOsm: 'OpenStreetMap',
  navNewTab: '（在新标签页中打开）',
  navIndicative: '位置为示意，可能偏差 ±{m} 米：到达附近后请以现场标识为准。',
} as const;

export const navigateEn: Record<keyof typeof navigateZh, Message> = {
  navOpen: 'Navigate there',
  navAmap: 'Amap',
  navBaidu: 'Baidu Maps',
  navTencent: 'Tencent Maps',
  navApple: 'Apple Maps',
  navOsm: 'OpenStreetMap',
  navNewTab: ' (opens in a new tab)',
  navIndicative: 'The position is indicative and may be off by ±{m} m: follow the signs on site once you are near.',
};

declare module '../../i18n/index.ts' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface Messages extends Record<keyof typeof navigateZh, Message> {}
}
registerMessages({ zh: navigateZh, en: navigateEn });
