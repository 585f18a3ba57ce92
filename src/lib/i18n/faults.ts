/**
 * Messages about faults the first view must explain (a missing or broken basemap, a slow network or device…), and the
 * labels of the map's own controls: Chinese defines the keys.
 */
export const faultsZh = {
  faultTitle: '底图无法显示',
  faultMissing: '网站上找不到底图文件（HTTP 404）。',
  faultHttp: '服务器拒绝提供底图（HTTP {status}）。',
  faultNetwork: '网络中断，底图没有下载完成。',
  faultCorrupt: '底图文件已损坏或不完整，无法读取。',
  faultBrowser: '这个浏览器无法解压底图文件（缺少 DecompressionStream）。请更新浏览器。',
  faultChanged: '底图在加载过程中被服务器更新了，请重试。',
  faultNoRange: '网站服务器不支持分段下载（HTTP Range 请求），而底图需要它；底图有 {size}，超过整体下载的上限 {limit}。请网站管理员开启 Range 请求。',
  faultNoRangeUnknown: '网站服务器不支持分段下载（HTTP Range 请求），而底图需要它；服务器没有说明文件大小，底图未整体下载。请网站管理员开启 Range 请求。',
  faultStillWorks: '规划图层、搜索、列表和各面板仍可正常使用。',
  faultRetry: '重新加载底图',
  faultServedWhole:
    '网站服务器不支持分段下载（HTTP Range 请求），底图已一次性整体下载（{size}）。地图可以正常使用，但首次打开较慢；请网站管理员开启 Range 请求。',
  faultSlowNetwork: '地图仍在加载…网络较慢。搜索和各面板现在就可以使用。',
  faultSlowDevice: '地图仍在加载…这台设备正忙于绘制地图。搜索和各面板现在就可以使用。',
  faultTiles: '部分地图瓦片无法显示（{count} 块），地图其余部分正常。',
  faultDetail: '技术细节',
  faultMapError: '地图出现错误：{reason}。其余功能仍可使用。',
  faultMapCode: '地图程序未能下载（{reason}），请检查网络后重新加载页面。其余功能仍可使用。',
  faultReload: '重新加载页面',
  mapZoomIn: '放大',
  mapZoomOut: '缩小',
  mapCompass: '拖动可旋转地图，点击恢复正北',
  mapCredits: '显示或隐藏地图的数据来源',
} as const;
