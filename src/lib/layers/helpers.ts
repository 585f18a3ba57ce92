import type { ExpressionSpecification } from '@maplibre/maplibre-gl-style-spec';
import { otherLang, type Lang } from '../i18n/index.ts';
import type { Theme } from './theme.ts';

/** The label font stack: Latin from the style's font-faces, CJK drawn locally by MapLibre. */
export const FONT = ['Noto Sans Regular'];
const other = otherLang;
export const nameIn = (lang: Lang): ExpressionSpecification => ['get', `name_${lang}`];

/** A label in the reader's language with the other language on a second, smaller line. */
export function bilingualLabel(lang: Lang): ExpressionSpecification {
  return [
    'case',
    ['all', ['has', `name_${other(lang)}`], ['!=', ['get', `name_${other(lang)}`], '']],
    ['format', nameIn(lang), {}, '\n', {}, ['get', `name_${other(lang)}`], { 'font-scale': 0.8 }],
    ['format', ['coalesce', nameIn(lang), ['get', 'name_zh']], {}],
  ];
}

export const labelPaint = (theme: Theme, color = theme.label) => ({
  'text-color': color,
  'text-halo-color': theme.halo,
  'text-halo-width': 1.5,
});
