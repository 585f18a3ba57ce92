import { t } from './messages.ts';
import { numberLocale, type Lang } from '../../lib/i18n/index.ts';
import { formatFigure } from './overlay.ts';
import type { Indicator } from './types.ts';

const locale = numberLocale;

/** A growth rate with its sign ("+12.3%", "−4%"). */
export function formatRate(rate: number, lang: Lang): string {
  return new Intl.NumberFormat(locale(lang), { style: 'percent', maximumFractionDigits: 1, signDisplay: 'exceptZero' }).format(rate);
}

/** A share of a target ("85.7%"). */
export function formatShare(share: number, lang: Lang): string {
  return new Intl.NumberFormat(locale(lang), { style: 'percent', maximumFractionDigits: 1 }).format(share);
}

/** An indicator's figure with its unit. */
export const figure = (ind: Indicator, value: number, lang: Lang): string => formatFigure(value, ind.unit, lang);

/** What the plan asks of an indicator by 2026, in words. */
export function targetWords(ind: Indicator, lang: Lang): string {
  const target = ind.target;
  switch (target.kind) {
    case 'at-least':
      return t(lang, 'mvTargetAtLeast', { value: figure(ind, target.value, lang) });
    case 'at-most':
      return t(lang, 'mvTargetAtMost', { value: figure(ind, target.value, lang) });
    case 'growth':
      return t(lang, 'mvTargetGrowth');
    case 'none':
      return t(lang, 'mvTargetNone');
  }
}
