/** Messages about offline use and updates (service worker): Chinese defines the keys. */
export const offlineZh = {
  updateReady: '新版本已就绪，重新加载即可使用。',
  updateActivated: '新版本已在另一个标签页启用，重新加载即可使用。',
  updateReload: '重新加载',
  updateLater: '稍后',
  updateLabel: '网站更新',
} as const;

/** English messages about offline use and updates. */
export const offlineEn: Record<keyof typeof offlineZh, string> = {
  updateReady: 'A new version is ready: reload to use it.',
  updateActivated: 'A new version started in another tab: reload to use it.',
  updateReload: 'Reload',
  updateLater: 'Later',
  updateLabel: 'Site update',
};
