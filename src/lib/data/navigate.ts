import gcoord from 'gcoord';

/*
 * Links that hand a place to a map app. The map's data is WGS-84; the Chinese services draw their maps in GCJ-02
 * (Amap, Tencent) or BD-09 (Baidu), so a link with WGS-84 numbers lands about 480 m (GCJ-02) or 1.1 km (BD-09) off
 * in Yangpu. Each link carries the position converted with gcoord to the system its service expects, and names
 * that system wherever the service takes a parameter for it. The formats follow each service's own URI documentation:
 *
 * - Amap, "单点标注" (marker): https://lbs.amap.com/api/uri-api/guide/mobile-web/point
 *   position=lon,lat (longitude first), name, src, coordinate=gaode (GCJ-02), callnative=1 (a phone opens the
 *   installed app; the parameter "仅在移动端有效", so a desktop browser shows the web map).
 * - Baidu, "地图标点功能" (marker): https://lbsyun.baidu.com/docs/webapi?title=mapadjustment%2Furi%2Fweb
 *   location=lat,lng (latitude first), title and content (both required), output=html (required on the web),
 *   coord_type=bd09ll, src=webapp.companyName.appName (required: "不传此参数，不保证服务").
 * - Tencent, "自定义标注" (marker): https://lbs.qq.com/webApi/uriV1/uriGuide/uriWebMarker
 *   marker=coord:lat,lng;title:…;addr:… (latitude first; title and addr required), coord_type=2 (Tencent's own
 *   coordinates, i.e. GCJ-02), referer (required: the caller's name).
 * - Apple Maps, "Map Links":
 *   https://developer.apple.com/library/archive/featuredarticles/iPhoneURLScheme_Reference/MapLinks/MapLinks.html
 *   ll=lat,lng and q as its label ("q can also be used as a label if the location is explicitly defined in the ll
 *   parameter"); there is no parameter for the datum. In China Apple Maps draws AutoNavi's (Amap's) data in GCJ-02,
 *   so the position goes in GCJ-02 too (outside China gcoord leaves it as it is, as Apple expects there). The
 *   link is an https URL that iOS and macOS open in the Maps app.
 * - OpenStreetMap: https://wiki.openstreetmap.org/wiki/Template:BrowseMapWithMarker (mlat/mlon for the marker,
 *   #map=zoom/lat/lon for the view). OSM is WGS-84, like this map; it has no parameter for a name.
 *
 * The apps have schemes of their own too (amapuri://, baidumap://, qqmap://), but a custom scheme does nothing
 * without the app; the https links above work everywhere and, where the service offers it, hand over to the app.
 */

/** The services a place can be handed to, in the order the card offers them (the Chinese apps first: the place is in Shanghai). */
export const NAV_SERVICES = ['amap', 'baidu', 'tencent', 'apple', 'osm'] as const;
export type NavService = (typeof NAV_SERVICES)[number];

/** The coordinate system each service is sent. */
export const NAV_CRS: Readonly<Record<NavService, 'GCJ02' | 'BD09' | 'WGS84'>> = {
  amap: 'GCJ02',
  baidu: 'BD09',
  tencent: 'GCJ02',
  apple: 'GCJ02',
  osm: 'WGS84',
};

/** A place to hand over: its WGS-84 position and its name (the address, when known, fills the services' detail line). */
export interface NavPlace {
  lon: number;
  lat: number;
  name: string;
  address?: string;
}

/** Options of {@link navigationLinks}. */
export interface NavOptions {
  /** Which services, in this order (default: all of {@link NAV_SERVICES}). */
  services?: readonly NavService[];
  /** Who is calling, for the services that ask (Amap `src`, Tencent `referer`; Baidu gets `webapp.<org>.<app>` from it). */
  source?: string;
  /** The zoom of the OpenStreetMap view (default 17). */
  zoom?: number;
}

export interface NavLink {
  service: NavService;
  href: string;
}

const DEFAULT_SOURCE = 'yangpu-innovation-map';
/** Longest name or address sent: enough for any real one, and it keeps a link short enough to share. */
const MAX_TEXT = 120;

/**
 * Links that open each service at `place`, the position converted to the system that service expects. Throws on
 * a position that is not a finite longitude and latitude. The input is not changed.
 */
export function navigationLinks(place: Readonly<NavPlace>, options: NavOptions = {}): NavLink[] {
  const { services = NAV_SERVICES, source = DEFAULT_SOURCE, zoom = 17 } = options;
  const { lon, lat } = place;
  if (!Number.isFinite(lon) || !Number.isFinite(lat) || Math.abs(lon) > 180 || Math.abs(lat) > 90)
    throw new Error(`navigationLinks: position must be a longitude and a latitude, got ${String(lon)}, ${String(lat)}`);
  const name = cleanText(place.name) || `${fixed(lat)},${fixed(lon)}`;
  const address = cleanText(place.address ?? '') || name;
  const src = cleanSource(source);
  return services.map((service) => ({ service, href: BUILDERS[service]({ lon, lat, name, address, src, zoom }) }));
}

/** `[lon, lat]` of a WGS-84 position in `crs` (a new array). */
export function convertFromWgs84(lon: number, lat: number, crs: 'GCJ02' | 'BD09' | 'WGS84'): [number, number] {
  if (crs === 'WGS84') return [lon, lat];
  const [x, y] = gcoord.transform([lon, lat], gcoord.WGS84, crs === 'GCJ02' ? gcoord.GCJ02 : gcoord.BD09);
  return [x!, y!];
}

interface Parts {
  lon: number;
  lat: number;
  name: string;
  address: string;
  src: string;
  zoom: number;
}

const BUILDERS: Record<NavService, (p: Parts) => string> = {
  amap: (p) => {
    const [x, y] = convertFromWgs84(p.lon, p.lat, NAV_CRS.amap);
    return `https://uri.amap.com/marker?position=${fixed(x)},${fixed(y)}&name=${enc(p.name)}&src=${enc(p.src)}&coordinate=gaode&callnative=1`;
  },
  baidu: (p) => {
    const [x, y] = convertFromWgs84(p.lon, p.lat, NAV_CRS.baidu);
    return (
      `https://api.map.baidu.com/marker?location=${fixed(y)},${fixed(x)}&title=${enc(p.name)}&content=${enc(p.address)}` +
      `&output=html&coord_type=bd09ll&src=${enc(baiduSource(p.src))}`
    );
  },
  tencent: (p) => {
    const [x, y] = convertFromWgs84(p.lon, p.lat, NAV_CRS.tencent);
    // The marker's own syntax splits on ";" and ":" (and "|" between markers) after the URL is decoded, so those
    // characters in a name become their full-width forms rather than ending the title early.
    const marker = `coord:${fixed(y)},${fixed(x)};title:${markerText(p.name)};addr:${markerText(p.address)}`;
    return `https://apis.map.qq.com/uri/v1/marker?marker=${enc(marker)}&coord_type=2&referer=${enc(p.src)}`;
  },
  apple: (p) => {
    const [x, y] = convertFromWgs84(p.lon, p.lat, NAV_CRS.apple);
    return `https://maps.apple.com/?ll=${fixed(y)},${fixed(x)}&q=${enc(p.name)}`;
  },
  osm: (p) => {
    const zoom = Math.min(19, Math.max(1, Math.round(p.zoom)));
    return `https://www.openstreetmap.org/?mlat=${fixed(p.lat)}&mlon=${fixed(p.lon)}#map=${zoom}/${fixed(p.lat)}/${fixed(p.lon)}`;
  },
};

/** Six decimals: about 0.1 m, finer than any of the services draws. */
const fixed = (v: number) => v.toFixed(6);
/** Every reserved character escaped, the quote and brackets encodeURIComponent keeps included (RFC 3986). */
const enc = (s: string) => encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

/** One line of text: control characters and runs of white space become one space, and it is cut to a sane length. */
function cleanText(s: string): string {
  const line = s.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029\s]+/g, ' ').trim();
  return [...line].slice(0, MAX_TEXT).join('');
}

const markerText = (s: string) => s.replace(/;/g, '；').replace(/:/g, '：').replace(/\|/g, '｜');

/** Baidu's `src` has a shape of its own: "webapp.companyName.appName". */
function baiduSource(src: string): string {
  const [company = 'yangpu', ...rest] = src.split(/[^A-Za-z0-9]+/).filter(Boolean);
  return `webapp.${company}.${rest.join('') || 'map'}`;
}

function cleanSource(s: string): string {
  const id = s.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^-+|-+$/g, '');
  return id || DEFAULT_SOURCE;
}
