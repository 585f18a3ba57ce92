import { registerMessages, type Message } from '../i18n/index.ts';

/** The share dialog's words (link, QR code, embed code): they come with its chunk. Chinese defines the keys. */
export const shareZh = {
  shareTitle: '分享此视图',
  shareIntro: '链接包含当前视图的一切：地图位置、图层、选中的地点、面板和语言。你的位置不在其中。',
  shareLink: '此视图的链接',
  shareCopy: '复制链接',
  shareCopied: '链接已复制',
  shareQr: '二维码',
  shareQrHint: '用手机相机扫描，在手机上打开同一视图。二维码在本页生成，不经过任何服务器。',
  shareQrLabel: '此视图链接的二维码',
  shareQrTooLong: '此视图的链接太长（{count} 个字符），无法放入二维码；请复制链接。',
  shareQrLow: '链接较长，二维码较密：请靠近扫描。',
  shareEmbed: '嵌入到其他网站',
  shareEmbedIntro: '把下面的代码粘贴到网页中，即可显示此视图的精简地图（图层、位置和选中地点与现在相同），附“打开完整地图”链接和数据来源。',
  shareEmbedPanels: '显示面板（图层、导览等）',
  shareEmbedLang: '语言',
  shareEmbedSize: '大小',
  shareEmbedResponsive: '自适应宽度（100% × 480 像素）',
  shareEmbedFixed: '固定（640 × 480 像素）',
  shareEmbedCode: '嵌入代码',
  shareEmbedCopy: '复制嵌入代码',
  shareEmbedCopied: '嵌入代码已复制',
  shareEmbedPreview: '预览嵌入效果',
  shareEmbedFrameTitle: '张江高新区杨浦园创新地图',
  shareClose: '关闭',
  shareCopyFailed: '无法写入剪贴板：请在上面的框中选中并复制。',
} as const;

/** English, key for key. */
export const shareEn: Record<keyof typeof shareZh, Message> = {
  shareTitle: 'Share this view',
  shareIntro:
    'The link holds everything of this view: where the map is, its layers, the selected place, the panel and the language. Your position is not in it.',
  shareLink: 'Link to this view',
  shareCopy: 'Copy link',
  shareCopied: 'Link copied',
  shareQr: 'QR code',
  shareQrHint: 'Scan it with a phone’s camera to open the same view on the phone. The code is made in this page; no server is asked.',
  shareQrLabel: 'QR code of the link to this view',
  shareQrTooLong: 'The link to this view is too long for a QR code ({count} characters): copy the link instead.',
  shareQrLow: 'A long link makes a dense code: hold the phone close.',
  shareEmbed: 'Embed in another site',
  shareEmbedIntro:
    'Paste the code below into a web page to show a lean map of this view (the same layers, position and selected place), with a link to the full map and the data’s credits.',
  shareEmbedPanels: 'Show the panels (layers, tour and more)',
  shareEmbedLang: 'Language',
  shareEmbedSize: 'Size',
  shareEmbedResponsive: 'Fills the page’s width (100% × 480 px)',
  shareEmbedFixed: 'Fixed (640 × 480 px)',
  shareEmbedCode: 'Embed code',
  shareEmbedCopy: 'Copy embed code',
  shareEmbedCopied: 'Embed code copied',
  shareEmbedPreview: 'Preview the embed',
  shareEmbedFrameTitle: 'Yangpu Innovation Map',
  shareClose: 'Close',
  shareCopyFailed: 'The clipboard refused: select the text in the box above and copy it.',
};

declare module '../i18n/index.ts' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface Messages extends Record<keyof typeof shareZh, Message> {}
}
registerMessages({ zh: shareZh, en: shareEn });
