import { langTag, t, type Lang } from '../i18n/index.ts';
import { light, type ExportPalette } from '../layers/theme.ts';

/** The font stack of every text in the image. */
export const EXPORT_FONT = "'Noto Sans', 'Noto Sans CJK SC', sans-serif";

/** Width of `text` drawn in the CSS `font` shorthand, in CSS pixels. */
export type Measure = (text: string, font: string) => number;

/** Earth's equatorial circumference in metres (the Web Mercator sphere). */
const EARTH_CIRCUMFERENCE = 40075016.686;

/** Ground metres per CSS pixel at `lat` and `zoom`, for MapLibre's 512-pixel tiles. */
export function metersPerPixel(lat: number, zoom: number): number {
  return (EARTH_CIRCUMFERENCE * Math.cos((lat * Math.PI) / 180)) / (512 * 2 ** zoom);
}

export interface ScaleBar {
  meters: number;
  /** Length of the bar in CSS pixels: never more than the maximum asked for. */
  px: number;
  label: string;
}

/** A scale bar label in `lang`: metres below a kilometre, kilometres from there (units from the catalogue). */
export function formatDistance(meters: number, lang: Lang): string {
  return meters >= 1000 ? t(lang, 'unitKm', { value: meters / 1000 }) : t(lang, 'unitM', { value: meters });
}

/**
 * The longest round length (1, 2 or 5 × a power of ten metres: … 100 m, 200 m, 500 m, 1 km, 2 km, 5 km …) whose bar
 * fits in `maxWidthPx`.
 */
export function niceScale(metersPerPx: number, maxWidthPx: number, lang: Lang): ScaleBar {
  if (!(metersPerPx > 0) || !(maxWidthPx > 0)) throw new RangeError(`niceScale: bad arguments ${metersPerPx}, ${maxWidthPx}`);
  // Start one power of ten up: 10 ** floor(log10(x)) can land a hair either side of x.
  for (let exponent = Math.floor(Math.log10(metersPerPx * maxWidthPx)) + 1; ; exponent--) {
    for (const step of [5, 2, 1]) {
      const meters = Number((step * 10 ** exponent).toPrecision(1));
      const px = meters / metersPerPx;
      if (px <= maxWidthPx) return { meters, px, label: formatDistance(meters, lang) };
    }
  }
}

// CJK ideographs and punctuation, kana, hangul and full-width forms: a line may break between any two of them.
const CJK = '\\u2e80-\\u9fff\\uac00-\\ud7af\\uf900-\\ufaff\\ufe30-\\ufe4f\\uff00-\\uffef';
const TOKENS = new RegExp(`[${CJK}]|\\s+|[^\\s${CJK}]+`, 'g');
// Punctuation that must not start a line, and brackets that must not end one.
const NO_LINE_START = /^[，。、；：？！）》〕」』”’,.;:?!)\]]/;
const NO_LINE_END = /[（《〔「『“‘([]$/;

/**
 * Greedy line breaking: at spaces between words and between CJK characters, never before closing punctuation
 * nor after an opening bracket. A word wider than the line is cut between characters. Never returns an empty list.
 */
export function wrapText(text: string, maxWidth: number, font: string, measure: Measure): string[] {
  // Unbreakable units: a word or a CJK character, with closing punctuation glued to what precedes it and an
  // opening bracket to what follows; `space` records whether a space comes before the unit.
  const units: { text: string; space: boolean }[] = [];
  let space = false;
  for (const token of text.match(TOKENS) ?? []) {
    if (/^\s/.test(token)) {
      space = units.length > 0;
      continue;
    }
    const previous = units[units.length - 1];
    if (previous && !space && (NO_LINE_START.test(token) || NO_LINE_END.test(previous.text))) previous.text += token;
    else units.push({ text: token, space });
    space = false;
  }
  const lines: string[] = [];
  let line = '';
  for (const unit of units) {
    const candidate = line ? line + (unit.space ? ' ' : '') + unit.text : unit.text;
    if (!line || measure(candidate, font) <= maxWidth) {
      line = candidate;
    } else {
      lines.push(line);
      line = unit.text;
    }
    // A single unit too long for any line: cut it between characters.
    if (line === unit.text && [...line].length > 1 && measure(line, font) > maxWidth) {
      let cut = '';
      for (const ch of unit.text) {
        if (cut && measure(cut + ch, font) > maxWidth) {
          lines.push(cut);
          cut = '';
        }
        cut += ch;
      }
      line = cut;
    }
  }
  if (line) lines.push(line);
  return lines.length ? lines : [''];
}

/** A line of text the image draws, with its top-left (or top-right, for `align: 'right'`) corner. */
export interface TextLine {
  text: string;
  font: string;
  color: string;
  x: number;
  y: number;
  align: 'left' | 'right';
  /** Line box height: the text is drawn centred in it. */
  height: number;
}

/** The title bar: title (with the date on its right when there is room), then the subtitle, wrapped. */
export function titleLayout(
  texts: { title: string; subtitle: string; date: string },
  width: number,
  measure: Measure,
  colours: ExportPalette = light.export,
): { height: number; lines: TextLine[] } {
  const pad = 12;
  const titleFont = `700 18px ${EXPORT_FONT}`;
  const subFont = `13px ${EXPORT_FONT}`;
  const dateFont = `12px ${EXPORT_FONT}`;
  const inner = width - 2 * pad;
  const lines: TextLine[] = [];
  let y = 8;
  const dateWidth = measure(texts.date, dateFont);
  const dateBeside = measure(texts.title, titleFont) + 24 + dateWidth <= inner;
  const titleWidth = dateBeside ? inner - 24 - dateWidth : inner;
  for (const text of wrapText(texts.title, titleWidth, titleFont, measure)) {
    lines.push({ text, font: titleFont, color: colours.ink, x: pad, y, align: 'left', height: 24 });
    y += 24;
  }
  if (dateBeside) lines.push({ text: texts.date, font: dateFont, color: colours.muted, x: width - pad, y: 8, align: 'right', height: 24 });
  for (const text of texts.subtitle ? wrapText(texts.subtitle, inner, subFont, measure) : []) {
    lines.push({ text, font: subFont, color: colours.subtitle, x: pad, y, align: 'left', height: 18 });
    y += 18;
  }
  if (!dateBeside) {
    for (const text of wrapText(texts.date, inner, dateFont, measure)) {
      lines.push({ text, font: dateFont, color: colours.muted, x: pad, y, align: 'left', height: 17 });
      y += 17;
    }
  }
  return { height: y + 8, lines };
}

/** The attribution strip along the bottom: wrapped, small. */
export function attributionLayout(text: string, width: number, measure: Measure, colours: ExportPalette = light.export): { height: number; lines: TextLine[] } {
  const pad = 8;
  const font = `11px ${EXPORT_FONT}`;
  const lines = wrapText(text, width - 2 * pad, font, measure).map((line, i) => ({
    text: line,
    font,
    color: colours.attribution,
    x: pad,
    y: 4 + i * 15,
    align: 'left' as const,
    height: 15,
  }));
  return { height: lines.length * 15 + 8, lines };
}

/**
 * The attribution line: the basemap's, then what other sources of the style credit, once each, as plain text
 * (a source's attribution may hold HTML; the image shows its text).
 */
export function attributionText(base: string, sourceAttributions: readonly (string | undefined)[]): string {
  const parts: string[] = [];
  for (const raw of [base, ...sourceAttributions]) {
    const text = (raw ?? '')
      .replace(/<[^>]*>/g, '')
      .replace(/&copy;/g, '©')
      .replace(/&amp;/g, '&')
      .replace(/\s+/g, ' ')
      .trim();
    if (text && !parts.some((p) => p.includes(text))) parts.push(text);
  }
  return parts.join(' · ');
}

/** The download's file name, in local time: `yangpu-map-YYYYMMDD-HHMM.png`. */
export function exportFileName(date: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `yangpu-map-${date.getFullYear()}${p(date.getMonth() + 1)}${p(date.getDate())}-${p(date.getHours())}${p(date.getMinutes())}.png`;
}

/** The date and time shown in the title bar, in the language's own format. */
export function formatExportDate(date: Date, lang: Lang): string {
  const when = new Intl.DateTimeFormat(langTag(lang), { dateStyle: 'long', timeStyle: 'short' }).format(date);
  return t(lang, 'exportDate', { date: when });
}
