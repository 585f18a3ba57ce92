import { registerMessages, type Message } from '../../lib/i18n/index.ts';

/** "Near me"'s panel: loaded with its chunk. Chinese defines the keys. */
export const nearZh = {
  nearIntro: '显示你的位置，以及离你最近的规划地点、地铁站和可用空间（直线距离）。',
  nearPrivacy: '你的位置只在本设备上使用：不发送到任何地方，不写入链接，也不保存。',
  nearLocateButton: '查找我的位置',
  nearLocateAgain: '重新定位',
  nearClear: '清除我的位置',
  nearLocating: '正在获取你的位置……',
  nearLocated: '已定位，精度约 {accuracy}。',
  nearDenied: '浏览器拒绝了定位权限。如需使用“我的附近”，请在浏览器的网站设置中允许本站获取位置；地图的其他功能不受影响。',
  nearUnavailable: '暂时无法获得位置（设备没有定位结果）。请到室外或打开设备的定位服务后再试。',
  nearTimeout: '15 秒内没有获得位置。请稍后重试，或到信号更好的地方。',
  nearUnsupported: '此浏览器在本页无法提供位置（定位需要 HTTPS 连接和支持定位的浏览器）。',
  nearLowAccuracy: '定位精度较低（约 {accuracy}）：下列距离可能有同样大小的误差，最近的地点也可能不同。',
  nearOutside: '你似乎不在杨浦区：距区界约 {distance}。下列地点都在杨浦，距离较远。',
  nearFarAway: '地图没有移到你的位置：它离杨浦太远。',
  nearInside: '你在杨浦区内。',
  nearPlaces: '最近的规划地点',
  nearStations: '最近的地铁站',
  nearListings: '最近的可用空间',
  nearNone: '没有可显示的地点。',
  nearLoading: '正在加载……',
  nearSample: '示例数据',
  nearStraight: '直线距离',
  nearMetres: '{value} 米',
  nearWithin: '你在这些区域内：',
  nearListSeparator: '、',
  nearKm: '{value} 公里',
} as const;

/** English, key for key. */
export const nearEn: Record<keyof typeof nearZh, Message> = {
  nearIntro: 'Shows your position and the plan’s places, metro stations and available spaces nearest to it (straight-line distances).',
  nearPrivacy: 'Your position is used on this device only: it is not sent anywhere, not put in the link, and not stored.',
  nearLocateButton: 'Find my position',
  nearLocateAgain: 'Locate again',
  nearClear: 'Clear my position',
  nearLocating: 'Finding your position…',
  nearLocated: 'Located, to within about {accuracy}.',
  nearDenied:
    'The browser refused the permission to locate you. To use “Near me”, allow this site to use your location in the browser’s site settings; the rest of the map works without it.',
  nearUnavailable: 'No position is available right now (the device has no fix). Try again outdoors, or with the device’s location service on.',
  nearTimeout: 'No position came within 15 seconds. Try again in a moment, or where the signal is better.',
  nearUnsupported: 'This browser cannot give a position on this page (locating needs an HTTPS connection and a browser that supports it).',
  nearLowAccuracy: 'Your position is only known to within about {accuracy}: the distances below may be off by as much, and the nearest places may differ.',
  nearOutside: 'You seem to be outside Yangpu, about {distance} from its boundary. The places below are all in Yangpu, so they are far.',
  nearFarAway: 'The map did not move to your position: it is too far from Yangpu.',
  nearInside: 'You are in Yangpu.',
  nearPlaces: 'Nearest places of the plan',
  nearStations: 'Nearest metro stations',
  nearListings: 'Nearest available space',
  nearNone: 'Nothing to show.',
  nearLoading: 'Loading…',
  nearSample: 'sample data',
  nearStraight: 'straight line',
  nearMetres: '{value} m',
  nearWithin: 'You are within: ',
  nearListSeparator: ', ',
  nearKm: '{value} km',
};

declare module '../../lib/i18n/index.ts' {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type
  interface Messages extends Record<keyof typeof nearZh, Message> {}
}
registerMessages({ zh: nearZh, en: nearEn });
