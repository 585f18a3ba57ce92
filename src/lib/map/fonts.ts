/**
 * Where every map of the site (the live map, the import's side-by-side readings, a brief's excerpt) draws Chinese
 * labels from: the reader's own CJK fonts (Debian's `fonts-noto-cjk` on the test machines), never glyphs fetched
 * from elsewhere. Latin labels come from the style's self-hosted font.
 */
export const IDEOGRAPH_FONTS = "'Noto Sans CJK SC', 'Noto Sans SC', 'PingFang SC', 'Microsoft YaHei', sans-serif";
